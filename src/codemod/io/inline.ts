/**
 * Unwrapping a callback in place: `await io.runTask("k", async () => { ...body })` becomes the
 * body's statements in the surrounding block when that cannot change behaviour, else the callback
 * is called directly (`await (async () => {...})()`).
 *
 * "Safe" means all of:
 * - the call is awaited and is a whole statement, the whole initialiser of a one-declarator
 *   `const/let/var`, or the argument of a `return` (not inside a `try`);
 * - the body returns only at its very end (a `return` in the middle would leave the block early);
 *   for a `return await io.runTask(...)` every return stays a return, so the body only has to
 *   end with one;
 * - an arrow callback, or a function expression that uses neither `this` nor `arguments`;
 * - no name the body declares is declared by, visible in, or mentioned anywhere else in the
 *   enclosing function or block (so nothing gets shadowed or redeclared).
 */
import type { ASTPath, JSCodeshift } from "jscodeshift";
import {
  type AstNode,
  childNodes,
  FUNCTION_TYPES,
  isFunctionNode,
  isNode,
  isObjectProperty,
  isReferenceIdentifier,
  literalValue,
  patternNames,
  unwrapExpression,
  walkNodes,
} from "../ast-helpers.js";

export type CallContext =
  | { kind: "statement" | "return"; statement: ASTPath; awaited: boolean }
  | { kind: "declare"; statement: ASTPath; declarator: AstNode; awaited: boolean }
  | { kind: "expression"; awaited: boolean };

/** Where a call sits: as a statement, a declaration initialiser, a return value, or deeper. */
export function callContext(callPath: ASTPath): CallContext {
  let expression: ASTPath = callPath;
  let awaited = false;
  const parent = callPath.parent as ASTPath | null;
  if (parent && (parent.node as unknown as AstNode).type === "AwaitExpression") {
    expression = parent;
    awaited = true;
  }
  const holder = expression.parent as ASTPath | null;
  if (!holder) return { kind: "expression", awaited };
  const holderNode = holder.node as unknown as AstNode;
  const inArray = (path: ASTPath): boolean => Array.isArray((path.parentPath as ASTPath | null)?.value);
  if (holderNode.type === "ExpressionStatement" && inArray(holder)) return { kind: "statement", statement: holder, awaited };
  if (holderNode.type === "ReturnStatement" && inArray(holder)) return { kind: "return", statement: holder, awaited };
  if (holderNode.type === "VariableDeclarator" && holderNode["init"] === expression.node) {
    const declaration = holder.parent as ASTPath | null;
    const declarationNode = declaration?.node as unknown as AstNode | undefined;
    if (declaration && declarationNode?.type === "VariableDeclaration" && (declarationNode["declarations"] as unknown[]).length === 1 && inArray(declaration)) {
      return { kind: "declare", statement: declaration, declarator: holderNode, awaited };
    }
  }
  return { kind: "expression", awaited };
}

/** Expressions whose `await` is a no-op and whose evaluation has no effect worth keeping. */
export function isInertValue(node: AstNode): boolean {
  return ["StringLiteral", "NumericLiteral", "BooleanLiteral", "NullLiteral", "Literal", "Identifier"].includes(node.type) || (node.type === "TemplateLiteral" && (node["expressions"] as unknown[]).length === 0);
}

/** Unary operators that never run user code, whatever their operand (`-x` and `+x` may call valueOf). */
const PURE_UNARY = new Set(["!", "typeof", "void"]);

/**
 * Expressions whose evaluation has no observable effect, so an unused one can simply go:
 * literals, identifiers, `this`, function literals, property reads (`payload.id`), templates,
 * `!x` / `typeof x` / `void x` / `-1`, and object and array literals built only from such parts.
 * Decision: a property read counts as free (a getter with effects in a returned value nobody
 * reads is not worth a dead statement); calls, `new`, `await`, assignments, updates, `delete`,
 * spreads (they run iterators and getters) and computed keys other than literals do not.
 */
