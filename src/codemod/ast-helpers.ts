/**
 * Small, parser-neutral AST helpers for our transforms. jscodeshift hands us Babel trees for
 * TypeScript (`ObjectProperty`, `StringLiteral`) and ESTree-flavoured Babel trees for JavaScript
 * (`Property`, `Literal`), so every helper here accepts both shapes.
 */
import type { ASTPath } from "jscodeshift";
import { foldNumericOperator } from "../arithmetic.js";

/** A loosely typed AST node: transforms read fields by name and check `type` first. */
export type AstNode = { type: string; [key: string]: unknown };

const NON_CHILD_KEYS = new Set(["loc", "start", "end", "range", "tokens", "extra", "comments", "leadingComments", "trailingComments", "innerComments", "original"]);

export function isNode(value: unknown): value is AstNode {
  return typeof value === "object" && value !== null && typeof (value as { type?: unknown }).type === "string";
}

/** Child nodes of a node, in source order (arrays flattened). */
export function childNodes(node: AstNode): AstNode[] {
  const children: AstNode[] = [];
  for (const key of Object.keys(node)) {
    if (NON_CHILD_KEYS.has(key)) continue;
    const value = node[key];
    if (Array.isArray(value)) {
      for (const item of value) if (isNode(item)) children.push(item);
    } else if (isNode(value)) {
      children.push(value);
    }
  }
  return children;
}

/**
 * Depth-first walk over plain nodes (no paths, no scopes: cheap). Return false from `visit` to
 * skip a node's children.
 */
export function walkNodes(node: AstNode, visit: (node: AstNode, parent: AstNode | undefined) => boolean | void, parent?: AstNode): void {
  if (visit(node, parent) === false) return;
  for (const child of childNodes(node)) walkNodes(child, visit, node);
}

export const FUNCTION_TYPES = new Set(["FunctionExpression", "ArrowFunctionExpression", "FunctionDeclaration", "ObjectMethod", "ClassMethod", "ClassPrivateMethod"]);

export function isFunctionNode(node: unknown): boolean {
  return isNode(node) && FUNCTION_TYPES.has(node.type);
}

/** `() => {}` or `function () {}` used as a value. */
export function isFunctionExpression(node: unknown): boolean {
  return isNode(node) && (node.type === "ArrowFunctionExpression" || node.type === "FunctionExpression");
}

export function isObjectProperty(node: unknown): boolean {
  return isNode(node) && (node.type === "ObjectProperty" || node.type === "Property");
}

/** The static name of a non-computed property / method key (`a`, `"a"`), else undefined. */
export function propertyName(property: AstNode): string | undefined {
  if (property["computed"]) return undefined;
  const key = property["key"];
  if (!isNode(key)) return undefined;
  if (key.type === "Identifier") return key["name"] as string;
  const value = literalValue(key);
  return typeof value === "string" ? value : undefined;
}

/** A property (or method) of an object literal by static key name. */
export function findProperty(object: AstNode, name: string): AstNode | undefined {
  for (const property of (object["properties"] as AstNode[] | undefined) ?? []) {
    if ((isObjectProperty(property) || property.type === "ObjectMethod") && propertyName(property) === name) return property;
  }
  return undefined;
}

export function hasSpread(object: AstNode): boolean {
  return ((object["properties"] as AstNode[] | undefined) ?? []).some((p) => p.type === "SpreadElement" || p.type === "SpreadProperty");
}

/** The function a property holds: `run: async () => {}`, `run: function () {}` or `run() {}`. */
export function propertyFunction(property: AstNode): AstNode | undefined {
  if (property.type === "ObjectMethod") return property;
  if (property.type === "Property" && property["method"]) return property["value"] as AstNode;
  const value = property["value"];
  return isFunctionExpression(value) ? (value as AstNode) : undefined;
}

/** The value of a string, number or boolean literal node (either tree shape). */
export function literalValue(node: unknown): string | number | boolean | null | undefined {
  if (!isNode(node)) return undefined;
  switch (node.type) {
    case "StringLiteral":
    case "NumericLiteral":
    case "BooleanLiteral":
      return node["value"] as string | number | boolean;
    case "Literal": {
      const value = node["value"];
      return typeof value === "string" || typeof value === "number" || typeof value === "boolean" || value === null ? value : undefined;
    }
    case "TemplateLiteral": {
      const quasis = node["quasis"] as AstNode[];
      if ((node["expressions"] as unknown[]).length > 0 || quasis.length !== 1) return undefined;
      return (quasis[0]!["value"] as { cooked: string }).cooked;
    }
    default:
      return undefined;
  }
}

/** Unwraps `(x)`, `x as T`, `x!` and `x satisfies T` (they change no runtime value); undefined stays undefined. */
export function unwrapExpression(node: AstNode): AstNode;
export function unwrapExpression(node: AstNode | undefined): AstNode | undefined;
export function unwrapExpression(node: AstNode | undefined): AstNode | undefined {
  let current = node;
  while (current && ["ParenthesizedExpression", "TSAsExpression", "TSNonNullExpression", "TSSatisfiesExpression", "TypeCastExpression"].includes(current.type)) {
    current = isNode(current["expression"]) ? current["expression"] : undefined;
  }
  return current;
}

/**
 * Folds a constant numeric expression: literals, unary minus and `+ - * /` between constants
 * (`60 * 5`, `1000 * 60 * 2`). Undefined for anything that is not a constant.
 */
