/**
 * Every task needs a stable, unique, kebab-case `id`: it is the task's public name (triggers by id,
 * the dashboard, run history). Renaming is a suggestion, never an autofix.
 */
import type { TSESLint, TSESTree } from "@typescript-eslint/utils";
import { AST_NODE_TYPES } from "@typescript-eslint/utils";
import { createRule } from "../src/eslint/create-rule.js";
import { TriggerImportTracker } from "../src/eslint/import-tracker.js";
import { constInitializer, staticString } from "../src/eslint/static-value.js";
import { targetForContext } from "../src/eslint/target.js";
import { findProperty, hasSpread, taskDefinitionOf } from "../src/eslint/task-calls.js";

export type MessageIds = "missingId" | "emptyId" | "nonLiteralId" | "invalidId" | "notKebabCase" | "duplicateId" | "renameToKebabCase";
export type Options = [{ allowSlashNamespaces?: boolean }];

const KEBAB_CASE = /^[a-z0-9]+(?:-[a-z0-9]+)*$/;
/** Kebab-case segments joined by `/` (`emails/send-welcome`), a namespacing convention Trigger.dev's own projects use. */
const NAMESPACED_KEBAB_CASE = /^[a-z0-9]+(?:-[a-z0-9]+)*(?:\/[a-z0-9]+(?:-[a-z0-9]+)*)*$/;

/** `sendEmailV2` -> `send-email-v2`, `HTTPServer` -> `http-server`, `send_email` -> `send-email`. */
export function toKebabCase(id: string): string {
  return id
    .normalize("NFKD")
    .replace(/[\u0300-\u036f]/g, "")
    .replace(/([a-z0-9])([A-Z])/g, "$1-$2")
    .replace(/([A-Z]+)([A-Z][a-z])/g, "$1-$2")
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, "-")
    .replace(/^-+|-+$/g, "");
}

/** Like toKebabCase, but keeps `/` namespace separators: `Emails/sendWelcome` -> `emails/send-welcome`. */
export function toNamespacedKebabCase(id: string): string {
  return id
    .split("/")
    .map(toKebabCase)
    .filter((segment) => segment !== "")
    .join("/");
}

export default createRule<Options, MessageIds>({
  name: "require-task-id",
  meta: {
    type: "problem",
    docs: {
      description: "Require a unique, literal, kebab-case `id` on every task",
      recommended: true,
      sdkVersions: [3, 4],
    },
    hasSuggestions: true,
    schema: [
      {
        type: "object",
        properties: {
          allowSlashNamespaces: {
            type: "boolean",
            description: "Accept kebab-case segments joined by `/` (`emails/send-welcome`).",
          },
        },
        additionalProperties: false,
      },
    ],
    defaultOptions: [{ allowSlashNamespaces: true }],
    messages: {
      missingId: 'Add an `id` to this task, e.g. `id: "send-welcome-email"`: it is the task\'s public name, used to trigger it and to find its runs.',
      emptyId: 'Write a non-empty task id, e.g. `id: "send-welcome-email"`.',
      nonLiteralId:
        'Write the task id as a string literal (or a `const` string declared in this file), e.g. `id: "send-welcome-email"`: a computed id can change between deploys and break every trigger by id.',
      invalidId: 'Task id "{{id}}" has no letters or digits: write a kebab-case id such as "send-welcome-email".',
      notKebabCase: 'Task id "{{id}}" is not kebab-case: write "{{kebab}}" (lowercase words joined by hyphens{{namespaces}}).',
      duplicateId: 'Task id "{{id}}" is already used by the task on line {{line}}: give each task its own id.',
      renameToKebabCase: 'Rename the id to "{{kebab}}" (then update every trigger that uses the old id).',
    },
  },
  create(context, [{ allowSlashNamespaces }]) {
    const tracker = TriggerImportTracker.of(context);
    if (!tracker.hasBindings) return {};
    const target = targetForContext(context);
    const sourceCode = context.sourceCode;
    const firstUse = new Map<string, number>();
    const pattern = allowSlashNamespaces ? NAMESPACED_KEBAB_CASE : KEBAB_CASE;
    const convert = allowSlashNamespaces ? toNamespacedKebabCase : toKebabCase;
    const namespaces = allowSlashNamespaces ? ", optionally namespaced with /" : "";

    /** The literal that holds the id text: the value itself, or the `const` initializer it names. */
    function literalHolding(value: TSESTree.Node): TSESTree.Literal | TSESTree.TemplateLiteral | undefined {
      const node = value.type === AST_NODE_TYPES.Identifier ? constInitializer(value, sourceCode) : value;
      return node?.type === AST_NODE_TYPES.Literal || node?.type === AST_NODE_TYPES.TemplateLiteral ? node : undefined;
    }

    function renameSuggestion(value: TSESTree.Node, kebab: string): TSESLint.SuggestionReportDescriptor<MessageIds>[] {
      const literal = literalHolding(value);
      if (!literal) return [];
      const quote = sourceCode.getText(literal).charAt(0);
      return [{ messageId: "renameToKebabCase", data: { kebab }, fix: (fixer) => fixer.replaceText(literal, `${quote}${kebab}${quote}`) }];
    }

    return {
      CallExpression(node) {
        const definition = taskDefinitionOf(node, tracker, target);
        const options = definition?.options;
        if (!options) return;
        const idProperty = findProperty(options, "id");
        if (!idProperty) {
          // A spread (`...defaults`) may carry the id.
          if (!hasSpread(options)) context.report({ node: node.callee, messageId: "missingId" });
          return;
        }
        const value = idProperty.value;
        const id = staticString(value, sourceCode);
        if (id === undefined) {
          context.report({ node: value, messageId: "nonLiteralId" });
          return;
        }
        if (id.trim() === "") {
          context.report({ node: value, messageId: "emptyId" });
          return;
        }
        if (!pattern.test(id)) {
          const kebab = convert(id);
          if (kebab === "") context.report({ node: value, messageId: "invalidId", data: { id } });
          else context.report({ node: value, messageId: "notKebabCase", data: { id, kebab, namespaces }, suggest: renameSuggestion(value, kebab) });
        }
        const line = firstUse.get(id);
        if (line === undefined) firstUse.set(id, value.loc.start.line);
        else context.report({ node: value, messageId: "duplicateId", data: { id, line: String(line) } });
      },
    };
  },
});
