/**
 * Comments a rewrite must not lose: the ones written on and inside the nodes it replaces or drops.
 * One place for the three transforms that carry them (define-job's dropped options, the events
 * filter guard, a rewritten sendEvent).
 */
import type { JSCodeshift } from "jscodeshift";
import { type AstNode, walkNodes } from "./ast-helpers.js";

/**
 * The comments written on and inside `node`, in source order, each once (Babel may attach one
 * comment to two nodes); none inside a node of `skip` (those move into the output with their comments).
 */
export function writtenComments(node: AstNode, skip: ReadonlySet<unknown> = new Set()): AstNode[] {
  const found = new Map<number, AstNode>();
  walkNodes(node, (inner) => {
    if (skip.has(inner)) return false;
    for (const comment of (inner["comments"] as AstNode[] | undefined) ?? []) {
      const start = comment["start"];
      if (typeof start === "number" && !found.has(start)) found.set(start, comment);
    }
    return undefined;
  });
  return [...found.entries()].sort(([a], [b]) => a - b).map(([, comment]) => comment);
}

export function isBlockComment(comment: AstNode): boolean {
  return comment.type === "CommentBlock" || comment.type === "Block";
}

/** The comment as source text: `// x` or `/* x *\/`. */
export function commentSource(comment: AstNode): string {
  return isBlockComment(comment) ? `/*${String(comment["value"])}*/` : `//${String(comment["value"])}`;
}

/** Fresh leading copies (no location, so recast prints them where they now stand). */
export function leadingCopies(j: JSCodeshift, comments: readonly AstNode[]): AstNode[] {
  return comments.map((comment) => (isBlockComment(comment) ? j.commentBlock(String(comment["value"]), true, false) : j.commentLine(String(comment["value"]), true, false)) as unknown as AstNode);
}
