/** Reading the job's layout from the original text, so the new call is written the same way. */
import { type AnyNode, children } from "./ast.js";
import type { SnippetLayout } from "./snippet.js";

type Located = { loc?: { start: { line: number; column: number }; end: { line: number; column: number } } | null };

// One file holds many jobs: splitting the whole text once per job made big files quadratic
// (a 5 MB file of jobs ran for minutes). The pipeline migrates one file at a time, so one entry is enough.
let cached: { source: string; lines: string[] } | undefined;

function linesOf(source: string): string[] {
  if (cached?.source !== source) cached = { source, lines: source.split(/\r?\n/) };
  return cached.lines;
}

export function layoutOf(source: string, expression: AnyNode, options: AnyNode): SnippetLayout {
  const lines = linesOf(source);
  const lineAt = (node: AnyNode | undefined): string | undefined => {
    const line = (node as Located | undefined)?.loc?.start.line;
    return line === undefined ? undefined : lines[line - 1];
  };
  const base = indentation(lineAt(expression) ?? "");
  const properties = children(options, "properties");
  const first = lineAt(properties[0]);
  const propertyIndent = first !== undefined ? indentation(first) : "";
  const step = propertyIndent.length > base.length && propertyIndent.startsWith(base) ? propertyIndent.slice(base.length) : base.includes("\t") ? "\t" : "  ";
  // The call is written from column 0: recast indents it to wherever it lands.
  return { base: "", step, trailingComma: hasTrailingComma(lines, options) };
}

function indentation(line: string): string {
  return /^[ \t]*/.exec(line)?.[0] ?? "";
}

/** Is there a comma between the last property and the closing brace? */
function hasTrailingComma(lines: string[], options: AnyNode): boolean {
  const last = children(options, "properties").at(-1) as Located | undefined;
  const end = (options as Located).loc?.end;
  if (!last?.loc || !end) return true;
  // A one-line v2 options object gets the multi-line layout, with the usual trailing comma.
  if ((options as Located).loc?.start.line === end.line) return true;
  const between = textBetween(lines, last.loc.end, end);
  return between.replace(/\/\/[^\n]*|\/\*[\s\S]*?\*\//g, "").includes(",");
}

function textBetween(lines: string[], from: { line: number; column: number }, to: { line: number; column: number }): string {
  if (from.line === to.line) return (lines[from.line - 1] ?? "").slice(from.column, to.column);
  const parts = [(lines[from.line - 1] ?? "").slice(from.column)];
  for (let line = from.line + 1; line < to.line; line++) parts.push(lines[line - 1] ?? "");
  parts.push((lines[to.line - 1] ?? "").slice(0, to.column));
  return parts.join("\n");
}

export function singleQuoted(text: string): string {
  return `'${text.replace(/\\/g, "\\\\").replace(/'/g, "\\'")}'`;
}
