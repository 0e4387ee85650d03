/**
 * What a run tells its user: one-line problems, the summary with next steps, and the `--json`
 * document (schemaVersion 1; documented in docs/cli.md, so change it only with a new version).
 */
import { dirname, isAbsolute, relative, sep } from "node:path";
import { TODO_MARKER } from "../catalog/markers.js";
import { SDK_PACKAGE, SDK_RANGE_FOR_TARGET, TASK_API_DEV_PACKAGES, V2_PACKAGE_REPLACEMENTS, type SdkMajor } from "../catalog/packages.js";
import { findTodoMarkers } from "../codemod/todo.js";
import { dependencyNote, describeProjectPlan, envNotes } from "../project/apply.js";
import type { ProjectPlan } from "../project/files.js";
import type { Colors } from "./colors.js";
import type { FileReport, FileStatus } from "./runner.js";

export const JSON_SCHEMA_VERSION = 1;

/** How many TODO lines the human summary lists before pointing at grep. */
const TODO_LINES_SHOWN = 50;

const INIT_COMMAND = "npx trigger.dev@latest init";
const DEV_COMMAND = "npx trigger.dev@latest dev";

/** More task folders than this are summarised by their common ancestor. */
const MAX_TASK_DIRECTORIES = 5;

export interface RunResult {
  cwd: string;
  reports: readonly FileReport[];
  /** Transforms that were selected to run, in order. */
  transforms: readonly string[];
  target: SdkMajor | "detect";
  mode: "write" | "dry" | "check" | "print";
  written: boolean;
  interrupted: boolean;
  durationMs: number;
}

/**
 * The whole-project plan (src/project) as the summary needs it: what was (or would be) created,
 * deleted and edited, so the next steps list only what is left to do.
 */
export interface ProjectOutcome {
  plan: ProjectPlan;
  applied: boolean;
}

export interface Counts {
  scanned: number;
  changed: number;
  unchanged: number;
  skipped: number;
  errors: number;
  todos: number;
}

export interface NextSteps {
  removePackages: { name: string; replacement?: string }[];
  addPackages: string[];
  addDevPackages: string[];
  /** Folders holding migrated tasks, for `dirs` in trigger.config.ts. */
  taskDirectories: string[];
  commands: string[];
}

export function countReports(reports: readonly FileReport[]): Counts {
  const counts: Counts = { scanned: reports.length, changed: 0, unchanged: 0, skipped: 0, errors: 0, todos: 0 };
  const key: Record<FileStatus, "changed" | "unchanged" | "skipped" | "errors"> = { changed: "changed", unchanged: "unchanged", skipped: "skipped", error: "errors" };
  for (const report of reports) {
    counts[key[report.status]]++;
    counts.todos += report.todos.length;
  }
  return counts;
}

/** A path as the user should see it: relative to the cwd, with forward slashes. */
export function displayPath(path: string, cwd: string): string {
  const fromCwd = relative(cwd, path);
  const shown = fromCwd === "" ? "." : isAbsolute(fromCwd) ? path : fromCwd;
  return shown.split(sep).join("/");
}

/** `path:line:column: reason` (position when known), one line, no stack. */
export function problemLine(report: FileReport, cwd: string): string | undefined {
  const path = displayPath(report.path, cwd);
  if (report.status === "skipped") return `${path}: skipped: ${report.reason ?? "unknown reason"}`;
  if (report.status !== "error" || !report.error) return undefined;
  const { line, column, message } = report.error;
  const position = line !== undefined ? `:${line}${column !== undefined ? `:${column}` : ""}` : "";
  return `${path}${position}: ${message}`;
}

export function nextSteps(run: RunResult): NextSteps {
  const removed = new Set<string>();
  const targets = new Set<SdkMajor>();
  const directories = new Set<string>();
  for (const report of run.reports) {
    for (const name of report.v2Packages) removed.add(name);
    if (report.status !== "changed") continue;
    if (report.target) targets.add(report.target);
    if (report.transforms.includes("define-job")) directories.add(dirname(report.path));
  }
  const anyWork = removed.size > 0 || run.reports.some((report) => report.status === "changed");
  if (!anyWork) return { removePackages: [], addPackages: [], addDevPackages: [], taskDirectories: [], commands: [] };
  if (targets.size === 0) targets.add(run.target === "detect" ? 4 : run.target);
  return {
    removePackages: [...removed].sort().map((name) => ({ name, ...(V2_PACKAGE_REPLACEMENTS[name] ? { replacement: V2_PACKAGE_REPLACEMENTS[name] } : {}) })),
    addPackages: [...targets].sort().map((major) => `${SDK_PACKAGE}@${SDK_RANGE_FOR_TARGET[major]}`),
    addDevPackages: [...TASK_API_DEV_PACKAGES],
    taskDirectories: collapseDirectories([...directories]).map((directory) => configDirectory(directory, run.cwd)),
    commands: [INIT_COMMAND, DEV_COMMAND],
  };
}

