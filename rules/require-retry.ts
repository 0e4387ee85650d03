/**
 * Make each task's retry policy explicit: `retry: { maxAttempts }`. Strict only, because the
 * project-wide `retries.default` in trigger.config.ts is a legitimate place for it.
 */
import { AST_NODE_TYPES } from "@typescript-eslint/utils";
import { DEFAULT_RETRY } from "../src/catalog/tasks.js";
import { createRule } from "../src/eslint/create-rule.js";
import { TriggerImportTracker } from "../src/eslint/import-tracker.js";
import { targetForContext } from "../src/eslint/target.js";
import { findProperty, hasSpread, taskDefinitionOf } from "../src/eslint/task-calls.js";

export type MessageIds = "missingRetry" | "missingMaxAttempts";
export type Options = [{ allowConfigDefault?: boolean }];

export default createRule<Options, MessageIds>({
  name: "require-retry",
  meta: {
    type: "suggestion",
    docs: {
      description: "Require an explicit `retry: { maxAttempts }` on every task",
      strict: true,
      sdkVersions: [3, 4],
    },
    schema: [
      {
        type: "object",
        properties: {
          allowConfigDefault: {
            type: "boolean",
            description: "Allow tasks without `retry` (the `retries.default` of trigger.config.ts applies); `retry` without `maxAttempts` is still reported.",
          },
        },
        additionalProperties: false,
      },
    ],
    defaultOptions: [{ allowConfigDefault: false }],
    messages: {
      missingRetry:
        "Add `retry: { maxAttempts: {{maxAttempts}} }` to this task so its retry policy is visible where it runs (or enable `allowConfigDefault` if trigger.config.ts `retries.default` is the policy).",
      missingMaxAttempts: "Add `maxAttempts` to this `retry`, e.g. `retry: { maxAttempts: {{maxAttempts}}, ... }`: without it the number of attempts comes from elsewhere.",
    },
  },
  create(context, [{ allowConfigDefault }]) {
    const tracker = TriggerImportTracker.of(context);
    if (!tracker.hasBindings) return {};
    const target = targetForContext(context);
    const data = { maxAttempts: String(DEFAULT_RETRY.maxAttempts) };

    return {
      CallExpression(node) {
        const options = taskDefinitionOf(node, tracker, target)?.options;
        if (!options) return;
        const retry = findProperty(options, "retry");
        if (!retry) {
          // A spread (`...defaults`) may carry `retry`.
          if (!allowConfigDefault && !hasSpread(options)) context.report({ node: node.callee, messageId: "missingRetry", data });
          return;
        }
        // `retry: sharedPolicy` cannot be checked here; `retry: { ...base }` may carry maxAttempts.
        if (retry.value.type !== AST_NODE_TYPES.ObjectExpression || hasSpread(retry.value)) return;
        if (!findProperty(retry.value, "maxAttempts")) context.report({ node: retry, messageId: "missingMaxAttempts", data });
      },
    };
  },
});
