/**
 * `trigger-v3-migrate [paths...] [options]`: parse arguments, find files, check the work tree,
 * migrate (in-process, or a worker pool for big runs), then report. Everything the user sees
 * goes through `io`, so tests run the whole CLI in-process and read what it printed.
 */
import type { EventEmitter } from "node:events";
import type { SdkMajor } from "../catalog/packages.js";
import type { MigrationTransform } from "../codemod/transform.js";
import { packageInfo } from "../package-info.js";
import { TargetDetector } from "../target/detect.js";
import { parseCliArgs, USAGE, writesFiles, type CliOptions } from "./args.js";
import { colorsFor } from "./colors.js";
import { discoverFiles } from "./discover.js";
import { findDirtyWorkTrees } from "./git.js";
import { runPool, shouldUsePool, workerScript } from "./pool.js";
import { readCandidate } from "./read-candidate.js";
import { Progress, progressEnabled, type ProgressStream } from "./progress.js";
import { loadTransforms, selectTransforms } from "./registry.js";
import { displayPath, formatSummary, jsonReport, problemLine, type RunResult } from "./report.js";
import type { FileReport, MigrateOptions, MigrationJob } from "./runner.js";
import type * as ProjectCli from "../project/cli.js";
import type { ProjectIndex } from "../project/types.js";
import type { ReadSourcesOptions } from "../project/sources.js";
import type * as Diff from "./diff.js";

export interface CliIo {
  stdout: ProgressStream;
  stderr: ProgressStream;
  cwd: string;
  env: Readonly<Record<string, string | undefined>>;
}

/** Seams for tests; the published CLI passes none of these. */
export interface CliInternals {
  /** Run these instead of the registry (always in-process: functions cannot go to a worker). */
  transforms?: readonly MigrationTransform[];
  /** Candidate count above which the worker pool starts. */
  poolMinBytes?: number;
  /** Where SIGINT arrives (default: process). */
  signals?: EventEmitter;
}

export const EXIT_OK = 0;
export const EXIT_FAILURES = 1;
export const EXIT_USAGE = 2;
/** 128 + SIGINT, what shells expect from a command stopped by Ctrl-C. */
export const EXIT_INTERRUPTED = 130;

const NAME = "trigger-v3-migrate";

export function processIo(): CliIo {
  return { stdout: process.stdout, stderr: process.stderr, cwd: process.cwd(), env: process.env };
}

export async function main(argv: readonly string[], io: CliIo = processIo(), internals: CliInternals = {}): Promise<number> {
  const fail = (message: string): number => {
    io.stderr.write(`${NAME}: ${message}\n`);
    return EXIT_USAGE;
  };
  const parsed = parseCliArgs(argv);
  if (!parsed.ok) return fail(parsed.error);
  const options = parsed.options;
  if (options.help) {
    io.stdout.write(`${USAGE}\n`);
    return EXIT_OK;
  }
  if (options.version) {
    io.stdout.write(`${packageInfo.version}\n`);
    return EXIT_OK;
  }

  const registry = internals.transforms ?? (await loadTransforms());
  if (options.list) {
    io.stdout.write(formatList(registry, options.json));
    return EXIT_OK;
  }
  const selection = selectTransforms(registry, options.transforms);
  if (!selection.ok) {
    return fail(`unknown transform ${selection.unknown.map((n) => `"${n}"`).join(", ")}; known: ${registry.map((t) => t.name).join(", ")}`);
  }

  const discovery = discoverFiles(options.paths, { cwd: io.cwd, ignorePatterns: options.ignorePatterns });
  if (discovery.missing.length > 0) return fail(`no such file or directory: ${discovery.missing.join(", ")}`);
  for (const path of discovery.ignored) io.stderr.write(`${NAME}: ${path}: ignored (.gitignore, --ignore-pattern or node_modules)\n`);

  const write = writesFiles(options);
  if (write && !options.force) {
    const dirty = findDirtyWorkTrees(options.paths, io.cwd);
    if (dirty.length > 0) {
      const where = dirty.map((tree) => `${tree.root} (${tree.changes.length} uncommitted change${tree.changes.length === 1 ? "" : "s"})`).join(", ");
      return fail(`refusing to write: the git work tree at ${where} is not clean; commit or stash first, preview with --dry, or pass --force`);
    }
  }

  // The heavy modules (jscodeshift, @babel/parser, ts-morph, diff) load only from here on, so
  // `--help`, `--version`, `--list` and usage errors start in a fraction of the time.
  // Whole-project migration (src/project/cli.ts): the index before the transforms, project files after.
  // The index reads every file; the per-file run takes those texts instead of reading them again.
  const texts = new Map<string, string>();
  const onRead = (path: string, text: string): void => void texts.set(path, text);
  const project = options.project ? await indexProject(discovery.files, { onRead, maxBytes: options.maxFileBytes }) : undefined;
  const run = await migrate(discovery.files, options, selection.transforms, write, io, internals, project, texts);
  let planned: PlannedProject | undefined;
  if (project && !run.interrupted) {
    const cli = await import("../project/cli.js");
    planned = { cli, run: await cli.planProjectRun(project, run, discovery.files, options, write) };
  }
  const { formatDiff } = await import("./diff.js");
  return finish(planned ? planned.cli.runAfterPlan(run, planned.run) : run, options, io, formatDiff, planned);
}

