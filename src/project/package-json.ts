/**
 * `--update-deps`: a minimal textual edit of package.json that keeps its formatting (indentation,
 * key order, line endings): set the SDK range, add the dev dependencies, drop v2-only packages.
 * The result is parsed back and checked; anything unexpected leaves the file alone.
 */
import semver from "semver";
import { SDK_PACKAGE, SDK_RANGE_FOR_TARGET, TASK_API_DEV_PACKAGES, V2_ONLY_PACKAGES, type SdkMajor } from "../catalog/packages.js";

export interface DependencyChanges {
  setSdk: string;
  addDev: string[];
  remove: string[];
}

type Manifest = { dependencies?: Record<string, string>; devDependencies?: Record<string, string>; [key: string]: unknown };

/** What `--update-deps` would change (also the summary's next steps without the flag). */
export function dependencyChanges(text: string, target: SdkMajor): DependencyChanges | undefined {
  const manifest = parse(text);
  if (!manifest) return undefined;
  const all = { ...manifest.dependencies, ...manifest.devDependencies };
  return {
    setSdk: SDK_RANGE_FOR_TARGET[target],
    addDev: TASK_API_DEV_PACKAGES.filter((name) => all[name] === undefined),
    remove: V2_ONLY_PACKAGES.filter((name) => all[name] !== undefined),
  };
}

/** True when package.json declares a v2 `@trigger.dev/sdk` (a range whose lowest version is 2.x or below). */
export function declaresV2Sdk(text: string): boolean {
  const manifest = parse(text);
  const range = manifest?.dependencies?.[SDK_PACKAGE] ?? manifest?.devDependencies?.[SDK_PACKAGE];
  if (range === undefined || semver.validRange(range) === null) return false;
  const lowest = semver.minVersion(range);
  return lowest !== null && lowest.major < 3;
}

/** The changes as one clause for a next step: "set @trigger.dev/sdk to ^4.8.3, add ... (dev), remove ...". */
export function describeDependencyChanges(changes: DependencyChanges): string {
  const parts = [`set ${SDK_PACKAGE} to ${changes.setSdk}`];
  if (changes.addDev.length > 0) parts.push(`add ${changes.addDev.join(" and ")} as dev dependencies`);
  if (changes.remove.length > 0) parts.push(`remove ${changes.remove.join(" and ")}`);
  return parts.join(", ");
}

/** The edited text, or undefined when nothing changes or the edit could not be made safely. */
export function updateDependencies(text: string, target: SdkMajor): string | undefined {
  const changes = dependencyChanges(text, target);
  if (!changes) return undefined;
  const eol = text.includes("\r\n") ? "\r\n" : "\n";
  const lines = text.split(/\r?\n/);
  for (const name of changes.remove) removeEntry(lines, name);
  const sdkLine = lines.findIndex((line) => entryKey(line) === SDK_PACKAGE);
  if (sdkLine >= 0) lines[sdkLine] = lines[sdkLine]!.replace(/:(\s*)"[^"]*"/, `:$1"${changes.setSdk}"`);
  else addEntry(lines, "dependencies", SDK_PACKAGE, changes.setSdk);
  for (const name of changes.addDev) addEntry(lines, "devDependencies", name, changes.setSdk);
  const next = lines.join(eol);
  if (next === text) return undefined;
  const manifest = parse(next);
  const sdk = manifest?.dependencies?.[SDK_PACKAGE] ?? manifest?.devDependencies?.[SDK_PACKAGE];
  const removedAll = changes.remove.every((name) => manifest?.dependencies?.[name] === undefined && manifest?.devDependencies?.[name] === undefined);
  const addedAll = changes.addDev.every((name) => manifest?.devDependencies?.[name] === changes.setSdk);
  return manifest && sdk === changes.setSdk && removedAll && addedAll ? next : undefined;
}

function parse(text: string): Manifest | undefined {
  try {
    const value: unknown = JSON.parse(text.replace(/^\uFEFF/, ""));
    return typeof value === "object" && value !== null ? (value as Manifest) : undefined;
  } catch {
    return undefined;
  }
}

/** The key of a `"key": "value",` line (one entry per line, as npm writes it). */
function entryKey(line: string): string | undefined {
  return /^\s*"([^"]+)"\s*:\s*"[^"]*",?\s*$/.exec(line)?.[1];
}

/** Removes an entry line; when it was the last of its object, the entry before loses its comma. */
function removeEntry(lines: string[], name: string): void {
  const index = lines.findIndex((line) => entryKey(line) === name);
  if (index === -1) return;
  const wasLast = !lines[index]!.trimEnd().endsWith(",");
  lines.splice(index, 1);
  const previous = index - 1;
  if (wasLast && previous >= 0 && lines[previous]!.trimEnd().endsWith(",") && entryKey(lines[previous]!) !== undefined) {
    lines[previous] = lines[previous]!.replace(/,(\s*)$/, "$1");
  }
}

/** Adds `"name": "range"` to a section in alphabetical position (the section is created when missing). */
function addEntry(lines: string[], section: string, name: string, range: string): void {
  const open = lines.findIndex((line) => new RegExp(`^\\s*"${section}"\\s*:\\s*\\{\\s*$`).test(line));
  if (open === -1) {
    addSection(lines, section, name, range);
    return;
  }
  const close = lines.findIndex((line, index) => index > open && /^\s*}/.test(line));
  if (close === -1) return;
  const sectionIndent = /^\s*/.exec(lines[open]!)![0];
  const entries = lines.slice(open + 1, close);
  const indent = entries.length > 0 ? /^\s*/.exec(entries[0]!)![0] : sectionIndent + sectionIndent;
  const before = entries.findIndex((line) => (entryKey(line) ?? "") > name);
  if (before >= 0) {
    lines.splice(open + 1 + before, 0, `${indent}"${name}": "${range}",`);
    return;
  }
  if (entries.length > 0) lines[close - 1] = lines[close - 1]!.replace(/\s*$/, ",");
  lines.splice(close, 0, `${indent}"${name}": "${range}"`);
}

/** A new section right after `dependencies` (or at the end of the object). */
function addSection(lines: string[], section: string, name: string, range: string): void {
  const dependencies = lines.findIndex((line) => /^\s*"dependencies"\s*:\s*\{\s*$/.test(line));
  const close = dependencies === -1 ? -1 : lines.findIndex((line, index) => index > dependencies && /^\s*}/.test(line));
  if (close === -1) return;
  const indent = /^\s*/.exec(lines[close]!)![0];
  const hadComma = lines[close]!.trimEnd().endsWith(",");
  if (!hadComma) lines[close] = `${lines[close]!.trimEnd()},`;
  lines.splice(close + 1, 0, `${indent}"${section}": {`, `${indent}${indent}"${name}": "${range}"`, `${indent}}${hadComma ? "," : ""}`);
}
