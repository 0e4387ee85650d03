/**
 * Rewrites every use of one v2 job's `io` parameter. References are found by scope (the run's
 * second parameter, plus the `io` parameter of its runTask callbacks), then edited from the last
 * to the first so inner calls are done before the callback that holds them is unwrapped.
 */
import type { ASTPath, JSCodeshift } from "jscodeshift";
import { ioMemberInfo, INTEGRATION_METHOD_RENAMES, officialClientFor, RUN_TASK_DISPLAY_OPTIONS, V2_RETRY_OPTION_RENAMES } from "../../catalog/io.js";
import { isTaskApiSource, isV2OnlyPackage, type SdkMajor } from "../../catalog/packages.js";
import { bestWaitUnit } from "../../catalog/tasks.js";
import {
  type AstNode,
  constantNumber,
  enclosingFunction,
  hasSpread,
  isAttached,
  isCallExpression,
  isFunctionExpression,
  isMemberExpression,
  isNode,
  isReferenceIdentifier,
  literalValue,
  memberPropertyName,
  propertyName,
  startOf,
  walkNodes,
} from "../ast-helpers.js";
import type { CodemodImportTracker } from "../import-tracker.js";
import { expressionFromSource, sourceOf } from "../snippets.js";
import { establishesScope } from "../scopes.js";
import { IDENTIFIER_DISPATCH, walkTree } from "../tree-walk.js";
import { addTodo } from "../todo.js";
import { awaitOperand, callContext, isNeverThenable, isSideEffectFree, planInline, replaceStatement } from "./inline.js";
import type { V2Job } from "./jobs.js";
import * as todos from "./messages.js";

interface Scope {
  lookup(name: string): Scope | null;
  isGlobal: boolean;
}

export interface IoRewriteContext {
  j: JSCodeshift;
  tracker: CodemodImportTracker;
  target: SdkMajor;
  program: AstNode;
  /** Path of the Program node (for TODOs on top-level statements). */
  programPath: ASTPath;
  /** Top-level variables that hold (or are being made) an official SDK client: name -> v2 package. */
  officialClients: ReadonlyMap<string, string>;
}

class JobRewriter {
  changed = false;
  /** The `io` node of the first use of each integration key: its TODO goes there. */
  private readonly firstIntegrationUse = new Set<unknown>();

  constructor(
    private readonly rc: IoRewriteContext,
    private readonly job: V2Job,
  ) {}

  run(): boolean {
    const references = this.collectReferences();
    references.sort((a, b) => startOf(a.node) - startOf(b.node));
    const seenKeys = new Set<string>();
    for (const reference of references) {
      const member = (reference.parent as ASTPath).node as unknown as AstNode;
      const key = isMemberExpression(member) ? memberPropertyName(member) : undefined;
      if (key !== undefined && this.job.integrations.has(key) && !seenKeys.has(key)) {
        seenKeys.add(key);
        this.firstIntegrationUse.add(reference.node);
      }
    }
    references.reverse();
    for (const reference of references) {
      if (isAttached(reference)) this.handle(reference);
    }
    return this.changed;
  }

  // ---- finding references ------------------------------------------------------------------

  /** The run's io references plus those of the `io` parameter of nested runTask callbacks. */
  private collectReferences(): ASTPath[] {
    const found: ASTPath[] = [];
    const queue: { fn: ASTPath; name: string }[] = [{ fn: this.job.run, name: this.job.ioName }];
    for (let item = queue.shift(); item; item = queue.shift()) {
      for (const reference of referencesTo(item.fn, item.name)) {
        found.push(reference);
        const nested = this.runTaskCallbackIo(reference);
        if (nested) queue.push(nested);
      }
    }
    return found;
  }

