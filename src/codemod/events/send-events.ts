/**
 * `client.sendEvent(s)` / `io.sendEvent(s)` -> typed task triggers. The task API has no events:
 * an event becomes a trigger of every task that listened to it (from the project index, or the
 * file's own jobs without one).
 *   one listener:  tasks.trigger<typeof x>("x-id", payload, { idempotencyKey: id, delay })
 *   several:       batch.trigger<typeof a | typeof b>([{ id: "a-id", payload, options }, ...])
 *   sendEvents:    tasks.batchTrigger / batch.trigger over the same list, one item per task
 *   no listener:   the call is commented out under a TODO (with the index: nothing in the
 *                  project would have received it), or a TODO without an index.
 */
import type { ASTPath } from "jscodeshift";
import { TRIGGER_DOCS_URLS } from "../../catalog/docs.js";
import type { IndexedSend, JobRef } from "../../project/types.js";
import { type AstNode, findProperty, hasSpread, isNode, literalValue, propertyName, unwrapExpression } from "../ast-helpers.js";
import { camelCaseName } from "../define-job/naming.js";
import { addTodo } from "../todo.js";
import { leadingCopies, writtenComments } from "../written-comments.js";
import { call, delayFromSeconds, type EventsContext, hoist, isRepeatable, listenersOf, member, object, prop, statementOf, str, typeNameFor } from "./context.js";
import { commentOut } from "./comment-out.js";

export type SendVia = "client" | "io";

export const EVENTS_TODO = {
  noListener: (event: string) =>
    `no task in this project listens to "${event}" (the task API has no events): trigger the task that should handle it with tasks.trigger("<task-id>", payload), or delete this call`,
  noProject: (event: string) =>
    `the task API has no events and no task in this file listens to "${event}": run trigger-v3-migrate on the whole project to rewire it, or call yourTask.trigger(payload)`,
  dynamic: "the task API has no events: this event's name or shape is not a literal, so trigger the listening task(s) yourself with tasks.trigger(\"<task-id>\", payload)",
  mixed: "the task API has no events: these events have different names; trigger each listening task with tasks.batchTrigger(\"<task-id>\", items) or batch.trigger([...])",
} as const;

/** Rewrites one send; true when the tree changed. */
export function rewriteSend(ctx: EventsContext, path: ASTPath, kind: "sendEvent" | "sendEvents", via: SendVia, indexed: IndexedSend | undefined): boolean {
  const node = path.node as unknown as AstNode;
  const args = node["arguments"] as AstNode[];
  const offset = via === "io" ? 1 : 0; // io.sendEvent("cache key", event, options)
  const eventArgument = args[offset];
  const optionsArgument = args[offset + 1];
  if (!eventArgument) return false;
  return kind === "sendEvent" ? rewriteSingle(ctx, path, eventArgument, optionsArgument, indexed) : rewriteList(ctx, path, eventArgument, optionsArgument, indexed);
}

interface EventParts {
  name: string;
  payload: AstNode;
  id?: AstNode;
}

function eventParts(ctx: EventsContext, event: AstNode): EventParts | undefined {
  const object = unwrapExpression(event);
  if (object.type !== "ObjectExpression" || hasSpread(object)) return undefined;
  const name = literalValue(findProperty(object, "name")?.["value"]);
  if (typeof name !== "string") return undefined;
  const payload = findProperty(object, "payload");
  const id = findProperty(object, "id");
  return {
    name,
    payload: payload ? valueOf(payload) : (ctx.j.identifier("undefined") as unknown as AstNode),
    ...(id ? { id: valueOf(id) } : {}),
  };
}

/**
 * Comments written in the v2 event (`id: "e_1", // dedupes retries`) go above the statement that
 * now sends it; those on the payload and the id move with them.
 */
function carryEventComments(ctx: EventsContext, path: ASTPath, event: AstNode, moved: readonly (AstNode | undefined)[]): void {
  const comments = writtenComments(event, new Set(moved.filter((node) => node !== undefined)));
  const statement = statementOf(path)?.statement.node as AstNode | undefined;
  if (comments.length === 0 || !statement) return;
  statement["comments"] = [...((statement["comments"] as AstNode[] | undefined) ?? []), ...leadingCopies(ctx.j, comments)];
}

function valueOf(property: AstNode): AstNode {
  return property["value"] as AstNode;
}

