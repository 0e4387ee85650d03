/**
 * SDK 3 registers only the tasks a file exports ("You must export each task, even subtasks inside
 * the same file"). SDK 4 allows hidden tasks, so on target 4 this rule never reports.
 */
import type { TSESLint, TSESTree } from "@typescript-eslint/utils";
import { AST_NODE_TYPES } from "@typescript-eslint/utils";
import { createRule } from "../src/eslint/create-rule.js";
import { TriggerImportTracker } from "../src/eslint/import-tracker.js";
import { targetForContext } from "../src/eslint/target.js";
import { taskDefinitionOf } from "../src/eslint/task-calls.js";

export type MessageIds = "notExported" | "bareTask" | "addExport";
export type Options = [];

export default createRule<Options, MessageIds>({
  name: "require-task-export",
  meta: {
    type: "problem",
    docs: {
      description: "Require tasks to be exported on SDK 3, where unexported tasks are never registered",
      recommended: true,
      sdkVersions: [3],
    },
    hasSuggestions: true,
    schema: [],
    defaultOptions: [],
    messages: {
      notExported: "Export this task (`export const {{name}} = ...`): SDK 3 only registers tasks exported from their file, so `{{name}}` can never run.",
      bareTask: "Assign this task to an exported constant, e.g. `export const myTask = task({ ... })`: SDK 3 only registers tasks exported from their file.",
      addExport: "Add `export` to this declaration.",
    },
  },
  create(context) {
    const tracker = TriggerImportTracker.of(context);
    if (!tracker.hasBindings) return {};
    const target = targetForContext(context);
    // SDK 4: unexported ("hidden") tasks are allowed.
    if (target !== 3) return {};
    const program = context.sourceCode.ast;
    let exportedLocals: Set<string> | undefined;

    /** Names exported after their declaration: `export { t }`, `export { t as u }`, `export default t`. */
    function laterExports(): Set<string> {
      if (exportedLocals) return exportedLocals;
      exportedLocals = new Set();
      for (const statement of program.body) {
        if (statement.type === AST_NODE_TYPES.ExportNamedDeclaration && !statement.source) {
          for (const specifier of statement.specifiers) {
            if (specifier.local.type === AST_NODE_TYPES.Identifier) exportedLocals.add(specifier.local.name);
          }
        } else if (statement.type === AST_NODE_TYPES.ExportDefaultDeclaration && statement.declaration.type === AST_NODE_TYPES.Identifier) {
          exportedLocals.add(statement.declaration.name);
        }
      }
      return exportedLocals;
    }

    function checkDeclarator(declarator: TSESTree.VariableDeclarator): void {
      if (declarator.id.type !== AST_NODE_TYPES.Identifier) return;
      const declaration = declarator.parent;
      const container = declaration.parent;
      if (container.type === AST_NODE_TYPES.ExportNamedDeclaration) return;
      const atTopLevel = container.type === AST_NODE_TYPES.Program;
      if (atTopLevel && laterExports().has(declarator.id.name)) return;
      const suggest: TSESLint.SuggestionReportDescriptor<MessageIds>[] = atTopLevel
        ? [{ messageId: "addExport", fix: (fixer) => fixer.insertTextBefore(declaration, "export ") }]
        : [];
      context.report({ node: declarator.id, messageId: "notExported", data: { name: declarator.id.name }, suggest });
    }

    return {
      CallExpression(node) {
        if (!taskDefinitionOf(node, tracker, target)) return;
        const parent = node.parent;
        if (parent.type === AST_NODE_TYPES.ExpressionStatement) {
          context.report({ node: node.callee, messageId: "bareTask" });
        } else if (parent.type === AST_NODE_TYPES.VariableDeclarator && parent.init === node) {
          checkDeclarator(parent);
        }
      },
    };
  },
});