export function isSideEffectFree(node: AstNode): boolean {
  const inner = unwrapExpression(node);
  if (isInertValue(inner) || isFunctionNode(inner) || ["ThisExpression", "RegExpLiteral", "BigIntLiteral", "NullLiteral"].includes(inner.type)) return true;
  switch (inner.type) {
    case "MemberExpression":
    case "OptionalMemberExpression":
      return (!inner["computed"] || literalValue(inner["property"]) !== undefined) && isSideEffectFree(inner["object"] as AstNode);
    case "TemplateLiteral":
      return (inner["expressions"] as AstNode[]).every(isSideEffectFree);
    case "UnaryExpression": {
      const argument = inner["argument"] as AstNode;
      if (PURE_UNARY.has(inner["operator"] as string)) return isSideEffectFree(argument);
      return (inner["operator"] === "-" || inner["operator"] === "+") && literalValue(argument) !== undefined;
    }
    case "ArrayExpression":
      return (inner["elements"] as (AstNode | null)[]).every((element) => element === null || (element.type !== "SpreadElement" && isSideEffectFree(element)));
    case "ObjectExpression":
      return (inner["properties"] as AstNode[]).every((property) => {
        if (property["computed"] && literalValue(property["key"]) === undefined) return false;
        if (property.type === "ObjectMethod" || (property.type === "Property" && (property["kind"] !== "init" || property["method"]))) return true;
        return isObjectProperty(property) && isSideEffectFree(property["value"] as AstNode);
      });
    default:
      return false;
  }
}

/**
 * Expressions whose value can never be a thenable, so `await` in front of them can go: literals,
 * object/array/function literals, and operators that always produce primitives.
 */
export function isNeverThenable(node: AstNode): boolean {
  if (node.type === "Identifier") return false;
  if (isInertValue(node) || isFunctionNode(node)) return true;
  // `x = v` is worth `v`; `x += v` and friends always produce a number or a string.
  if (node.type === "AssignmentExpression") return node["operator"] === "=" ? isNeverThenable(node["right"] as AstNode) : !LOGICAL_ASSIGNMENT.has(node["operator"] as string);
  return ["ObjectExpression", "ArrayExpression", "TemplateLiteral", "BinaryExpression", "UnaryExpression", "UpdateExpression"].includes(node.type);
}

/** Assignments whose value may be the left-hand side's old value (which may be a thenable). */
const LOGICAL_ASSIGNMENT = new Set(["&&=", "||=", "??="]);

/** Expressions that print safely as the operand of `await` without parentheses. */
const AWAIT_OPERANDS = new Set(["CallExpression", "OptionalCallExpression", "MemberExpression", "OptionalMemberExpression", "Identifier", "NewExpression", "AwaitExpression", "TaggedTemplateExpression", "ThisExpression", "ParenthesizedExpression"]);

/** `expression` ready to sit under `await`: wrapped in parentheses when precedence needs them. */
export function awaitOperand(j: JSCodeshift, expression: AstNode): AstNode {
  if (AWAIT_OPERANDS.has(expression.type) || isNeverThenable(expression)) return expression;
  return j.parenthesizedExpression(expression as never) as unknown as AstNode;
}

/** `await x` unless awaiting cannot matter (a plain value, or a local that already holds an awaited value). */
function awaitUnlessPlain(j: JSCodeshift, expression: AstNode, statements: readonly AstNode[]): AstNode {
  if (isNeverThenable(expression) || expression.type === "AwaitExpression" || isAwaitedLocal(expression, statements)) return expression;
  return j.awaitExpression(awaitOperand(j, expression) as never) as unknown as AstNode;
}

/** `const x = await f(); ... return x;`: awaiting `x` again is a no-op (await unwraps fully). */
function isAwaitedLocal(expression: AstNode, statements: readonly AstNode[]): boolean {
  if (expression.type !== "Identifier") return false;
  return statements.some(
    (statement) =>
      statement.type === "VariableDeclaration" &&
      statement["kind"] === "const" &&
      (statement["declarations"] as AstNode[]).some((d) => (d["id"] as AstNode).type === "Identifier" && (d["id"] as AstNode)["name"] === expression["name"] && (d["init"] as AstNode | null)?.type === "AwaitExpression"),
  );
}

/** Return statements of a function body, not counting nested functions. */
function ownReturns(body: AstNode): AstNode[] {
  const returns: AstNode[] = [];
  walkNodes(body, (node) => {
    if (node !== body && FUNCTION_TYPES.has(node.type)) return false;
    if (node.type === "ReturnStatement") returns.push(node);
    return true;
  });
  return returns;
}