  /** For `io.runTask(k, async (task, io) => ...)`: the callback and its io parameter name. */
  private runTaskCallbackIo(reference: ASTPath): { fn: ASTPath; name: string } | undefined {
    const member = reference.parent as ASTPath;
    const memberNode = member.node as unknown as AstNode;
    if (!isMemberExpression(memberNode) || memberNode["object"] !== reference.node) return undefined;
    const name = memberPropertyName(memberNode);
    let call = member.parent as ASTPath;
    let ioIndex = 1;
    if (name !== "runTask") {
      // io.<integration>.runTask(k, async (client, task, io) => ...)
      if (name === undefined || !this.job.integrations.has(name)) return undefined;
      const outer = call.node as unknown as AstNode;
      if (!isMemberExpression(outer) || memberPropertyName(outer) !== "runTask") return undefined;
      call = call.parent as ASTPath;
      ioIndex = 2;
    }
    const callNode = call.node as unknown as AstNode;
    if (!isCallExpression(callNode)) return undefined;
    const args = callNode["arguments"] as AstNode[];
    const index = args.findIndex((a, i) => i > 0 && isFunctionExpression(a));
    if (index === -1) return undefined;
    const param = (args[index]!["params"] as AstNode[])[ioIndex];
    if (!param || param.type !== "Identifier") return undefined;
    return { fn: call.get("arguments", index) as ASTPath, name: param["name"] as string };
  }

  // ---- dispatch ------------------------------------------------------------------------------

  private handle(reference: ASTPath): void {
    const member = reference.parent as ASTPath;
    const memberNode = member.node as unknown as AstNode;
    if (!isMemberExpression(memberNode) || memberNode["object"] !== reference.node) return this.todo(reference, todos.BARE_IO_TODO);
    const name = memberPropertyName(memberNode);
    if (name === undefined) return this.todo(reference, todos.BARE_IO_TODO);
    if (name === "logger") return this.rewriteLogger(member);
    if (!ioMemberInfo(name) && this.job.integrations.has(name)) return this.rewriteIntegration(member, name);
    const call = calleeCall(member);
    if (!call) return this.todo(member, todos.ioMemberTodo(name));
    switch (name) {
      case "wait":
        return this.rewriteWait(call);
      case "runTask":
        return this.rewriteRunTask(call, 0);
      case "try":
        return this.rewriteTry(call);
      case "backgroundFetch":
        return this.rewriteBackgroundFetch(call);
      case "random":
        return this.rewriteRandom(call);
      default:
        return this.todo(call, todos.ioMemberTodo(name));
    }
  }

  private todo(path: ASTPath, text: todos.TodoText): void {
    if (addTodo(this.rc.j, path, text.message, text.docsUrl)) this.changed = true;
  }

  /** Can the task API export `name` be written bare at `path` (free, or already imported from the SDK)? */
  private sdkNameUsable(path: ASTPath, name: string): boolean {
    const scope = (path.scope as Scope | null)?.lookup(name);
    if (!scope) return true;
    if (!scope.isGlobal) return false;
    return this.rc.tracker.localNameOf(name, (source) => isTaskApiSource(source, this.rc.target)) === name;
  }

  private globalUsable(path: ASTPath, name: string): boolean {
    return !(path.scope as Scope | null)?.lookup(name);
  }

  private replace(path: ASTPath, node: unknown): void {
    path.replace(node as never);
    this.changed = true;
  }

  // ---- io.logger -----------------------------------------------------------------------------

  private rewriteLogger(member: ASTPath): void {
    if (!this.sdkNameUsable(member, "logger")) return this.todo(member, todos.nameTakenTodo("logger", "logger"));
    this.replace(member, this.rc.j.identifier("logger"));
    // v2 logger calls returned promises; the task API logger returns void, so `await` goes.
    const method = member.parent as ASTPath;
    const call = method && (method.node as unknown as AstNode)["object"] === member.node ? calleeCall(method) : undefined;
    const awaitPath = call?.parent as ASTPath | undefined;
    const awaitNode = awaitPath?.node as unknown as AstNode | undefined;
    if (call && awaitPath && awaitNode?.type === "AwaitExpression" && awaitNode["argument"] === call.node) this.replace(awaitPath, call.node);
  }

  // ---- io.wait -------------------------------------------------------------------------------

  private rewriteWait(call: ASTPath): void {
    const j = this.rc.j;
    const seconds = ((call.node as unknown as AstNode)["arguments"] as AstNode[])[1];
    if (!seconds) return this.todo(call, todos.ioMemberTodo("wait"));
    if (!this.sdkNameUsable(call, "wait")) return this.todo(call, todos.nameTakenTodo("wait", "wait"));
    const constant = constantNumber(seconds);
    let duration: string;
    if (constant !== undefined && constant >= 0) {
      const { unit, amount } = bestWaitUnit(constant);
      duration = `{ ${unit}: ${amount} }`;
    } else {
      duration = `{ seconds: ${sourceOf(j, seconds)} }`;
    }
    const waitFor = expressionFromSource(j, `wait.for(${duration})`);
    const context = callContext(call);
    const fn = enclosingFunction(call)?.node as unknown as AstNode | undefined;
    const wrap = context.kind === "statement" && !context.awaited && fn?.["async"] === true;
    this.replace(call, wrap ? j.awaitExpression(waitFor as never) : waitFor);
  }

