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
        } else if (statement.type === AST_NODE_TYPES.ExpressionStatement && statement.expression.type === AST_NODE_TYPES.AssignmentExpression) {
          for (const name of commonJsExports(statement.expression)) exportedLocals.add(name);
        }
      }
      return exportedLocals;
    }

    function isEsModule(): boolean {
      return program.body.some(
        (statement) =>
          statement.type === AST_NODE_TYPES.ImportDeclaration ||
          statement.type === AST_NODE_TYPES.ExportNamedDeclaration ||
          statement.type === AST_NODE_TYPES.ExportDefaultDeclaration ||
          statement.type === AST_NODE_TYPES.ExportAllDeclaration,
      );
    }

    function checkDeclarator(declarator: TSESTree.VariableDeclarator): void {
      if (declarator.id.type !== AST_NODE_TYPES.Identifier) return;
      const declaration = declarator.parent;
      const container = declaration.parent;
      if (container.type === AST_NODE_TYPES.ExportNamedDeclaration) return;
      const atTopLevel = container.type === AST_NODE_TYPES.Program;
      if (atTopLevel && laterExports().has(declarator.id.name)) return;
      // `export` in a CommonJS file (requires, no import or export) would not even parse as one.
      const suggest: TSESLint.SuggestionReportDescriptor<MessageIds>[] =
        atTopLevel && isEsModule()
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

/**
 * Locals a CommonJS file exports (SDK 3 reads a file's exports whatever the module system):
 * `module.exports = t`, `module.exports = { t, u: v }`, `module.exports.t = t`, `exports.t = t`.
 */
function commonJsExports(assignment: TSESTree.AssignmentExpression): string[] {
  if (assignment.operator !== "=") return [];
  const { left, right } = assignment;
  if (isModuleExports(left)) {
    if (right.type === AST_NODE_TYPES.Identifier) return [right.name];
    if (right.type !== AST_NODE_TYPES.ObjectExpression) return [];
    return right.properties.flatMap((property) => (property.type === AST_NODE_TYPES.Property && property.value.type === AST_NODE_TYPES.Identifier ? [property.value.name] : []));
  }
  const exportsObject = left.type === AST_NODE_TYPES.MemberExpression ? left.object : undefined;
  const namesExport = exportsObject !== undefined && (isModuleExports(exportsObject) || (exportsObject.type === AST_NODE_TYPES.Identifier && exportsObject.name === "exports"));
  return namesExport && right.type === AST_NODE_TYPES.Identifier ? [right.name] : [];
}

function isModuleExports(node: TSESTree.Node): boolean {
  return (
    node.type === AST_NODE_TYPES.MemberExpression &&
    !node.computed &&
    node.object.type === AST_NODE_TYPES.Identifier &&
    node.object.name === "module" &&
    node.property.type === AST_NODE_TYPES.Identifier &&
    node.property.name === "exports"
  );
}
