/**
 * On SDK 4.x, the v3 forms that are deprecated, removed or silently wrong: the `/v3` import path,
 * `handleError`, positional hook signatures, `init`/`cleanup`, trigger-time `queue: { name }`,
 * `tasks.triggerAndPoll` and `.runs` on a batch handle. Never reports on 3.x, where they are right.
 */
import type { TSESLint, TSESTree } from "@typescript-eslint/utils";
import { AST_NODE_TYPES, ASTUtils } from "@typescript-eslint/utils";
import { isTaskApiSource, isTriggerDevSource, normalizeTriggerSource, pinnedMajor, SDK_PACKAGE, SDK_V3_PATH, withTriggerSubpath } from "../src/catalog/packages.js";
import { V3_POSITIONAL_HOOKS, V4_BATCH_HANDLES_WITHOUT_RUNS, V4_DEPRECATED_HOOKS, V4_REMOVED_TASKS_FUNCTIONS } from "../src/catalog/tasks.js";
import { createRule } from "../src/eslint/create-rule.js";
import { positionalHookParams, type HookSignature } from "../src/eslint/hook-signature.js";
import { TriggerImportTracker } from "../src/eslint/import-tracker.js";
import { targetForContext } from "../src/eslint/target.js";
import { findProperty, taskDefinitionOf, type TaskFunctionNode } from "../src/eslint/task-calls.js";
import { propertyName, triggerCallOf, type TriggerCall } from "../src/eslint/trigger-calls.js";

export type MessageIds =
  | "v3ImportPath"
  | "handleError"
  | "renameHandleError"
  | "positionalHook"
  | "useObjectParam"
  | "deprecatedInit"
  | "deprecatedCleanup"
  | "queueObject"
  | "useQueueName"
  | "triggerAndPoll"
  | "batchHandleRuns";
export type Options = [];

const REMOVED_TASKS_FUNCTIONS = new Set(V4_REMOVED_TASKS_FUNCTIONS);
/** Hooks with a report of their own; the other positional hooks get the signature report. */
const OWN_REPORT_HOOKS = new Set(["handleError", "init", "cleanup"]);
const POSITIONAL_ONLY_HOOKS = new Set(Object.keys(V3_POSITIONAL_HOOKS).filter((hook) => !OWN_REPORT_HOOKS.has(hook)));
const CATCH_ERROR = V4_DEPRECATED_HOOKS["handleError"] ?? "catchError";

