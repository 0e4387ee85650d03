/**
 * Inside a task's run (or hooks), a `setTimeout` sleep keeps the machine busy and is lost on a
 * restart; `wait.for` checkpoints the run. Outside a task `wait.for` does not work, so this rule
 * never reports there.
 */
import type { TSESLint, TSESTree } from "@typescript-eslint/utils";
import { AST_NODE_TYPES, ASTUtils } from "@typescript-eslint/utils";
import { bestWaitUnit, TIMERS_PROMISES_MODULES } from "../src/catalog/tasks.js";
import { createRule } from "../src/eslint/create-rule.js";
import { planNamedImport } from "../src/eslint/fix-imports.js";
import { TriggerImportTracker } from "../src/eslint/import-tracker.js";
import { staticNumber } from "../src/eslint/static-value.js";
import { targetForContext } from "../src/eslint/target.js";
import { TaskFunctionStack } from "../src/eslint/task-calls.js";

export type MessageIds = "preferWaitFor" | "replaceWithWaitFor";
export type Options = [];

type SourceCode = Readonly<TSESLint.SourceCode>;

interface Sleep {
  /** The delay in ms as written (evaluated in its own scope); undefined when it cannot be mapped. */
  delay: TSESTree.Node | undefined;
  /** False when the awaited value is not `undefined` (timers' `setTimeout(ms, value)`). */
  replaceable: boolean;
}

/** Constant delays below one second are pauses, not waits (wait.for's smallest unit is seconds). */
const MIN_REPORTED_DELAY_MS = 1000;

const FUNCTION_TYPES = new Set<string>([AST_NODE_TYPES.ArrowFunctionExpression, AST_NODE_TYPES.FunctionExpression]);

/** A global (not shadowed, not imported) name such as `Promise` or `setTimeout`. */
function isGlobal(sourceCode: SourceCode, node: TSESTree.Identifier, name: string): boolean {
  if (node.name !== name) return false;
  const variable = ASTUtils.findVariable(sourceCode.getScope(node), name);
  return !variable || variable.defs.length === 0;
}

/** The single expression a function returns or evaluates: `x => e`, `{ return e }`, `{ e; }`, `{ await e; }`. */
function bodyExpression(fn: TSESTree.ArrowFunctionExpression | TSESTree.FunctionExpression | TSESTree.FunctionDeclaration): TSESTree.Expression | undefined {
  if (fn.body.type !== AST_NODE_TYPES.BlockStatement) return fn.body;
  if (fn.body.body.length !== 1) return undefined;
  const statement = fn.body.body[0]!;
  if (statement.type === AST_NODE_TYPES.ReturnStatement) return statement.argument ?? undefined;
  if (statement.type !== AST_NODE_TYPES.ExpressionStatement) return undefined;
  return statement.expression.type === AST_NODE_TYPES.AwaitExpression ? statement.expression.argument : statement.expression;
}

/** Is `node` the resolver itself (`r`) or a function that only calls it (`() => r()`)? */
function callsResolver(node: TSESTree.Node, resolver: string): boolean {
  if (node.type === AST_NODE_TYPES.Identifier) return node.name === resolver;
  if (node.type !== AST_NODE_TYPES.ArrowFunctionExpression && node.type !== AST_NODE_TYPES.FunctionExpression) return false;
  if (node.params.length > 0) return false;
  const call = bodyExpression(node);
  return call?.type === AST_NODE_TYPES.CallExpression && call.callee.type === AST_NODE_TYPES.Identifier && call.callee.name === resolver && call.arguments.length === 0;
}

/** `new Promise(r => setTimeout(r, ms))` and its spellings -> the `ms` expression. */
function promiseSleep(sourceCode: SourceCode, node: TSESTree.Node): Sleep | undefined {
  if (node.type !== AST_NODE_TYPES.NewExpression || node.callee.type !== AST_NODE_TYPES.Identifier) return undefined;
  if (!isGlobal(sourceCode, node.callee, "Promise") || node.arguments.length !== 1) return undefined;
  const executor = node.arguments[0]!;
  if (executor.type !== AST_NODE_TYPES.ArrowFunctionExpression && executor.type !== AST_NODE_TYPES.FunctionExpression) return undefined;
  const resolver = executor.params[0];
  if (resolver?.type !== AST_NODE_TYPES.Identifier) return undefined;
  const call = bodyExpression(executor);
  if (call?.type !== AST_NODE_TYPES.CallExpression || call.callee.type !== AST_NODE_TYPES.Identifier) return undefined;
  if (!isGlobal(sourceCode, call.callee, "setTimeout") || call.arguments.length !== 2) return undefined;
  const [callback, delay] = call.arguments;
  if (!callback || !delay || !callsResolver(callback, resolver.name)) return undefined;
  return { delay, replaceable: true };
}

