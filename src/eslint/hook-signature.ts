/**
 * Reading a lifecycle hook's parameters: the v3 positional form `(payload, output, { ctx })` or the
 * v4 single-object form `({ payload, output, ctx })`, and the text that converts one to the other.
 */
import type { TSESLint, TSESTree } from "@typescript-eslint/utils";
import { AST_NODE_TYPES } from "@typescript-eslint/utils";
import type { TaskFunctionNode } from "./task-calls.js";

export interface ParamsReplacement {
  /** From the first parameter's start to the last one's end. */
  range: [number, number];
  text: string;
}

export type HookSignature =
  /** No parameters, one object pattern, or one identifier not named like the first positional one. */
  | { kind: "object" }
  /** The v3 form; `replacement` is undefined when it cannot be converted safely (type annotations, rest). */
  | { kind: "positional"; replacement: ParamsReplacement | undefined };

/**
 * Classifies a hook's parameters. `positionalNames` are the v3 names before the context object
 * (`["payload", "output"]` for onSuccess). A single identifier named like the first of them
 * (`(payload) => ...`) is read as v3; any other single identifier is the v4 params object.
 */
export function positionalHookParams(fn: TaskFunctionNode, positionalNames: readonly string[], sourceCode: Readonly<TSESLint.SourceCode>): HookSignature {
  const params = fn.params;
  const [first] = params;
  if (!first) return { kind: "object" };
  if (params.length === 1 && (first.type === AST_NODE_TYPES.ObjectPattern || (first.type === AST_NODE_TYPES.Identifier && first.name !== positionalNames[0]))) {
    return { kind: "object" };
  }
  return { kind: "positional", replacement: objectParamReplacement(params, positionalNames, sourceCode) };
}

function objectParamReplacement(params: TSESTree.Parameter[], positionalNames: readonly string[], sourceCode: Readonly<TSESLint.SourceCode>): ParamsReplacement | undefined {
  if (params.length > positionalNames.length + 1) return undefined;
  const parts: string[] = [];
  for (const [index, param] of params.entries()) {
    // Converting would drop or misplace the annotation: leave typed signatures to the author.
    if (hasTypeAnnotation(param)) return undefined;
    const name = positionalNames[index];
    if (name !== undefined) {
      if (param.type === AST_NODE_TYPES.Identifier && param.name === name) parts.push(name);
      else if (isPattern(param)) parts.push(`${name}: ${sourceCode.getText(param)}`);
      else return undefined;
    } else if (param.type === AST_NODE_TYPES.ObjectPattern) {
      // The v3 context object `{ ctx, init, ... }`: its members are members of the v4 object.
      parts.push(...param.properties.map((property) => sourceCode.getText(property)));
    } else if (param.type === AST_NODE_TYPES.Identifier) {
      parts.push(`...${param.name}`);
    } else {
      return undefined;
    }
  }
  const first = params[0]!;
  const last = params[params.length - 1]!;
  const parenthesized = sourceCode.getTokenBefore(first)?.value === "(";
  const text = `{ ${parts.join(", ")} }`;
  return { range: [first.range[0], last.range[1]], text: parenthesized ? text : `(${text})` };
}

function isPattern(param: TSESTree.Parameter): boolean {
  return (
    param.type === AST_NODE_TYPES.Identifier ||
    param.type === AST_NODE_TYPES.ObjectPattern ||
    param.type === AST_NODE_TYPES.ArrayPattern ||
    param.type === AST_NODE_TYPES.AssignmentPattern
  );
}

function hasTypeAnnotation(param: TSESTree.Parameter): boolean {
  if (param.type === AST_NODE_TYPES.AssignmentPattern) return param.left.typeAnnotation !== undefined;
  return "typeAnnotation" in param && param.typeAnnotation !== undefined;
}