  // ---- io.random -----------------------------------------------------------------------------

  private rewriteRandom(call: ASTPath): void {
    const j = this.rc.j;
    const options = ((call.node as unknown as AstNode)["arguments"] as AstNode[])[1];
    let min: AstNode | undefined;
    let max: AstNode | undefined;
    let round = false;
    if (options) {
      if (options.type !== "ObjectExpression" || hasSpread(options)) return this.todo(call, todos.RANDOM_OPTIONS_TODO);
      for (const property of options["properties"] as AstNode[]) {
        const key = propertyName(property);
        const value = property["value"] as AstNode;
        if (key === "min") min = value;
        else if (key === "max") max = value;
        else if (key === "round" && typeof literalValue(value) === "boolean") round = literalValue(value) === true;
        else return this.todo(call, todos.RANDOM_OPTIONS_TODO);
      }
    }
    if (!this.globalUsable(call, "Math")) return this.todo(call, todos.ioMemberTodo("random"));
    const scaled = randomExpression(j, min, max);
    const value = expressionFromSource(j, round ? `Math.round(${scaled})` : scaled);
    const parent = call.parent as ASTPath;
    const parentNode = parent.node as unknown as AstNode;
    if (parentNode.type === "AwaitExpression" && parentNode["argument"] === call.node) return this.replace(parent, value);
    this.replace(call, expressionFromSource(j, `Promise.resolve(${sourceOf(j, value)})`));
  }

  // ---- io.backgroundFetch --------------------------------------------------------------------

  private rewriteBackgroundFetch(call: ASTPath): void {
    const j = this.rc.j;
    const node = call.node as unknown as AstNode;
    const args = node["arguments"] as AstNode[];
    if (args.length > 3) return this.todo(call, todos.BACKGROUND_FETCH_OPTIONS_TODO);
    if (args.length < 2 || !this.globalUsable(call, "fetch")) return this.todo(call, todos.ioMemberTodo("backgroundFetch"));
    const fetchArgs = args.slice(1).map((argument) => sourceOf(j, argument)).join(", ");
    // backgroundFetch resolved to the parsed JSON body, typed by its type argument.
    const typeArgument = typeArgumentOf(node);
    const json = typeArgument ? `response.json() as Promise<${sourceOf(j, typeArgument)}>` : "response.json()";
    this.replace(call, expressionFromSource(j, `fetch(${fetchArgs}).then((response) => ${json})`));
  }

  // ---- io.try --------------------------------------------------------------------------------

  private rewriteTry(call: ASTPath): void {
    const j = this.rc.j;
    const [tryCallback, catchCallback] = (call.node as unknown as AstNode)["arguments"] as AstNode[];
    if (!tryCallback || !catchCallback) return this.todo(call, todos.ioMemberTodo("try"));
    const context = callContext(call);
    const catchParams = isFunctionExpression(catchCallback) ? (catchCallback["params"] as AstNode[]) : [];
    const simple =
      context.kind === "statement" &&
      context.awaited &&
      [tryCallback, catchCallback].every((cb) => isFunctionExpression(cb) && (cb["body"] as AstNode).type === "BlockStatement" && !hasOwnReturnOrVar(cb)) &&
      (tryCallback["params"] as AstNode[]).length === 0 &&
      catchParams.length <= 1 &&
      (catchParams.length === 0 || catchParams[0]!.type === "Identifier");
    if (simple) {
      const handler = j.catchClause((catchParams[0] ?? null) as never, null, catchCallback["body"] as never);
      const statement = j.tryStatement(tryCallback["body"] as never, handler);
      replaceStatement(context.statement, [statement as unknown as AstNode]);
      this.changed = true;
      return;
    }
    // io.try's own semantics in one expression (it awaited both callbacks inside its try).
    const catchArgument = catchParams.length > 0 || !isFunctionExpression(catchCallback) ? "error" : "";
    const text = `(async () => {\n  try {\n    return await (${sourceOf(j, tryCallback)})();\n  } catch (error) {\n    return await (${sourceOf(j, catchCallback)})(${catchArgument});\n  }\n})()`;
    this.replace(call, expressionFromSource(j, text));
  }

