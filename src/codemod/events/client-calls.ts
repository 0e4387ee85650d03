/**
 * Leftover calls on the v2 client (`client.getRuns(...)`, `client.defineDynamicSchedule(...)`,
 * `client.invokeJob(...)`...): nothing rewrites them and the v2 client is gone after the
 * migration, so each gets a TODO naming its replacement (V2_CLIENT_METHOD_REPLACEMENTS).
 * A receiver is the v2 client only by evidence, never by its name:
 * - a top-level `new TriggerClient({ id | apiKey | ... })` in this file, TriggerClient traced to
 *   the SDK (the 4.5+ client takes none of the v2 keys);
 * - an import from a file the project index records as constructing the v2 client (relative
 *   specifiers; an alias such as `@/trigger` is not resolved here);
 * - a binding this file calls a v2 `defineJob({...})` on (see v2-jobs.ts).
 * Only top-level bindings count, as referenced from where they are not shadowed.
 */
import { dirname, join, resolve } from "node:path";
import type { ASTPath } from "jscodeshift";
import { TRIGGER_DOCS_URLS } from "../../catalog/docs.js";
import { V2_CLIENT_METHOD_REPLACEMENTS, V2_CLIENT_METHODS, V2_CLIENT_OPTION_KEYS } from "../../catalog/exports.js";
import { isSdkSource } from "../../catalog/packages.js";
import { type AstNode, findProperty, isNode, memberPropertyName } from "../ast-helpers.js";
import { importDeclarations, importSource, localName } from "../import-editing.js";
import type { CodemodImportTracker } from "../import-tracker.js";
import { addTodo } from "../todo.js";
import { dispatchTable, walkTree } from "../tree-walk.js";
import { findV2JobSites } from "../v2-jobs.js";
import type { EventsContext } from "./context.js";

/** Methods converted elsewhere: define-job turns jobs into tasks, send-events rewrites or marks sends. */
const HANDLED_ELSEWHERE = new Set(["defineJob", "sendEvent", "sendEvents"]);

/** The v2 client methods that get a TODO when they are still called after the rewrites. */
export const LEFTOVER_CLIENT_METHODS: readonly string[] = V2_CLIENT_METHODS.filter((method) => !HANDLED_ELSEWHERE.has(method));
const LEFTOVER = new Set(LEFTOVER_CLIENT_METHODS);
/** The visitor methods the scan for leftover calls had, as ast-types dispatches them. */
const CALL_OR_NEW_DISPATCH = dispatchTable(["CallExpression", "NewExpression"]);

/** The cheap text check: a call of one of those methods. */
export const LEFTOVER_CALL_TEXT = new RegExp(`\\.(?:${LEFTOVER_CLIENT_METHODS.join("|")})\\s*\\(`);

export function clientCallTodo(call: string, method: string): string {
  return `\`${call}\` is a v2 TriggerClient method and the task API has no such client: replace it with ${V2_CLIENT_METHOD_REPLACEMENTS[method] ?? "its task API equivalent"}`;
}

const SOURCE_EXTENSIONS = [".ts", ".tsx", ".mts", ".cts", ".js", ".jsx", ".mjs", ".cjs"];

type Scope = { isGlobal: boolean; lookup(name: string): Scope | null };

interface LeftoverCall {
  path: ASTPath;
  receiver: string;
  method: string;
}