/** `TRIGGER_V3_MIGRATE_POOL_MIN_BYTES` (docs/cli.md): where the pool starts, for machines with many cores. */
function poolMinBytesFrom(env: CliIo["env"]): number | undefined {
  const raw = env["TRIGGER_V3_MIGRATE_POOL_MIN_BYTES"];
  const value = raw === undefined || raw.trim() === "" ? Number.NaN : Number(raw);
  return Number.isInteger(value) && value >= 0 ? value : undefined;
}

function candidateBytes(jobs: readonly MigrationJob[]): number {
  let total = 0;
  for (const job of jobs) total += job.text.length;
  return total;
}

/** The whole-project index; ts-morph loads only when some file needs resolution (see src/project/sources.ts). */
async function indexProject(files: readonly string[], options: ReadSourcesOptions): Promise<ProjectIndex> {
  const { readProjectSources, indexWithoutResolution } = await import("../project/sources.js");
  const sources = readProjectSources(files, options);
  if (!sources.needsResolution) return indexWithoutResolution(sources);
  return (await import("../project/build.js")).indexWithResolution(sources);
}

/** The project plan with the module that made it (loaded on demand, like the index). */
interface PlannedProject {
  cli: typeof ProjectCli;
  run: ProjectCli.ProjectRun;
}

async function migrate(
  files: readonly string[],
  options: CliOptions,
  transforms: readonly MigrationTransform[],
  write: boolean,
  io: CliIo,
  internals: CliInternals,
  project?: MigrateOptions["project"],
  texts?: Map<string, string>,
): Promise<RunResult> {
  const started = performance.now();
  const signals = internals.signals ?? process;
  let interrupted = false;
  // Ctrl-C stops new work; the file being written finishes (writes are atomic renames anyway).
  const onInterrupt = (): void => {
    interrupted = true;
  };
  // SIGTERM (CI timeouts, `kill`) is treated like Ctrl-C: stop between files, never mid-write.
  signals.on("SIGINT", onInterrupt);
  signals.on("SIGTERM", onInterrupt);
  const progress = new Progress(io.stderr, progressEnabled(io.stderr, io.env, options.json));
  const detector = new TargetDetector({
    warn: (message) => {
      progress.clear();
      io.stderr.write(`${message}\n`);
    },
  });
  const targetOf = (path: string): SdkMajor => options.target ?? detector.resolve(path).major;
  // With a project index the project-files plan reads the migrated texts, so keep them.
  const migrateOptions: MigrateOptions = { write, keepText: options.dry || options.print || project !== undefined, ...(project ? { project } : {}) };

  const reports: FileReport[] = [];
  try {
    const jobs: MigrationJob[] = [];
    for (const [index, path] of files.entries()) {
      if (index % 64 === 63) await nextTurn();
      if (interrupted) break;
      const read = readCandidate(path, texts?.get(path), options.maxFileBytes);
      texts?.delete(path); // held no longer than needed
      if (read.kind === "done") reports.push(read.report);
      else jobs.push({ path, text: read.text, target: targetOf(path) });
    }

    let done = 0;
    const onReport = (report: FileReport): void => {
      reports.push(report);
      progress.update(++done, jobs.length, displayPath(report.path, io.cwd));
    };
    const script = internals.transforms ? undefined : workerScript();
    if (!interrupted && script && shouldUsePool(candidateBytes(jobs), options.cpus, internals.poolMinBytes ?? poolMinBytesFrom(io.env))) {
      const setup = { transformNames: transforms.map((t) => t.name), options: migrateOptions };
      await runPool(jobs, options.cpus, script, setup, { onReport, shouldStop: () => interrupted });
    } else {
      // Loaded here: with the pool, only the workers need the pipeline (jscodeshift).
      const { migrateFile } = await import("./runner.js");
      for (const job of jobs) {
        if (interrupted) break;
        onReport(migrateFile(job, transforms, migrateOptions));
        await nextTurn(); // lets a SIGINT land between files
      }
    }
  } finally {
    signals.off("SIGINT", onInterrupt);
    signals.off("SIGTERM", onInterrupt);
    progress.clear();
  }

  reports.sort((a, b) => (a.path < b.path ? -1 : a.path > b.path ? 1 : 0));
  return {
    cwd: io.cwd,
    reports,
    transforms: transforms.map((t) => t.name),
    target: options.target ?? "detect",
    mode: options.check ? "check" : options.dry ? "dry" : options.print ? "print" : "write",
    written: write,
    interrupted,
    durationMs: performance.now() - started,
  };
}

