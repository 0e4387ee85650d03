/**
 * Parser-neutral AST helpers for the define-job transform. jscodeshift's `ts`/`tsx` parsers give
 * Babel nodes (`ObjectProperty`, `StringLiteral`); its `babel` parser adds the `estree` plugin
 * (`Property`, `Literal`). Every check here accepts both shapes.
 */
import type { ASTPath, JSCodeshift } from "jscodeshift";
import { constantNumber, literalValue, memberPropertyName, unwrapExpression } from "../ast-helpers.js";
import { parseSnippet } from "../parsed-snippets.js";

/** A loose view of any AST node: we read fields by name and check `type` ourselves. */
export type AnyNode = { type: string; [key: string]: unknown };

export function asNode(value: unknown): AnyNode | undefined {
  return typeof value === "object" && value !== null && typeof (value as { type?: unknown }).type === "string" ? (value as AnyNode) : undefined;
}

export function child(node: AnyNode, field: string): AnyNode | undefined {
  return asNode(node[field]);
}

export function children(node: AnyNode, field: string): AnyNode[] {
  const value = node[field];
  return Array.isArray(value) ? value.map(asNode).filter((n): n is AnyNode => n !== undefined) : [];
}

export function isProperty(node: AnyNode): boolean {
  return node.type === "ObjectProperty" || node.type === "Property" || node.type === "ObjectMethod";
}

export function isFunction(node: AnyNode | undefined): node is AnyNode {
  return node?.type === "ArrowFunctionExpression" || node?.type === "FunctionExpression" || node?.type === "ObjectMethod";
}

/** The static key of a property (`id`, `"id"`), or undefined when computed or a spread. */
export function propertyName(node: AnyNode): string | undefined {
  if (!isProperty(node) || node["computed"]) return undefined;
  const key = child(node, "key");
  if (key?.type === "Identifier") return key["name"] as string;
  return stringValue(key);
}

/** A string literal or an expression-free template literal (ast-helpers' literalValue, for this file's node type). */
export function stringValue(node: AnyNode | undefined): string | undefined {
  const value = literalValue(node);
  return typeof value === "string" ? value : undefined;
}

export function identifierName(node: AnyNode | undefined): string | undefined {
  return node?.type === "Identifier" ? (node["name"] as string) : undefined;
}

/** The value of a property: the function itself for a method (`onSuccess() {}`), else `value`. */
export function propertyValue(node: AnyNode): AnyNode | undefined {
  if (node.type === "ObjectMethod") return node;
  return child(node, "value");
}

/** `a.b.c` -> ["a", "b", "c"] (non-computed or string-literal members only). */
export function dottedName(node: AnyNode | undefined): string[] | undefined {
  const current = unwrapExpression(node);
  if (!current) return undefined;
  if (current.type === "Identifier") return [current["name"] as string];
  if (current.type === "ThisExpression") return ["this"];
  if (current.type !== "MemberExpression" && current.type !== "OptionalMemberExpression") return undefined;
  const objectName = dottedName(child(current, "object"));
  const member = memberPropertyName(current);
  return objectName && member !== undefined ? [...objectName, member] : undefined;
}

/** Folds `60 * 15`, `(3600)`, `1_800`, `-5` and `+ - * /` of numeric literals (ast-helpers' constantNumber); undefined otherwise. */
export function numericValue(node: AnyNode | undefined): number | undefined {
  return constantNumber(node);
}

export function makeString(j: JSCodeshift, value: string): AnyNode {
  return j.stringLiteral(value) as unknown as AnyNode;
}

/**
 * Parameters parsed from text (`payload, { ctx }`): recast prints parsed nodes as written, while
 * built ones come out spread over several lines.
 */
export function parseParams(j: JSCodeshift, text: string): AnyNode[] {
  const statement = firstStatement(j, `(${text}) => {};`);
  const arrow = statement?.type === "ExpressionStatement" ? child(statement, "expression") : undefined;
  return arrow?.type === "ArrowFunctionExpression" ? children(arrow, "params") : [];
}

/** An expression parsed from text (kept as written when printed, like `parseParams`). */
export function parseExpression(j: JSCodeshift, text: string): AnyNode | undefined {
  const statement = firstStatement(j, `const __expression__ = ${text};`);
  const declarator = statement?.type === "VariableDeclaration" ? children(statement, "declarations")[0] : undefined;
  return declarator ? child(declarator, "init") : undefined;
}

/**
 * The first statement of a parsed snippet, read off the tree: a `find()` here would build a tree
 * visitor per call, which costs more than walking a snippet (measured: most of parseParams' time).
 */
function firstStatement(j: JSCodeshift, text: string): AnyNode | undefined {
  const file = parseSnippet(j, text) as AnyNode;
  const program = child(file, "program");
  return program ? children(program, "body")[0] : undefined;
}

/**
 * Sets a function's parameters. recast prints a rebuilt arrow with one plain parameter without
 * parentheses (`async payload =>`), so that case gets a parsed `(payload) => {}` head instead.
 */
export function replaceParams(j: JSCodeshift, fnPath: ASTPath, params: AnyNode[]): void {
  const fn = fnPath.node as unknown as AnyNode;
  const current = children(fn, "params");
  if (current.length === params.length && current.every((p, i) => p === params[i])) return;
  const [only] = params;
  const plain = params.length === 1 && only?.type === "Identifier" && !only["typeAnnotation"];
  if (fn.type !== "ArrowFunctionExpression" || !plain || fn["returnType"] || fn["typeParameters"]) {
    fn["params"] = params;
    return;
  }
  // The stand-in body has the same kind as the real one, so recast swaps it without a reprint.
  const body = child(fn, "body")?.type === "BlockStatement" ? "{}" : "0";
  const head = parseExpression(j, `${fn["async"] ? "async " : ""}(${String(only["name"])}) => ${body}`);
  if (!head) {
    fn["params"] = params;
    return;
  }
  head["body"] = fn["body"];
  head["comments"] = fn["comments"];
  fnPath.replace(head);
}
