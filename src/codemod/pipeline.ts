/**
 * Runs an ordered list of transforms over one file: parse once, apply each transform whose text
 * check passes, print once. BOM and CRLF line endings survive; unchanged files return null so the
 * caller never rewrites them.
 */
import jscodeshift, { type JSCodeshift } from "jscodeshift";
import type { SdkMajor } from "../catalog/packages.js";
import type { ProjectIndex } from "../project/types.js";
import { parserForFile, type CodemodParser } from "./parser.js";
import { liftDirectivesIfReprinted, programOf } from "./import-editing.js";
import { findTodoMarkers } from "./todo.js";
import { detectQuoteStyle, type MigrationTransform } from "./transform.js";

export interface MigrationResult {
  /** The new text, or null when nothing changed. */
  output: string | null;
  /** Names of the transforms that changed something, in order. */
  applied: string[];
  /** TODO markers in the result (or in the unchanged input). */
  todos: { line: number; message: string }[];
}

const BOM = "\uFEFF";

export function migrateSource(
  source: string,
  filePath: string,
  transforms: readonly MigrationTransform[],
  target: SdkMajor,
  project?: ProjectIndex,
): MigrationResult {
  const parser = parserForFile(filePath);
  const candidates = parser ? transforms.filter((t) => t.mightApply(source)) : [];
  if (!parser || candidates.length === 0) return { output: null, applied: [], todos: findTodoMarkers(source) };

  const hasBom = source.startsWith(BOM);
  const text = hasBom ? source.slice(1) : source;
  const j = coreFor(parser);
  const root = j(text);
  const applied: string[] = [];
  // A transform selected alone was asked for by name: it gets no history to hold back on.
  const alone = transforms.length === 1;
  for (const transform of candidates) {
    const history = alone ? {} : { appliedSoFar: applied.slice() };
    if (transform.apply({ j, root, filePath, source: text, target, ...(project ? { project } : {}), ...history })) applied.push(transform.name);
  }
  if (applied.length === 0) return { output: null, applied, todos: findTodoMarkers(source) };

  const lineTerminator = text.includes("\r\n") ? "\r\n" : "\n";
  // recast prints a directive twice (`"use server";;`) when it reprints the Program: lift them first.
  liftDirectivesIfReprinted(j, programOf(root));
  let output = root.toSource({ quote: detectQuoteStyle(text), lineTerminator });
  if (hasBom) output = BOM + output;
  if (output === source) return { output: null, applied: [], todos: findTodoMarkers(source) };
  return { output, applied, todos: findTodoMarkers(output) };
}

// `withParser` builds a new core (copying every builder and type onto it) on each call: once per parser is enough.
const cores = new Map<CodemodParser, JSCodeshift>();

function coreFor(parser: CodemodParser): JSCodeshift {
  let core = cores.get(parser);
  if (!core) {
    core = jscodeshift.withParser(parser);
    cores.set(parser, core);
  }
  return core;
}
