/**
 * v2 `onSuccess(notification)` / `onFailure(notification)` -> the target's hook form:
 * v4 `({ payload, ctx, output })` (one object), v3 `(payload, output, { ctx })` (positional).
 * Notification fields are mapped through the catalog; fields with no counterpart get a TODO.
 */
import type { ASTPath, JSCodeshift } from "jscodeshift";
import { TRIGGER_DOCS_URLS } from "../../catalog/docs.js";
import type { SdkMajor } from "../../catalog/packages.js";
import { V2_NOTIFICATION_FIELDS } from "../../catalog/tasks.js";
import { addTodo } from "../todo.js";
import { type AnyNode, children, identifierName, parseExpression, parseParams, replaceParams } from "./ast.js";
import { memberChain, parameterReferences } from "./references.js";
import { functionPathOf } from "./run.js";

export type V2HookName = "onSuccess" | "onFailure";

export const V2_JOB_HOOKS: readonly V2HookName[] = ["onSuccess", "onFailure"];

/** Notification fields sorted longest first, so `organization.title` wins over `organization`. */
const FIELDS = Object.entries(V2_NOTIFICATION_FIELDS)
  .map(([from, to]) => ({ from: from.split("."), to: to.split(".") }))
  .sort((a, b) => b.from.length - a.from.length);

export function rewriteHook(j: JSCodeshift, hookPropertyPath: ASTPath, hook: V2HookName, target: SdkMajor): void {
  const result = hook === "onSuccess" ? "output" : "error";
  const fnPath = functionPathOf(hookPropertyPath);
  if (!fnPath) {
    const form = target === 4 ? `({ payload, ctx, ${result} })` : `(payload, ${result}, { ctx })`;
    addTodo(j, hookPropertyPath, `${hook} no longer receives a v2 run notification: make this function take ${form}`, TRIGGER_DOCS_URLS.lifecycleHooks);
    return;
  }
  const fn = fnPath.node as unknown as AnyNode;
  const [param] = children(fn, "params");
  if (!param) return;
  const name = identifierName(param);
  if (!name) {
    addTodo(j, hookPropertyPath, `${hook} no longer receives a v2 run notification: rewrite this destructuring for the task API hook`, TRIGGER_DOCS_URLS.lifecycleHooks);
    return;
  }

  const used = new Set<string>();
  for (const use of parameterReferences(fnPath, [name]).get(name) ?? []) {
    const { names, paths } = memberChain(use);
    if (names.length === 0) {
      // The whole notification (usually logged): the closest thing is everything the hook gets.
      for (const n of ["payload", "ctx", result]) used.add(n);
      use.replace(parseExpression(j, `{ payload, ctx, ${result} }`));
      continue;
    }
    const field = FIELDS.find((f) => f.from.every((part, i) => names[i] === part));
    const covered = field ? paths[field.from.length - 1] : undefined;
    if (!field || !covered || (field.to[0] === "output" && hook !== "onSuccess") || (field.to[0] === "error" && hook !== "onFailure")) {
      addTodo(j, use, `notification.${names.join(".")} has no task API equivalent in ${hook}: rewrite it with payload, ctx or ${result}`, TRIGGER_DOCS_URLS.lifecycleHooks);
      continue;
    }
    used.add(field.to[0] ?? "ctx");
    covered.replace(parseExpression(j, field.to.join(".")));
  }
  // 3.x hook types return Promise<void>: a v2 hook written as a plain function must become async.
  if (target === 3 && fn["async"] !== true && fn["generator"] !== true) fn["async"] = true;
  replaceParams(j, fnPath, target === 4 ? v4Params(j, used, result) : v3Params(j, used, result));
}

function v4Params(j: JSCodeshift, used: Set<string>, result: string): AnyNode[] {
  const names = ["payload", "ctx", result].filter((n) => used.has(n));
  return names.length === 0 ? [] : parseParams(j, `{ ${names.join(", ")} }`);
}

function v3Params(j: JSCodeshift, used: Set<string>, result: string): AnyNode[] {
  const payload = used.has("payload") ? "payload" : "_payload";
  const output = used.has(result) ? result : `_${result}`;
  if (used.has("ctx")) return parseParams(j, `${payload}, ${output}, { ctx }`);
  if (used.has(result)) return parseParams(j, `${payload}, ${output}`);
  return used.has("payload") ? parseParams(j, payload) : [];
}
