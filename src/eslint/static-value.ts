/**
 * Values a rule can know without running the code: literals, literal arithmetic
 * (`5 * 60 * 1000`) and `const` bindings of those in the same file.
 */
import type { TSESLint, TSESTree } from "@typescript-eslint/utils";
import { AST_NODE_TYPES, ASTUtils } from "@typescript-eslint/utils";
import { foldNumericOperator } from "../arithmetic.js";

/** How many `const` hops to follow (`const A = B; const B = 1`) before giving up. */
const MAX_CONST_HOPS = 4;

/**
 * The number an expression always evaluates to, or undefined.
 * With `sourceCode`, identifiers bound by `const X = <static number>` in this file are followed.
 */
export function staticNumber(node: TSESTree.Node, sourceCode?: Readonly<TSESLint.SourceCode>, hops = 0): number | undefined {
  switch (node.type) {
    case AST_NODE_TYPES.Literal:
      return typeof node.value === "number" ? node.value : undefined;
    case AST_NODE_TYPES.UnaryExpression: {
      if (node.operator !== "-" && node.operator !== "+") return undefined;
      const value = staticNumber(node.argument, sourceCode, hops);
      return value === undefined ? undefined : node.operator === "-" ? -value : value;
    }
    case AST_NODE_TYPES.BinaryExpression: {
      if (node.left.type === AST_NODE_TYPES.PrivateIdentifier) return undefined;
      const left = staticNumber(node.left, sourceCode, hops);
      const right = left === undefined ? undefined : staticNumber(node.right, sourceCode, hops);
      if (left === undefined || right === undefined) return undefined;
      return foldNumericOperator(node.operator, left, right);
    }
    case AST_NODE_TYPES.TSAsExpression:
    case AST_NODE_TYPES.TSSatisfiesExpression:
    case AST_NODE_TYPES.TSNonNullExpression:
      return staticNumber(node.expression, sourceCode, hops);
    case AST_NODE_TYPES.Identifier: {
      const init = constInitializer(node, sourceCode, hops);
      return init ? staticNumber(init, sourceCode, hops + 1) : undefined;
    }
    default:
      return undefined;
  }
}

/** The string an expression always evaluates to (literal, plain template, same-file const), or undefined. */
export function staticString(node: TSESTree.Node, sourceCode?: Readonly<TSESLint.SourceCode>, hops = 0): string | undefined {
  switch (node.type) {
    case AST_NODE_TYPES.Literal:
      return typeof node.value === "string" ? node.value : undefined;
    case AST_NODE_TYPES.TemplateLiteral:
      return node.expressions.length === 0 ? node.quasis[0]?.value.cooked ?? undefined : undefined;
    case AST_NODE_TYPES.TSAsExpression:
    case AST_NODE_TYPES.TSSatisfiesExpression:
      return staticString(node.expression, sourceCode, hops);
    case AST_NODE_TYPES.Identifier: {
      const init = constInitializer(node, sourceCode, hops);
      return init ? staticString(init, sourceCode, hops + 1) : undefined;
    }
    default:
      return undefined;
  }
}

/**
 * The initializer of the `const` an identifier refers to, when it is declared in this file
 * (imports and `let` are not followed: their value is not known here).
 */
export function constInitializer(node: TSESTree.Identifier, sourceCode: Readonly<TSESLint.SourceCode> | undefined, hops = 0): TSESTree.Expression | undefined {
  if (!sourceCode || hops >= MAX_CONST_HOPS) return undefined;
  const variable = ASTUtils.findVariable(sourceCode.getScope(node), node.name);
  if (!variable || variable.defs.length !== 1) return undefined;
  const def = variable.defs[0]!;
  if (def.type !== "Variable" || def.parent.kind !== "const") return undefined;
  const declarator = def.node;
  if (declarator.id.type !== AST_NODE_TYPES.Identifier || !declarator.init) return undefined;
  return declarator.init;
}