function rewriteSingle(ctx: EventsContext, path: ASTPath, eventArgument: AstNode, optionsArgument: AstNode | undefined, indexed: IndexedSend | undefined): boolean {
  const parts = eventParts(ctx, eventArgument);
  if (!parts) return addTodo(ctx.j, path, EVENTS_TODO.dynamic, TRIGGER_DOCS_URLS.triggering);
  const listeners = indexed?.targets.length ? indexed.targets : listenersOf(ctx, parts.name);
  if (listeners.length === 0) return noListener(ctx, path, parts.name);
  const delay = deliveryOptions(ctx, optionsArgument);
  if (!delay) return addTodo(ctx.j, path, EVENTS_TODO.dynamic, TRIGGER_DOCS_URLS.triggering);
  carryEventComments(ctx, path, eventArgument, [parts.payload, parts.id]);

  if (listeners.length === 1) {
    const [only] = listeners as [JobRef];
    const options = optionsObject(ctx, parts.id, delay);
    ctx.valueImports.add("tasks");
    path.replace(call(ctx, member(ctx, "tasks", "trigger"), [str(ctx, only.taskId), parts.payload, ...(options ? [options] : [])], [typeNameFor(ctx, only)]));
    return true;
  }

  // Several listeners share one payload and key: evaluate each once.
  const base = camelCaseName(parts.name);
  const payload = isRepeatable(parts.payload) ? parts.payload : hoistedIdentifier(ctx, path, `${base}Payload`, parts.payload);
  const id = parts.id === undefined || isRepeatable(parts.id) ? parts.id : hoistedIdentifier(ctx, path, `${base}Key`, parts.id);
  if (!payload || (parts.id !== undefined && !id)) return addTodo(ctx.j, path, EVENTS_TODO.dynamic, TRIGGER_DOCS_URLS.triggering);
  const items = listeners.map((listener) => {
    const options = optionsObject(ctx, id, delay);
    return object(ctx, [prop(ctx, "id", str(ctx, listener.taskId)), prop(ctx, "payload", payload), ...(options ? [prop(ctx, "options", options)] : [])]);
  });
  ctx.valueImports.add("batch");
  path.replace(
    call(
      ctx,
      member(ctx, "batch", "trigger"),
      [ctx.j.arrayExpression(items as never) as unknown as AstNode],
      listeners.map((listener) => typeNameFor(ctx, listener)),
    ),
  );
  return true;
}

function hoistedIdentifier(ctx: EventsContext, path: ASTPath, wanted: string, value: AstNode): AstNode | undefined {
  const name = hoist(ctx, path, wanted, value);
  return name ? (ctx.j.identifier(name) as unknown as AstNode) : undefined;
}

/**
 * `sendEvents(list)`: every event of the list goes to every listener of its (single, literal)
 * name. The list is evaluated once; each event maps to one item per listening task.
 */
function rewriteList(ctx: EventsContext, path: ASTPath, list: AstNode, optionsArgument: AstNode | undefined, indexed: IndexedSend | undefined): boolean {
  const shape = listShape(list);
  const names = indexed?.events ?? shape?.names;
  if (!shape || !names || names.length === 0) return addTodo(ctx.j, path, EVENTS_TODO.dynamic, TRIGGER_DOCS_URLS.triggering);
  if (names.length > 1) return addTodo(ctx.j, path, EVENTS_TODO.mixed, TRIGGER_DOCS_URLS.triggering);
  const [name] = names as [string];
  const listeners = indexed?.targets.length ? indexed.targets : listenersOf(ctx, name);
  if (listeners.length === 0) return noListener(ctx, path, name);
  const delay = deliveryOptions(ctx, optionsArgument);
  if (!delay) return addTodo(ctx.j, path, EVENTS_TODO.dynamic, TRIGGER_DOCS_URLS.triggering);

  const { j } = ctx;
  // When the caller keeps the result (v2 returned the sent events), keep the events in that
  // variable and trigger from it, so `events.map((e) => e.id)` still reads the same ids.
  const kept = keptResult(path);
  let source = list;
  if (kept) {
    kept.declarator["init"] = list;
    source = j.identifier(kept.name) as unknown as AstNode;
  }

  // A callback parameter: shadowing an outer `event` is harmless, only the items read it.
  const eventName = "event";
  const eventRef = (): AstNode => j.identifier(eventName) as unknown as AstNode;
  const itemFor = (listener: JobRef | undefined): AstNode => {
    const options = optionsObject(ctx, shape.hasId ? member(ctx, eventRef(), "id") : undefined, delay);
    return object(ctx, [
      ...(listener ? [prop(ctx, "id", str(ctx, listener.taskId))] : []),
      prop(ctx, "payload", member(ctx, eventRef(), "payload")),
      ...(options ? [prop(ctx, "options", options)] : []),
    ]);
  };
  let trigger: AstNode;
  if (listeners.length === 1) {
    const [only] = listeners as [JobRef];
    const mapped = call(ctx, member(ctx, source, "map"), [j.arrowFunctionExpression([j.identifier(eventName)], itemFor(undefined) as never) as unknown as AstNode]);
    ctx.valueImports.add("tasks");
    trigger = call(ctx, member(ctx, "tasks", "batchTrigger"), [str(ctx, only.taskId), mapped], [typeNameFor(ctx, only)]);
  } else {
    const items = j.arrayExpression(listeners.map(itemFor) as never);
    const mapped = call(ctx, member(ctx, source, "flatMap"), [j.arrowFunctionExpression([j.identifier(eventName)], items) as unknown as AstNode]);
    ctx.valueImports.add("batch");
    trigger = call(ctx, member(ctx, "batch", "trigger"), [mapped], listeners.map((listener) => typeNameFor(ctx, listener)));
  }

  if (kept) {
    const statement = j.expressionStatement(j.awaitExpression(trigger as never)) as unknown as AstNode;
    kept.body.splice(kept.body.indexOf(kept.statement) + 1, 0, statement);
  } else {
    path.replace(trigger);
  }
  return true;
}

