/**
 * v2 job invocations -> task triggers on the same binding (the job variable becomes the task):
 *   job.invoke(payload, opts) / job.invoke("key", payload, opts) in a run -> job.trigger(payload, opts)
 *   job.invokeAndWaitForCompletion("key", payload, timeout?)   -> job.triggerAndWait(payload).unwrap()
 *     (kept as the `{ ok, output, error }` result when the caller reads `.ok`)
 *   job.batchInvokeAndWaitForCompletion("key", items)           -> (await job.batchTriggerAndWait(items)).runs
 * v2 InvokeOptions: `idempotencyKey` kept; `accountId` and `context` had no effect without
 * integrations and are dropped; `callbackUrl` gets a TODO. Wait timeouts (`timeoutInSeconds`)
 * have no counterpart: a child task's own `maxDuration` bounds it.
 */
import type { ASTPath, MemberExpression } from "jscodeshift";
import { TRIGGER_DOCS_URLS } from "../../catalog/docs.js";
import { type AstNode, hasSpread, isNode, propertyName, unwrapExpression } from "../ast-helpers.js";
import { addTodo } from "../todo.js";
import { dispatchTable, findPaths, freshPath } from "../tree-walk.js";
import { call, type EventsContext, member, str } from "./context.js";

type InvokeKind = "invoke" | "invokeAndWaitForCompletion" | "batchInvokeAndWaitForCompletion";

const CALLBACK_URL_TODO = "v2 invoke callbackUrl is gone: subscribe to the run (runs.subscribeToRun) or trigger a follow-up task from this task's onSuccess";
/** Fields of a v2 run notification that a task run result has under another form. */
const RESULT_FIELDS = new Set(["ok", "output", "error", "id"]);
/** `visitMemberExpression`'s dispatch (optional and JSX member expressions included). */
const MEMBER_DISPATCH = dispatchTable(["MemberExpression"]);

/** Rewrites one invocation whose receiver is known to be a v2 job; true when changed. */
export function rewriteInvoke(ctx: EventsContext, path: ASTPath, kind: InvokeKind, insideRun: boolean): boolean {
  const node = path.node as unknown as AstNode;
  const args = node["arguments"] as AstNode[];
  const callee = node["callee"] as AstNode;
  switch (kind) {
    case "invoke": {
      const keyed = insideRun && args.length >= 2;
      const payload = args[keyed ? 1 : 0];
      const options = args[keyed ? 2 : 1];
      renameMethod(ctx, callee, "trigger");
      node["arguments"] = [payload ?? ctx.j.identifier("undefined"), ...mappedOptions(ctx, path, options)];
      return true;
    }
    case "invokeAndWaitForCompletion": {
      // (cacheKey, payload, timeoutInSeconds = 3600, { accountId, context })
      const payload = args[1] ?? (ctx.j.identifier("undefined") as unknown as AstNode);
      renameMethod(ctx, callee, "triggerAndWait");
      node["arguments"] = [payload];
      if (readsResultFields(ctx, path)) return true;
      path.replace(call(ctx, member(ctx, node, "unwrap"), []));
      return true;
    }
    case "batchInvokeAndWaitForCompletion": {
      const items = args[1];
      if (!items) return false;
      renameMethod(ctx, callee, "batchTriggerAndWait");
      node["arguments"] = [mapBatchItems(ctx, path, items)];
      // v2 resolved to the array of run results; the task API to `{ id, runs }`.
      const parent = path.parent as ASTPath;
      if ((parent.node as unknown as AstNode).type === "AwaitExpression") parent.replace(member(ctx, parent.node as unknown as AstNode, "runs"));
      else {
        const { j } = ctx;
        const result = j.identifier("result");
        path.replace(call(ctx, member(ctx, node, "then"), [j.arrowFunctionExpression([result], member(ctx, "result", "runs") as never) as unknown as AstNode]));
      }
      return true;
    }
  }
}

function renameMethod(ctx: EventsContext, callee: AstNode, name: string): void {
  callee["property"] = ctx.j.identifier(name);
  callee["computed"] = false;
}

/** v2 InvokeOptions -> TriggerOptions (an argument list: empty when nothing is left). */
function mappedOptions(ctx: EventsContext, path: ASTPath, options: AstNode | undefined): AstNode[] {
  if (!options) return [];
  const object = unwrapExpression(options);
  if (object.type !== "ObjectExpression" || hasSpread(object)) return [options];
  const properties = object["properties"] as AstNode[];
  const kept = properties.filter((property) => {
    const key = propertyName(property);
    if (key === "callbackUrl") addTodo(ctx.j, path, CALLBACK_URL_TODO, TRIGGER_DOCS_URLS.triggering);
    return key !== "accountId" && key !== "context" && key !== "callbackUrl";
  });
  if (kept.length === 0) return [];
  object["properties"] = kept;
  return [object];
}