function usesThisOrArguments(fn: AstNode): boolean {
  let found = false;
  walkNodes(fn["body"] as AstNode, (node) => {
    if (found) return false;
    if (node.type === "FunctionExpression" || node.type === "FunctionDeclaration" || node.type === "ObjectMethod" || node.type === "ClassMethod") return false;
    if (node.type === "ThisExpression" || node.type === "Super" || (node.type === "Identifier" && node["name"] === "arguments")) found = true;
    return true;
  });
  return found;
}

/** Names a block's own statements declare (and `var`s anywhere below, which hoist). */
function declaredNames(statements: readonly AstNode[]): string[] {
  const names: string[] = [];
  for (const statement of statements) {
    if (statement.type === "VariableDeclaration") {
      for (const declarator of statement["declarations"] as AstNode[]) patternNames(declarator["id"], names);
    } else if ((statement.type === "FunctionDeclaration" || statement.type === "ClassDeclaration" || statement.type === "TSEnumDeclaration") && isNode(statement["id"])) {
      names.push((statement["id"] as AstNode)["name"] as string);
    }
    walkNodes(statement, (node) => {
      if (node !== statement && FUNCTION_TYPES.has(node.type)) return false;
      if (node !== statement && node.type === "VariableDeclaration" && node["kind"] === "var") {
        for (const declarator of node["declarations"] as AstNode[]) patternNames(declarator["id"], names);
      }
      return true;
    });
  }
  return names;
}

/**
 * Names referenced in `root` outside `skip`, ignoring names that a nested function binds for
 * itself (its parameters and declarations): those cannot be captured by an inlined declaration.
 */
function identifierNamesOutside(root: AstNode, skip: AstNode): Set<string> {
  const names = new Set<string>();
  const visit = (node: AstNode, parent: AstNode | undefined, bound: ReadonlySet<string>): void => {
    if (node === skip) return;
    let inner = bound;
    if (node !== root && FUNCTION_TYPES.has(node.type)) {
      const own = ((node["params"] as AstNode[] | undefined) ?? []).flatMap((param) => patternNames(param));
      const body = node["body"] as AstNode;
      if (body.type === "BlockStatement") own.push(...declaredNames(body["body"] as AstNode[]));
      if (isNode(node["id"])) own.push((node["id"] as AstNode)["name"] as string);
      inner = new Set([...bound, ...own]);
    }
    if (node.type === "Identifier" && isReferenceIdentifier(node, parent) && !inner.has(node["name"] as string)) names.add(node["name"] as string);
    for (const child of childNodes(node)) visit(child, node, inner);
  };
  visit(root, undefined, new Set());
  return names;
}

/** Can the body's declarations move into the block that holds `statement` without clashing? */
function declarationsFit(body: AstNode[], callback: AstNode, statement: ASTPath, enclosingFunction: AstNode | undefined): boolean {
  const names = declaredNames(body);
  if (names.length === 0) return true;
  const siblings = ((statement.parentPath as ASTPath).value as unknown as AstNode[]).filter((s) => s !== statement.node);
  const siblingNames = new Set(declaredNames(siblings));
  const mentioned = enclosingFunction ? identifierNamesOutside(enclosingFunction, callback) : new Set<string>();
  const scope = statement.scope as { lookup(name: string): unknown } | null;
  return names.every((name) => !siblingNames.has(name) && !mentioned.has(name) && !scope?.lookup(name));
}

function isInsideTry(path: ASTPath, stopAt: AstNode | undefined): boolean {
  let current = path.parent as ASTPath | null;
  while (current && current.node !== (stopAt as unknown)) {
    const node = current.node as unknown as AstNode;
    if (node.type === "TryStatement") return true;
    if (FUNCTION_TYPES.has(node.type)) return false;
    current = current.parent as ASTPath | null;
  }
  return false;
}

export interface InlinePlan {
  /** Statements that replace the context's statement. */
  statements: AstNode[];
}

/**
 * The statements that replace `context.statement` when the callback's body can be inlined, or
 * undefined when it cannot (the caller then calls the callback directly).
 * `callback` must already have no parameters left to bind.
 */
