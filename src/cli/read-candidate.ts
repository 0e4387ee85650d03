/**
 * Reading a file and settling what needs no parsing (binary, not UTF-8, no v2 text), apart from
 * the pipeline in runner.ts: with the worker pool, the main thread reads and the workers migrate,
 * so the main thread never loads jscodeshift.
 */
import { readFileSync } from "node:fs";
import { findTodoMarkers } from "../codemod/todo.js";
import { MAX_CANDIDATE_BYTES, mightHoldTodoMarker, mightNeedMigration } from "./prefilter.js";
import type { FileReport, TodoReport } from "./runner.js";

export type ReadOutcome = { kind: "candidate"; text: string } | { kind: "done"; report: FileReport };

const utf8 = new TextDecoder("utf-8", { fatal: true, ignoreBOM: true });

/**
 * Reads a file and settles everything that needs no parsing. `knownText` is the file as the
 * project index already read it (lossy UTF-8): reused as is, unless it holds NUL or U+FFFD, which
 * only the bytes can tell apart from a binary or non-UTF-8 file.
 */
export function readCandidate(path: string, knownText?: string, maxBytes = MAX_CANDIDATE_BYTES): ReadOutcome {
  if (knownText !== undefined && !knownText.includes("\0") && !knownText.includes("\uFFFD")) return classify(path, knownText, maxBytes);
  let bytes: Buffer;
  try {
    bytes = readFileSync(path);
  } catch (error) {
    return done({ path, status: "error", error: { kind: "io", message: errorMessage(error) } });
  }
  if (bytes.includes(0)) return done({ path, status: "skipped", reason: "binary file (contains NUL bytes)" });
  let text: string;
  try {
    text = utf8.decode(bytes);
  } catch {
    return done({ path, status: "skipped", reason: "not valid UTF-8" });
  }
  return classify(path, text, maxBytes, bytes.length);
}

function classify(path: string, text: string, maxBytes: number, byteLength?: number): ReadOutcome {
  if (!mightNeedMigration(text)) {
    const todos = mightHoldTodoMarker(text) ? todoReports(text) : [];
    return done({ path, status: "unchanged", todos });
  }
  if ((byteLength ?? Buffer.byteLength(text, "utf8")) > maxBytes) {
    return done({ path, status: "skipped", reason: `larger than ${formatSize(maxBytes)} (generated code?); not parsed: migrate it by hand, or raise --max-file-size` });
  }
  return { kind: "candidate", text };
}

function formatSize(bytes: number): string {
  if (bytes % 1024 ** 2 === 0) return `${bytes / 1024 ** 2} MiB`;
  if (bytes % 1024 === 0) return `${bytes / 1024} KiB`;
  return `${bytes} bytes`;
}

function done(partial: Pick<FileReport, "path" | "status"> & Partial<FileReport>): ReadOutcome {
  return { kind: "done", report: { transforms: [], todos: [], v2Packages: [], ...partial } };
}

/** The markers of a text with the code each sits above (also for texts the project plan edits). */
export function todoReports(text: string): TodoReport[] {
  const markers = findTodoMarkers(text);
  if (markers.length === 0) return [];
  const lines = text.split(/\r?\n/);
  return markers.map(({ line, message }) => ({ line, message, code: codeAfter(lines, line) }));
}

/** The first line after a marker that is neither blank nor a comment. */
function codeAfter(lines: readonly string[], markerLine: number): string {
  for (let index = markerLine; index < lines.length; index++) {
    const line = lines[index]!.trim();
    if (line === "" || line.startsWith("//") || line.startsWith("/*") || line.startsWith("*")) continue;
    return line;
  }
  return "";
}

export function errorMessage(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}