interface ListShape {
  names: string[];
  /** Every event carries an `id` (-> idempotencyKey). */
  hasId: boolean;
}

/** `[{ name, payload, id? }, ...]` or `list.map((x) => ({ name, payload, id? }))`. */
function listShape(list: AstNode): ListShape | undefined {
  const inner = unwrapExpression(list);
  const events: AstNode[] = [];
  if (inner.type === "ArrayExpression") {
    for (const element of inner["elements"] as unknown[]) {
      if (!isNode(element)) return undefined;
      events.push(unwrapExpression(element));
    }
  } else if (inner.type === "CallExpression") {
    const callee = inner["callee"] as AstNode;
    const callback = (inner["arguments"] as AstNode[])[0];
    if (callee.type !== "MemberExpression" || propertyNameOf(callee) !== "map" || !callback || !["ArrowFunctionExpression", "FunctionExpression"].includes(callback.type)) return undefined;
    const returned = returnedObject(callback);
    if (!returned) return undefined;
    events.push(returned);
  } else {
    return undefined;
  }
  if (events.length === 0 || events.some((event) => event.type !== "ObjectExpression" || hasSpread(event))) return undefined;
  const names = new Set<string>();
  for (const event of events) {
    const name = literalValue(findProperty(event, "name")?.["value"]);
    if (typeof name !== "string") return undefined;
    names.add(name);
  }
  return { names: [...names], hasId: events.every((event) => findProperty(event, "id") !== undefined) };
}

function propertyNameOf(memberNode: AstNode): string | undefined {
  const property = memberNode["property"] as AstNode;
  return !memberNode["computed"] && property.type === "Identifier" ? (property["name"] as string) : undefined;
}

function returnedObject(fn: AstNode): AstNode | undefined {
  const body = fn["body"] as AstNode;
  if (body.type !== "BlockStatement") return unwrapExpression(body);
  const last = (body["body"] as AstNode[]).at(-1);
  return last?.type === "ReturnStatement" && isNode(last["argument"]) ? unwrapExpression(last["argument"] as AstNode) : undefined;
}

/** `const events = await client.sendEvents(...)`: the declaration to keep the list in. */
function keptResult(path: ASTPath): { declarator: AstNode; name: string; statement: AstNode; body: AstNode[] } | undefined {
  const parent = path.parent?.node as unknown as AstNode | undefined;
  if (parent?.type !== "AwaitExpression") return undefined;
  const declaratorPath = path.parent.parent as ASTPath | null;
  const declarator = declaratorPath?.node as unknown as AstNode | undefined;
  if (declarator?.type !== "VariableDeclarator" || (declarator["id"] as AstNode).type !== "Identifier") return undefined;
  const holder = statementOf(declaratorPath!);
  if (!holder) return undefined;
  return { declarator, name: (declarator["id"] as AstNode)["name"] as string, statement: holder.statement.node as unknown as AstNode, body: holder.body };
}

/** v2 `SendEventOptions` -> the `delay` trigger option; undefined when they cannot be read. */
function deliveryOptions(ctx: EventsContext, options: AstNode | undefined): { delay?: AstNode } | undefined {
  if (!options) return {};
  const object = unwrapExpression(options);
  if (object.type !== "ObjectExpression" || hasSpread(object)) return undefined;
  const result: { delay?: AstNode } = {};
  for (const property of object["properties"] as AstNode[]) {
    const key = propertyName(property);
    if (key === "deliverAfter") result.delay = delayFromSeconds(ctx, valueOf(property));
    else if (key === "deliverAt") result.delay = valueOf(property);
    else if (key !== "accountId") return undefined; // accountId: v2 integrations only, nothing to keep
  }
  return result;
}

function optionsObject(ctx: EventsContext, id: AstNode | undefined, delivery: { delay?: AstNode }): AstNode | undefined {
  const properties: AstNode[] = [];
  if (id) properties.push(prop(ctx, "idempotencyKey", id));
  if (delivery.delay) properties.push(prop(ctx, "delay", delivery.delay));
  return properties.length > 0 ? object(ctx, properties) : undefined;
}

/** No task receives this event: with the index that is certain, so the call goes (kept as a comment). */
function noListener(ctx: EventsContext, path: ASTPath, event: string): boolean {
  if (!ctx.project) return addTodo(ctx.j, path, EVENTS_TODO.noProject(event), TRIGGER_DOCS_URLS.triggering);
  if (commentOut(ctx, path, EVENTS_TODO.noListener(event), TRIGGER_DOCS_URLS.triggering)) return true;
  return addTodo(ctx.j, path, EVENTS_TODO.noListener(event), TRIGGER_DOCS_URLS.triggering);
}
