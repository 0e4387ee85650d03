/**
 * Project files around the migrated code, as a plan the CLI applies (or shows with `--dry`):
 * `trigger.config.ts` when missing, the v2 client file and adapter routes removed when nothing
 * needs them any more (else reduced and marked), `package.json` with `--update-deps`, `.env*`
 * variable renames with `--update-env` (values are never read into a message).
 */
import { existsSync, readdirSync } from "node:fs";
import { basename, dirname, extname, join, resolve } from "node:path";
import { ts } from "ts-morph";
import { isTriggerDevSource, type SdkMajor } from "../catalog/packages.js";
import { ENV_VAR_RENAMES } from "../catalog/tasks.js";
import { findParseProblem } from "../cli/reparse.js";
import { parserForFile } from "../codemod/parser.js";
import { reduceAdapterFile } from "./adapter-file.js";
import { reduceClientFile } from "./client-file.js";
import { usesOfModule, type ModuleImporters } from "./client-importers.js";
import { CONFIG_FILE_NAMES, taskDirs, triggerConfigText } from "./config-file.js";
import { declaresV2Sdk, dependencyChanges, updateDependencies, type DependencyChanges } from "./package-json.js";
import { TsconfigLocator } from "./tsconfig.js";
import type { ProjectIndex } from "./types.js";

export interface PlannedCreate {
  path: string;
  text: string;
  reason: string;
}
export interface PlannedDelete {
  path: string;
  reason: string;
}
export interface PlannedEdit {
  path: string;
  before: string;
  after: string;
  reason: string;
  /** The text may hold secrets (`.env*`): show the reason only, never the diff. */
  sensitive?: boolean;
}

/**
 * package.json against what the task API needs: `updated` by `--update-deps` (the edit is in
 * `edits`), `pending` (left for the user), or `current` (nothing to change, or a project with no
 * v2 code or v2 dependency, which this tool has no business upgrading).
 */
export interface DependencyPlan {
  path: string;
  changes: DependencyChanges;
  state: "updated" | "pending" | "current";
}

export interface EnvRename {
  path: string;
  from: string;
  to: string;
  renamed: boolean;
}

/** A planned output that was dropped because it would not parse (a bug of ours, never written). */
export interface PlanProblem {
  path: string;
  message: string;
}

export interface ProjectPlan {
  creates: PlannedCreate[];
  deletes: PlannedDelete[];
  edits: PlannedEdit[];
  /** v2 variable names in `.env*` files: renamed by `--update-env` (an edit), or left for the user. */
  envRenames: EnvRename[];
  /** The project's trigger.config file, when the project has jobs: created by this plan, or already there. */
  config?: { path: string; created: boolean };
  dependencies?: DependencyPlan;
  /** Outputs left out because they would not re-parse; the files stay as the transforms left them. */
  rejected: PlanProblem[];
}

export interface ProjectPlanInput {
  index: ProjectIndex;
  /** Every source file the CLI discovered (absolute paths). */
  files: readonly string[];
  /** A file's text after the transforms (the migrated text when changed), undefined when missing. */
  readText(path: string): string | undefined;
  target: SdkMajor;
  /** Where to look for the project root when no job tells us (usually the cwd). */
  fallbackRoot: string;
  updateDeps: boolean;
  updateEnv: boolean;
}

