/**
 * Builds replacement expressions from source text. Recast prints nodes it parsed by reusing their
 * text, so `wait.for({ minutes: 5 })` stays on one line instead of the printer's multi-line
 * object style; existing sub-expressions are spliced in as their own printed source.
 */
import type { JSCodeshift } from "jscodeshift";
import type { AstNode } from "./ast-helpers.js";
import { parseSnippet } from "./parsed-snippets.js";

/** Parses one expression with the file's parser. */
export function expressionFromSource(j: JSCodeshift, text: string): AstNode {
  const program = parseSnippet(j, `(${text});`)["program"] as AstNode;
  const statement = (program["body"] as AstNode[])[0]!;
  const expression = statement["expression"] as AstNode;
  // The wrapping parentheses are ours, not the code's.
  const extra = expression["extra"] as Record<string, unknown> | undefined;
  if (extra) {
    delete extra["parenthesized"];
    delete extra["parenStart"];
  }
  return expression;
}

/** The printed source of a node (its original text when unmodified). */
export function sourceOf(j: JSCodeshift, node: AstNode): string {
  return j(node as never).toSource();
}
