/**
 * `client.defineConcurrencyLimit({ id, limit })` -> `queue({ name: id, concurrencyLimit: limit })`:
 * the v2 shared limit is a shared queue in the task API (trigger-facts.md 2.1, 3 "Queues"). The
 * module keeps exporting the same name, so the jobs that import it still find it, and the v2
 * client loses one more user (it can then be deleted). Only the exact v2 shape `{ id, limit }`
 * is rewritten: `defineConcurrencyLimit` exists only on the v2 client.
 */
import type { ASTPath } from "jscodeshift";
import { type AstNode, findProperty, hasSpread, propertyName } from "../ast-helpers.js";
import { call, type EventsContext, object, prop } from "./context.js";

export function rewriteConcurrencyLimit(ctx: EventsContext, path: ASTPath): boolean {
  const node = path.node as unknown as AstNode;
  const [options, ...rest] = node["arguments"] as AstNode[];
  if (!options || rest.length > 0 || options.type !== "ObjectExpression" || hasSpread(options)) return false;
  const keys = (options["properties"] as AstNode[]).map(propertyName);
  if (keys.length !== 2 || !keys.includes("id") || !keys.includes("limit")) return false;
  const id = findProperty(options, "id")!["value"];
  const limit = findProperty(options, "limit")!["value"];
  ctx.valueImports.add("queue");
  path.replace(call(ctx, ctx.j.identifier("queue") as unknown as AstNode, [object(ctx, [prop(ctx, "name", id), prop(ctx, "concurrencyLimit", limit)])]));
  return true;
}
