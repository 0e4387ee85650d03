/**
 * events: v2 events and job invocations -> typed task triggers, and `eventTrigger({ filter })`
 * -> a guard at the top of `run`. With the project index (CLI runs) a send reaches the tasks in
 * other files that listened to its event; standalone (`jscodeshift -t`), only this file's jobs
 * are known and other sends get a migration marker. Runs first: it reads v2 shapes (`io` parameter, the
 * `eventTrigger` filter) that `io` and `define-job` rewrite away. Other calls on the v2 client
 * (`getRuns`, `defineDynamicSchedule`, ...) get a migration marker naming their replacement (client-calls.ts).
 */
import type { ASTPath } from "jscodeshift";
import { V2_JOB_METHODS } from "../src/catalog/exports.js";
import { type AstNode, findProperty, literalValue } from "../src/codemod/ast-helpers.js";
import { LEFTOVER_CALL_TEXT, markLeftoverClientCalls } from "../src/codemod/events/client-calls.js";
import { rewriteConcurrencyLimit } from "../src/codemod/events/concurrency-limit.js";
import { applyFilterGuard } from "../src/codemod/events/filter-guard.js";
import { createContext, flushImports, indexedSendAt, type EventsContext } from "../src/codemod/events/context.js";
import { rewriteInvoke } from "../src/codemod/events/invokes.js";
import { findLocalJobs, type LocalJob } from "../src/codemod/events/local-jobs.js";
import { rewriteSend, type SendVia } from "../src/codemod/events/send-events.js";
import { CodemodImportTracker } from "../src/codemod/import-tracker.js";
import { toJscodeshift, type MigrationContext, type MigrationTransform } from "../src/codemod/transform.js";
import { dispatchTable, walkTree } from "../src/codemod/tree-walk.js";

const SEND_METHODS = new Set(["sendEvent", "sendEvents"]);
const CONCURRENCY_LIMIT = "defineConcurrencyLimit";
const INVOKE_METHODS = new Set(V2_JOB_METHODS);
/** `visitCallExpression`'s dispatch (optional calls included). */
const CALL_DISPATCH = dispatchTable(["CallExpression"]);
const MIGHT_APPLY = /\.(?:sendEvents?|invoke|invokeAndWaitForCompletion|batchInvokeAndWaitForCompletion|defineConcurrencyLimit)\s*\(|\bfilter\s*:/;

export const migration: MigrationTransform = {
  name: "events",
  description:
    "sendEvent / invoke -> typed tasks.trigger / batch.trigger / job.trigger; eventTrigger filters -> a guard in run; defineConcurrencyLimit -> queue(); a TODO(trigger-v3-migrate) marker on other v2 client calls",
  mightApply: (source) => MIGHT_APPLY.test(source) || LEFTOVER_CALL_TEXT.test(source),
  apply({ j, root, filePath, source, target, project }: MigrationContext): boolean {
    const tracker = CodemodImportTracker.collect(j, root);
    const localJobs = findLocalJobs(j, root, tracker);
    const ctx = createContext(j, root, filePath, source, target, project, localJobs);
    let changed = false;

    const calls: { path: ASTPath; method: string }[] = [];
    walkTree(root.get() as ASTPath, (node, cursor) => {
      if (CALL_DISPATCH[node.type] === undefined) return;
      const callee = node["callee"] as AstNode;
      if (callee.type === "MemberExpression" && !callee["computed"]) {
        const method = (callee["property"] as AstNode)["name"] as string;
        if (SEND_METHODS.has(method) || INVOKE_METHODS.has(method) || method === CONCURRENCY_LIMIT) calls.push({ path: cursor.path(), method });
      }
    });
    // Innermost and last first: a rewrite never moves a call that is still waiting its turn.
    for (const { path, method } of calls.reverse()) {
      changed = rewriteCall(ctx, path, method) || changed;
    }

    for (const job of localJobs) changed = applyFilterGuard(j, job, ctx.typed) || changed;
    // After the rewrites: a defineConcurrencyLimit that became a queue is no leftover.
    changed = markLeftoverClientCalls(ctx, tracker) || changed;
    if (changed) flushImports(ctx);
    return changed;
  },
};

function rewriteCall(ctx: EventsContext, path: ASTPath, method: string): boolean {
  const node = path.node as unknown as AstNode;
  const receiver = (node["callee"] as AstNode)["object"] as AstNode;
  if (method === CONCURRENCY_LIMIT) return rewriteConcurrencyLimit(ctx, path);
  const indexed = indexedSendAt(ctx, node);
  const run = enclosingRun(ctx.localJobs, path);

  if (method === "sendEvent" || method === "sendEvents") {
    let via: SendVia | undefined;
    // An index that could not resolve the receiver knows no more than no index at all.
    if (ctx.project && indexed?.via !== "unresolved") via = indexed?.via === "io" || indexed?.via === "client" ? indexed.via : undefined;
    else via = localSender(ctx, receiver, run, node["arguments"] as AstNode[]);
    return via ? rewriteSend(ctx, path, method, via, indexed) : false;
  }

  const kind = method as "invoke" | "invokeAndWaitForCompletion" | "batchInvokeAndWaitForCompletion";
  const known = ctx.project ? indexed?.via === "job" && indexed.targets.length === 1 : isLocalJob(ctx, receiver);
  return known ? rewriteInvoke(ctx, path, kind, run !== undefined) : false;
}

/** Without an index: the io parameter of an enclosing job run, or an identifier receiver in a v2 file. */
function localSender(ctx: EventsContext, receiver: AstNode, run: LocalJob | undefined, args: AstNode[]): SendVia | undefined {
  if (receiver.type !== "Identifier") return undefined;
  const name = receiver["name"] as string;
  const params = run?.run ? ((run.run.node as unknown as AstNode)["params"] as AstNode[]) : [];
  if (params[1]?.type === "Identifier" && params[1]["name"] === name) return "io";
  // `io.sendEvent("cache key", { name, ... })` whose run is already a task (a second run).
  const [firstArgument, secondArgument] = args;
  if (typeof literalValue(firstArgument) === "string" && hasLiteralEventName(secondArgument)) return "io";
  // A client in a file that uses Trigger.dev v2 (a job or an SDK import), or any receiver given
  // the v2 event shape `{ name: "literal", ... }` (routes import their client from a local file).
  if (ctx.localJobs.length > 0 || /["']@trigger\.dev\//.test(ctx.source)) return "client";
  return hasLiteralEventName(firstArgument) ? "client" : undefined;
}

function hasLiteralEventName(argument: AstNode | undefined): boolean {
  const first = argument?.type === "ArrayExpression" ? ((argument["elements"] as AstNode[])[0] ?? undefined) : argument;
  if (first?.type !== "ObjectExpression") return false;
  return typeof literalValue(findProperty(first, "name")?.["value"]) === "string";
}

function isLocalJob(ctx: EventsContext, receiver: AstNode): boolean {
  return receiver.type === "Identifier" && ctx.localJobs.some((job) => job.bindingName === receiver["name"] && job.taskId !== "");
}

/** The v2 job whose `run` encloses this call, if any. */
function enclosingRun(jobs: readonly LocalJob[], path: ASTPath): LocalJob | undefined {
  for (let current: ASTPath | null = path.parent as ASTPath | null; current; current = current.parent as ASTPath | null) {
    const found = jobs.find((job) => job.run?.node === current!.node);
    if (found) return found;
  }
  return undefined;
}

export default toJscodeshift(migration);