export default createRule<Options, MessageIds>({
  name: "no-deprecated-v3-api",
  meta: {
    type: "problem",
    docs: {
      description: "Disallow v3 APIs that SDK 4 deprecated or removed",
      recommended: true,
      sdkVersions: [4],
    },
    fixable: "code",
    hasSuggestions: true,
    schema: [],
    defaultOptions: [],
    messages: {
      v3ImportPath: `Import from "${SDK_PACKAGE}": the "${SDK_V3_PATH}" path is deprecated in v4 and will be removed.`,
      handleError:
        "`handleError` is deprecated in v4: use `catchError`, which takes one object: `catchError: async ({ payload, error, ctx, retry }) => { ... }`.",
      renameHandleError: "Rename to `catchError` with the parameter `{{params}}`.",
      positionalHook: "In v4 `{{hook}}` receives one object: write `{{hook}}: async ({ {{names}}, ctx }) => { ... }` instead of the v3 positional parameters.",
      useObjectParam: "Take one object parameter: `{{params}}`.",
      deprecatedInit:
        "`init` is deprecated in v4: create the value in a `middleware` (task option or `tasks.middleware(...)`), store it with `locals.set(...)` and read it with `locals.getOrThrow(...)`.",
      deprecatedCleanup: "`cleanup` is deprecated in v4: run the cleanup in a `middleware`, after `await next()`.",
      queueObject:
        "In v4 the trigger-time `queue` is a queue name: define the queue ahead of time with `queue({ name, concurrencyLimit })` and pass `queue: \"<name>\"` here.",
      useQueueName: "Pass the queue name `{{name}}` (the queue must be defined with `queue({ ... })`).",
      triggerAndPoll: "`tasks.triggerAndPoll` was removed in v4: `const handle = await tasks.trigger(...)`, then `await runs.poll(handle)` (or `triggerAndWait` inside a task).",
      batchHandleRuns: "A v4 batch handle has no `runs`: fetch them with `await batch.retrieve({{handle}}.batchId)`.",
    },
  },
  create(context) {
    const sourceCode = context.sourceCode;
    const tracker = TriggerImportTracker.of(context);
    // Dynamic `import("@trigger.dev/sdk/v3")` inside functions binds nothing: the text check finds it.
    // The package name, not the `/v3` path: `npm:@trigger.dev/sdk@4/v3` does not contain the path.
    if (!tracker.hasBindings && !sourceCode.text.includes(SDK_PACKAGE)) return {};
    if (targetForContext(context) !== 4) return {};
    const target = 4;

    /** Names imported from the root path, to avoid importing one name from both paths. */
    const rootNames = new Set(
      tracker.importDeclarations.filter((d) => normalizeTriggerSource(d.source.value) === SDK_PACKAGE).flatMap((d) => d.specifiers.map(importedName)),
    );

    function checkSource(source: TSESTree.Node | null | undefined, declaration?: TSESTree.ImportDeclaration): void {
      if (source?.type !== AST_NODE_TYPES.Literal || typeof source.value !== "string" || normalizeTriggerSource(source.value) !== SDK_V3_PATH) return;
      // A 3.x pin (`npm:@trigger.dev/sdk@3.3.17/v3`) is right as written: its root is the v2 API.
      const pin = pinnedMajor(source.value);
      if (pin !== undefined && pin < 4) return;
      const conflict = declaration?.specifiers.some((s) => rootNames.has(importedName(s))) ?? false;
      // `npm:@trigger.dev/sdk@4/v3` -> `npm:@trigger.dev/sdk@4`: prefix and version stay.
      const root = conflict ? undefined : withTriggerSubpath(source.value, "");
      const quote = source.raw.startsWith("'") ? "'" : '"';
      context.report({
        node: source,
        messageId: "v3ImportPath",
        fix: root === undefined ? null : (fixer) => fixer.replaceText(source, `${quote}${root}${quote}`),
      });
    }

    function checkHandleError(renameNode: TSESTree.Node, fn: TSESTree.Node | undefined, catchErrorExists: boolean): void {
      const signature = isFunction(fn) && !catchErrorExists ? positionalHookParams(fn, V3_POSITIONAL_HOOKS["handleError"] ?? [], sourceCode) : undefined;
      // `"handleError": fn` or `tasks["handleError"]` keeps its quotes.
      const renamed = renameNode.type === AST_NODE_TYPES.Literal ? `${renameNode.raw[0]}${CATCH_ERROR}${renameNode.raw[0]}` : CATCH_ERROR;
      if (signature?.kind === "object") {
        context.report({ node: renameNode, messageId: "handleError", fix: (fixer) => fixer.replaceText(renameNode, renamed) });
        return;
      }
      const suggest: TSESLint.SuggestionReportDescriptor<MessageIds>[] = [];
      if (signature?.kind === "positional" && signature.replacement) {
        const replacement = signature.replacement;
        suggest.push({
          messageId: "renameHandleError",
          data: { params: replacement.text },
          fix: (fixer) => [fixer.replaceText(renameNode, renamed), fixer.replaceTextRange(replacement.range, replacement.text)],
        });
      }
      context.report({ node: renameNode, messageId: "handleError", suggest });
    }

    function checkPositionalHook(hook: string, key: TSESTree.Node, fn: TaskFunctionNode): void {
      const positional = V3_POSITIONAL_HOOKS[hook] ?? [];
      const signature: HookSignature = positionalHookParams(fn, positional, sourceCode);
      if (signature.kind !== "positional") return;
      const replacement = signature.replacement;
      const suggest: TSESLint.SuggestionReportDescriptor<MessageIds>[] = replacement
        ? [{ messageId: "useObjectParam", data: { params: replacement.text }, fix: (fixer) => fixer.replaceTextRange(replacement.range, replacement.text) }]
        : [];
      context.report({ node: key, messageId: "positionalHook", data: { hook, names: positional.join(", ") }, suggest });
    }

    function checkTaskOptions(options: TSESTree.ObjectExpression): void {
      for (const property of options.properties) {
        if (property.type !== AST_NODE_TYPES.Property || property.computed) continue;
        const name = property.key.type === AST_NODE_TYPES.Identifier ? property.key.name : property.key.type === AST_NODE_TYPES.Literal ? String(property.key.value) : "";
        if (name === "handleError") checkHandleError(property.key, property.value, findProperty(options, CATCH_ERROR) !== undefined);
        else if (name === "init") context.report({ node: property.key, messageId: "deprecatedInit" });
        else if (name === "cleanup") context.report({ node: property.key, messageId: "deprecatedCleanup" });
        else if (POSITIONAL_ONLY_HOOKS.has(name) && isFunction(property.value)) checkPositionalHook(name, property.key, property.value);
      }
    }

    function checkQueue(options: TSESTree.Node | undefined): void {
      if (options?.type !== AST_NODE_TYPES.ObjectExpression) return;
      const queue = findProperty(options, "queue");
      if (queue?.value.type !== AST_NODE_TYPES.ObjectExpression) return;
      const queueObject = queue.value;
      const only = queueObject.properties.length === 1 ? findProperty(queueObject, "name") : undefined;
      const suggest: TSESLint.SuggestionReportDescriptor<MessageIds>[] = only
        ? [{ messageId: "useQueueName", data: { name: sourceCode.getText(only.value) }, fix: (fixer) => fixer.replaceText(queueObject, sourceCode.getText(only.value)) }]
        : [];
      context.report({ node: queue, messageId: "queueObject", suggest });
    }

    function checkTriggerCall(trigger: TriggerCall): void {
      if (trigger.form === "tasks" && REMOVED_TASKS_FUNCTIONS.has(trigger.method)) {
        context.report({ node: trigger.methodNode, messageId: "triggerAndPoll" });
        return;
      }
      checkQueue(trigger.options);
      if (trigger.items?.type === AST_NODE_TYPES.ArrayExpression) {
        for (const item of trigger.items.elements) {
          if (item?.type === AST_NODE_TYPES.ObjectExpression) checkQueue(findProperty(item, "options")?.value);
        }
      }
    }

    /** `await <batch trigger whose v4 handle has no runs>`. */
    function isBatchHandle(node: TSESTree.Node | null | undefined): boolean {
      if (node?.type !== AST_NODE_TYPES.AwaitExpression || node.argument.type !== AST_NODE_TYPES.CallExpression) return false;
      const call = node.argument;
      const trigger = triggerCallOf(call, tracker, target, sourceCode);
      if (trigger) return V4_BATCH_HANDLES_WITHOUT_RUNS[trigger.form].includes(trigger.method);
      return isImportedTaskBatchTrigger(call);
    }

    /**
     * `importedTask.batchTrigger(...)`: a task from another module cannot be proven a task without
     * types, but `batchTrigger` on an imported binding in a file that imports Trigger.dev is one.
     */
    function isImportedTaskBatchTrigger(call: TSESTree.CallExpression): boolean {
      const callee = call.callee;
      if (callee.type !== AST_NODE_TYPES.MemberExpression || callee.object.type !== AST_NODE_TYPES.Identifier) return false;
      if (!V4_BATCH_HANDLES_WITHOUT_RUNS.task.includes(propertyName(callee) ?? "")) return false;
      const variable = ASTUtils.findVariable(sourceCode.getScope(callee), callee.object.name);
      return (
        variable?.defs.some(
          (def) => def.type === "ImportBinding" && def.parent.type === AST_NODE_TYPES.ImportDeclaration && !isTriggerDevSource(def.parent.source.value),
        ) ?? false
      );
    }

    function reportRuns(member: TSESTree.MemberExpression, handle: string): void {
      context.report({ node: member.property, messageId: "batchHandleRuns", data: { handle } });
    }

    return {
      ImportDeclaration: (node) => checkSource(node.source, node),
      ExportNamedDeclaration: (node) => checkSource(node.source),
      ExportAllDeclaration: (node) => checkSource(node.source),
      ImportExpression: (node) => checkSource(node.source),
      CallExpression(node) {
        if (node.callee.type === AST_NODE_TYPES.Identifier && node.callee.name === "require" && node.arguments.length === 1) {
          checkSource(node.arguments[0]);
          return;
        }
        if (!tracker.hasBindings) return;
        const definition = taskDefinitionOf(node, tracker, target);
        if (definition) {
          if (definition.options) checkTaskOptions(definition.options);
          return;
        }
        const trigger = triggerCallOf(node, tracker, target, sourceCode);
        if (trigger) {
          checkTriggerCall(trigger);
          return;
        }
        // Global hook: `tasks.handleError(fn)` -> `tasks.catchError(fn)`.
        if (node.callee.type === AST_NODE_TYPES.MemberExpression && tracker.matches(node.callee, ["tasks", "handleError"], (s) => isTaskApiSource(s, target))) {
          checkHandleError(node.callee.property, node.arguments[node.arguments.length - 1], false);
        }
      },
      VariableDeclarator(node) {
        if (!tracker.hasBindings || node.id.type !== AST_NODE_TYPES.Identifier || !isBatchHandle(node.init)) return;
        const handle = node.id.name;
        for (const variable of sourceCode.getDeclaredVariables(node)) {
          for (const reference of variable.references) {
            const parent = reference.identifier.parent;
            if (parent?.type === AST_NODE_TYPES.MemberExpression && parent.object === reference.identifier && propertyName(parent) === "runs") reportRuns(parent, handle);
          }
        }
      },
      MemberExpression(node) {
        // `(await tasks.batchTrigger(...)).runs`
        if (tracker.hasBindings && propertyName(node) === "runs" && isBatchHandle(node.object)) reportRuns(node, `(${sourceCode.getText(node.object)})`);
      },
    };
  },
});

function importedName(specifier: TSESTree.ImportClause): string {
  if (specifier.type === AST_NODE_TYPES.ImportSpecifier) {
    return specifier.imported.type === AST_NODE_TYPES.Identifier ? specifier.imported.name : specifier.imported.value;
  }
  return specifier.type === AST_NODE_TYPES.ImportNamespaceSpecifier ? "*" : "default";
}

function isFunction(node: TSESTree.Node | undefined): node is TaskFunctionNode {
  return node?.type === AST_NODE_TYPES.ArrowFunctionExpression || node?.type === AST_NODE_TYPES.FunctionExpression;
}