export function planInline(j: JSCodeshift, callback: AstNode, context: CallContext, enclosingFunction: AstNode | undefined): InlinePlan | undefined {
  if (context.kind === "expression") return undefined;
  if (!context.awaited && context.kind !== "return") return undefined;
  if (callback.type === "FunctionExpression" && usesThisOrArguments(callback)) return undefined;
  if (callback["generator"]) return undefined;
  const body = callback["body"] as AstNode;

  if (body.type !== "BlockStatement") {
    // `async () => expr`: `expr` takes the call's place (handled by the caller as an expression).
    return undefined;
  }
  const statements = [...(body["body"] as AstNode[])];
  const returns = ownReturns(body);
  const last = statements[statements.length - 1];
  const endsWithReturn = last?.type === "ReturnStatement";
  if (!declarationsFit(statements, callback, context.statement, enclosingFunction)) return undefined;

  switch (context.kind) {
    case "statement": {
      if (returns.length === 0) return { statements };
      if (returns.length !== 1 || !endsWithReturn) return undefined;
      // The result is unused: a return value with no effect goes, anything else stays as a statement.
      const argument = last["argument"] as AstNode | null;
      const kept = statements.slice(0, -1);
      if (argument && !isSideEffectFree(argument)) {
        const statement = j.expressionStatement(awaitUnlessPlain(j, withoutParentheses(argument), statements) as never) as unknown as AstNode;
        // A TODO an earlier transform put on the return (e.g. a v2 client call) must survive.
        statement["comments"] = last["comments"] ?? null;
        kept.push(statement);
      } else if (last["comments"]) {
        const previous = kept[kept.length - 1];
        if (previous) previous["comments"] = [...(((previous["comments"] as unknown[]) ?? []) as Comment[]), ...(last["comments"] as Comment[]).map((c) => ({ ...c, leading: false, trailing: true }))];
      }
      return { statements: kept };
    }
    case "declare": {
      if (returns.length !== 1 || !endsWithReturn || !last["argument"]) return undefined;
      const declaration = context.statement.node as unknown as AstNode;
      context.declarator["init"] = awaitUnlessPlain(j, last["argument"] as AstNode, statements);
      // Comments on the callback's return (TODOs of earlier transforms) move onto the declaration.
      if (last["comments"]) declaration["comments"] = [...(last["comments"] as Comment[]), ...(((declaration["comments"] as unknown[]) ?? []) as Comment[])];
      return { statements: [...statements.slice(0, -1), declaration] };
    }
    case "return": {
      if (!endsWithReturn || isInsideTry(context.statement, enclosingFunction)) return undefined;
      return { statements };
    }
  }
}

/**
 * `return (x = y)` becomes the statement `x = y;`: the parentheses the return needed for
 * readability go (recast re-adds any that precedence or a statement start requires).
 */
function withoutParentheses(expression: AstNode): AstNode {
  const extra = expression["extra"] as Record<string, unknown> | undefined;
  if (extra?.["parenthesized"]) expression["extra"] = { ...extra, parenthesized: false };
  return expression;
}

/**
 * Replaces a statement by several, keeping its leading comments on the first one (on the next
 * statement when nothing replaces it, else as trailing comments of the previous one).
 */
export function replaceStatement(statement: ASTPath, replacements: AstNode[]): void {
  const original = statement.node as unknown as AstNode;
  const comments = original["comments"] as Comment[] | undefined;
  const first = replacements[0];
  if (comments && comments.length > 0 && first !== original) {
    if (first) first["comments"] = [...comments, ...(((first["comments"] as unknown[]) ?? []) as Comment[])];
    else keepCommentsOfRemoved(statement, comments);
    original["comments"] = null;
  }
  statement.replace(...(replacements as never[]));
}

type Comment = { leading?: boolean; trailing?: boolean };

function keepCommentsOfRemoved(statement: ASTPath, comments: Comment[]): void {
  const siblings = (statement.parentPath as ASTPath).value as unknown as AstNode[];
  const index = siblings.indexOf(statement.node as unknown as AstNode);
  const next = siblings[index + 1];
  const previous = siblings[index - 1];
  if (next) next["comments"] = [...comments, ...(((next["comments"] as unknown[]) ?? []) as Comment[])];
  else if (previous) previous["comments"] = [...(((previous["comments"] as unknown[]) ?? []) as Comment[]), ...comments.map((c) => ({ ...c, leading: false, trailing: true }))];
}