export function constantNumber(node: unknown): number | undefined {
  if (!isNode(node)) return undefined;
  const inner = unwrapExpression(node);
  const value = literalValue(inner);
  if (typeof value === "number") return value;
  if (inner.type === "UnaryExpression" && (inner["operator"] === "-" || inner["operator"] === "+")) {
    const argument = constantNumber(inner["argument"]);
    if (argument === undefined) return undefined;
    return inner["operator"] === "-" ? -argument : argument;
  }
  if (inner.type === "BinaryExpression") {
    const left = constantNumber(inner["left"]);
    const right = constantNumber(inner["right"]);
    if (left === undefined || right === undefined) return undefined;
    return foldNumericOperator(String(inner["operator"]), left, right);
  }
  return undefined;
}

/** Is the node the identifier `name`? */
export function isIdentifierNamed(node: unknown, name: string): boolean {
  return isNode(node) && node.type === "Identifier" && node["name"] === name;
}

/** The member name of `a.b` / `a["b"]` (undefined for dynamic keys). */
export function memberPropertyName(member: AstNode): string | undefined {
  const property = member["property"];
  if (!isNode(property)) return undefined;
  if (!member["computed"] && property.type === "Identifier") return property["name"] as string;
  if (member["computed"]) {
    const value = literalValue(property);
    return typeof value === "string" ? value : undefined;
  }
  return undefined;
}

export function isMemberExpression(node: unknown): boolean {
  return isNode(node) && (node.type === "MemberExpression" || node.type === "OptionalMemberExpression");
}

export function isCallExpression(node: unknown): boolean {
  return isNode(node) && (node.type === "CallExpression" || node.type === "OptionalCallExpression");
}

/**
 * Is this identifier, sitting under `parent`, a reference (not a key, member name or label)?
 * Takes JSX names too: `<Provider>` and `<ns.Item>` refer to bindings, `<div>` and attribute names do not.
 */
export function isReferenceIdentifier(node: AstNode, parent: AstNode | undefined): boolean {
  if (node.type === "JSXIdentifier") return isJsxReference(node, parent);
  if (!parent) return true;
  if (isMemberExpression(parent) && parent["property"] === node && !parent["computed"]) return false;
  if ((isObjectProperty(parent) || parent.type === "ObjectMethod" || parent.type === "ClassProperty" || parent.type === "ClassMethod" || parent.type === "PropertyDefinition" || parent.type === "MethodDefinition" || parent.type === "TSPropertySignature" || parent.type === "TSMethodSignature") && parent["key"] === node && !parent["computed"]) {
    // `{ a }` shorthand: Babel gives key and value distinct nodes; the value is the reference.
    return false;
  }
  if ((parent.type === "LabeledStatement" || parent.type === "BreakStatement" || parent.type === "ContinueStatement") && parent["label"] === node) return false;
  if (parent.type === "TSQualifiedName" && parent["right"] === node) return false;
  if (parent.type === "ImportSpecifier" || parent.type === "ImportDefaultSpecifier" || parent.type === "ImportNamespaceSpecifier") return false;
  if (parent.type === "ExportSpecifier" && parent["local"] !== node) return false;
  return true;
}

function isJsxReference(node: AstNode, parent: AstNode | undefined): boolean {
  if (parent?.type === "JSXMemberExpression") return parent["object"] === node;
  // A lower-case tag is an intrinsic element (`<div>`), not a binding.
  if (parent?.type === "JSXOpeningElement" || parent?.type === "JSXClosingElement") return parent["name"] === node && !/^[a-z]/.test(node["name"] as string);
  return false;
}

/** Names bound by a declaration pattern (`a`, `{ a, b: [c] }`, `...d`). */
export function patternNames(pattern: unknown, into: string[] = []): string[] {
  if (!isNode(pattern)) return into;
  switch (pattern.type) {
    case "Identifier":
      into.push(pattern["name"] as string);
      break;
    case "ObjectPattern":
      for (const property of pattern["properties"] as AstNode[]) {
        if (property.type === "RestElement") patternNames(property["argument"], into);
        else patternNames(property["value"], into);
      }
      break;
    case "ArrayPattern":
      for (const element of pattern["elements"] as (AstNode | null)[]) patternNames(element, into);
      break;
    case "RestElement":
      patternNames(pattern["argument"], into);
      break;
    case "AssignmentPattern":
      patternNames(pattern["left"], into);
      break;
    case "TSParameterProperty":
      patternNames(pattern["parameter"], into);
      break;
  }
  return into;
}

/** Start offset of a node (for ordering edits); Infinity for nodes we created. */
export function startOf(node: unknown): number {
  if (!isNode(node)) return Number.POSITIVE_INFINITY;
  const start = node["start"];
  if (typeof start === "number") return start;
  const range = node["range"];
  return Array.isArray(range) && typeof range[0] === "number" ? range[0] : Number.POSITIVE_INFINITY;
}

/** True while `path` is still attached to the tree (no ancestor was replaced by an earlier edit). */
export function isAttached(path: ASTPath): boolean {
  let current: ASTPath | null = path;
  while (current && current.parentPath) {
    const parent = current.parentPath as ASTPath & { value: unknown };
    const holder = parent.value as unknown as Record<string | number, unknown>;
    const name = (current as unknown as { name: string | number }).name;
    if (holder[name] !== current.value) return false;
    current = current.parentPath as ASTPath;
  }
  return true;
}

/** The nearest enclosing function path (or undefined at module level). */
export function enclosingFunction(path: ASTPath): ASTPath | undefined {
  let current: ASTPath | null = path.parent as ASTPath | null;
  while (current) {
    if (FUNCTION_TYPES.has((current.node as unknown as AstNode).type)) return current;
    current = current.parent as ASTPath | null;
  }
  return undefined;
}