/** Batch items `{ payload, options?, timeoutInSeconds? }` -> `{ payload, options? }`. */
function mapBatchItems(ctx: EventsContext, path: ASTPath, items: AstNode): AstNode {
  const inner = unwrapExpression(items);
  const objects: AstNode[] = [];
  if (inner.type === "ArrayExpression") {
    for (const element of inner["elements"] as unknown[]) if (isNode(element) && unwrapExpression(element).type === "ObjectExpression") objects.push(unwrapExpression(element));
  } else if (inner.type === "CallExpression") {
    const callback = (inner["arguments"] as AstNode[])[0];
    if (callback && (callback.type === "ArrowFunctionExpression" || callback.type === "FunctionExpression")) {
      const body = callback["body"] as AstNode;
      const returned = body.type === "BlockStatement" ? (body["body"] as AstNode[]).at(-1)?.["argument"] : body;
      if (isNode(returned) && unwrapExpression(returned).type === "ObjectExpression") objects.push(unwrapExpression(returned));
    }
  }
  for (const item of objects) {
    item["properties"] = (item["properties"] as AstNode[]).filter((property) => propertyName(property) !== "timeoutInSeconds");
    const options = (item["properties"] as AstNode[]).find((property) => propertyName(property) === "options");
    if (options) {
      const mapped = mappedOptions(ctx, path, options["value"] as AstNode);
      if (mapped.length === 0) item["properties"] = (item["properties"] as AstNode[]).filter((property) => property !== options);
      else options["value"] = mapped[0];
    }
  }
  return items;
}

/**
 * `const result = await job.invokeAndWaitForCompletion(...)` followed by `result.ok`: keep the
 * result object (the task API's `{ ok, id, output | error }`) instead of unwrapping it. v2's
 * `result.status` becomes `"SUCCESS"`/`"FAILURE"` from `ok` (the task API result has no status).
 */
function readsResultFields(ctx: EventsContext, path: ASTPath): boolean {
  const awaitPath = path.parent as ASTPath;
  if ((awaitPath.node as unknown as AstNode).type !== "AwaitExpression") return false;
  const declarator = awaitPath.parent?.node as unknown as AstNode | undefined;
  if (declarator?.type !== "VariableDeclarator" || (declarator["id"] as AstNode).type !== "Identifier") return false;
  const name = (declarator["id"] as AstNode)["name"] as string;
  const scopeNode = enclosingBody(awaitPath);
  if (!scopeNode) return false;
  const { j } = ctx;
  // `j(scopeNode).find(j.MemberExpression, { object: { type: "Identifier", name } })`.
  const uses = findPaths(freshPath(scopeNode), MEMBER_DISPATCH, (node) => {
    const object = node["object"];
    return Object.hasOwn(node, "object") && typeof object === "object" && object !== null && Object.hasOwn(object, "type") && (object as AstNode).type === "Identifier" && Object.hasOwn(object, "name") && (object as AstNode)["name"] === name;
  }) as ASTPath<MemberExpression>[];
  const fields = uses.map((use) => propertyName({ type: "Property", key: use.node.property, computed: use.node.computed } as unknown as AstNode));
  if (!fields.includes("ok")) return false;
  for (const use of uses) {
    const field = propertyName({ type: "Property", key: use.node.property, computed: use.node.computed } as unknown as AstNode);
    if (field === "status") {
      const ok = member(ctx, name, "ok");
      use.replace(j.conditionalExpression(ok as never, str(ctx, "SUCCESS") as never, str(ctx, "FAILURE") as never));
    } else if (field !== undefined && !RESULT_FIELDS.has(field)) {
      addTodo(j, use as unknown as ASTPath, `v2 run results had \`${field}\`; a task run result has ok, id, output (or error)`, TRIGGER_DOCS_URLS.triggering);
    }
  }
  return true;
}

function enclosingBody(path: ASTPath): AstNode | undefined {
  for (let current: ASTPath | null = path; current; current = current.parent as ASTPath | null) {
    const node = current.node as unknown as AstNode;
    if (node.type === "BlockStatement" || node.type === "Program") return node;
  }
  return undefined;
}