/** Task folders for `dirs`: nested ones dropped, and one common ancestor when there are many. */
function collapseDirectories(directories: string[]): string[] {
  const sorted = [...new Set(directories)].sort();
  const outer = sorted.filter((directory) => !sorted.some((other) => other !== directory && directory.startsWith(other + sep)));
  if (outer.length <= MAX_TASK_DIRECTORIES) return outer;
  let common = outer[0]!;
  while (!outer.every((directory) => directory === common || directory.startsWith(common + sep))) {
    const parent = dirname(common);
    if (parent === common) break;
    common = parent;
  }
  return [common];
}

/** How trigger.config.ts `dirs` spells a folder: "./jobs", ".", "../shared/jobs". */
function configDirectory(directory: string, cwd: string): string {
  const shown = displayPath(directory, cwd);
  return shown === "." || shown.startsWith("../") || isAbsolute(shown) ? shown : `./${shown}`;
}

export function formatSummary(run: RunResult, colors: Colors, project?: ProjectOutcome): string {
  const counts = countReports(run.reports);
  const shown = (path: string): string => displayPath(path, run.cwd);
  // Markers in files the plan created (trigger.config.ts's project ref) are the user's too.
  const todos = [
    ...run.reports.flatMap((report) => report.todos.map((todo) => ({ path: shown(report.path), ...todo }))),
    ...(project?.plan.creates ?? []).flatMap((create) => findTodoMarkers(create.text).map((marker) => ({ path: shown(create.path), ...marker }))),
  ];
  const lines: string[] = [];
  const title = run.written ? "trigger-v3-migrate" : `trigger-v3-migrate (${run.mode} run: nothing written)`;
  lines.push(colors.bold(title) + (run.interrupted ? colors.yellow("  interrupted: files not reached were left as they were") : ""));
  const changedLabel = run.written ? "changed" : "would change";
  const rows: [string, number | string, (text: string) => string][] = [
    ["scanned", counts.scanned, (t) => t],
    [changedLabel, counts.changed, counts.changed > 0 ? colors.green : (t) => t],
    ["unchanged", counts.unchanged, (t) => t],
    ["skipped", counts.skipped, counts.skipped > 0 ? colors.yellow : (t) => t],
    ["errors", counts.errors, counts.errors > 0 ? colors.red : (t) => t],
    ["TODOs", todos.length, todos.length > 0 ? colors.yellow : (t) => t],
    ["time", `${(run.durationMs / 1000).toFixed(2)}s`, (t) => t],
  ];
  for (const [label, value, paint] of rows) lines.push(`  ${label.padEnd(13)}${paint(String(value))}`);

  const projectLines = project ? describeProjectPlan(project.plan, shown, project.applied) : [];
  if (projectLines.length > 0) lines.push("", colors.bold("Project files:"), ...projectLines.map((line) => `  ${line}`));

  if (todos.length > 0) {
    lines.push("", colors.bold(`Left for a human (${TODO_MARKER}):`));
    for (const todo of todos.slice(0, TODO_LINES_SHOWN)) lines.push(`  ${todo.path}:${todo.line}  ${todo.message}`);
    if (todos.length > TODO_LINES_SHOWN) lines.push(`  ... and ${todos.length - TODO_LINES_SHOWN} more: grep -rn "${TODO_MARKER}" .`);
  }

  const steps = project ? projectNextSteps(run, project, todos.length) : formatNextSteps(nextSteps(run), todos.length);
  const projectChanged = projectLines.length > 0;
  if (steps.length > 0) lines.push("", colors.bold("Next steps:"), ...steps.map((step, index) => `  ${index + 1}. ${step}`));
  else if (counts.changed === 0 && counts.errors === 0 && !projectChanged) lines.push("", "Nothing to migrate.");
  return lines.join("\n");
}

function formatNextSteps(steps: NextSteps, todoCount: number): string[] {
  if (steps.addPackages.length === 0) return [];
  return [...packageSteps(steps), configStep(steps), ...todoStep(todoCount), devStep()];
}

/**
 * Next steps after a whole-project run: the plan already created trigger.config.ts, removed the
 * v2 client and routes, and (with --update-deps) edited package.json, so only what is left shows.
 */
