/**
 * `run: async (payload, io, ctx) => {}` -> `run: async (payload, { ctx }) => {}`: the io parameter
 * goes (the io transform already rewrote what it could), ctx moves into the params object,
 * `ctx.job.id` becomes `ctx.task.id`, and scheduled payloads read `timestamp` instead of `ts`.
 */
import type { ASTPath, JSCodeshift } from "jscodeshift";
import { TRIGGER_DOCS_URLS } from "../../catalog/docs.js";
import { CTX_RENAMES, SCHEDULED_PAYLOAD_RENAMES, V2_CTX_WITHOUT_EQUIVALENT } from "../../catalog/tasks.js";
import { addTodo } from "../todo.js";
import { type AnyNode, child, children, identifierName, isFunction, parseParams, replaceParams } from "./ast.js";
import { boundNames, memberChain, parameterReferences, renameMember } from "./references.js";
import type { TaskFactory } from "./triggers.js";

export interface RunOptions {
  factory: TaskFactory;
  /** The file may carry type annotations (ts/tsx). */
  typed: boolean;
  /** Keys of the v2 `integrations` map (their `io.<key>` uses are named in the TODO). */
  integrationKeys: readonly string[];
}

/** The function path of `run: fn` / `run() {}`, or undefined when run is not written inline. */
export function functionPathOf(propertyPath: ASTPath): ASTPath | undefined {
  const property = propertyPath.node as unknown as AnyNode;
  if (property.type === "ObjectMethod") return propertyPath;
  const valuePath = propertyPath.get("value") as ASTPath;
  return isFunction(valuePath.node as unknown as AnyNode) ? valuePath : undefined;
}

export function rewriteRun(j: JSCodeshift, runPropertyPath: ASTPath, options: RunOptions): void {
  const fnPath = functionPathOf(runPropertyPath);
  if (!fnPath) {
    addTodo(j, runPropertyPath, "run now receives (payload, { ctx }) instead of (payload, io, ctx): update this function", TRIGGER_DOCS_URLS.tasks);
    return;
  }
  const fn = fnPath.node as unknown as AnyNode;
  const params = children(fn, "params");
  const [payloadParam, ioParam, ctxParam] = params;
  if (!payloadParam) return;
  const ioNames = boundNames(ioParam);
  const ctxName = identifierName(ctxParam);
  const payloadName = identifierName(payloadParam);
  const references = parameterReferences(fnPath, [...ioNames, ...(ctxName ? [ctxName] : []), ...(payloadName ? [payloadName] : [])]);

  const ctxUses = ctxName ? (references.get(ctxName) ?? []) : [];
  for (const use of ctxUses) migrateCtxUse(j, use);
  if (options.factory === "schedules.task") renameScheduledPayload(j, payloadParam, payloadName ? (references.get(payloadName) ?? []) : []);

  if (options.typed && options.factory === "task" && !payloadParam["typeAnnotation"] && payloadParam.type !== "AssignmentPattern") {
    // v2 payloads without a schema were `any`; an unannotated task payload would be `void`.
    payloadParam["typeAnnotation"] = j.tsTypeAnnotation(j.tsAnyKeyword());
  }
  if (options.factory === "schedules.task") delete payloadParam["typeAnnotation"];

  const newParams: AnyNode[] = [payloadParam];
  if (ctxParam && ctxName === undefined) {
    addTodo(j, runPropertyPath, "ctx is now the ctx field of run's second parameter: rewrite this destructuring as { ctx: ... }", TRIGGER_DOCS_URLS.tasks);
  }
  if (ctxParam && ctxUses.length > 0) newParams.push(ctxParamFor(j, ctxParam));
  replaceParams(j, fnPath, newParams);

  const ioUses = ioNames.flatMap((name) => references.get(name) ?? []);
  if (ioUses.length > 0) {
    const integrations = [...new Set(ioUses.map((use) => memberChain(use).names[0]).filter((k): k is string => k !== undefined && options.integrationKeys.includes(k)))];
    const which = integrations.length > 0 ? ` (integrations: ${integrations.join(", ")})` : "";
    addTodo(
      j,
      runPropertyPath,
      `the v2 io parameter is gone: rewrite the ${ioUses.length} remaining io use${ioUses.length === 1 ? "" : "s"} in this run${which}, each marked below`,
      TRIGGER_DOCS_URLS.upgradeFromV2,
    );
  }
}

/** `{ ctx }`, or `{ ctx: context }` when the v2 parameter had another name. */
function ctxParamFor(j: JSCodeshift, ctxParam: AnyNode): AnyNode {
  const name = identifierName(ctxParam);
  const [, pattern] = parseParams(j, `_, { ${name === "ctx" ? "ctx" : `ctx: ${name ?? "ctx"}`} }`);
  return pattern ?? ctxParam;
}

function migrateCtxUse(j: JSCodeshift, use: ASTPath): void {
  const { names, paths } = memberChain(use);
  for (const [from, to] of Object.entries(CTX_RENAMES)) {
    const fromParts = from.split(".");
    const toParts = to.split(".");
    if (fromParts.length !== toParts.length || !fromParts.every((part, i) => names[i] === part)) continue;
    toParts.forEach((part, i) => {
      const memberPath = paths[i];
      if (memberPath && part !== names[i]) renameMember(j, memberPath, part);
    });
    return;
  }
  for (const [member, advice] of Object.entries(V2_CTX_WITHOUT_EQUIVALENT)) {
    const parts = member.split(".");
    if (parts.every((part, i) => names[i] === part)) {
      addTodo(j, use, `ctx.${member} is gone: ${advice}`, TRIGGER_DOCS_URLS.upgradeFromV2);
      return;
    }
  }
}

/** `payload.ts` -> `payload.timestamp`; `({ ts })` -> `({ timestamp: ts })`. */
function renameScheduledPayload(j: JSCodeshift, payloadParam: AnyNode, uses: ASTPath[]): void {
  for (const use of uses) {
    const { names, paths } = memberChain(use);
    const renamed = names[0] === undefined ? undefined : SCHEDULED_PAYLOAD_RENAMES[names[0]];
    if (renamed && paths[0]) renameMember(j, paths[0], renamed);
  }
  if (payloadParam.type !== "ObjectPattern") return;
  for (const property of children(payloadParam, "properties")) {
    const key = child(property, "key");
    const renamed = key && !property["computed"] ? SCHEDULED_PAYLOAD_RENAMES[identifierName(key) ?? ""] : undefined;
    if (!renamed || !key) continue;
    property["key"] = j.identifier(renamed);
    property["shorthand"] = false;
  }
}
