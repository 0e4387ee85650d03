/**
 * Text edits for the project plan, made on the migrated text (not a reprint, so everything we do
 * not touch keeps its formatting): whole statements removed with their line, list elements
 * removed with their comma, notes inserted. A removed line never leaves a double blank line.
 */
import { ts } from "ts-morph";
import type { ModuleScope } from "./module-scope.js";

export interface TextEdit {
  start: number;
  end: number;
  text: string;
  /** A whole statement: take its line (and a trailing `// comment`) and avoid a doubled blank line. */
  statement?: boolean;
}

const BOM = "\uFEFF";
const BLANK_LINE_AT_START = /^[ \t]*\r?\n/;
const ENDS_WITH_BLANK_LINE = /(?:^|\n)[ \t]*\r?\n$/;

/** Applies non-overlapping edits (overlapping ones are merged first). */
export function applyEdits(text: string, edits: readonly TextEdit[]): string {
  let result = text;
  for (const edit of mergeOverlaps(edits)) {
    if (!edit.statement) {
      result = result.slice(0, edit.start) + edit.text + result.slice(edit.end);
      continue;
    }
    const [start, end] = statementLine(result, edit.start, edit.end);
    let before = result.slice(0, start) + edit.text;
    let after = result.slice(end);
    const blankBefore = before === "" || before === BOM || ENDS_WITH_BLANK_LINE.test(before);
    if (blankBefore && BLANK_LINE_AT_START.test(after)) after = after.replace(BLANK_LINE_AT_START, "");
    else if (after === "" && before !== "" && ENDS_WITH_BLANK_LINE.test(before)) before = before.replace(/[ \t]*\r?\n$/, "");
    result = before + after;
  }
  return result;
}

/** Sorted from the end of the file (so earlier offsets stay valid), overlapping removals merged. */
function mergeOverlaps(edits: readonly TextEdit[]): TextEdit[] {
  const sorted = [...edits].sort((a, b) => a.start - b.start || a.end - b.end);
  const merged: TextEdit[] = [];
  for (const edit of sorted) {
    const last = merged.at(-1);
    if (last && edit.start < last.end && last.text === "" && edit.text === "") {
      merged[merged.length - 1] = { ...last, end: Math.max(last.end, edit.end), statement: Boolean(last.statement || edit.statement) };
    } else {
      merged.push(edit);
    }
  }
  return merged.reverse();
}

/** A statement's range grown to its whole line when nothing else shares it. */
function statementLine(text: string, start: number, end: number): [number, number] {
  const lineStart = lineStartOf(text, start);
  const ownsLineStart = /^[ \t]*$/.test(text.slice(lineStart, start));
  let stop = end;
  while (stop < text.length && (text[stop] === " " || text[stop] === "\t")) stop++;
  if (text.startsWith("//", stop)) {
    const newline = text.indexOf("\n", stop);
    stop = newline === -1 ? text.length : text[newline - 1] === "\r" ? newline - 1 : newline;
  }
  if (!ownsLineStart) return [start, end];
  if (text[stop] === "\r") stop++;
  if (text[stop] === "\n") stop++;
  else if (stop < text.length) return [lineStart, end]; // code follows on the same line: keep it
  return [lineStart, stop];
}

/** Where the line holding a position starts (after a byte-order mark on the first line). */
function lineStartOf(text: string, position: number): number {
  const start = text.lastIndexOf("\n", position - 1) + 1;
  return start === 0 && text.startsWith(BOM) ? 1 : start;
}

/** Removes a whole top-level statement. */
export function removeStatement(scope: ModuleScope, statement: ts.Statement): TextEdit {
  return { start: scope.start(statement), end: statement.end, text: "", statement: true };
}

/**
 * Removes some elements of a comma list (`{ a, b, c }` of an import or export), each run of
 * removed elements with the comma that separates it from what stays. The caller removes the
 * whole statement instead when every element goes.
 */