  // ---- io.runTask / io.<integration>.runTask ---------------------------------------------------

  /**
   * `clientName` is set for an integration's runTask, whose callback gets `(client, task, io)`.
   */
  private rewriteRunTask(call: ASTPath, paramOffset: 0 | 1, clientName?: string): void {
    const j = this.rc.j;
    const node = call.node as unknown as AstNode;
    const args = node["arguments"] as AstNode[];
    let callbackIndex = -1;
    let options: AstNode | undefined;
    let onError: AstNode | undefined;
    if (isFunctionExpression(args[1])) {
      callbackIndex = 1;
      options = args[2];
      onError = args[3];
    } else if (isFunctionExpression(args[2]) && args[1]?.type === "ObjectExpression") {
      // The SDK 2.0 order: io.runTask(key, options, callback)
      callbackIndex = 2;
      options = args[1];
      onError = args[3];
    }
    if (callbackIndex === -1) return this.todo(call, todos.RUN_TASK_SHAPE_TODO);
    if (onError) return this.todo(call, todos.RUN_TASK_ON_ERROR_TODO);
    const callbackPath = call.get("arguments", callbackIndex) as ASTPath;
    const callback = callbackPath.node as unknown as AstNode;

    // Options: display-only keys go, `retry` becomes retry.onThrow, anything else needs a human.
    let retryOptions: AstNode | undefined;
    if (options) {
      if (options.type !== "ObjectExpression" || hasSpread(options)) return this.todo(call, todos.RUN_TASK_SHAPE_TODO);
      const unknown: string[] = [];
      for (const property of options["properties"] as AstNode[]) {
        const key = propertyName(property);
        if (key === "retry") retryOptions = property["value"] as AstNode;
        else if (key === undefined || !RUN_TASK_DISPLAY_OPTIONS.includes(key)) unknown.push(key ?? "[computed]");
      }
      if (unknown.length > 0) return this.todo(call, todos.runTaskOptionsTodo(unknown));
    }
    let onThrowOptions: string | undefined;
    if (retryOptions) {
      onThrowOptions = this.retryOnThrowOptions(retryOptions);
      if (!onThrowOptions) return this.todo(call, todos.runTaskOptionsTodo(["retry"]));
      if (!this.sdkNameUsable(call, "retry")) return this.todo(call, todos.nameTakenTodo("runTask", "retry"));
    }

    // Parameters: the integration client is renamed to the official client, task must be unused,
    // io must be the job's own io (same name) or unused.
    const params = callback["params"] as AstNode[];
    if (params.some((p) => p.type !== "Identifier") || params.length > paramOffset + 2) return this.todo(call, todos.RUN_TASK_SHAPE_TODO);
    if (clientName !== undefined && params[0] && !this.renameParameter(callbackPath, params[0]["name"] as string, clientName)) {
      return this.todo(call, todos.RUN_TASK_SHAPE_TODO);
    }
    const taskParam = params[paramOffset];
    if (taskParam && mentions(callback, taskParam["name"] as string)) return this.todo(call, todos.RUN_TASK_TASK_PARAM_TODO);
    const ioParam = params[paramOffset + 1];
    if (ioParam && ioParam["name"] !== this.job.ioName && mentions(callback, ioParam["name"] as string)) return this.todo(call, todos.RUN_TASK_SHAPE_TODO);
    callback["params"] = [];
    this.changed = true;

    if (onThrowOptions) {
      return this.replace(call, expressionFromSource(j, `retry.onThrow(${sourceOf(j, callback)}, ${onThrowOptions})`));
    }

    const context = callContext(call);
    const body = callback["body"] as AstNode;
    if (body.type !== "BlockStatement") {
      if (!context.awaited) return this.replace(call, j.callExpression(callback as never, []));
      // `await io.runTask(k, async () => expr)` -> `await expr` (or just `expr` for plain values;
      // nothing at all when the result is unused and `expr` has no effect)
      if (context.kind === "statement" && isSideEffectFree(body)) {
        replaceStatement(context.statement, []);
        return;
      }
      const awaitPath = call.parent as ASTPath;
      if (isNeverThenable(body) || body.type === "AwaitExpression") return this.replace(awaitPath, body);
      return this.replace(call, awaitOperand(j, body));
    }
    const plan = planInline(j, callback, context, enclosingFunction(call)?.node as unknown as AstNode | undefined);
    if (plan) {
      if (context.kind !== "expression") replaceStatement(context.statement, plan.statements);
      return;
    }
    this.replace(call, j.callExpression(callback as never, []));
  }

