/**
 * Turns a statement into comments under a TODO marker: used for sends that, per the project
 * index, nothing receives. Deleting them would hide intent; keeping the call under a TODO would
 * keep a v2 call whose client the migration deletes (it would no longer compile). Commented
 * out, every original line stays readable right under the marker and the file still parses
 * and type-checks.
 *
 * The statement is replaced by an empty statement that carries the comments, so they print
 * exactly where the statement was, whatever its neighbours (first, last or only statement of
 * its block). recast prints an empty statement as nothing but keeps it when it has comments;
 * leading comments end with a newline, so the last line is a trailing comment to avoid a
 * blank line. Moving the lines onto a neighbour instead lost them: trailing comments of the
 * previous statement print on its line, and a statement removed later dropped the comments
 * an earlier removal had parked on it.
 */
import type { ASTPath } from "jscodeshift";
import { todoComment } from "../../catalog/markers.js";
import { type AstNode, walkNodes } from "../ast-helpers.js";
import type { EventsContext } from "./context.js";

type Comment = { type: string; value: string; leading?: boolean; trailing?: boolean };

/** Comments out the expression statement holding `path`; false when it is not one (nothing changed). */
export function commentOut(ctx: EventsContext, path: ASTPath, message: string, docsUrl: string): boolean {
  let statementPath: ASTPath | null = path.parent as ASTPath | null;
  if ((statementPath?.node as unknown as AstNode | undefined)?.type === "AwaitExpression") statementPath = statementPath!.parent as ASTPath | null;
  const statement = statementPath?.node as unknown as AstNode | undefined;
  if (!statementPath || statement?.type !== "ExpressionStatement") return false;
  // Only a statement list can lose a statement; `if (x) send();` would adopt the next statement.
  const holder = statementPath.parent?.node as unknown as AstNode | undefined;
  if (!holder || (holder.type !== "BlockStatement" && holder.type !== "Program")) return false;
  const body = holder["body"] as AstNode[];
  const index = body.indexOf(statement);
  const start = statement["start"];
  const end = statement["end"];
  if (index === -1 || typeof start !== "number" || typeof end !== "number") return false;

  const { j } = ctx;
  const line = (text: string, trailing = false): Comment => j.commentLine(text === "" ? "" : ` ${text}`, !trailing, trailing) as unknown as Comment;
  const code = originalLines(ctx.source, statement, start, end);
  const own = (statement["comments"] as Comment[] | undefined) ?? [];
  const added = [line(todoComment(message, docsUrl)), ...code.slice(0, -1).map((text) => line(text)), line(code.at(-1) ?? "", true)];
  const placeholder = j.emptyStatement() as unknown as AstNode;
  placeholder["comments"] = [...own.filter((c) => c.leading), ...added, ...own.filter((c) => !c.leading)];
  // With the statement's location recast keeps the blank lines around it as they were; without
  // one it sets a multi-line statement off with blank lines (and a one-liner's neighbours
  // share its line, so there it must go without).
  if (ownsItsLines(ctx.source, start, end)) placeholder["loc"] = statement["loc"];
  body[index] = placeholder;
  return true;
}

/** Nothing but indentation before the statement on its first line, nothing but a line comment after it. */
function ownsItsLines(source: string, start: number, end: number): boolean {
  const lineStart = Math.max(source.lastIndexOf("\n", start - 1), source.lastIndexOf("\r", start - 1)) + 1;
  if (!/^[ \t]*$/.test(source.slice(lineStart, start))) return false;
  return /^[ \t]*(?:\/\/[^\r\n\u2028\u2029]*)?(?:[\r\n\u2028\u2029]|$)/.test(source.slice(end));
}

/**
 * The statement's lines, verbatim but for the indentation of its first line, taken off the
 * continuation lines that have it, except the lines inside a multi-line literal: there the
 * indentation is content.
 */
function originalLines(source: string, statement: AstNode, start: number, end: number): string[] {
  const column = (statement["loc"] as { start: { column: number } } | undefined)?.start.column ?? 0;
  const indentation = new RegExp(`^[ \\t]{${column}}`);
  const literals = literalRanges(statement);
  const lines: string[] = [];
  let offset = start;
  for (const match of source.slice(start, end).matchAll(/([^\r\n\u2028\u2029]*)(\r\n|[\n\r\u2028\u2029]|$)/g)) {
    const text = match[1] ?? "";
    const inLiteral = literals.some(([from, to]) => from < offset && offset < to);
    lines.push(lines.length === 0 || inLiteral ? text : text.replace(indentation, ""));
    offset += match[0].length;
    if (match[2] === "") break;
  }
  return lines;
}

/** Source ranges of the template and string literals in a statement (strings may continue with `\`). */
function literalRanges(statement: AstNode): [number, number][] {
  const ranges: [number, number][] = [];
  walkNodes(statement, (node) => {
    if (node.type === "TemplateLiteral" || node.type === "StringLiteral" || (node.type === "Literal" && typeof node["value"] === "string")) {
      if (typeof node["start"] === "number" && typeof node["end"] === "number") ranges.push([node["start"], node["end"]]);
      return false;
    }
    return true;
  });
  return ranges;
}
