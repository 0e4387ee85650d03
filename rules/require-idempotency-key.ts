/**
 * Every trigger should carry an `idempotencyKey`: a retried request handler or a retried parent
 * task otherwise starts the child run a second time. Batches: a batch-level key is enough (the SDK
 * keys each item by that key plus its index); without one, each literal item needs its own.
 * On 3.x the wait variants are exempt: 3.3.0+ removed the key from their options.
 */
import type { TSESLint, TSESTree } from "@typescript-eslint/utils";
import { AST_NODE_TYPES } from "@typescript-eslint/utils";
import { NO_IDEMPOTENCY_KEY_METHODS } from "../src/catalog/tasks.js";
import { createRule } from "../src/eslint/create-rule.js";
import { TriggerImportTracker } from "../src/eslint/import-tracker.js";
import { constInitializer } from "../src/eslint/static-value.js";
import { targetForContext } from "../src/eslint/target.js";
import { findProperty, hasSpread } from "../src/eslint/task-calls.js";
import { triggerCallOf } from "../src/eslint/trigger-calls.js";

export type MessageIds = "missingKey" | "missingItemKey" | "missingBatchKey";
export type Options = [];

/** Whether an options value carries `idempotencyKey`; "unknown" when it cannot be seen here. */
type KeyState = "present" | "missing" | "unknown";

const KEY = "idempotencyKey";

function optionsKeyState(options: TSESTree.Node | undefined, sourceCode: Readonly<TSESLint.SourceCode>): KeyState {
  if (!options) return "missing";
  let value: TSESTree.Node | undefined = options;
  if (value.type === AST_NODE_TYPES.Identifier) value = constInitializer(value, sourceCode);
  if (value?.type !== AST_NODE_TYPES.ObjectExpression) return "unknown";
  if (findProperty(value, KEY)) return "present";
  // `{ ...defaults }` may carry the key.
  return hasSpread(value) ? "unknown" : "missing";
}

function itemKeyState(item: TSESTree.ObjectExpression, sourceCode: Readonly<TSESLint.SourceCode>): KeyState {
  const options = findProperty(item, "options");
  if (!options) return hasSpread(item) ? "unknown" : "missing";
  return optionsKeyState(options.value, sourceCode);
}

/**
 * The item object literals of a batch, when they can be seen: a literal array (or a same-file
 * `const` holding one), or `list.map((x) => ({ ... }))`. Undefined when the items are opaque.
 */
function visibleItems(items: TSESTree.Node | undefined, sourceCode: Readonly<TSESLint.SourceCode>): TSESTree.ObjectExpression[] | undefined {
  let node = items;
  if (node?.type === AST_NODE_TYPES.Identifier) node = constInitializer(node, sourceCode);
  if (node?.type === AST_NODE_TYPES.ArrayExpression) {
    // Non-literal elements (`...rest`, `item`) are not visible and so are not reported.
    return node.elements.filter((element): element is TSESTree.ObjectExpression => element?.type === AST_NODE_TYPES.ObjectExpression);
  }
  if (node?.type === AST_NODE_TYPES.CallExpression && node.callee.type === AST_NODE_TYPES.MemberExpression) {
    const callee = node.callee;
    const mapper = node.arguments[0];
    const isMap = !callee.computed && callee.property.type === AST_NODE_TYPES.Identifier && callee.property.name === "map";
    if (isMap && mapper?.type === AST_NODE_TYPES.ArrowFunctionExpression && mapper.body.type === AST_NODE_TYPES.ObjectExpression) return [mapper.body];
  }
  return undefined;
}

export default createRule<Options, MessageIds>({
  name: "require-idempotency-key",
  meta: {
    type: "suggestion",
    docs: {
      description: "Require an `idempotencyKey` when triggering tasks",
      // Strict, not recommended: a trigger without a key is a missed safeguard, not a bug, and v2
      // code migrated from sendEvent (whose ids were random) behaves the same without one.
      strict: true,
      sdkVersions: [3, 4],
    },
    schema: [],
    defaultOptions: [],
    messages: {
      missingKey:
        "Pass `{ idempotencyKey }` to `{{call}}(...)`, e.g. `{ idempotencyKey: await idempotencyKeys.create([...]) }`: without one, a retried caller starts this run again.",
      missingItemKey:
        "Give this batch item `options: { idempotencyKey }`, or pass a batch-level `idempotencyKey` to `{{call}}(...)`: without one, a retried caller starts these runs again.",
      missingBatchKey:
        "Pass a batch-level `{ idempotencyKey }` to `{{call}}(...)` (the SDK keys each item by it plus the item's index), or set `options.idempotencyKey` on every item.",
    },
  },
  create(context) {
    const tracker = TriggerImportTracker.of(context);
    if (!tracker.hasBindings) return {};
    const target = targetForContext(context);
    const exempt = new Set(NO_IDEMPOTENCY_KEY_METHODS[target]);
    const sourceCode = context.sourceCode;

    return {
      CallExpression(node) {
        const trigger = triggerCallOf(node, tracker, target, sourceCode);
        if (!trigger || trigger.hasSpreadArgument || exempt.has(trigger.method)) return;
        const data = { call: sourceCode.getText(node.callee) };
        const state = optionsKeyState(trigger.options, sourceCode);
        if (state !== "missing") return;
        if (!trigger.isBatch) {
          context.report({ node: trigger.methodNode, messageId: "missingKey", data });
          return;
        }
        const items = visibleItems(trigger.items, sourceCode);
        if (!items) {
          context.report({ node: trigger.methodNode, messageId: "missingBatchKey", data });
          return;
        }
        for (const item of items) {
          if (itemKeyState(item, sourceCode) === "missing") context.report({ node: item, messageId: "missingItemKey", data });
        }
      },
    };
  },
});
