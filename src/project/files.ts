/**
 * Project files around the migrated code, as a plan the CLI applies (or shows with `--dry`):
 * `trigger.config.ts` when missing, the v2 client file and adapter routes removed when nothing
 * needs them any more (else reduced and marked), `package.json` with `--update-deps`, `.env*`
 * variable renames with `--update-env` (values are never read into a message).
 */
import { existsSync, readdirSync } from "node:fs";
import { basename, dirname, extname, join } from "node:path";
import type { SdkMajor } from "../catalog/packages.js";
import { ENV_VAR_RENAMES } from "../catalog/tasks.js";
import { findParseProblem } from "../cli/reparse.js";
import { parserForFile } from "../codemod/parser.js";
import { CONFIG_FILE_NAMES, taskDirs, triggerConfigText } from "./config-file.js";
import { declaresV2Sdk, dependencyChanges, updateDependencies, type DependencyChanges } from "./package-json.js";
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
  /** The files that hold the project's jobs (the index's, or the run's when the index left them to it). */
  jobFiles: readonly string[];
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

export async function planProjectFiles(input: ProjectPlanInput): Promise<ProjectPlan> {
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

  const { jobFiles } = input;
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

  // 2-3. adapter routes and the v2 client: the only steps that need TypeScript (module resolution),
  // loaded only when the index found such a file.
  if (input.index.adapterFiles.length + input.index.clientFiles.length > 0) {
    const { planV2Files } = await import("./v2-files.js");
    planV2Files({ index: input.index, files: input.files, root, plan, textOf, edit, reasons, deleted });
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


