/**
 * `client.defineConcurrencyLimit({ id, limit })` -> `queue({ name: id, concurrencyLimit: limit })`:
 * the v2 shared limit is a shared queue in the task API (trigger-facts.md 2.1, 3 "Queues"). The
 * module keeps exporting the same name, so the jobs that import it still find it, and the v2
 * client loses one more user (it can then be deleted). Only the exact v2 shape `{ id, limit }`
 * is rewritten: `defineConcurrencyLimit` exists only on the v2 client.
 */
import type { ASTPath } from "jscodeshift";
import { type AstNode, findProperty, hasSpread, propertyName, walkNodes } from "../ast-helpers.js";
import { call, type EventsContext, object, prop } from "./context.js";

export function rewriteConcurrencyLimit(ctx: EventsContext, path: ASTPath): boolean {
  const node = path.node as unknown as AstNode;
  const [options, ...rest] = node["arguments"] as AstNode[];
  if (!options || rest.length > 0 || options.type !== "ObjectExpression" || hasSpread(options)) return false;
  const keys = (options["properties"] as AstNode[]).map(propertyName);
  if (keys.length !== 2 || !keys.includes("id") || !keys.includes("limit")) return false;
  const id = findProperty(options, "id")!;
  const limit = findProperty(options, "limit")!;
  ctx.valueImports.add("queue");
  const queue = ctx.j.identifier("queue") as unknown as AstNode;
  if (hasComments(options)) {
    // Renamed in place, so every comment prints where it was written: recast prints a line
    // comment that trails a property of a rebuilt object above it, set off by a blank line.
    renameKey(ctx, id, "name");
    renameKey(ctx, limit, "concurrencyLimit");
    path.replace(call(ctx, queue, [options]));
    return true;
  }
  path.replace(call(ctx, queue, [object(ctx, [prop(ctx, "name", id["value"]), prop(ctx, "concurrencyLimit", limit["value"])])]));
  return true;
}

function hasComments(options: AstNode): boolean {
  let found = false;
  walkNodes(options, (node) => {
    if (Array.isArray(node["comments"]) && node["comments"].length > 0) found = true;
    return !found;
  });
  return found;
}

function renameKey(ctx: EventsContext, property: AstNode, name: string): void {
  property["key"] = ctx.j.identifier(name);
  property["computed"] = false;
  property["shorthand"] = false;
}
