/**
 * Every use of the v2 `io` object: the second parameter of the `run` function of a v2 job
 * (recognised as in no-define-job). socket.io's `io`, or any `io` that is not that parameter,
 * is never reported: the rule follows the parameter's references, not the name.
 */
import type { TSESLint, TSESTree } from "@typescript-eslint/utils";
import { AST_NODE_TYPES } from "@typescript-eslint/utils";
import { IO_INTEGRATION_REPLACEMENT, IO_LOGGER_METHODS, ioMemberInfo } from "../src/catalog/io.js";
import { bestWaitUnit } from "../src/catalog/tasks.js";
import { createRule } from "../src/eslint/create-rule.js";
import { planNamedImport } from "../src/eslint/fix-imports.js";
import { TriggerImportTracker } from "../src/eslint/import-tracker.js";
import { staticNumber } from "../src/eslint/static-value.js";
import { targetForContext } from "../src/eslint/target.js";
import { findProperty } from "../src/eslint/task-calls.js";
import { mayContainV2Jobs, staticMemberName, V2Recognizer } from "../src/eslint/v2-jobs.js";

export type MessageIds = "ioMember" | "ioMemberCodemod" | "ioIntegration" | "ioValue" | "useLogger" | "useWaitFor";
export type Options = [];

const LOGGER_METHODS: ReadonlySet<string> = new Set(IO_LOGGER_METHODS);

function runFunction(options: TSESTree.ObjectExpression): TSESTree.FunctionExpression | TSESTree.ArrowFunctionExpression | undefined {
  const value = findProperty(options, "run")?.value;
  return value?.type === AST_NODE_TYPES.FunctionExpression || value?.type === AST_NODE_TYPES.ArrowFunctionExpression ? value : undefined;
}

export default createRule<Options, MessageIds>({
  name: "no-io-object",
  meta: {
    type: "problem",
    docs: {
      description: "Disallow the v2 `io` object of job run functions",
      recommended: true,
      sdkVersions: [3, 4],
    },
    hasSuggestions: true,
    messages: {
      ioMember: "`io.{{member}}` is the v2 job API: use {{replacement}} instead.",
      ioMemberCodemod: "`io.{{member}}` is the v2 job API: use {{replacement}} instead (`npx trigger-v3-migrate` rewrites it).",
      ioIntegration: "`io.{{member}}` is a v2 integration: use {{replacement}}.",
      ioValue: "`io` is the v2 job I/O object and does not exist in the task API: import `logger`, `wait`, `tasks` from the SDK instead (`npx trigger-v3-migrate` converts the job).",
      useLogger: "Use the SDK's `{{local}}` instead of `io.logger`.",
      useWaitFor: "Replace with `{{replacement}}`.",
    },
    schema: [],
    defaultOptions: [],
  },
  create(context) {
    const sourceCode = context.sourceCode;
    const tracker = TriggerImportTracker.of(context);
    if (!mayContainV2Jobs(sourceCode, tracker)) return {};
    const recognizer = new V2Recognizer(sourceCode, tracker);
    const target = targetForContext(context);

    /** `io.logger.info(...)` -> `logger.info(...)`, importing `logger` where needed. */
    function loggerSuggestion(member: TSESTree.MemberExpression): TSESLint.SuggestionReportDescriptor<MessageIds>[] {
      const method = member.parent;
      if (method?.type !== AST_NODE_TYPES.MemberExpression || method.object !== member) return [];
      const name = staticMemberName(method);
      const call = method.parent;
      if (name === undefined || !LOGGER_METHODS.has(name) || call?.type !== AST_NODE_TYPES.CallExpression || call.callee !== method) return [];
      const plan = planNamedImport(sourceCode, tracker, "logger", target, call);
      if (!plan) return [];
      return [{ messageId: "useLogger", data: { local: plan.local }, fix: (fixer) => [fixer.replaceText(member, plan.local), ...plan.fix(fixer)] }];
    }

    /** `io.wait("key", 300)` -> `wait.for({ minutes: 5 })` when the seconds are constant. */
    function waitSuggestion(member: TSESTree.MemberExpression): TSESLint.SuggestionReportDescriptor<MessageIds>[] {
      const call = member.parent;
      if (call?.type !== AST_NODE_TYPES.CallExpression || call.callee !== member || call.arguments.length !== 2) return [];
      // Literal arithmetic only (no const following), the same folding the io codemod does.
      const seconds = staticNumber(call.arguments[1]!);
      if (seconds === undefined || !Number.isFinite(seconds) || seconds <= 0) return [];
      const plan = planNamedImport(sourceCode, tracker, "wait", target, call);
      if (!plan) return [];
      const { unit, amount } = bestWaitUnit(seconds);
      const replacement = `${plan.local}.for({ ${unit}: ${amount} })`;
      return [{ messageId: "useWaitFor", data: { replacement }, fix: (fixer) => [fixer.replaceText(call, replacement), ...plan.fix(fixer)] }];
    }

    function reportMember(node: TSESTree.Node, member: string, memberNode: TSESTree.MemberExpression | undefined): void {
      const info = ioMemberInfo(member);
      if (!info) {
        context.report({ node, messageId: "ioIntegration", data: { member, replacement: IO_INTEGRATION_REPLACEMENT } });
        return;
      }
      const suggest = memberNode === undefined ? [] : member === "logger" ? loggerSuggestion(memberNode) : member === "wait" ? waitSuggestion(memberNode) : [];
      context.report({ node, messageId: info.kind === "inline" ? "ioMemberCodemod" : "ioMember", data: { member, replacement: info.replacement }, suggest });
    }

    function checkJob(node: TSESTree.CallExpression | TSESTree.NewExpression): void {
      const options = recognizer.v2JobOptions(node);
      const run = options && runFunction(options);
      let io = run?.params[1];
      if (!run || !io) return;
      if (io.type === AST_NODE_TYPES.AssignmentPattern) io = io.left;
      if (io.type === AST_NODE_TYPES.ObjectPattern) {
        // run: async (payload, { logger, wait }) => ... destructures the io members.
        for (const property of io.properties) {
          if (property.type !== AST_NODE_TYPES.Property || property.computed || property.key.type !== AST_NODE_TYPES.Identifier) continue;
          reportMember(property.key, property.key.name, undefined);
        }
        return;
      }
      if (io.type !== AST_NODE_TYPES.Identifier) return;
      const ioName = io.name;
      const variable = sourceCode.getDeclaredVariables(run).find((v) => v.name === ioName);
      for (const reference of variable?.references ?? []) {
        const identifier = reference.identifier;
        const parent = identifier.parent;
        if (parent?.type === AST_NODE_TYPES.MemberExpression && parent.object === identifier) {
          const member = staticMemberName(parent);
          if (member !== undefined) {
            reportMember(parent, member, parent);
            continue;
          }
        }
        context.report({ node: identifier, messageId: "ioValue" });
      }
    }

    return { CallExpression: checkJob, NewExpression: checkJob };
  },
});