  /** `{ limit: 3, factor: 2 }` -> source `{ maxAttempts: 3, factor: 2 }`, or undefined when not a plain literal. */
  private retryOnThrowOptions(retry: AstNode): string | undefined {
    const j = this.rc.j;
    if (retry.type !== "ObjectExpression" || hasSpread(retry)) return undefined;
    const properties: string[] = [];
    for (const property of retry["properties"] as AstNode[]) {
      const key = propertyName(property);
      const renamed = key === undefined ? undefined : V2_RETRY_OPTION_RENAMES[key];
      if (!renamed || property.type === "ObjectMethod" || property["method"]) return undefined;
      properties.push(`${renamed}: ${sourceOf(j, property["value"] as AstNode)}`);
    }
    return properties.length === 0 ? "{}" : `{ ${properties.join(", ")} }`;
  }

  /** Renames a callback parameter's references to `to` where `to` means the same thing inside. */
  private renameParameter(callbackPath: ASTPath, from: string, to: string): boolean {
    if (from === to) return true;
    const callbackScope = callbackPath.scope as Scope;
    const outside = (callbackPath.parent as ASTPath).scope as Scope | null;
    const expected = outside?.lookup(to) ?? null;
    const references = referencesTo(callbackPath, from).filter((p) => (p.scope as Scope | null)?.lookup(from) === callbackScope);
    if (references.some((p) => ((p.scope as Scope | null)?.lookup(to) ?? null) !== expected)) return false;
    for (const reference of references) {
      const parent = reference.parent.node as unknown as AstNode;
      if (parent["shorthand"] && parent["value"] === reference.node) parent["shorthand"] = false;
      (reference.node as unknown as AstNode)["name"] = to;
    }
    return true;
  }

  // ---- io.<integration> ------------------------------------------------------------------------

  private rewriteIntegration(member: ASTPath, key: string): void {
    const j = this.rc.j;
    // A value the io transform makes an official client keeps its own name; else io.<key> -> <key>.
    const valueName = this.job.integrations.get(key);
    const officialPackage = valueName === undefined ? undefined : this.rc.officialClients.get(valueName);
    const clientName = officialPackage !== undefined ? valueName! : key;
    const scope = (member.scope as Scope | null)?.lookup(clientName);
    if (scope && !scope.isGlobal) return this.todo(member, todos.nameTakenTodo(key, clientName));

    if (officialPackage === undefined && this.firstIntegrationUse.has((member.node as unknown as AstNode)["object"])) {
      const v2Package = this.integrationPackage(key);
      this.todo(member, todos.integrationClientTodo(key, clientName, v2Package));
      if (v2Package) this.markIntegrationImport(v2Package);
    }

    // io.<key>.runTask(k, async (client) => ...) hands over the native client (the official one).
    const outer = member.parent as ASTPath;
    const outerNode = outer.node as unknown as AstNode;
    if (isMemberExpression(outerNode) && outerNode["object"] === member.node && memberPropertyName(outerNode) === "runTask") {
      const call = calleeCall(outer);
      if (call) return this.rewriteRunTask(call, 1, clientName);
    }

    this.replace(member, j.identifier(clientName));
    // Walk up the member chain to the call it is the callee of, then drop the cache key.
    const methodPath: (string | undefined)[] = [];
    let chain: ASTPath = member;
    while (isMemberExpression((chain.parent as ASTPath).node) && ((chain.parent as ASTPath).node as unknown as AstNode)["object"] === chain.node) {
      chain = chain.parent as ASTPath;
      methodPath.push(memberPropertyName(chain.node as unknown as AstNode));
    }
    const call = chain === member ? undefined : calleeCall(chain);
    const v2MethodPath = [...methodPath];
    let sameShape = false;
    if (call) {
      const chainNode = chain.node as unknown as AstNode;
      const method = methodPath.at(-1);
      const renamed = method === undefined ? undefined : INTEGRATION_METHOD_RENAMES[method];
      if (renamed && !chainNode["computed"]) {
        chainNode["property"] = j.identifier(renamed);
        methodPath[methodPath.length - 1] = renamed;
      }
      const args = (call.node as unknown as AstNode)["arguments"] as AstNode[];
      const first = args[0];
      const keyDropped = first !== undefined && (typeof literalValue(first) === "string" || first.type === "TemplateLiteral" || first.type === "ArrayExpression");
      if (keyDropped) args.shift();
      // The official call: params plus optional request options, as v2 passed them on.
      const official = keyDropped && args.length >= 1 && !hasSpreadArgument(args) && isSameShapeMethod(officialPackage, methodPath);
      const droppedOptions = official ? dropV2OnlyArguments(args) : [];
      sameShape = official && args.length <= 2;
      if (sameShape && droppedOptions.length > 0) this.todo(call, todos.droppedBackgroundOptionsTodo(key, clientName, v2MethodPath, droppedOptions));
    }
    if (officialPackage !== undefined && !sameShape) this.todo(call ?? member, todos.officialClientCallTodo(key, clientName, officialPackage, v2MethodPath));
  }

