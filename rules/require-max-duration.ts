/**
 * Scheduled tasks run unattended: give each one its own `maxDuration` so a stuck run stops.
 * Option `tasks` extends the requirement to every task factory.
 */
import { DEFAULT_MAX_DURATION_SECONDS, MIN_MAX_DURATION_SECONDS } from "../src/catalog/tasks.js";
import { createRule } from "../src/eslint/create-rule.js";
import { TriggerImportTracker } from "../src/eslint/import-tracker.js";
import { targetForContext } from "../src/eslint/target.js";
import { findProperty, hasSpread, taskDefinitionOf } from "../src/eslint/task-calls.js";

export type MessageIds = "missingMaxDuration";
export type Options = [{ tasks?: boolean }];

export default createRule<Options, MessageIds>({
  name: "require-max-duration",
  meta: {
    type: "suggestion",
    docs: {
      description: "Require `maxDuration` on scheduled tasks (and optionally on every task)",
      recommended: true,
      sdkVersions: [3, 4],
    },
    schema: [
      {
        type: "object",
        properties: {
          tasks: { type: "boolean", description: "Also require `maxDuration` on `task`, `schemaTask` and `toolTask`." },
        },
        additionalProperties: false,
      },
    ],
    defaultOptions: [{ tasks: false }],
    messages: {
      missingMaxDuration:
        "Add `maxDuration` (compute seconds, at least {{min}}) to this {{kind}}, e.g. `maxDuration: {{example}}`: a stuck run otherwise keeps going until the project-wide limit stops it.",
    },
  },
  create(context, [{ tasks }]) {
    const tracker = TriggerImportTracker.of(context);
    if (!tracker.hasBindings) return {};
    const target = targetForContext(context);

    return {
      CallExpression(node) {
        const definition = taskDefinitionOf(node, tracker, target);
        if (!definition?.options) return;
        const scheduled = definition.factory === "schedules.task";
        if (!scheduled && !tasks) return;
        // A spread (`...defaults`) may carry maxDuration.
        if (findProperty(definition.options, "maxDuration") || hasSpread(definition.options)) return;
        context.report({
          node: node.callee,
          messageId: "missingMaxDuration",
          data: { kind: scheduled ? "scheduled task" : "task", min: String(MIN_MAX_DURATION_SECONDS), example: String(DEFAULT_MAX_DURATION_SECONDS) },
        });
      },
    };
  },
});
