/**
 * v2 jobs and clients: `client.defineJob(...)`, `new Job(...)`, the v2 `new TriggerClient({ id })`
 * and the v2-only client methods (`sendEvent`, `defineDynamicSchedule`, ...).
 * A client is recognised by evidence (see src/eslint/v2-jobs.ts), never by the name `client`.
 */
import { AST_NODE_TYPES } from "@typescript-eslint/utils";
import { V2_CLIENT_METHOD_REPLACEMENTS, V2_CLIENT_METHODS } from "../src/catalog/exports.js";
import { createRule } from "../src/eslint/create-rule.js";
import { TriggerImportTracker } from "../src/eslint/import-tracker.js";
import { mayContainV2Jobs, staticMemberName, V2Recognizer } from "../src/eslint/v2-jobs.js";

export type MessageIds = "defineJob" | "newJob" | "v2Client" | "v2ClientMethod";
export type Options = [];

const CLIENT_METHODS: ReadonlySet<string> = new Set(V2_CLIENT_METHODS);

export default createRule<Options, MessageIds>({
  name: "no-define-job",
  meta: {
    type: "problem",
    docs: {
      description: "Disallow v2 jobs and the v2 TriggerClient",
      recommended: true,
      sdkVersions: [3, 4],
    },
    messages: {
      defineJob: "`defineJob` is the v2 API: write `export const myTask = task({ id, run })` instead (`npx trigger-v3-migrate` converts the job).",
      newJob: "`new Job(...)` is the v2 API: write `export const myTask = task({ id, run })` instead (`npx trigger-v3-migrate` converts the job).",
      v2Client:
        "This is the v2 TriggerClient: the task API needs no client. Define tasks with `task({ id, run })` and set TRIGGER_SECRET_KEY (`npx trigger-v3-migrate` converts the jobs).",
      v2ClientMethod: "`{{method}}` is a v2 TriggerClient method: use {{replacement}} instead.",
    },
    schema: [],
    defaultOptions: [],
  },
  create(context) {
    const tracker = TriggerImportTracker.of(context);
    if (!mayContainV2Jobs(context.sourceCode, tracker)) return {};
    const recognizer = new V2Recognizer(context.sourceCode, tracker);

    return {
      NewExpression(node) {
        if (recognizer.isV2ClientConstruction(node)) context.report({ node, messageId: "v2Client" });
        else if (recognizer.isNewJob(node)) context.report({ node, messageId: "newJob" });
      },
      CallExpression(node) {
        const callee = node.callee;
        if (callee.type !== AST_NODE_TYPES.MemberExpression) return;
        const method = staticMemberName(callee);
        if (method === undefined || !CLIENT_METHODS.has(method)) return;
        if (method === "defineJob") {
          if (recognizer.isV2DefineJobCall(node)) context.report({ node: callee, messageId: "defineJob" });
          return;
        }
        if (!recognizer.isV2Client(callee.object)) return;
        context.report({ node: callee, messageId: "v2ClientMethod", data: { method, replacement: V2_CLIENT_METHOD_REPLACEMENTS[method] ?? "the task API" } });
      },
    };
  },
});
