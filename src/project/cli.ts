/**
 * The CLI's side of the whole-project migration, kept out of src/cli/main.ts: after the
 * transforms ran, plan the project files from the migrated texts, apply the plan when the run
 * writes, fold its edits and deletions into the run's file reports, and show it (diffs with
 * `--dry`, a JSON section with `--json`; src/cli/report.ts reads the plan for the summary).
 */
import type { CliOptions } from "../cli/args.js";
import type { Colors } from "../cli/colors.js";
import { formatDiff } from "../cli/diff.js";
import type { ProgressStream } from "../cli/progress.js";
import { displayPath, type RunResult } from "../cli/report.js";
import { todoReports } from "../cli/read-candidate.js";
import type { FileReport } from "../cli/runner.js";
import { applyProjectPlan, projectPlanJson, type PlanProblem } from "./apply.js";
import { readUtf8 } from "./sources.js";
import { planProjectFiles, type ProjectPlan } from "./files.js";
import type { ProjectIndex } from "./types.js";

/** The transform whose conversions make a file a task file (codemods/define-job.ts). */
const DEFINE_JOB = "define-job";

export interface ProjectRun {
  index: ProjectIndex;
  plan: ProjectPlan;
  applied: boolean;
  problems: PlanProblem[];
}

export async function planProjectRun(index: ProjectIndex, run: RunResult, files: readonly string[], options: CliOptions, write: boolean): Promise<ProjectRun> {
  const migrated = new Map<string, string>();
  for (const report of run.reports) if (report.status === "changed" && report.after !== undefined) migrated.set(report.path, report.after);
  const jobFiles = index.jobsFromRun ? convertedJobFiles(run) : [...new Set(index.jobs.map((job) => job.file))];
  const firstJob = jobFiles[0];
  const target = options.target ?? run.reports.find((report) => report.path === firstJob)?.target ?? run.reports.find((report) => report.target)?.target ?? 4;
  const plan = await planProjectFiles({
    index,
    jobFiles,
    files,
    readText: (path) => migrated.get(path) ?? readUtf8(path),
    target,
    fallbackRoot: run.cwd,
    updateDeps: options.updateDeps,
    updateEnv: options.updateEnv,
  });
  // Outputs the plan dropped because they would not parse are problems in every mode, like a transform's.
  const problems = [...plan.rejected, ...(write ? applyProjectPlan(plan) : [])];
  return { index, plan, applied: write, problems };
}

/** The files whose v2 jobs this run converted (sorted by the run), for an index that left them to it. */
function convertedJobFiles(run: RunResult): string[] {
  return run.reports.filter((report) => report.transforms.includes(DEFINE_JOB)).map((report) => report.path);
}

/**
 * The run as the plan leaves it: a file the plan edits reports its final text and markers (so
 * TODO lines point at the file on disk, and `--dry`/`--print` show the end result in one diff); a
 * file the plan deletes reports no text and no markers.
 */
export function runAfterPlan(run: RunResult, projectRun: ProjectRun): RunResult {
  const edits = new Map(projectRun.plan.edits.filter((edit) => !edit.sensitive).map((edit) => [edit.path, edit]));
  const deleted = new Set(projectRun.plan.deletes.map((removal) => removal.path));
  const reports = run.reports.map((report): FileReport => {
    if (deleted.has(report.path)) {
      const { before: _before, after: _after, ...rest } = report;
      return { ...rest, todos: [], deleted: true };
    }
    const edit = edits.get(report.path);
    if (!edit) return report;
    return { ...report, todos: todoReports(edit.after), ...(report.after !== undefined ? { after: edit.after } : {}) };
  });
  return { ...run, reports };
}

/** `--dry`: the diffs of project files the run's own diffs do not already show (new and deleted files against /dev/null). */
export function printProjectDiffs(projectRun: ProjectRun, run: RunResult, stdout: ProgressStream, colors: Colors): void {
  const { plan } = projectRun;
  const shown = (path: string): string => displayPath(path, run.cwd);
  for (const create of plan.creates) stdout.write(`${formatDiff(shown(create.path), "", create.text, colors, "create")}\n`);
  for (const { path, before, after } of projectEdits(projectRun, run)) stdout.write(`${formatDiff(shown(path), before, after, colors)}\n`);
  for (const removal of plan.deletes) stdout.write(`${formatDiff(shown(removal.path), readUtf8(removal.path) ?? "", "", colors, "delete")}\n`);
}

/**
 * `--print`: the final text of the files the plan creates or edits that the run's reports do not
 * already carry (a file the transforms left alone but the plan edits), so the preview holds
 * everything a write would write. Sensitive (`.env*`) edits are never shown.
 */
export function projectOutputs(projectRun: ProjectRun, run: RunResult): { path: string; text: string }[] {
  return [...projectRun.plan.creates.map((create) => ({ path: create.path, text: create.text })), ...projectEdits(projectRun, run).map(({ path, after }) => ({ path, text: after }))];
}

/** Non-sensitive plan edits of files whose report shows no text of its own. */
function projectEdits(projectRun: ProjectRun, run: RunResult): ProjectPlan["edits"] {
  const shownByRun = new Set(run.reports.filter((report) => report.status === "changed" && report.after !== undefined).map((report) => report.path));
  return projectRun.plan.edits.filter((edit) => !edit.sensitive && !shownByRun.has(edit.path));
}

export function projectJson(projectRun: ProjectRun, cwd: string): unknown {
  const shown = (path: string): string => displayPath(path, cwd);
  const { jobs, sends, stats, jobsFromRun } = projectRun.index;
  return {
    // `jobs: null`: nothing needed resolving, so the index listed no jobs (the run's define-job did the work).
    index: { jobs: jobsFromRun ? null : jobs.length, resolved: !jobsFromRun, sends: sends.length, unresolvedSends: sends.filter((send) => send.targets.length === 0).length, ...stats },
    applied: projectRun.applied,
    ...(projectPlanJson(projectRun.plan, shown) as object),
  };
}

/** `--check` fails when project files would change; failed writes fail any run. */
export function projectExitCode(projectRun: ProjectRun, options: CliOptions): number {
  if (projectRun.problems.length > 0) return 1;
  const { plan } = projectRun;
  return options.check && plan.creates.length + plan.deletes.length + plan.edits.length > 0 ? 1 : 0;
}
