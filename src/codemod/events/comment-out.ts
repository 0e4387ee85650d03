/**
 * Turns a statement into comments under a TODO marker: used for sends that, per the project
 * index, nothing receives. Deleting them would hide intent; leaving them would keep a v2 call
 * that no longer type-checks. The code stays readable right under the marker.
 */
import type { ASTPath } from "jscodeshift";
import { todoComment } from "../../catalog/markers.js";
import type { AstNode } from "../ast-helpers.js";
import type { EventsContext } from "./context.js";

type Comment = { type: string; value: string; leading?: boolean; trailing?: boolean };

/** Comments out the expression statement holding `path`; false when it is not one (nothing changed). */
export function commentOut(ctx: EventsContext, path: ASTPath, message: string, docsUrl: string): boolean {
  let statementPath: ASTPath | null = path.parent as ASTPath | null;
  if ((statementPath?.node as unknown as AstNode | undefined)?.type === "AwaitExpression") statementPath = statementPath!.parent as ASTPath | null;
  const statement = statementPath?.node as unknown as AstNode | undefined;
  if (!statementPath || statement?.type !== "ExpressionStatement") return false;
  const holder = statementPath.parent?.node as unknown as AstNode | undefined;
  if (!holder || (holder.type !== "BlockStatement" && holder.type !== "Program")) return false;
  const body = holder["body"] as AstNode[];
  const index = body.indexOf(statement);
  const start = statement["start"];
  const end = statement["end"];
  if (index === -1 || typeof start !== "number" || typeof end !== "number") return false;

  const column = (statement["loc"] as { start: { column: number } } | undefined)?.start.column ?? 0;
  const lines = ctx.source
    .slice(start, end)
    .split(/\r?\n/)
    .map((line, lineIndex) => (lineIndex === 0 ? line : line.replace(new RegExp(`^[ \\t]{0,${column}}`), "")));
  const { j } = ctx;
  const own = ((statement["comments"] as Comment[] | undefined) ?? []).filter((c) => c.leading);
  const added = [todoComment(message, docsUrl), ...lines].map((line) => j.commentLine(` ${line}`, true, false) as unknown as Comment);

  const next = body[index + 1];
  const previous = body[index - 1];
  if (next) {
    next["comments"] = [...own, ...added, ...(((next["comments"] as Comment[] | undefined) ?? []) as Comment[])];
  } else if (previous) {
    const trailing = [...own, ...added].map((c) => ({ ...c, leading: false, trailing: true }));
    previous["comments"] = [...(((previous["comments"] as Comment[] | undefined) ?? []) as Comment[]), ...trailing];
  } else {
    return false;
  }
  body.splice(index, 1);
  return true;
}
