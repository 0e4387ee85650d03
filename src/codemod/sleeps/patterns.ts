/**
 * The setTimeout sleep spellings the `prefer-wait-for` lint rule knows, on jscodeshift trees:
 * `new Promise((r) => setTimeout(r, ms))` (and `() => r()` / block bodies), `setTimeout(ms)` from
 * `timers/promises` (named, aliased or namespace import), and local helpers whose body is one of
 * those (`const sleep = (ms) => new Promise(...)`, `function delay(ms) { return ... }`).
 */
import { TIMERS_PROMISES_MODULES } from "../../catalog/tasks.js";
import { type AstNode, isFunctionExpression, isIdentifierNamed, isNode, memberPropertyName, patternNames } from "../ast-helpers.js";
import { importDeclarations, importedName, importSource, isTypeOnly, localName } from "../import-editing.js";

/** What names mean at module level, read once per file. */
export interface SleepFacts {
  /** Local names bound to timers/promises `setTimeout` (named import). */
  timerFunctions: Set<string>;
  /** Local names bound to the whole timers/promises module (`import * as timers`). */
  timerNamespaces: Set<string>;
  /** Module-level sleep helpers: name -> index of the parameter holding the delay, or the constant delay node. */
  helpers: Map<string, { delayParam: number } | { delay: AstNode }>;
  /** Every name declared at module level (a global `setTimeout`/`Promise` must not be one of them). */
  moduleNames: Set<string>;
}

export function readSleepFacts(program: AstNode): SleepFacts {
  const facts: SleepFacts = { timerFunctions: new Set(), timerNamespaces: new Set(), helpers: new Map(), moduleNames: new Set() };
  for (const declaration of importDeclarations(program)) {
    const source = importSource(declaration);
    for (const specifier of (declaration["specifiers"] as AstNode[] | undefined) ?? []) {
      const local = localName(specifier);
      if (!local) continue;
      facts.moduleNames.add(local);
      if (source === undefined || !TIMERS_PROMISES_MODULES.includes(source) || isTypeOnly(declaration, specifier)) continue;
      const imported = importedName(specifier);
      if (imported === "setTimeout") facts.timerFunctions.add(local);
      else if (imported === "*" || imported === "default") facts.timerNamespaces.add(local);
    }
  }
  const candidates: [string, AstNode][] = [];
  for (const statement of program["body"] as AstNode[]) {
    const declaration = statement.type === "ExportNamedDeclaration" ? (statement["declaration"] as AstNode | null) : statement;
    if (!declaration) continue;
    if (declaration.type === "FunctionDeclaration" && isNode(declaration["id"])) {
      const name = (declaration["id"] as AstNode)["name"] as string;
      facts.moduleNames.add(name);
      candidates.push([name, declaration]);
    } else if (declaration.type === "VariableDeclaration") {
      for (const declarator of declaration["declarations"] as AstNode[]) {
        for (const name of patternNames(declarator["id"])) facts.moduleNames.add(name);
        const id = declarator["id"] as AstNode;
        const init = declarator["init"] as AstNode | null;
        if (declaration["kind"] === "const" && id.type === "Identifier" && isFunctionExpression(init)) candidates.push([id["name"] as string, init!]);
      }
    } else if ((declaration.type === "ClassDeclaration" || declaration.type === "TSEnumDeclaration") && isNode(declaration["id"])) {
      facts.moduleNames.add((declaration["id"] as AstNode)["name"] as string);
    }
  }
  for (const [name, fn] of candidates) {
    const helper = helperShape(fn, facts);
    if (helper) facts.helpers.set(name, helper);
  }
  return facts;
}

/** The single expression a function returns or evaluates: `x => e`, `{ return e }`, `{ e; }`, `{ await e; }`. */
function bodyExpression(fn: AstNode): AstNode | undefined {
  const body = fn["body"] as AstNode;
  if (body.type !== "BlockStatement") return body;
  const statements = body["body"] as AstNode[];
  if (statements.length !== 1) return undefined;
  const statement = statements[0]!;
  if (statement.type === "ReturnStatement") return (statement["argument"] as AstNode | null) ?? undefined;
  if (statement.type !== "ExpressionStatement") return undefined;
  const expression = statement["expression"] as AstNode;
  return expression.type === "AwaitExpression" ? (expression["argument"] as AstNode) : expression;
}