export function removeListElements(scope: ModuleScope, elements: readonly ts.Node[], removed: ReadonlySet<ts.Node>): TextEdit[] {
  const edits: TextEdit[] = [];
  let index = 0;
  while (index < elements.length) {
    if (!removed.has(elements[index]!)) {
      index++;
      continue;
    }
    const first = index;
    while (index < elements.length && removed.has(elements[index]!)) index++;
    const last = index - 1;
    const next = elements[last + 1];
    const previous = elements[first - 1];
    if (next) edits.push({ start: scope.start(elements[first]!), end: scope.start(next), text: "" });
    else if (previous) edits.push({ start: previous.end, end: elements[last]!.end, text: "" });
  }
  return edits;
}

/**
 * Removes some bindings of an import declaration: the whole statement when none stays, else the
 * named specifiers, the default name or the named part, keeping the rest as written.
 */
export function removeImportBindings(scope: ModuleScope, statement: ts.ImportDeclaration, removedLocals: ReadonlySet<ts.Identifier>): TextEdit[] {
  const clause = statement.importClause;
  if (!clause || removedLocals.size === 0) return [];
  const named = clause.namedBindings;
  const namedLocals = !named ? [] : ts.isNamespaceImport(named) ? [named.name] : named.elements.map((element) => element.name);
  const keepsDefault = clause.name !== undefined && !removedLocals.has(clause.name);
  const keptNamed = namedLocals.filter((local) => !removedLocals.has(local));
  if (!keepsDefault && keptNamed.length === 0) return [removeStatement(scope, statement)];
  const edits: TextEdit[] = [];
  if (named && keptNamed.length === 0) {
    // `import D, { a } from` -> `import D from`
    edits.push({ start: clause.name!.end, end: named.end, text: "" });
  } else if (named && ts.isNamedImports(named) && keptNamed.length < namedLocals.length) {
    const removed = new Set<ts.Node>(named.elements.filter((element) => removedLocals.has(element.name)));
    edits.push(...removeListElements(scope, named.elements, removed));
  }
  if (clause.name && !keepsDefault && named) edits.push({ start: scope.start(clause.name), end: scope.start(named), text: "" });
  return edits;
}

/** Inserts a line before a top-level statement (after its leading comments, at its indentation). */
export function insertLineBefore(scope: ModuleScope, statement: ts.Statement, line: string): TextEdit {
  const at = scope.start(statement);
  const lineStart = lineStartOf(scope.text, at);
  const indent = scope.text.slice(lineStart, at);
  const newline = scope.text.includes("\r\n") ? "\r\n" : "\n";
  return /^[ \t]*$/.test(indent) ? { start: lineStart, end: lineStart, text: `${indent}${line}${newline}` } : { start: at, end: at, text: `${line}${newline}${indent.replace(/\S/g, " ")}` };
}

/**
 * A file-level note: after the last import (on its own, between blank lines), else at the top of
 * the file (below a `#!` line).
 */
export function insertFileNote(text: string, path: string, line: string): string {
  const newline = text.includes("\r\n") ? "\r\n" : "\n";
  const sourceFile = ts.createSourceFile(path, text, ts.ScriptTarget.Latest, false, scriptKindOf(path));
  const lastImport = sourceFile.statements.filter((statement) => ts.isImportDeclaration(statement) || ts.isImportEqualsDeclaration(statement)).at(-1);
  let at: number;
  if (lastImport) {
    const lineEnd = text.indexOf("\n", lastImport.end);
    at = lineEnd === -1 ? text.length : lineEnd + 1;
  } else {
    const top = text.startsWith(BOM) ? 1 : 0;
    at = text.startsWith("#!", top) ? text.indexOf("\n") + 1 || text.length : top;
  }
  const before = text.slice(0, at);
  const after = text.slice(at);
  const head = before === "" || before === BOM || ENDS_WITH_BLANK_LINE.test(before) ? "" : before.endsWith("\n") ? newline : `${newline}${newline}`;
  const tail = after === "" || BLANK_LINE_AT_START.test(after) ? "" : newline;
  return `${before}${head}${line}${newline}${tail}${after}`;
}

function scriptKindOf(path: string): ts.ScriptKind {
  if (/\.tsx$/i.test(path)) return ts.ScriptKind.TSX;
  if (/\.[mc]?ts$/i.test(path)) return ts.ScriptKind.TS;
  return /\.jsx$/i.test(path) ? ts.ScriptKind.JSX : ts.ScriptKind.JS;
}
