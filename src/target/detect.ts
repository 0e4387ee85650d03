/**
 * Which SDK major (3 or 4) a file is written for.
 *
 * Order: an explicit setting (`--target`, ESLint `settings["trigger-dev"].sdkVersion`); else the
 * installed `@trigger.dev/sdk` resolved from the file's directory; else the range declared in the
 * nearest package.json that declares it; else 4 (what `npm i @trigger.dev/sdk` installs today).
 * A project still on 2.x is being migrated, so 2.x counts as "not decided": the default wins.
 */
import { readFileSync } from "node:fs";
import { dirname, join, parse as parsePath, resolve } from "node:path";
import semver from "semver";
import { SDK_PACKAGE, type SdkMajor } from "../catalog/packages.js";

export const DEFAULT_TARGET: SdkMajor = 4;

export type TargetSource = "explicit" | "installed" | "declared" | "default";

export interface TargetResolution {
  major: SdkMajor;
  source: TargetSource;
  /** The package.json that decided it, when one did. */
  file?: string;
}

export type TargetSetting = SdkMajor | "detect" | undefined;

export interface TargetDetectorOptions {
  /** Called once per broken package.json (bad JSON); never throws. */
  warn?: (message: string) => void;
}

type JsonReadResult = { ok: true; value: Record<string, unknown> } | { ok: false; missing: boolean };

/** A task-API major from a concrete version or range, or undefined for 2.x and unknowns. */
export function majorFromVersionOrRange(spec: string): SdkMajor | undefined {
  const text = spec.trim();
  // pnpm/yarn `workspace:^3.3.0` carries a range; `workspace:*`, `^`, `~` defer to the installed package.
  if (text.startsWith("workspace:")) {
    const inner = text.slice("workspace:".length);
    return inner === "*" || inner === "^" || inner === "~" ? undefined : majorFromVersionOrRange(inner);
  }
  if (text === "" || text.startsWith("file:") || text.startsWith("link:") || text.startsWith("git") || text.includes("://")) {
    return undefined;
  }
  if (text === "latest" || text === "*" || text === "x") return DEFAULT_TARGET;
  // npm aliases: "npm:@trigger.dev/sdk@^3.3.0"; without a version npm installs `latest`.
  const alias = /^npm:@?[^@]+(?:@(.+))?$/.exec(text);
  if (alias) return majorFromVersionOrRange(alias[1] ?? "latest");
  const exact = semver.valid(text);
  const min = exact ?? (semver.validRange(text) ? semver.minVersion(text)?.version : undefined);
  if (!min) return undefined;
  const major = semver.major(min);
  if (major === 3) return 3;
  if (major >= 4) return 4;
  return undefined; // 0.x-2.x: the v2 SDK, being migrated away from
}

/**
 * Resolves the target per directory with a cache, so linting thousands of files reads each
 * package.json at most once.
 */
export class TargetDetector {
  private readonly byDirectory = new Map<string, TargetResolution>();
  private readonly jsonCache = new Map<string, JsonReadResult>();
  private readonly warned = new Set<string>();
  private readonly warn: (message: string) => void;

  constructor(options: TargetDetectorOptions = {}) {
    this.warn = options.warn ?? ((message) => process.emitWarning(message, { code: "TRIGGER_V3_MIGRATE_PACKAGE_JSON" }));
  }

  /** The target for a file path (or a directory when `isDirectory`). */
  resolve(path: string, setting: TargetSetting = "detect", isDirectory = false): TargetResolution {
    if (setting === 3 || setting === 4) return { major: setting, source: "explicit" };
    const directory = isDirectory ? resolve(path) : dirname(resolve(path));
    return this.resolveDirectory(directory);
  }

  private resolveDirectory(directory: string): TargetResolution {
    const cached = this.byDirectory.get(directory);
    if (cached) return cached;
    const result = this.installedFrom(directory) ?? this.declaredFrom(directory) ?? { major: DEFAULT_TARGET, source: "default" };
    this.byDirectory.set(directory, result);
    return result;
  }

  /** The installed SDK, found the way Node resolves it: node_modules in each ancestor. */
  private installedFrom(start: string): TargetResolution | undefined {
    for (const directory of ancestors(start)) {
      const file = join(directory, "node_modules", SDK_PACKAGE, "package.json");
      const json = this.readJson(file);
      if (!json.ok) continue;
      const version = json.value["version"];
      if (typeof version !== "string") continue;
      const major = majorFromVersionOrRange(version);
      // An installed 2.x SDK decides nothing: the project is being migrated.
      return major ? { major, source: "installed", file } : undefined;
    }
    return undefined;
  }

  /** The nearest package.json that declares the SDK (monorepos: a package, then the root). */
  private declaredFrom(start: string): TargetResolution | undefined {
    for (const directory of ancestors(start)) {
      const file = join(directory, "package.json");
      const json = this.readJson(file);
      if (!json.ok) continue;
      const range = declaredRange(json.value);
      if (range === undefined) continue;
      const major = majorFromVersionOrRange(range);
      if (major) return { major, source: "declared", file };
      // `workspace:*` or 2.x: keep looking further up, a root may say more.
    }
    return undefined;
  }

  private readJson(file: string): JsonReadResult {
    const cached = this.jsonCache.get(file);
    if (cached) return cached;
    let result: JsonReadResult;
    let text: string | undefined;
    try {
      text = readFileSync(file, "utf8");
    } catch {
      result = { ok: false, missing: true };
    }
    if (text !== undefined) {
      try {
        // npm tolerates a byte order mark (editors on Windows add one); JSON.parse does not.
        const value: unknown = JSON.parse(text.replace(/^\uFEFF/, ""));
        result = value && typeof value === "object" && !Array.isArray(value) ? { ok: true, value: value as Record<string, unknown> } : { ok: false, missing: false };
      } catch (error) {
        result = { ok: false, missing: false };
        if (!this.warned.has(file)) {
          this.warned.add(file);
          this.warn(`trigger-v3-migrate: ignoring ${file}: ${(error as Error).message}`);
        }
      }
    }
    this.jsonCache.set(file, result!);
    return result!;
  }
}

function declaredRange(pkg: Record<string, unknown>): string | undefined {
  for (const field of ["dependencies", "devDependencies", "peerDependencies", "optionalDependencies"]) {
    const deps = pkg[field];
    if (deps && typeof deps === "object") {
      const range = (deps as Record<string, unknown>)[SDK_PACKAGE];
      if (typeof range === "string") return range;
    }
  }
  return undefined;
}

function* ancestors(start: string): Generator<string> {
  let directory = start;
  const { root } = parsePath(directory);
  while (true) {
    yield directory;
    if (directory === root) return;
    const parent = dirname(directory);
    if (parent === directory) return;
    directory = parent;
  }
}

/** A process-wide detector (ESLint creates rules per file; the cache must outlive them). */
export const sharedTargetDetector = new TargetDetector();

/** Parse a user-supplied target (`--target`, ESLint setting). Returns undefined when invalid. */
export function parseTargetSetting(value: unknown): TargetSetting | undefined {
  if (value === undefined || value === "detect") return "detect";
  if (value === 3 || value === "3") return 3;
  if (value === 4 || value === "4") return 4;
  return undefined;
}