/** `r` itself, or a function that only calls `r()`. */
function callsResolver(node: AstNode, resolver: string): boolean {
  if (node.type === "Identifier") return node["name"] === resolver;
  if (!isFunctionExpression(node) || (node["params"] as unknown[]).length > 0) return false;
  const call = bodyExpression(node);
  return call?.type === "CallExpression" && isIdentifierNamed(call["callee"], resolver) && (call["arguments"] as unknown[]).length === 0;
}

/**
 * The delay node of a sleep expression (not yet awaited), or undefined when it is not one.
 * `Promise` and `setTimeout` must be the globals (not declared in the module or `locals`).
 */
export function sleepDelay(node: AstNode, facts: SleepFacts, locals: ReadonlySet<string>): AstNode | undefined {
  const isGlobal = (name: string) => !facts.moduleNames.has(name) && !locals.has(name);
  if (node.type === "NewExpression") {
    if (!isIdentifierNamed(node["callee"], "Promise") || !isGlobal("Promise")) return undefined;
    const args = node["arguments"] as AstNode[];
    const executor = args[0];
    if (args.length !== 1 || !executor || !isFunctionExpression(executor)) return undefined;
    const resolver = (executor["params"] as AstNode[])[0];
    if (resolver?.type !== "Identifier") return undefined;
    const call = bodyExpression(executor);
    if (call?.type !== "CallExpression" || !isIdentifierNamed(call["callee"], "setTimeout") || !isGlobal("setTimeout")) return undefined;
    const [callback, delay] = call["arguments"] as AstNode[];
    if ((call["arguments"] as unknown[]).length !== 2 || !callback || !delay || !callsResolver(callback, resolver["name"] as string)) return undefined;
    return delay;
  }
  if (node.type !== "CallExpression") return undefined;
  const args = node["arguments"] as AstNode[];
  // timers' setTimeout(ms, value) resolves to `value`: only the one-argument form is a plain sleep.
  if (args.length !== 1 || args[0]!.type === "SpreadElement") return undefined;
  const callee = node["callee"] as AstNode;
  if (callee.type === "Identifier") {
    const name = callee["name"] as string;
    if (locals.has(name)) return undefined;
    if (facts.timerFunctions.has(name)) return args[0];
  }
  if (callee.type === "MemberExpression" && memberPropertyName(callee) === "setTimeout") {
    const object = callee["object"] as AstNode;
    if (object.type === "Identifier" && facts.timerNamespaces.has(object["name"] as string) && !locals.has(object["name"] as string)) return args[0];
  }
  return undefined;
}

/** A helper call `sleep(5000)` -> the delay at the call site. */
export function helperSleepDelay(node: AstNode, facts: SleepFacts, locals: ReadonlySet<string>): AstNode | undefined {
  if (node.type !== "CallExpression") return undefined;
  const callee = node["callee"] as AstNode;
  if (callee.type !== "Identifier" || locals.has(callee["name"] as string)) return undefined;
  const helper = facts.helpers.get(callee["name"] as string);
  if (!helper) return undefined;
  if ("delay" in helper) return helper.delay;
  const argument = (node["arguments"] as AstNode[])[helper.delayParam];
  return argument && argument.type !== "SpreadElement" ? argument : undefined;
}

/** Is this function a sleep helper? Which parameter (or which constant) is its delay? */
function helperShape(fn: AstNode, facts: SleepFacts): { delayParam: number } | { delay: AstNode } | undefined {
  const body = bodyExpression(fn);
  if (!body) return undefined;
  const paramNames = (fn["params"] as AstNode[]).map((p) => (p.type === "Identifier" ? (p["name"] as string) : undefined));
  const delay = sleepDelay(body, facts, new Set(paramNames.filter((n): n is string => n !== undefined)));
  if (!delay) return undefined;
  if (delay.type === "Identifier") {
    const index = paramNames.indexOf(delay["name"] as string);
    return index === -1 ? undefined : { delayParam: index };
  }
  return { delay };
}