  /** A TODO above `import { OpenAI } from "@trigger.dev/openai"`: the package itself must go. */
  private markIntegrationImport(v2Package: string): void {
    const body = this.rc.program["body"] as AstNode[];
    const index = body.findIndex((statement) => statement.type === "ImportDeclaration" && literalValue(statement["source"]) === v2Package);
    if (index === -1) return;
    const path = this.rc.programPath.get("body", index) as ASTPath;
    this.todo(path, todos.integrationPackageTodo(v2Package));
  }

  /** The v2 package the integration value was constructed from, when this file shows it. */
  private integrationPackage(key: string): string | undefined {
    const valueName = this.job.integrations.get(key);
    if (!valueName) return undefined;
    for (const statement of this.rc.program["body"] as AstNode[]) {
      const declaration = statement.type === "ExportNamedDeclaration" ? (statement["declaration"] as AstNode | null) : statement;
      if (!declaration || declaration.type !== "VariableDeclaration") continue;
      for (const declarator of declaration["declarations"] as AstNode[]) {
        const id = declarator["id"] as AstNode;
        const init = declarator["init"] as AstNode | null;
        if (id.type !== "Identifier" || id["name"] !== valueName || init?.type !== "NewExpression") continue;
        const callee = init["callee"] as AstNode;
        if (callee.type !== "Identifier") continue;
        const binding = this.rc.tracker.bindings.find((b) => b.local === callee["name"]);
        if (binding && isV2OnlyPackage(binding.source)) return binding.source;
      }
    }
    const imported = this.rc.tracker.bindings.find((b) => b.local === valueName);
    return imported && isV2OnlyPackage(imported.source) ? imported.source : undefined;
  }
}

/** Rewrites one job's io uses; true when anything changed. */
export function rewriteJobIo(rc: IoRewriteContext, job: V2Job): boolean {
  return new JobRewriter(rc, job).run();
}

// ---- helpers ---------------------------------------------------------------------------------

/** Identifier references to `name` inside `fn` that resolve to `fn`'s own parameter/binding. */
function referencesTo(fn: ASTPath, name: string): ASTPath[] {
  const scope = fn.scope as Scope | null;
  const found: ASTPath[] = [];
  // `find(j.Identifier, { name })`, then the checks: every candidate is collected before any scope is read.
  const named: { path: ASTPath; parent: AstNode | undefined; nested: boolean }[] = [];
  walkTree(fn, (node, cursor) => {
    if (cursor.atStart || IDENTIFIER_DISPATCH[node.type] === undefined || !Object.hasOwn(node, "name") || node["name"] !== name) return;
    named.push({ path: cursor.path(), parent: cursor.ancestor(1), nested: cursor.anyBelowStart((n) => establishesScope(n.type)) });
  });
  for (const { path, parent, nested } of named) {
    if (parent && parent === (fn.node as unknown) && ((parent["params"] as unknown[]) ?? []).includes(path.node)) continue;
    if (!isReferenceIdentifier(path.node as unknown as AstNode, parent)) continue;
    // With no scope between it and `fn`, the identifier's scope is `fn`'s own: look up from there
    // (the same lookup, on the same Scope object) without computing a scope for each path on the way.
    const from = nested ? (path.scope as Scope | null) : scope;
    if (from?.lookup(name) !== scope) continue;
    found.push(path);
  }
  return found;
}