/** The module an import/require binding of `variable` comes from, and the name it imports. */
function importedFrom(variable: TSESLint.Scope.Variable): { source: string; imported: string } | undefined {
  if (variable.defs.length !== 1) return undefined;
  const def = variable.defs[0]!;
  if (def.type === "ImportBinding") {
    const declaration = def.parent;
    if (declaration.type !== AST_NODE_TYPES.ImportDeclaration || declaration.importKind === "type") return undefined;
    const specifier = def.node;
    if (specifier.type === AST_NODE_TYPES.ImportSpecifier) {
      const imported = specifier.imported.type === AST_NODE_TYPES.Identifier ? specifier.imported.name : specifier.imported.value;
      return { source: declaration.source.value, imported };
    }
    return { source: declaration.source.value, imported: "*" };
  }
  if (def.type !== "Variable") return undefined;
  const init = def.node.init;
  if (init?.type !== AST_NODE_TYPES.CallExpression || init.callee.type !== AST_NODE_TYPES.Identifier || init.callee.name !== "require") return undefined;
  const argument = init.arguments[0];
  if (argument?.type !== AST_NODE_TYPES.Literal || typeof argument.value !== "string") return undefined;
  if (def.node.id.type === AST_NODE_TYPES.Identifier) return { source: argument.value, imported: "*" };
  // `const { setTimeout: sleep } = require(...)`: the property whose value is this binding.
  const property = def.name.parent;
  if (property?.type !== AST_NODE_TYPES.Property || property.key.type !== AST_NODE_TYPES.Identifier) return undefined;
  return { source: argument.value, imported: property.key.name };
}

function isTimersModule(source: string): boolean {
  return TIMERS_PROMISES_MODULES.includes(source);
}

/** `setTimeout(ms)` / `timers.setTimeout(ms)` traced to `node:timers/promises` -> the `ms` expression. */
function timersSleep(sourceCode: SourceCode, node: TSESTree.Node): Sleep | undefined {
  if (node.type !== AST_NODE_TYPES.CallExpression || node.arguments.length === 0) return undefined;
  const callee = node.callee;
  let origin: { source: string; imported: string } | undefined;
  if (callee.type === AST_NODE_TYPES.Identifier) {
    const variable = ASTUtils.findVariable(sourceCode.getScope(callee), callee.name);
    origin = variable ? importedFrom(variable) : undefined;
    if (!origin || origin.imported !== "setTimeout") return undefined;
  } else if (callee.type === AST_NODE_TYPES.MemberExpression && !callee.computed && callee.property.type === AST_NODE_TYPES.Identifier) {
    if (callee.property.name !== "setTimeout" || callee.object.type !== AST_NODE_TYPES.Identifier) return undefined;
    const variable = ASTUtils.findVariable(sourceCode.getScope(callee.object), callee.object.name);
    origin = variable ? importedFrom(variable) : undefined;
    if (!origin || (origin.imported !== "*" && origin.imported !== "default")) return undefined;
  }
  if (!origin || !isTimersModule(origin.source)) return undefined;
  return { delay: node.arguments[0], replaceable: node.arguments.length === 1 };
}

function directSleep(sourceCode: SourceCode, node: TSESTree.Node): Sleep | undefined {
  return promiseSleep(sourceCode, node) ?? timersSleep(sourceCode, node);
}

/** A call to a helper declared in this file whose body is a sleep (`sleep(ms)`, `delay(5000)`). */
function helperSleep(sourceCode: SourceCode, node: TSESTree.Node): Sleep | undefined {
  if (node.type !== AST_NODE_TYPES.CallExpression || node.callee.type !== AST_NODE_TYPES.Identifier) return undefined;
  const variable = ASTUtils.findVariable(sourceCode.getScope(node.callee), node.callee.name);
  if (!variable || variable.defs.length !== 1) return undefined;
  const def = variable.defs[0]!;
  let fn: TSESTree.ArrowFunctionExpression | TSESTree.FunctionExpression | TSESTree.FunctionDeclaration | undefined;
  if (def.type === "FunctionName" && def.node.type === AST_NODE_TYPES.FunctionDeclaration) fn = def.node;
  else if (def.type === "Variable" && def.parent.kind === "const" && def.node.init && FUNCTION_TYPES.has(def.node.init.type)) {
    fn = def.node.init as TSESTree.ArrowFunctionExpression | TSESTree.FunctionExpression;
  }
  const body = fn && bodyExpression(fn);
  const inner = body && directSleep(sourceCode, body);
  if (!fn || !inner) return undefined;
  return { delay: delayAtCallSite(fn, inner.delay, node), replaceable: inner.replaceable };
}

