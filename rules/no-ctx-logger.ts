/**
 * `ctx.logger.info(...)` inside a task: the task API `ctx` (TaskRunContext) has no logger, so
 * the call throws at runtime. The logger is a module export of the SDK.
 *
 * `ctx` is followed from where a task function receives it (`run: (payload, { ctx })`, v3 hooks
 * `(payload, output, { ctx })`, v4 hooks `({ ctx })`, or `run: (payload, params)` + `params.ctx`)
 * through scope analysis, so a `ctx` of any other origin is never reported.
 */
import type { TSESLint, TSESTree } from "@typescript-eslint/utils";
import { AST_NODE_TYPES } from "@typescript-eslint/utils";
import { TASK_LOGGER_METHODS } from "../src/catalog/tasks.js";
import { createRule } from "../src/eslint/create-rule.js";
import { planNamedImport } from "../src/eslint/fix-imports.js";
import { TriggerImportTracker } from "../src/eslint/import-tracker.js";
import { targetForContext } from "../src/eslint/target.js";
import { taskDefinitionOf, taskFunctions, type TaskFunctionNode } from "../src/eslint/task-calls.js";
import { staticMemberName } from "../src/eslint/v2-jobs.js";

export type MessageIds = "ctxLogger";
export type Options = [];

const LOGGER_METHODS: ReadonlySet<string> = new Set(TASK_LOGGER_METHODS);

type Variable = TSESLint.Scope.Variable;

/** `<object>.<name>` where `object` is exactly `node`, or undefined. */
function memberOn(node: TSESTree.Node, name: string): TSESTree.MemberExpression | undefined {
  const parent = node.parent;
  return parent?.type === AST_NODE_TYPES.MemberExpression && parent.object === node && staticMemberName(parent) === name ? parent : undefined;
}

export default createRule<Options, MessageIds>({
  name: "no-ctx-logger",
  meta: {
    type: "problem",
    docs: {
      description: "Disallow `ctx.logger` in tasks: ctx has no logger, use the SDK's `logger`",
      recommended: true,
      sdkVersions: [3, 4],
    },
    fixable: "code",
    messages: {
      ctxLogger: "`ctx` has no `logger` in the task API (this throws at runtime): import `logger` from the SDK and call `logger.info(...)` instead.",
    },
    schema: [],
    defaultOptions: [],
  },
  create(context) {
    const sourceCode = context.sourceCode;
    const tracker = TriggerImportTracker.of(context);
    if (!tracker.hasBindings) return {};
    const target = targetForContext(context);
    const seen = new Set<TSESTree.Node>();

    /** The variables a task function binds to `ctx`, and those holding the params object (`params.ctx`). */
    function ctxVariables(fn: TaskFunctionNode, name: string): { ctx: Variable[]; params: Variable[] } {
      const declared = sourceCode.getDeclaredVariables(fn);
      const byName = (local: string): Variable | undefined => declared.find((v) => v.name === local);
      const ctx: Variable[] = [];
      const params: Variable[] = [];
      fn.params.forEach((param, index) => {
        const pattern = param.type === AST_NODE_TYPES.AssignmentPattern ? param.left : param;
        if (pattern.type === AST_NODE_TYPES.ObjectPattern) {
          for (const property of pattern.properties) {
            if (property.type !== AST_NODE_TYPES.Property || property.computed) continue;
            if (property.key.type !== AST_NODE_TYPES.Identifier || property.key.name !== "ctx") continue;
            const value = property.value.type === AST_NODE_TYPES.AssignmentPattern ? property.value.left : property.value;
            const variable = value.type === AST_NODE_TYPES.Identifier ? byName(value.name) : undefined;
            if (variable) ctx.push(variable);
          }
        } else if (pattern.type === AST_NODE_TYPES.Identifier && name === "run" && index === 1) {
          // run keeps `(payload, { ctx, ... })` on both majors.
          const variable = byName(pattern.name);
          if (variable) params.push(variable);
        }
      });
      return { ctx, params };
    }

    function report(loggerMember: TSESTree.MemberExpression): void {
      if (seen.has(loggerMember)) return;
      seen.add(loggerMember);
      const method = loggerMember.parent;
      const call = method?.parent;
      const fixableCall =
        method?.type === AST_NODE_TYPES.MemberExpression &&
        method.object === loggerMember &&
        LOGGER_METHODS.has(staticMemberName(method) ?? "") &&
        call?.type === AST_NODE_TYPES.CallExpression &&
        call.callee === method;
      const plan = fixableCall ? planNamedImport(sourceCode, tracker, "logger", target, loggerMember) : undefined;
      context.report({
        node: loggerMember,
        messageId: "ctxLogger",
        fix: plan ? (fixer) => [fixer.replaceText(loggerMember, plan.local), ...plan.fix(fixer)] : null,
      });
    }

    return {
      CallExpression(node) {
        const definition = taskDefinitionOf(node, tracker, target);
        if (!definition) return;
        for (const fn of taskFunctions(definition, target)) {
          const { ctx, params } = ctxVariables(fn.fn, fn.name);
          for (const variable of ctx) {
            for (const reference of variable.references) {
              const logger = memberOn(reference.identifier, "logger");
              if (logger) report(logger);
            }
          }
          for (const variable of params) {
            for (const reference of variable.references) {
              const ctxMember = memberOn(reference.identifier, "ctx");
              const logger = ctxMember && memberOn(ctxMember, "logger");
              if (logger) report(logger);
            }
          }
        }
      },
    };
  },
});
