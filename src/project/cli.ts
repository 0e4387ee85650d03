/**
 * The CLI's side of the whole-project migration, kept out of src/cli/main.ts: after the
 * transforms ran, plan the project files from the migrated texts, apply the plan when the run
 * writes, and show it (diffs with `--dry`, a JSON section with `--json`, lines in the summary).
 */
import { readFileSync } from "node:fs";
import type { CliOptions } from "../cli/args.js";
import type { Colors } from "../cli/colors.js";
import { formatDiff } from "../cli/diff.js";
import type { ProgressStream } from "../cli/progress.js";
import { displayPath, type RunResult } from "../cli/report.js";
import { applyProjectPlan, describeProjectPlan, projectPlanJson, type PlanProblem } from "./apply.js";
import { planProjectFiles, type ProjectPlan } from "./files.js";
import type { ProjectIndex } from "./types.js";

export interface ProjectRun {
  index: ProjectIndex;
  plan: ProjectPlan;
  applied: boolean;
  problems: PlanProblem[];
}

export function planProjectRun(index: ProjectIndex, run: RunResult, files: readonly string[], options: CliOptions, write: boolean): ProjectRun {
  const migrated = new Map<string, string>();
  for (const report of run.reports) if (report.status === "changed" && report.after !== undefined) migrated.set(report.path, report.after);
  const firstJob = index.jobs[0]?.file;
  const target = options.target ?? run.reports.find((report) => report.path === firstJob)?.target ?? run.reports.find((report) => report.target)?.target ?? 4;
  const plan = planProjectFiles({
    index,
    files,
    readText: (path) => migrated.get(path) ?? readText(path),
    target,
    fallbackRoot: run.cwd,
    updateDeps: options.updateDeps,
    updateEnv: options.updateEnv,
  });
  const problems = write ? applyProjectPlan(plan) : [];
  return { index, plan, applied: write, problems };
}

export function printProjectPlan(projectRun: ProjectRun, options: CliOptions, stdout: ProgressStream, summary: ProgressStream, colors: Colors, cwd: string): void {
  const { plan } = projectRun;
  const shown = (path: string): string => displayPath(path, cwd);
  if (options.dry) {
    for (const create of plan.creates) stdout.write(`${formatDiff(shown(create.path), "", create.text, colors)}\n`);
    for (const edit of plan.edits) if (!edit.sensitive) stdout.write(`${formatDiff(shown(edit.path), edit.before, edit.after, colors)}\n`);
  }
  const lines = describeProjectPlan(plan, shown, projectRun.applied);
  if (lines.length > 0) summary.write(`${lines.join("\n")}\n`);
}

export function projectJson(projectRun: ProjectRun, cwd: string): unknown {
  const shown = (path: string): string => displayPath(path, cwd);
  const { jobs, sends, stats } = projectRun.index;
  return {
    index: { jobs: jobs.length, sends: sends.length, unresolvedSends: sends.filter((send) => send.targets.length === 0).length, ...stats },
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

function readText(path: string): string | undefined {
  try {
    return readFileSync(path, "utf8");
  } catch {
    return undefined;
  }
}
