/**
 * sleeps: `await new Promise((r) => setTimeout(r, 5000))`, timers/promises `setTimeout(5000)` and
 * local sleep helpers, written directly in a task's `run`, become `await wait.for({ seconds: 5 })`
 * (checkpointed, no compute while waiting). Only constant delays that are whole seconds, only
 * awaited statements whose value is unused, only in `run` itself: a sleep inside a nested
 * callback may run in parallel (waits cannot), and lifecycle hooks are not meant to wait.
 * Tasks are found by the SDK import, or by a bare `task(...)`/`schedules.task(...)` with no
 * binding yet (define-job writes those and the imports transform imports them afterwards).
 * In a pipeline run it only touches files an earlier transform changed (files with v2 code):
 * a file already on the task API comes out byte-identical, its sleeps are its authors' choice.
 * Run alone (`jscodeshift -t`, `--transform sleeps`) it rewrites every task file it is given.
 */
import type { ASTPath, JSCodeshift } from "jscodeshift";
import { isSdkSource, isTaskApiSource } from "../src/catalog/packages.js";
import { bestWaitUnit, TASK_FACTORIES } from "../src/catalog/tasks.js";
import { type AstNode, constantNumber, findProperty, FUNCTION_TYPES, isReferenceIdentifier, patternNames, propertyFunction, walkNodes } from "../src/codemod/ast-helpers.js";
import { CodemodImportTracker } from "../src/codemod/import-tracker.js";
import { importDeclarations, localName, programOf, removeImportSpecifier } from "../src/codemod/import-editing.js";
import { expressionFromSource } from "../src/codemod/snippets.js";
import { helperSleepDelay, readSleepFacts, type SleepFacts, sleepDelay } from "../src/codemod/sleeps/patterns.js";
import { toJscodeshift, type MigrationTransform } from "../src/codemod/transform.js";
import { dispatchTable, findPaths } from "../src/codemod/tree-walk.js";

type Scope = { lookup(name: string): unknown };

/** `visitCallExpression`'s dispatch (optional calls included). */
const CALL_DISPATCH = dispatchTable(["CallExpression"]);

export const migration: MigrationTransform = {
  name: "sleeps",
  description: "Turns setTimeout sleeps inside task runs into wait.for, in files this run migrated from v2 (every task file when run alone)",
  mightApply(source) {
    return source.includes("setTimeout");
  },
  apply({ j, root, target, appliedSoFar }) {
    if (appliedSoFar?.length === 0) return false;
    const program = programOf(root);
    const facts = readSleepFacts(program);
    const fresh = j(root.get().node);
    const tracker = CodemodImportTracker.collect(j, fresh);
    // `wait` must mean the SDK's wait (or nothing yet) at module level.
    if (facts.moduleNames.has("wait") && tracker.localNameOf("wait", (source) => isTaskApiSource(source, target)) !== "wait") return false;

    let changed = false;
    for (const run of taskRuns(fresh, tracker)) {
      if (rewriteSleeps(j, run, facts)) changed = true;
    }
    if (changed) removeUnusedTimerImports(program, facts);
    return changed;
  },
};

/** The `run` functions of task-API task definitions in the file. */
function taskRuns(root: ReturnType<JSCodeshift>, tracker: CodemodImportTracker): AstNode[] {
  const runs: AstNode[] = [];
  const factories = new Set(TASK_FACTORIES.map((path) => path.join(".")));
  // `root.find(j.CallExpression)`, keeping calls whose first argument is an object literal.
  const calls = findPaths(root.paths()[0] as ASTPath, CALL_DISPATCH, (node) => (node["arguments"] as AstNode[])[0]?.type === "ObjectExpression");
  for (const path of calls) {
    const call = path.node as unknown as AstNode;
    const options = (call["arguments"] as AstNode[])[0];
    if (options?.type !== "ObjectExpression") continue;
    const calleePath = path.get("callee") as ASTPath;
    const reference = tracker.resolve(calleePath);
    // The SDK root counts on target 3 too: v2 never exported these names, and the imports
    // transform moves such an import to /v3 in the same run.
    const isTask = reference ? isSdkSource(reference.binding.source) && factories.has(reference.path.join(".")) : isUnboundFactory(calleePath, factories);
    if (!isTask) continue;
    const run = findProperty(options, "run");
    const fn = run && propertyFunction(run);
    if (fn) runs.push(fn);
  }
  return runs;
}

