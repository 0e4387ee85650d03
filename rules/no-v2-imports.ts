/**
 * Imports of the v2 API: the SDK root on target 3 (it is the v2 API there), v2-only names on any
 * target, v2-only packages (adapters, integrations, old CLI), and the v2 `TriggerClient`, which
 * is told apart from the 4.5+ TriggerClient by its v2 constructor options.
 * Covers `import`, `export ... from`, `require()` and `import()`.
 */
import type { TSESLint, TSESTree } from "@typescript-eslint/utils";
import { AST_NODE_TYPES } from "@typescript-eslint/utils";
import { isTaskApiExport, isV2OnlyExport, V2_EXPORT_DEFAULT_REPLACEMENT, V2_EXPORT_REPLACEMENTS, V2_SHARED_NAMES } from "../src/catalog/exports.js";
import {
  isSdkSource,
  isTriggerDevSource,
  isV2OnlyPackage,
  isV2SdkSource,
  pinnedMajor,
  SDK_V3_SUBPATH,
  TRIGGER_SCOPE,
  triggerSourceParts,
  V2_PACKAGE_REPLACEMENTS,
  withTriggerSubpath,
} from "../src/catalog/packages.js";
import { createRule } from "../src/eslint/create-rule.js";
import { targetForContext } from "../src/eslint/target.js";
import { hasV2ClientOptions } from "../src/eslint/v2-jobs.js";

export type MessageIds = "v2Root" | "v2Name" | "v2Package" | "v2PackageRemove" | "v2Client";
export type Options = [];

const SHARED_NAMES: ReadonlySet<string> = new Set(V2_SHARED_NAMES);

type Variable = TSESLint.Scope.Variable;

function importedName(specifier: TSESTree.ImportSpecifier | TSESTree.ExportSpecifier): string {
  const node = specifier.type === AST_NODE_TYPES.ImportSpecifier ? specifier.imported : specifier.local;
  return node.type === AST_NODE_TYPES.Identifier ? node.name : node.value;
}

/** Is the variable ever constructed as `new X({ id | apiKey | ... })`? */
function constructedWithV2Options(variable: Variable | undefined): boolean {
  return (
    variable?.references.some((reference) => {
      const parent = reference.identifier.parent;
      return parent?.type === AST_NODE_TYPES.NewExpression && parent.callee === reference.identifier && hasV2ClientOptions(parent);
    }) ?? false
  );
}

/** The string of `require("x")` / `import("x")`, with the literal node. */
function dynamicSource(node: TSESTree.CallExpression | TSESTree.ImportExpression): TSESTree.StringLiteral | undefined {
  const argument = node.type === AST_NODE_TYPES.ImportExpression ? node.source : node.arguments[0];
  return argument?.type === AST_NODE_TYPES.Literal && typeof argument.value === "string" ? (argument as TSESTree.StringLiteral) : undefined;
}

