/**
 * One candidate, start to finish: run the pipeline (one parse, one print), re-parse the output,
 * and write it atomically (reading and pre-filtering are in read-candidate.ts). Pure enough to run
 * in a worker thread: no console, no process state; everything comes back in a `FileReport`.
 */
import { isV2OnlyPackage, type SdkMajor } from "../catalog/packages.js";
import { migrateSource } from "../codemod/pipeline.js";
import type { ProjectIndex } from "../project/types.js";
import type { MigrationTransform } from "../codemod/transform.js";
import { writeFileAtomic } from "./atomic-write.js";
import { errorMessage, todoReports } from "./read-candidate.js";
import { findParseProblem } from "./reparse.js";

export type FileStatus = "changed" | "unchanged" | "skipped" | "error";

export interface TodoReport {
  line: number;
  message: string;
  /** The code the marker sits above (first non-comment line after it), trimmed. */
  code: string;
}

export interface FileError {
  /** parse: the input does not parse; output: the result would not parse; transform: a bug; io: read/write failed. */
  kind: "parse" | "output" | "transform" | "io";
  message: string;
  line?: number;
  column?: number;
}

export interface FileReport {
  /** Absolute path. */
  path: string;
  status: FileStatus;
  target?: SdkMajor;
  /** Transforms that changed something, in pipeline order. */
  transforms: string[];
  todos: TodoReport[];
  /** Why a file was skipped. */
  reason?: string;
  error?: FileError;
  /** The project plan deleted (or would delete) this file after the transforms ran. */
  deleted?: boolean;
  /** v2-only packages the original imports (for the next steps). */
  v2Packages: string[];
  /** Only when asked (diff, print): the text before and after. */
  before?: string;
  after?: string;
}

/** A file that passed the pre-filter and waits for the pipeline. */
export interface MigrationJob {
  path: string;
  text: string;
  target: SdkMajor;
}

export interface MigrateOptions {
  write: boolean;
  /** Keep before/after text in the report (for `--dry` diffs and `--print`). */
  keepText: boolean;
  /** The whole-project index (plain data, so it also reaches worker threads). */
  project?: ProjectIndex;
}

/** Runs the pipeline on one candidate and writes the result when allowed. */
export function migrateFile(job: MigrationJob, transforms: readonly MigrationTransform[], options: MigrateOptions): FileReport {
  const { path, text, target } = job;
  const base = { path, target, v2Packages: v2PackagesIn(text) };
  let result;
  try {
    result = migrateSource(text, path, transforms, target, options.project);
  } catch (error) {
    // A SyntaxError is the input's fault only if the input itself does not parse; a transform
    // that builds code from a broken template throws one too.
    const inputProblem = error instanceof SyntaxError ? findParseProblem(text, path) : undefined;
    // Parsers, recast and our walks recurse: a few thousand nesting levels overflow the stack.
    // That is the input's shape, not a transform bug, so say so.
    const tooDeep = error instanceof RangeError && /call stack/i.test(error.message);
    const fileError: FileError = inputProblem
      ? { kind: "parse", ...inputProblem }
      : tooDeep
        ? { kind: "parse", message: "nested too deeply to parse (call stack exceeded); file left unchanged" }
        : { kind: "transform", message: `a transform failed: ${errorMessage(error)}` };
    return { ...base, status: "error", transforms: [], todos: todoReports(text), error: fileError };
  }
  if (result.output === null) return { ...base, status: "unchanged", transforms: [], todos: todoReports(text) };

  const output = result.output;
  const problem = findParseProblem(output, path);
  if (problem) {
    const where = problem.line !== undefined ? ` at ${problem.line}:${problem.column}` : "";
    const message = `the migrated code would not parse (${problem.message.replace(/\.$/, "")}${where}); file left unchanged`;
    return { ...base, status: "error", transforms: result.applied, todos: todoReports(text), error: { kind: "output", message } };
  }
  if (options.write) {
    try {
      writeFileAtomic(path, output);
    } catch (error) {
      return { ...base, status: "error", transforms: result.applied, todos: todoReports(text), error: { kind: "io", message: errorMessage(error) } };
    }
  }
  const report: FileReport = { ...base, status: "changed", transforms: result.applied, todos: todoReports(output) };
  if (options.keepText) {
    report.before = text;
    report.after = output;
  }
  return report;
}

const TRIGGER_SPECIFIER = /["'](@trigger\.dev\/[\w.-]+)(?:\/[^"'\n]*)?["']/g;

function v2PackagesIn(text: string): string[] {
  const found = new Set<string>();
  for (const match of text.matchAll(TRIGGER_SPECIFIER)) {
    if (isV2OnlyPackage(match[1]!)) found.add(match[1]!);
  }
  return [...found];
}