/** `task(...)` / `schedules.task(...)` whose root name is bound nowhere (the SDK import comes later). */
function isUnboundFactory(calleePath: ASTPath, factories: ReadonlySet<string>): boolean {
  const callee = calleePath.node as unknown as AstNode;
  let rootPath = calleePath;
  let dotted: string;
  if (callee.type === "Identifier") {
    dotted = callee["name"] as string;
  } else if (callee.type === "MemberExpression" && !callee["computed"] && (callee["object"] as AstNode).type === "Identifier") {
    dotted = `${(callee["object"] as AstNode)["name"]}.${(callee["property"] as AstNode)["name"]}`;
    rootPath = calleePath.get("object") as ASTPath;
  } else {
    return false;
  }
  if (!factories.has(dotted)) return false;
  const name = ((rootPath.node as unknown as AstNode)["name"] as string) ?? "";
  return !(rootPath.scope as Scope | null)?.lookup(name);
}

/** Rewrites the sleeps written directly in one run function. */
function rewriteSleeps(j: JSCodeshift, run: AstNode, facts: SleepFacts): boolean {
  const locals = declaredInside(run);
  if (locals.has("wait")) return false;
  let changed = false;
  walkNodes(run["body"] as AstNode, (node) => {
    if (FUNCTION_TYPES.has(node.type)) return false;
    if (node.type !== "ExpressionStatement") return true;
    const expression = node["expression"] as AstNode;
    if (expression.type !== "AwaitExpression") return true;
    const argument = expression["argument"] as AstNode;
    const delay = sleepDelay(argument, facts, locals) ?? helperSleepDelay(argument, facts, locals);
    const ms = delay && constantNumber(delay);
    // wait.for takes whole units; `setTimeout(r, 0)` yields to the event loop and is no sleep.
    if (ms === undefined || !(ms > 0) || ms % 1000 !== 0) return true;
    const { unit, amount } = bestWaitUnit(ms / 1000);
    expression["argument"] = expressionFromSource(j, `wait.for({ ${unit}: ${amount} })`);
    changed = true;
    return false;
  });
  return changed;
}

/** Every name a function declares for itself (parameters and declarations in its own body). */
function declaredInside(fn: AstNode): Set<string> {
  const names = new Set<string>(((fn["params"] as AstNode[] | undefined) ?? []).flatMap((p) => patternNames(p)));
  walkNodes(fn["body"] as AstNode, (node) => {
    if (FUNCTION_TYPES.has(node.type)) {
      if (node.type === "FunctionDeclaration") for (const name of patternNames(node["id"])) names.add(name);
      return false;
    }
    if (node.type === "VariableDeclarator") for (const name of patternNames(node["id"])) names.add(name);
    if (node.type === "ClassDeclaration" || node.type === "CatchClause") for (const name of patternNames(node["id"] ?? node["param"])) names.add(name);
    return true;
  });
  return names;
}

/** timers/promises imports that only served the sleeps we replaced. */
function removeUnusedTimerImports(program: AstNode, facts: SleepFacts): void {
  const timerNames = new Set([...facts.timerFunctions, ...facts.timerNamespaces]);
  if (timerNames.size === 0) return;
  const used = new Set<string>();
  walkNodes(program, (node, parent) => {
    if (node.type === "Identifier" && timerNames.has(node["name"] as string) && isReferenceIdentifier(node, parent)) used.add(node["name"] as string);
    return true;
  });
  for (const declaration of importDeclarations(program)) {
    for (const specifier of [...((declaration["specifiers"] as AstNode[] | undefined) ?? [])]) {
      const local = localName(specifier);
      if (local && timerNames.has(local) && !used.has(local)) removeImportSpecifier(program, declaration, specifier);
    }
  }
}

export default toJscodeshift(migration);
