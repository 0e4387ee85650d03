/** Fixes that add a named import from the task API path, shared by every rule that needs one. */
import type { TSESLint, TSESTree } from "@typescript-eslint/utils";
import { AST_NODE_TYPES, ASTUtils } from "@typescript-eslint/utils";
import { isTaskApiSource, taskApiImportPath, type SdkMajor } from "../catalog/packages.js";
import type { TriggerImportTracker } from "./import-tracker.js";

export interface NamedImportPlan {
  /** The name to use in the code (an existing alias, or the export name). */
  local: string;
  /** Edits to apply with the main fix; empty when the import is already there. */
  fix: (fixer: TSESLint.RuleFixer) => TSESLint.RuleFix[];
}

/**
 * How to make `exported` (e.g. `logger`) available as a task-API value in this file.
 * Undefined when it cannot be done safely: the name is taken by something else in module scope.
 */
export function planNamedImport(
  sourceCode: Readonly<TSESLint.SourceCode>,
  tracker: TriggerImportTracker,
  exported: string,
  target: SdkMajor,
  scopeNode: TSESTree.Node,
): NamedImportPlan | undefined {
  const existing = tracker.localNameOf(exported, (source) => isTaskApiSource(source, target));
  if (existing) return { local: existing, fix: () => [] };

  // The bare name must not be bound to anything else where the fix will use it.
  if (ASTUtils.findVariable(sourceCode.getScope(scopeNode), exported)) return undefined;

  const declaration = tracker.importDeclarations.find(
    (d) => isTaskApiSource(d.source.value, target) && d.importKind !== "type" && d.specifiers.some((s) => s.type === AST_NODE_TYPES.ImportSpecifier),
  );
  if (declaration) {
    const specifiers = declaration.specifiers.filter((s): s is TSESTree.ImportSpecifier => s.type === AST_NODE_TYPES.ImportSpecifier);
    const last = specifiers[specifiers.length - 1]!;
    return { local: exported, fix: (fixer) => [fixer.insertTextAfter(last, `, ${exported}`)] };
  }

  const quote = detectQuote(sourceCode);
  const statement = `import { ${exported} } from ${quote}${taskApiImportPath(target)}${quote};`;
  const body = sourceCode.ast.body;
  const lastImport = [...body].reverse().find((node) => node.type === AST_NODE_TYPES.ImportDeclaration);
  if (lastImport) return { local: exported, fix: (fixer) => [fixer.insertTextAfter(lastImport, `\n${statement}`)] };
  const first = body[0];
  if (!first) return { local: exported, fix: (fixer) => [fixer.insertTextAfterRange([0, 0], `${statement}\n`)] };
  return { local: exported, fix: (fixer) => [fixer.insertTextBefore(first, `${statement}\n`)] };
}

/** The file's quote style, from its first import (double quotes when it has none). */
export function detectQuote(sourceCode: Readonly<TSESLint.SourceCode>): '"' | "'" {
  const firstImport = sourceCode.ast.body.find((node) => node.type === AST_NODE_TYPES.ImportDeclaration);
  if (firstImport) return sourceCode.getText(firstImport.source).startsWith("'") ? "'" : '"';
  return '"';
}
