/**
 * A `throw` in a lifecycle hook (`onSuccess`, `onFailure`, `onComplete`, `onStart`, `onWait`, ...)
 * does not fail and retry the run the way a throw in `run` does: depending on the hook and the SDK
 * it fails a run whose work already succeeded, or it is only logged. Only throws that escape the
 * hook are reported: not those in a nested function, nor those inside a `try` that catches them.
 */
import type { TSESTree } from "@typescript-eslint/utils";
import { AST_NODE_TYPES } from "@typescript-eslint/utils";
import { isTaskApiSource } from "../src/catalog/packages.js";
import { THROW_SENSITIVE_HOOKS } from "../src/catalog/tasks.js";
import { createRule } from "../src/eslint/create-rule.js";
import { TriggerImportTracker } from "../src/eslint/import-tracker.js";
import { targetForContext } from "../src/eslint/target.js";
import { taskDefinitionOf, taskFunctions, type TaskFunctionNode } from "../src/eslint/task-calls.js";

export type MessageIds = "throwInHook";
export type Options = [];

const SENSITIVE = new Set(THROW_SENSITIVE_HOOKS);

const FUNCTION_TYPES = new Set<string>([
  AST_NODE_TYPES.FunctionExpression,
  AST_NODE_TYPES.ArrowFunctionExpression,
  AST_NODE_TYPES.FunctionDeclaration,
]);

export default createRule<Options, MessageIds>({
  name: "no-throw-in-lifecycle-hooks",
  meta: {
    type: "problem",
    docs: {
      description: "Disallow `throw` in task lifecycle hooks such as `onSuccess` and `onFailure`",
      recommended: true,
      sdkVersions: [3, 4],
    },
    schema: [],
    defaultOptions: [],
    messages: {
      throwInHook:
        "Do not throw in `{{hook}}`: a hook's error does not fail and retry the run like an error in `run` does. Log it with `logger.error(...)` (and catch what the hook calls), or move the check into `run`.",
    },
  },
  create(context) {
    const tracker = TriggerImportTracker.of(context);
    if (!tracker.hasBindings) return {};
    const target = targetForContext(context);
    /** Hook functions of task definitions and `tasks.<hook>(fn)` global hooks, by node. */
    const hooks = new Map<TSESTree.Node, string>();

    /** The hook a throw escapes from, or undefined (caught, in a nested function, or not in a hook). */
    function escapingHook(node: TSESTree.ThrowStatement): string | undefined {
      let child: TSESTree.Node = node;
      let parent: TSESTree.Node | undefined = node.parent;
      while (parent) {
        if (FUNCTION_TYPES.has(parent.type)) return hooks.get(parent);
        // Thrown from a `try` block with a `catch`: handled there (catch and finally blocks are not).
        if (parent.type === AST_NODE_TYPES.TryStatement && parent.block === child && parent.handler) return undefined;
        child = parent;
        parent = parent.parent;
      }
      return undefined;
    }

    return {
      CallExpression(node) {
        const definition = taskDefinitionOf(node, tracker, target);
        if (definition) {
          for (const fn of taskFunctions(definition, target)) if (SENSITIVE.has(fn.name)) hooks.set(fn.fn, fn.name);
          return;
        }
        // Global hooks (4.x): `tasks.onSuccess(fn)` / `tasks.onFailure("name", fn)`.
        const reference = tracker.resolve(node.callee);
        const [root, hook] = reference?.path ?? [];
        if (!reference || reference.path.length !== 2 || root !== "tasks" || hook === undefined || !SENSITIVE.has(hook)) return;
        if (!isTaskApiSource(reference.binding.source, target)) return;
        const fn = node.arguments[node.arguments.length - 1];
        if (fn?.type === AST_NODE_TYPES.FunctionExpression || fn?.type === AST_NODE_TYPES.ArrowFunctionExpression) hooks.set(fn satisfies TaskFunctionNode, hook);
      },
      ThrowStatement(node) {
        if (hooks.size === 0) return;
        const hook = escapingHook(node);
        if (hook) context.report({ node, messageId: "throwInHook", data: { hook } });
      },
    };
  },
});