/** Does the official client of this v2 package take `client.<path>(params, options?)` as v2 did? */
function isSameShapeMethod(v2Package: string | undefined, path: readonly (string | undefined)[]): boolean {
  const client = v2Package === undefined ? undefined : officialClientFor(v2Package);
  return client !== undefined && path.every((part) => part !== undefined) && client.sameShapeMethods.includes(path.join("."));
}

/**
 * v2 integration calls took `(key, params, requestOptions?, backgroundOptions?)`; the official
 * client takes `(params, requestOptions?)`. Drops (in place, key already gone) what follows the
 * request options, and request options that are an empty `{}`. Returns the names of what the
 * dropped arguments set (`timeout`, `retries`; a non-literal argument by its text), for a TODO.
 */
function dropV2OnlyArguments(args: AstNode[]): string[] {
  const dropped: string[] = [];
  for (const extra of args.splice(2)) {
    if (extra.type !== "ObjectExpression") dropped.push(`\`${extra.type === "Identifier" ? String(extra["name"]) : "the options argument"}\``);
    else for (const property of extra["properties"] as AstNode[]) dropped.push(propertyName(property) ?? "[computed]");
  }
  const requestOptions = args[1];
  if (requestOptions?.type === "ObjectExpression" && (requestOptions["properties"] as unknown[]).length === 0) args.splice(1, 1);
  return dropped;
}

function hasSpreadArgument(args: readonly AstNode[]): boolean {
  return args.some((argument) => argument.type === "SpreadElement");
}

/** The call `member` is the callee of, if any. */
function calleeCall(member: ASTPath): ASTPath | undefined {
  const parent = member.parent as ASTPath | null;
  const node = parent?.node as unknown as AstNode | undefined;
  return parent && node && isCallExpression(node) && node["callee"] === member.node ? parent : undefined;
}

/** Does the function's body mention `name` as a reference (nested shadowing counts: conservative)? */
function mentions(fn: AstNode, name: string): boolean {
  let found = false;
  walkNodes(fn["body"] as AstNode, (node, parent) => {
    if (found) return false;
    if (node.type === "Identifier" && node["name"] === name && isReferenceIdentifier(node, parent)) found = true;
    return true;
  });
  return found;
}

function hasOwnReturnOrVar(fn: AstNode): boolean {
  let found = false;
  walkNodes(fn["body"] as AstNode, (node) => {
    if (found) return false;
    if (node !== fn["body"] && isFunctionExpression(node)) return false;
    if (node.type === "FunctionDeclaration") return false;
    if (node.type === "ReturnStatement" || (node.type === "VariableDeclaration" && node["kind"] === "var")) found = true;
    return true;
  });
  return found;
}

function typeArgumentOf(call: AstNode): AstNode | undefined {
  const instantiation = (call["typeParameters"] ?? call["typeArguments"]) as AstNode | undefined;
  const params = isNode(instantiation) ? (instantiation["params"] as AstNode[]) : undefined;
  return params?.length === 1 ? params[0] : undefined;
}

/** `Math.random()` scaled to [min, max) as source text; folds constants, e.g. `Math.random() * 6 + 1`. */
function randomExpression(j: JSCodeshift, min: AstNode | undefined, max: AstNode | undefined): string {
  const minValue = min === undefined ? 0 : constantNumber(min);
  const maxValue = max === undefined ? 1 : constantNumber(max);
  if (minValue !== undefined && maxValue !== undefined) {
    const span = maxValue - minValue;
    const scaled = span === 1 ? "Math.random()" : `Math.random() * ${span < 0 ? `(${span})` : span}`;
    if (minValue === 0) return scaled;
    return minValue > 0 ? `${scaled} + ${minValue}` : `${scaled} - ${-minValue}`;
  }
  const operand = (node: AstNode) => (["Identifier", "MemberExpression", "CallExpression", "NumericLiteral", "Literal"].includes(node.type) ? sourceOf(j, node) : `(${sourceOf(j, node)})`);
  const low = min === undefined ? "0" : operand(min);
  const high = max === undefined ? "1" : operand(max);
  return minValue === 0 ? `Math.random() * ${high}` : `Math.random() * (${high} - ${low}) + ${low}`;
}