export default createRule<Options, MessageIds>({
  name: "no-v2-imports",
  meta: {
    type: "problem",
    docs: {
      description: "Disallow imports of the Trigger.dev v2 API and the v2-only packages",
      recommended: true,
      sdkVersions: [3, 4],
    },
    fixable: "code",
    messages: {
      v2Root: "On SDK 3 the root `@trigger.dev/sdk` is the v2 API: import the task API from `@trigger.dev/sdk/v3` instead.",
      v2Name: "`{{name}}` only exists in the v2 API: use {{replacement}} instead (`npx trigger-v3-migrate` converts v2 jobs).",
      v2Package: "`{{source}}` is a v2-only package: use `{{replacement}}` instead (`npx trigger-v3-migrate` converts v2 jobs).",
      v2PackageRemove:
        "`{{source}}` is a v2-only package with no task-API counterpart (tasks need no route handler or integration): remove it (`npx trigger-v3-migrate` converts v2 jobs).",
      v2Client:
        "This `TriggerClient` is the v2 client (constructed with v2 options such as `id`/`apiKey`): the task API needs no client, define tasks with `task({ id, run })` (`npx trigger-v3-migrate`).",
    },
    schema: [],
    defaultOptions: [],
  },
  create(context) {
    const sourceCode = context.sourceCode;
    // Cheaper than any AST work: most files never mention the scope.
    if (!sourceCode.text.includes(TRIGGER_SCOPE)) return {};
    const target = targetForContext(context);

    function reportPackage(node: TSESTree.Node, source: string): boolean {
      if (!isV2OnlyPackage(source)) return false;
      // `npm:@trigger.dev/slack@2/foo` -> `@trigger.dev/slack`
      const packageName = triggerSourceParts(source)?.packageName;
      const replacement = packageName === undefined ? undefined : V2_PACKAGE_REPLACEMENTS[packageName];
      if (replacement) context.report({ node, messageId: "v2Package", data: { source, replacement } });
      else context.report({ node, messageId: "v2PackageRemove", data: { source } });
      return true;
    }

    function reportName(node: TSESTree.Node, name: string): void {
      if (!isV2OnlyExport(name)) return;
      context.report({ node, messageId: "v2Name", data: { name, replacement: V2_EXPORT_REPLACEMENTS[name] ?? V2_EXPORT_DEFAULT_REPLACEMENT } });
    }

    /** Is this the v2 root? A 4.x pin (`npm:@trigger.dev/sdk@4`) makes the root the task API whatever the target. */
    function isV2Root(source: string): boolean {
      const pin = pinnedMajor(source);
      return isV2SdkSource(source, target) && (pin === undefined || pin < 4);
    }

    /**
     * Root import on target 3: fixable when every name is a task-API export with the same meaning.
     * The fix keeps the specifier's `npm:` prefix and version; a 2.x pin has no `/v3`, so no fix.
     */
    function reportRoot(literal: TSESTree.StringLiteral, names: readonly string[] | undefined): void {
      const fixable = names !== undefined && names.length > 0 && names.every((name) => isTaskApiExport(name, 3) && !SHARED_NAMES.has(name));
      const pin = pinnedMajor(literal.value);
      const fixed = fixable && (pin === undefined || pin === 3) ? withTriggerSubpath(literal.value, SDK_V3_SUBPATH) : undefined;
      const quote = sourceCode.getText(literal).charAt(0);
      context.report({ node: literal, messageId: "v2Root", fix: fixed === undefined ? null : (fixer) => fixer.replaceText(literal, `${quote}${fixed}${quote}`) });
    }

    function checkDeclaration(node: TSESTree.ImportDeclaration | TSESTree.ExportNamedDeclaration | TSESTree.ExportAllDeclaration): void {
      const literal = node.source;
      if (!literal || !isTriggerDevSource(literal.value)) return;
      const source = literal.value;
      if (reportPackage(literal, source) || !isSdkSource(source)) return;

      const specifiers = node.type === AST_NODE_TYPES.ExportAllDeclaration ? [] : node.specifiers;
      const names: string[] = [];
      let onlyNamed = node.type !== AST_NODE_TYPES.ExportAllDeclaration;
      for (const specifier of specifiers) {
        if (specifier.type !== AST_NODE_TYPES.ImportSpecifier && specifier.type !== AST_NODE_TYPES.ExportSpecifier) {
          onlyNamed = false; // default or namespace: the names used cannot be checked
          continue;
        }
        const name = importedName(specifier);
        names.push(name);
        reportName(specifier, name);
        if (name === "TriggerClient" && specifier.type === AST_NODE_TYPES.ImportSpecifier && constructedWithV2Options(sourceCode.getDeclaredVariables(specifier)[0])) {
          context.report({ node: specifier, messageId: "v2Client" });
        }
      }
      if (isV2Root(source)) reportRoot(literal, onlyNamed ? names : undefined);
    }

    function checkDynamic(node: TSESTree.CallExpression | TSESTree.ImportExpression): void {
      const literal = dynamicSource(node);
      if (!literal || !isTriggerDevSource(literal.value)) return;
      const source = literal.value;
      if (reportPackage(literal, source) || !isSdkSource(source)) return;

      // const { eventTrigger } = require("@trigger.dev/sdk") / await import("@trigger.dev/sdk")
      const holder = node.parent?.type === AST_NODE_TYPES.AwaitExpression ? node.parent : node;
      const declarator = holder.parent;
      if (declarator?.type === AST_NODE_TYPES.VariableDeclarator && declarator.init === holder && declarator.id.type === AST_NODE_TYPES.ObjectPattern) {
        for (const property of declarator.id.properties) {
          if (property.type !== AST_NODE_TYPES.Property || property.computed || property.key.type !== AST_NODE_TYPES.Identifier) continue;
          const name = property.key.name;
          reportName(property, name);
          const value = property.value.type === AST_NODE_TYPES.AssignmentPattern ? property.value.left : property.value;
          if (name === "TriggerClient" && value.type === AST_NODE_TYPES.Identifier) {
            const local = value.name;
            if (constructedWithV2Options(sourceCode.getDeclaredVariables(declarator).find((v) => v.name === local))) context.report({ node: property, messageId: "v2Client" });
          }
        }
      }
      // Never fixed: the names a require()/import() result is used for are not checked here.
      if (isV2Root(source)) reportRoot(literal, undefined);
    }

    return {
      ImportDeclaration: checkDeclaration,
      ExportNamedDeclaration: checkDeclaration,
      ExportAllDeclaration: checkDeclaration,
      ImportExpression: checkDynamic,
      CallExpression(node) {
        if (node.callee.type === AST_NODE_TYPES.Identifier && node.callee.name === "require" && node.arguments.length === 1) checkDynamic(node);
      },
    };
  },
});
