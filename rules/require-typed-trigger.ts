/**
 * `tasks.trigger("id", payload)` without `<typeof myTask>` infers `AnyTask`: the id is any string
 * and the payload `any`, so a renamed task or a changed payload breaks only at run time.
 * Strict only: the fix needs a (type) import of the task, which a server file may not want.
 */
import type { TSESLint, TSESTree } from "@typescript-eslint/utils";
import { AST_NODE_TYPES, ASTUtils } from "@typescript-eslint/utils";
import { createRule } from "../src/eslint/create-rule.js";
import { TriggerImportTracker } from "../src/eslint/import-tracker.js";
import { staticString } from "../src/eslint/static-value.js";
import { targetForContext } from "../src/eslint/target.js";
import { findProperty, taskDefinitionOf } from "../src/eslint/task-calls.js";
import { triggerCallOf } from "../src/eslint/trigger-calls.js";

export type MessageIds = "missingTypeArgument" | "addTypeArgument";
export type Options = [];

export default createRule<Options, MessageIds>({
  name: "require-typed-trigger",
  meta: {
    type: "suggestion",
    docs: {
      description: "Require a `<typeof task>` type argument on `tasks.trigger` and the other trigger-by-id functions",
      strict: true,
      sdkVersions: [3, 4],
    },
    hasSuggestions: true,
    schema: [],
    defaultOptions: [],
    messages: {
      missingTypeArgument:
        "Write `{{call}}<typeof yourTask>(...)` (with `import type` of the task): without the type argument the id and the payload are not checked, so a renamed task or a changed payload fails only at run time.",
      addTypeArgument: 'Add `<typeof {{name}}>` (the task declared here with id "{{id}}").',
    },
  },
  create(context) {
    const tracker = TriggerImportTracker.of(context);
    if (!tracker.hasBindings) return {};
    const target = targetForContext(context);
    const sourceCode = context.sourceCode;
    let declared: Map<string, TSESTree.Identifier> | undefined;

    /** Module-level `const x = task({ id: "literal" })` declarations, by id (first one wins). */
    function declaredTasks(): Map<string, TSESTree.Identifier> {
      if (declared) return declared;
      declared = new Map();
      for (const statement of sourceCode.ast.body) {
        const declaration = statement.type === AST_NODE_TYPES.ExportNamedDeclaration ? statement.declaration : statement;
        if (declaration?.type !== AST_NODE_TYPES.VariableDeclaration || declaration.kind !== "const") continue;
        for (const declarator of declaration.declarations) {
          if (declarator.id.type !== AST_NODE_TYPES.Identifier || declarator.init?.type !== AST_NODE_TYPES.CallExpression) continue;
          const options = taskDefinitionOf(declarator.init, tracker, target)?.options;
          const idProperty = options && findProperty(options, "id");
          const id = idProperty && staticString(idProperty.value, sourceCode);
          if (id !== undefined && !declared.has(id)) declared.set(id, declarator.id);
        }
      }
      return declared;
    }

    /** The declared task for a literal id, when its name refers to that declaration at the call. */
    function taskForId(call: TSESTree.CallExpression): { name: string; id: string } | undefined {
      const [first] = call.arguments;
      const id = first && staticString(first, sourceCode);
      const declaration = id === undefined ? undefined : declaredTasks().get(id);
      if (!declaration || id === undefined) return undefined;
      const variable = ASTUtils.findVariable(sourceCode.getScope(call), declaration.name);
      return variable?.defs.some((def) => def.name === declaration) ? { name: declaration.name, id } : undefined;
    }

    return {
      CallExpression(node) {
        if (node.typeArguments) return;
        const trigger = triggerCallOf(node, tracker, target, sourceCode);
        if (trigger?.form !== "tasks") return;
        const task = taskForId(node);
        const suggest: TSESLint.SuggestionReportDescriptor<MessageIds>[] = task
          ? [{ messageId: "addTypeArgument", data: task, fix: (fixer) => fixer.insertTextAfter(node.callee, `<typeof ${task.name}>`) }]
          : [];
        context.report({ node: trigger.methodNode, messageId: "missingTypeArgument", data: { call: sourceCode.getText(node.callee) }, suggest });
      },
    };
  },
});
