/**
 * The text of a node as written in the file, with the comments written on it, for keeping v2
 * code that has no task API form as comment lines (an event filter the events transform could
 * not turn into a guard). Read off recast's `loc.lines`, so nothing is reprinted.
 */
import type { AnyNode } from "./ast.js";

interface Position {
  line: number;
  column: number;
}
interface Located {
  loc?: { start: Position; end: Position; lines?: { slice(start: Position, end: Position): { toString(): string } } } | null;
}

/** The node's lines (its comments included), continuation lines without its first line's indentation; undefined without a location. */
export function writtenLines(node: AnyNode): string[] | undefined {
  const loc = (node as Located).loc;
  if (!loc?.lines) return undefined;
  let start = loc.start;
  let end = loc.end;
  for (const comment of (node["comments"] as Located[] | undefined) ?? []) {
    if (!comment.loc) continue;
    if (before(comment.loc.start, start)) start = comment.loc.start;
    if (before(end, comment.loc.end)) end = comment.loc.end;
  }
  const indentation = new RegExp(`^[ \\t]{0,${start.column}}`);
  return loc.lines
    .slice(start, end)
    .toString()
    .split(/\r?\n/)
    .map((line, index) => (index === 0 ? line : line.replace(indentation, "")).trimEnd());
}

function before(a: Position, b: Position): boolean {
  return a.line < b.line || (a.line === b.line && a.column < b.column);
}