function projectNextSteps(run: RunResult, project: ProjectOutcome, todoCount: number): string[] {
  const steps = nextSteps(run);
  const { plan } = project;
  const shown = (path: string): string => displayPath(path, run.cwd);
  const out: string[] = [];
  const dependencies = plan.dependencies;
  if (dependencies === undefined) {
    // No package.json found: say what the code needs.
    if (steps.addPackages.length > 0) out.push(...packageSteps(steps));
  } else {
    const pending = dependencyNote(plan, shown);
    if (pending) out.push(`Update ${pending}`);
    if (dependencies.state === "updated") out.push(`Install what ${shown(dependencies.path)} now lists (\`npm install\`, or your package manager's install)`);
    const removed = new Set([...steps.removePackages.map((p) => p.name), ...(dependencies.state === "current" ? [] : dependencies.changes.remove)]);
    const replacements = [...removed].sort().flatMap((name) => {
      const replacement = V2_PACKAGE_REPLACEMENTS[name];
      // `@trigger.dev/cli` -> `trigger.dev`: a dev package the step above already adds.
      return replacement && !TASK_API_DEV_PACKAGES.includes(replacement.split(" ")[0]!) ? [`${replacement} (replaces ${name})`] : [];
    });
    if (replacements.length > 0) out.push(`Add the official packages that replace v2 integrations: ${replacements.join(", ")}`);
  }
  // The plan creates trigger.config.ts whenever the project has jobs and none; this is the rest.
  if (plan.config === undefined && steps.taskDirectories.length > 0) out.push(configStep(steps));
  out.push(...envNotes(plan, shown), ...todoStep(todoCount));
  const changedSomething = run.reports.some((report) => report.status === "changed") || plan.creates.length + plan.deletes.length + plan.edits.length > 0;
  if (changedSomething && out.length > 0) out.push(devStep());
  return out;
}

function packageSteps(steps: NextSteps): string[] {
  const out: string[] = [];
  if (steps.removePackages.length > 0) {
    const replacements = steps.removePackages.filter((p) => p.replacement).map((p) => `${p.name} -> ${p.replacement}`);
    out.push(`Remove the v2-only packages: ${steps.removePackages.map((p) => p.name).join(" ")}` + (replacements.length > 0 ? ` (replace: ${replacements.join(", ")})` : ""));
  }
  out.push(`Add ${steps.addPackages.join(" ")} and, as dev dependencies, ${steps.addDevPackages.join(" ")}`);
  return out;
}

function configStep(steps: NextSteps): string {
  const dirs = steps.taskDirectories.length > 0 ? `, with dirs: [${steps.taskDirectories.map((d) => JSON.stringify(d)).join(", ")}]` : "";
  return `Create trigger.config.ts (\`${INIT_COMMAND}\` writes one; maxDuration is required)${dirs}`;
}

function todoStep(todoCount: number): string[] {
  return todoCount > 0 ? [`Finish the ${todoCount} ${TODO_MARKER} marker${todoCount === 1 ? "" : "s"} (the no-migration-todo lint rule keeps them visible)`] : [];
}

function devStep(): string {
  return `Run \`${DEV_COMMAND}\` and trigger each task once`;
}

/** The `--json` document; `extras` holds, per absolute path, the diff (`--dry`) or whole output (`--print`). */
export function jsonReport(run: RunResult, tool: { name: string; version: string }, extras: ReadonlyMap<string, { diff?: string; output?: string }>, project?: ProjectOutcome): unknown {
  return {
    schemaVersion: JSON_SCHEMA_VERSION,
    tool,
    mode: run.mode,
    written: run.written,
    interrupted: run.interrupted,
    target: run.target,
    transforms: run.transforms,
    summary: { ...countReports(run.reports), durationMs: Math.round(run.durationMs) },
    files: run.reports.map((report) => ({
      path: displayPath(report.path, run.cwd),
      status: report.status,
      ...(report.target !== undefined ? { target: report.target } : {}),
      transforms: report.transforms,
      todos: report.todos,
      ...(report.reason !== undefined ? { reason: report.reason } : {}),
      ...(report.error !== undefined ? { error: report.error } : {}),
      ...(report.deleted ? { deleted: true } : {}),
      ...extras.get(report.path),
    })),
    nextSteps: project ? nextStepsAfterPlan(nextSteps(run), project.plan) : nextSteps(run),
  };
}

/**
 * The JSON next steps of a whole-project run, like the summary's: what the plan did is not left
 * to do. trigger.config.ts exists or was created (no `init`); package.json was updated or already
 * lists what the task API needs (no packages to add or remove).
 */
function nextStepsAfterPlan(steps: NextSteps, plan: ProjectPlan): NextSteps {
  const packagesDone = plan.dependencies !== undefined && plan.dependencies.state !== "pending";
  return {
    ...steps,
    ...(packagesDone ? { removePackages: [], addPackages: [], addDevPackages: [] } : {}),
    commands: plan.config ? steps.commands.filter((command) => command !== INIT_COMMAND) : steps.commands,
  };
}