function finish(run: RunResult, options: CliOptions, io: CliIo, formatDiff: typeof Diff.formatDiff, project?: PlannedProject): number {
  const projectRun = project?.run;
  for (const report of run.reports) {
    const line = problemLine(report, run.cwd);
    if (line) io.stderr.write(`${line}\n`);
  }

  const changed = run.reports.filter((report) => report.status === "changed" && report.after !== undefined);
  if (options.json) {
    const plain = colorsFor({}, { NO_COLOR: "1" });
    const extras = new Map<string, { diff?: string; output?: string }>();
    for (const report of changed) {
      const path = displayPath(report.path, run.cwd);
      extras.set(report.path, {
        ...(options.dry ? { diff: formatDiff(path, report.before!, report.after!, plain) } : {}),
        ...(options.print ? { output: report.after! } : {}),
      });
    }
    const document = jsonReport(run, { name: packageInfo.name, version: packageInfo.version }, extras, projectRun);
    io.stdout.write(`${JSON.stringify(project ? { ...(document as object), project: project.cli.projectJson(project.run, run.cwd) } : document, null, 2)}\n`);
  } else {
    const colors = colorsFor(io.stdout, io.env);
    if (options.dry) for (const report of changed) io.stdout.write(`${formatDiff(displayPath(report.path, run.cwd), report.before!, report.after!, colors)}\n`);
    if (options.print) {
      // The preview holds what a write would write: the project plan's new and edited files too.
      const outputs = [...changed.map((report) => ({ path: report.path, text: report.after! })), ...(project ? project.cli.projectOutputs(project.run, run) : [])].sort((a, b) => (a.path < b.path ? -1 : a.path > b.path ? 1 : 0));
      const headers = run.reports.length > 1 || outputs.length > 1;
      for (const { path, text } of outputs) {
        if (headers) io.stdout.write(`==> ${displayPath(path, run.cwd)} <==\n`);
        io.stdout.write(text.endsWith("\n") ? text : `${text}\n`);
      }
    }
    // With --print, stdout carries the code itself; the summary goes where diagnostics go.
    const summaryStream = options.print ? io.stderr : io.stdout;
    if (project && options.dry) project.cli.printProjectDiffs(project.run, run, io.stdout, colors);
    summaryStream.write(`${formatSummary(run, colorsFor(summaryStream, io.env), projectRun)}\n`);
  }
  if (projectRun) for (const problem of projectRun.problems) io.stderr.write(`${displayPath(problem.path, run.cwd)}: ${problem.message}\n`);
  return Math.max(exitCode(run, options), project ? project.cli.projectExitCode(project.run, options) : 0);
}

function exitCode(run: RunResult, options: CliOptions): number {
  if (run.interrupted) return EXIT_INTERRUPTED;
  if (run.reports.some((report) => report.status === "error")) return EXIT_FAILURES;
  if (options.check && run.reports.some((report) => report.status === "changed" || report.todos.length > 0)) return EXIT_FAILURES;
  return EXIT_OK;
}

function formatList(transforms: readonly MigrationTransform[], json: boolean): string {
  if (json) return `${JSON.stringify({ schemaVersion: 1, transforms: transforms.map(({ name, description }) => ({ name, description })) }, null, 2)}\n`;
  const width = Math.max(...transforms.map((t) => t.name.length), 0) + 2;
  return `Transforms, in the order they run:\n${transforms.map((t) => `  ${t.name.padEnd(width)}${t.description}`).join("\n")}\n`;
}

function nextTurn(): Promise<void> {
  return new Promise((resolve) => setImmediate(resolve));
}
