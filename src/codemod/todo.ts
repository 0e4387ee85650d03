/** `// TODO(trigger-v3-migrate): ...` markers: inserted once above a statement, counted, greppable. */
import type { ASTPath, JSCodeshift } from "jscodeshift";
import { TODO_MARKER, todoComment } from "../catalog/markers.js";

type Commentable = { comments?: { type: string; value: string; leading?: boolean; trailing?: boolean }[] | null };

/** The nearest ancestor that is a statement in a block/program body (where a line comment fits). */
export function enclosingStatement(path: ASTPath): ASTPath {
  let current: ASTPath | null = path;
  while (current) {
    const parent: ASTPath | null = current.parent;
    if (!parent) return current;
    const parentNode = parent.node as { type: string };
    if (parentNode.type === "Program" || parentNode.type === "BlockStatement" || parentNode.type === "StaticBlock") return current;
    // Object properties are good anchors too: the TODO sits right above `trigger: ...`.
    if (parentNode.type === "ObjectExpression") return current;
    current = parent;
  }
  return path;
}

/**
 * Puts `// TODO(trigger-v3-migrate): message link` above the statement holding `path`.
 * Returns false when that exact marker is already there (a second run adds none).
 */
export function addTodo(j: JSCodeshift, path: ASTPath, message: string, docsUrl?: string): boolean {
  const anchor = enclosingStatement(path).node as Commentable;
  const text = ` ${todoComment(message, docsUrl)}`;
  const comments = anchor.comments ?? [];
  if (comments.some((c) => c.leading !== false && c.value.trim() === text.trim())) return false;
  const comment = j.commentLine(text, true, false) as unknown as { type: string; value: string; leading?: boolean };
  anchor.comments = [...comments, comment];
  return true;
}

/** Every marker in a text, with its 1-based line (for the summary and `--json`). */
export function findTodoMarkers(text: string): { line: number; message: string }[] {
  const found: { line: number; message: string }[] = [];
  const lines = text.split(/\r?\n/);
  lines.forEach((line, index) => {
    const at = line.indexOf(TODO_MARKER);
    if (at === -1) return;
    const message = line.slice(at + TODO_MARKER.length).replace(/^:\s*/, "").replace(/\*\/\s*$/, "").trim();
    found.push({ line: index + 1, message });
  });
  return found;
}