/** Puts a TODO above every leftover call on a traced v2 client; true when one was added. */
export function markLeftoverClientCalls(ctx: EventsContext, tracker: CodemodImportTracker): boolean {
  if (!LEFTOVER_CALL_TEXT.test(ctx.source)) return false;
  const { j } = ctx;
  const calls: LeftoverCall[] = [];
  const clients = new Set<string>();
  walkTree(ctx.root.get() as ASTPath, (node, cursor) => {
    const method = CALL_OR_NEW_DISPATCH[node.type];
    if (method === "CallExpression") {
      // leftoverCall's own first checks, before a path is built for the call.
      const callee = node["callee"] as AstNode;
      const name = callee.type === "MemberExpression" ? memberPropertyName(callee) : undefined;
      if (name === undefined || !LEFTOVER.has(name)) return;
      const call = leftoverCall(cursor.path());
      if (call) calls.push(call);
    } else if (method === "NewExpression") {
      const name = constructedClientName(cursor.path(), tracker);
      if (name) clients.add(name);
    }
  });
  if (calls.length === 0) return false;

  for (const name of importedClientNames(ctx)) clients.add(name);
  if (calls.some((call) => !clients.has(call.receiver))) {
    for (const site of findV2JobSites(j, ctx.root, tracker)) {
      const receiver = topLevelReceiver(site.call.get("callee") as ASTPath);
      if (receiver) clients.add(receiver);
    }
  }

  let changed = false;
  for (const { path, receiver, method } of calls) {
    if (!clients.has(receiver)) continue;
    changed = addTodo(j, path, clientCallTodo(`${receiver}.${method}(...)`, method), TRIGGER_DOCS_URLS.upgradeFromV2) || changed;
  }
  return changed;
}

/** `client.<leftover method>(...)` on a top-level binding. */
function leftoverCall(path: ASTPath): LeftoverCall | undefined {
  const callee = (path.node as unknown as AstNode)["callee"] as AstNode;
  if (callee.type !== "MemberExpression") return undefined;
  const method = memberPropertyName(callee);
  if (method === undefined || !LEFTOVER.has(method)) return undefined;
  const receiver = topLevelReceiver(path.get("callee") as ASTPath);
  return receiver ? { path, receiver, method } : undefined;
}

/** The name of `x` in `x.method`, when `x` is an identifier bound at the top level. */
function topLevelReceiver(calleePath: ASTPath): string | undefined {
  const object = (calleePath.node as unknown as AstNode)["object"];
  if (!isNode(object) || object.type !== "Identifier") return undefined;
  const name = object["name"] as string;
  const declaring = (calleePath.get("object") as ASTPath).scope as Scope | null;
  return declaring?.lookup(name)?.isGlobal ? name : undefined;
}

/** `const client = new TriggerClient({ id, ... })` at the top level -> `client`. */
function constructedClientName(path: ASTPath, tracker: CodemodImportTracker): string | undefined {
  const node = path.node as unknown as AstNode;
  const binding = tracker.resolveIdentifier(path.get("callee") as ASTPath);
  if (binding?.imported !== "TriggerClient" || !isSdkSource(binding.source)) return undefined;
  const options = (node["arguments"] as AstNode[])[0];
  if (options?.type !== "ObjectExpression" || !V2_CLIENT_OPTION_KEYS.some((key) => findProperty(options, key))) return undefined;
  const declarator = path.parent?.node as unknown as AstNode | undefined;
  const id = declarator?.type === "VariableDeclarator" ? (declarator["id"] as AstNode) : undefined;
  if (id?.type !== "Identifier") return undefined;
  const scope = path.scope as Scope | null;
  return scope?.isGlobal ? (id["name"] as string) : undefined;
}

/** Local names imported from a file the project index knows constructs the v2 client. */
function importedClientNames(ctx: EventsContext): string[] {
  if (!ctx.project || ctx.project.clientFiles.length === 0) return [];
  const clientFiles = new Set(ctx.project.clientFiles.map((file) => resolve(file)));
  return importDeclarations(ctx.program).flatMap((declaration) => {
    const specifier = importSource(declaration);
    if (specifier === undefined || !resolvesToAny(specifier, ctx.file, clientFiles)) return [];
    return ((declaration["specifiers"] as AstNode[] | undefined) ?? []).flatMap((s) => localName(s) ?? []);
  });
}

/** A relative specifier resolved the way TypeScript does (`./trigger.js` may be `trigger.ts`). */
function resolvesToAny(specifier: string, fromFile: string, files: ReadonlySet<string>): boolean {
  if (!specifier.startsWith(".")) return false;
  const base = resolve(dirname(fromFile), specifier);
  const stem = base.replace(/\.(?:[mc]?js|jsx)$/, "");
  const candidates = [base, ...SOURCE_EXTENSIONS.map((extension) => stem + extension), ...SOURCE_EXTENSIONS.map((extension) => join(base, `index${extension}`))];
  return candidates.some((candidate) => files.has(candidate));
}