/** Maps the helper's delay to the call: a parameter becomes the argument (or its default). */
function delayAtCallSite(
  fn: TSESTree.ArrowFunctionExpression | TSESTree.FunctionExpression | TSESTree.FunctionDeclaration,
  delay: TSESTree.Node | undefined,
  call: TSESTree.CallExpression,
): TSESTree.Node | undefined {
  if (delay?.type !== AST_NODE_TYPES.Identifier) return delay; // a constant (or unknown) delay inside the helper
  const index = fn.params.findIndex((param) => {
    const target = param.type === AST_NODE_TYPES.AssignmentPattern ? param.left : param;
    return target.type === AST_NODE_TYPES.Identifier && target.name === delay.name;
  });
  if (index === -1) return delay; // a const in the helper's scope: evaluated where it is written
  const argument = call.arguments[index];
  if (argument) return argument.type === AST_NODE_TYPES.SpreadElement ? undefined : argument;
  const param = fn.params[index];
  return param?.type === AST_NODE_TYPES.AssignmentPattern ? param.right : undefined;
}

export default createRule<Options, MessageIds>({
  name: "prefer-wait-for",
  meta: {
    type: "suggestion",
    docs: {
      description: "Prefer `wait.for` over `setTimeout` sleeps inside a task",
      recommended: true,
      sdkVersions: [3, 4],
    },
    hasSuggestions: true,
    schema: [],
    defaultOptions: [],
    messages: {
      preferWaitFor:
        "Inside a task, write `{{replacement}}` instead of a setTimeout sleep: wait.for can checkpoint the run, so a long wait costs no compute and survives a restart.",
      replaceWithWaitFor: "Replace with `{{replacement}}`.",
    },
  },
  create(context) {
    const tracker = TriggerImportTracker.of(context);
    if (!tracker.hasBindings) return {};
    const target = targetForContext(context);
    const sourceCode = context.sourceCode;
    const stack = new TaskFunctionStack(tracker, target);

    function suggestionFor(node: TSESTree.AwaitExpression, sleep: Sleep): { replacement: string; fixes?: (fixer: TSESLint.RuleFixer) => TSESLint.RuleFix[] } {
      const generic = { replacement: "await wait.for({ seconds: … })" };
      const ms = sleep.delay && staticNumber(sleep.delay, sourceCode);
      // wait.for takes whole units: a delay that is not a whole number of seconds has no exact twin.
      if (ms === undefined || !sleep.replaceable || ms % 1000 !== 0) return generic;
      const { unit, amount } = bestWaitUnit(ms / 1000);
      const plan = planNamedImport(sourceCode, tracker, "wait", target, node);
      if (!plan) return { replacement: `await wait.for({ ${unit}: ${amount} })` };
      const replacement = `await ${plan.local}.for({ ${unit}: ${amount} })`;
      return { replacement, fixes: (fixer) => [fixer.replaceText(node, replacement), ...plan.fix(fixer)] };
    }

    return {
      CallExpression(node) {
        stack.registerCall(node);
      },
      ArrowFunctionExpression: (node) => stack.enterFunction(node),
      "ArrowFunctionExpression:exit": (node: TSESTree.ArrowFunctionExpression) => stack.exitFunction(node),
      FunctionExpression: (node) => stack.enterFunction(node),
      "FunctionExpression:exit": (node: TSESTree.FunctionExpression) => stack.exitFunction(node),
      AwaitExpression(node) {
        if (!stack.current()) return;
        const sleep = directSleep(sourceCode, node.argument) ?? helperSleep(sourceCode, node.argument);
        if (!sleep) return;
        const ms = sleep.delay && staticNumber(sleep.delay, sourceCode);
        // `setTimeout(r, 0)` yields to the event loop and a sub-second pause (rate limiting) has
        // no wait.for twin: wait.for counts in seconds at least.
        if (ms !== undefined && !(ms >= MIN_REPORTED_DELAY_MS)) return;
        const { replacement, fixes } = suggestionFor(node, sleep);
        context.report({
          node,
          messageId: "preferWaitFor",
          data: { replacement },
          suggest: fixes ? [{ messageId: "replaceWithWaitFor", data: { replacement }, fix: fixes }] : [],
        });
      },
    };
  },
});