export function planProjectFiles(input: ProjectPlanInput): ProjectPlan {
  const plan: ProjectPlan = { creates: [], deletes: [], edits: [], envRenames: [], rejected: [] };
  const planned = new Map<string, string>();
  const originals = new Map<string, string | undefined>();
  const textOf = (path: string): string | undefined => {
    if (planned.has(path)) return planned.get(path);
    if (!originals.has(path)) originals.set(path, input.readText(path));
    return originals.get(path);
  };
  /** Plans an edit of a source file when its result re-parses; false when it was rejected or changes nothing. */
  const edit = (path: string, text: string): boolean => {
    if (textOf(path) === text || !parses(path, text, plan)) return false;
    planned.set(path, text);
    return true;
  };
  const reasons = new Map<string, string>();
  const deleted = new Set<string>();

  const jobFiles = [...new Set(input.index.jobs.map((job) => job.file))];
  const root = projectRoot(jobFiles[0] ?? input.fallbackRoot);

  // 1. trigger.config.ts
  const existingConfig = CONFIG_FILE_NAMES.map((name) => join(root, name)).find((path) => existsSync(path));
  if (jobFiles.length > 0 && existingConfig === undefined) {
    const path = join(root, "trigger.config.ts");
    const text = triggerConfigText(input.target, taskDirs(root, jobFiles));
    if (parses(path, text, plan)) {
      plan.creates.push({ path, text, reason: "the task API reads its settings from trigger.config.ts" });
      plan.config = { path, created: true };
    }
  } else if (existingConfig !== undefined) {
    plan.config = { path: existingConfig, created: false };
  }

  // Who still imports a module, with imports of it that nothing references dropped (`reason` on those edits).
  const locator = new TsconfigLocator();
  const importersOf = (target: string, reason: string): ModuleImporters => {
    let files = 0;
    let names: ModuleImporters["names"] = new Set<string>();
    for (const file of input.files) {
      if (file === target || deleted.has(file)) continue;
      const text = textOf(file);
      if (text === undefined || !mightImport(text, target)) continue;
      const use = usesOfModule(text, file, (specifier) => resolvesTo(specifier, file, target, locator));
      if (use.text !== text && edit(file, use.text)) reasons.set(file, reasons.get(file) ?? reason);
      if (!use.imports) continue;
      files++;
      names = mergeNames(names, use.names);
    }
    return { files, names };
  };

  // 2. adapter routes: gone when they only served the v2 client
  for (const file of input.index.adapterFiles) {
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
  for (const clientFile of input.index.clientFiles) {
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

  // 4. package.json
  const manifestPath = join(root, "package.json");
  const manifest = existsSync(manifestPath) ? textOf(manifestPath) : undefined;
  if (manifest !== undefined) {
    const changes = dependencyChanges(manifest, input.target);
    const updated = updateDependencies(manifest, input.target);
    const migrating = jobFiles.length > 0 || (changes !== undefined && changes.remove.length > 0) || declaresV2Sdk(manifest);
    // undefined although packages are listed: the edit could not be made safely, so it is the user's.
    const differs = updated !== undefined || (changes !== undefined && changes.addDev.length + changes.remove.length > 0);
    if (changes) {
      const state = !migrating || !differs ? "current" : input.updateDeps && updated !== undefined ? "updated" : "pending";
      plan.dependencies = { path: manifestPath, changes, state };
      if (state === "updated" && updated !== undefined) {
        edit(manifestPath, updated);
        reasons.set(manifestPath, "dependencies updated (--update-deps)");
      }
    }
  }

  // 5. .env files: names only, never values
  for (const envFile of envFiles(root)) {
    const text = textOf(envFile);
    if (text === undefined) continue;
    let renamed = text;
    for (const [from, to] of Object.entries(ENV_VAR_RENAMES)) {
      const pattern = new RegExp(`^(\\s*(?:export\\s+)?)${from}(?=\\s*=)`, "gm");
      if (!pattern.test(text)) continue;
      plan.envRenames.push({ path: envFile, from, to, renamed: input.updateEnv });
      if (input.updateEnv) renamed = renamed.replace(pattern, `$1${to}`);
    }
    if (renamed !== text) {
      planned.set(envFile, renamed);
      reasons.set(envFile, "environment variables renamed (--update-env)");
    }
  }

  for (const [path, after] of planned) {
    if (deleted.has(path)) continue;
    const before = originals.get(path) ?? "";
    plan.edits.push({ path, before, after, reason: reasons.get(path) ?? "updated", ...(basename(path).startsWith(".env") ? { sensitive: true } : {}) });
  }
  return plan;
}

/** The last gate: a planned source text must parse, else it is recorded as rejected and not written. */
export function parses(path: string, text: string, plan: Pick<ProjectPlan, "rejected">): boolean {
  if (!parserForFile(path)) return true;
  const problem = findParseProblem(text, path);
  if (!problem) return true;
  const where = problem.line !== undefined ? ` at ${problem.line}:${problem.column ?? 0}` : "";
  plan.rejected.push({ path, message: `project step left out: its output would not parse (${problem.message}${where}); please report this` });
  return false;
}

function mergeNames(a: ModuleImporters["names"], b: ModuleImporters["names"]): ModuleImporters["names"] {
  return a === "all" || b === "all" ? "all" : new Set([...a, ...b]);
}

/** The folder of the nearest package.json above a file (else the file's folder). */
function projectRoot(from: string): string {
  let dir = existsSync(from) && !extname(from) ? from : dirname(from);
  for (;;) {
    if (existsSync(join(dir, "package.json"))) return dir;
    const parent = dirname(dir);
    if (parent === dir) return existsSync(from) && !extname(from) ? from : dirname(from);
    dir = parent;
  }
}

function envFiles(root: string): string[] {
  try {
    return readdirSync(root)
      .filter((name) => name === ".env" || name.startsWith(".env."))
      .map((name) => join(root, name))
      .sort();
  } catch {
    return [];
  }
}

/** A cheap test before parsing: does the text name the client module anywhere in a string? */
function mightImport(text: string, target: string): boolean {
  const stem = basename(target).replace(/\.[^.]+$/, "");
  const name = stem === "index" ? basename(dirname(target)) : stem;
  return new RegExp(`["'][^"'\\n]*\\b${name.replace(/[.*+?^${}()|[\]\\]/g, "\\$&")}(?:\\.[mc]?[jt]sx?)?["']`).test(text);
}

function resolvesTo(specifier: string, from: string, target: string, locator: TsconfigLocator): boolean {
  if (isTriggerDevSource(specifier)) return false;
  const resolved = ts.resolveModuleName(specifier, from, locator.forFile(from).options, ts.sys).resolvedModule;
  return resolved !== undefined && resolve(resolved.resolvedFileName) === target;
}
