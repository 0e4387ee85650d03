/**
 * Steps 2 and 3 of the project plan (files.ts), the ones that need TypeScript's module resolution:
 * v2 adapter routes go when they only served the v2 client, then the v2 client's unused imports,
 * the client, and its file when nothing imports it any more. A module of its own so that a
 * project without client or adapter files never loads ts-morph.
 */
import { basename, dirname, resolve } from "node:path";
import { ts } from "ts-morph";
import { isTriggerDevSource } from "../catalog/packages.js";
import { discoverFiles } from "../cli/discover.js";
import { escapeRegExp } from "../regexp.js";
import { reduceAdapterFile } from "./adapter-file.js";
import { reduceClientFile } from "./client-file.js";
import { usesOfModule, type ModuleImporters } from "./client-importers.js";
import type { ProjectPlan } from "./files.js";
import { TsconfigLocator } from "./tsconfig.js";
import type { ProjectIndex } from "./types.js";

/** The plan being built, and the helpers files.ts plans edits with. */
export interface V2FilesPlanning {
  index: ProjectIndex;
  /** Every source file the CLI discovered (absolute paths). */
  files: readonly string[];
  /** The project's folder (nearest package.json): importers are searched in all of it. */
  root: string;
  plan: ProjectPlan;
  /** A file's current planned text. */
  textOf(path: string): string | undefined;
  /** Plans an edit when its result re-parses; false when it was rejected or changes nothing. */
  edit(path: string, text: string): boolean;
  /** Why each edited file changes. */
  reasons: Map<string, string>;
  /** Files the plan deletes. */
  deleted: Set<string>;
}

export function planV2Files({ index, files: discovered, root, plan, textOf, edit, reasons, deleted }: V2FilesPlanning): void {
  // A run over part of the project (`trigger-v3-migrate jobs trigger.ts`) must still see an
  // importer elsewhere before it removes the client: search the whole project, .gitignore respected.
  // Files outside the run are read, never edited (not even an import that was already unused).
  const inRun = new Set(discovered);
  const inputFiles = [...new Set([...discovered, ...discoverFiles([root], { cwd: root, ignorePatterns: [] }).files])];
  // Who still imports a module, with imports of it that nothing references dropped (`reason` on those edits).
  const locator = new TsconfigLocator();
  const importersOf = (target: string, reason: string): ModuleImporters => {
    let files = 0;
    let names: ModuleImporters["names"] = new Set<string>();
    for (const file of inputFiles) {
      if (file === target || deleted.has(file)) continue;
      const text = textOf(file);
      if (text === undefined || !mightImport(text, target)) continue;
      const use = usesOfModule(text, file, (specifier) => resolvesTo(specifier, file, target, locator));
      if (!inRun.has(file)) {
        // Not ours to edit: any import of the module, used or not, keeps all of it.
        if (use.imports || use.text !== text) {
          files++;
          names = "all";
        }
        continue;
      }
      if (use.text !== text && edit(file, use.text)) reasons.set(file, reasons.get(file) ?? reason);
      if (!use.imports) continue;
      files++;
      names = mergeNames(names, use.names);
    }
    return { files, names };
  };

  // 2. adapter routes: gone when they only served the v2 client
  for (const file of index.adapterFiles) {
    const text = textOf(file);
    if (text === undefined) continue;
    const result = reduceAdapterFile(text, file, importersOf(file, "unused import of a v2 adapter removed"));
    if (result.kind === "delete") {
      deleted.add(file);
      plan.deletes.push({ path: file, reason: "v2 adapter route: the task API needs no endpoint in your app" });
    } else if (result.kind === "edit" && edit(file, result.text)) {
      reasons.set(file, result.adapterRemoved ? "v2 adapter removed" : "v2 adapter still used: marked");
    }
  }

  // 3. the v2 client: unused imports of it go, then the client, then the file when nothing imports it
  for (const clientFile of index.clientFiles) {
    if (deleted.has(clientFile)) continue;
    const importers = importersOf(clientFile, "unused import of the v2 client removed");
    const text = textOf(clientFile);
    if (text === undefined) continue;
    const result = reduceClientFile(text, clientFile, importers);
    if (result.kind === "delete") {
      deleted.add(clientFile);
      plan.deletes.push({ path: clientFile, reason: "v2 TriggerClient: nothing imports it after the migration" });
    } else if (result.kind === "edit" && edit(clientFile, result.text)) {
      reasons.set(clientFile, result.clientRemoved ? "v2 TriggerClient removed" : "v2 TriggerClient still used: marked");
    }
  }
}

function mergeNames(a: ModuleImporters["names"], b: ModuleImporters["names"]): ModuleImporters["names"] {
  return a === "all" || b === "all" ? "all" : new Set([...a, ...b]);
}

/**
 * How a specifier that reaches `target` must end: its stem (`trigger`, `trigger.js`), or for an
 * `index` file its folder's name. Path aliases keep the last segment (`@/trigger`); one that
 * renames it (`"@client": ["src/trigger.ts"]`) is not recognised, here and in `mightImport` alike.
 */
function targetNamePattern(target: string): string {
  const stem = basename(target).replace(/\.[^.]+$/, "");
  const name = stem === "index" ? basename(dirname(target)) : stem;
  return `\\b${escapeRegExp(name)}(?:\\.[mc]?[jt]sx?)?`;
}

/** A cheap test before parsing: does the text name the module anywhere in a string? */
function mightImport(text: string, target: string): boolean {
  return new RegExp(`["'][^"'\\n]*${targetNamePattern(target)}["']`).test(text);
}

/**
 * Does `specifier`, imported from `from`, reach `target`? A specifier that names the target but
 * resolves nowhere (`@/trigger` under a bundler alias that tsconfig does not declare) counts too
 * when both files share a tsconfig (or both have none): the file may well import the client, and
 * deleting the client under it would break the build. Across projects of a monorepo it does not.
 */
function resolvesTo(specifier: string, from: string, target: string, locator: TsconfigLocator): boolean {
  if (isTriggerDevSource(specifier)) return false;
  // Module resolution probes the file system (node_modules up the tree for `zod`): only for a specifier that can name the target.
  if (!new RegExp(`${targetNamePattern(target)}$`).test(specifier)) return false;
  const resolved = ts.resolveModuleName(specifier, from, locator.forFile(from).options, ts.sys).resolvedModule;
  if (resolved) return resolve(resolved.resolvedFileName) === target;
  return locator.find(dirname(from)) === locator.find(dirname(target));
}
