/** Uses of a function's parameters inside its body, scope-aware (a shadowing `ctx` is not ours). */
import type { ASTPath, JSCodeshift } from "jscodeshift";
import { establishesScope } from "../scopes.js";
import { IDENTIFIER_DISPATCH, walkTree } from "../tree-walk.js";
import { type AnyNode, child, children } from "./ast.js";

/** Names a parameter binds: `io` -> [io]; `{ logger, store: s }` -> [logger, s]. */
export function boundNames(pattern: AnyNode | undefined): string[] {
  if (!pattern) return [];
  switch (pattern.type) {
    case "Identifier":
      return [pattern["name"] as string];
    case "AssignmentPattern":
      return boundNames(child(pattern, "left"));
    case "RestElement":
      return boundNames(child(pattern, "argument"));
    case "ArrayPattern":
      return children(pattern, "elements").flatMap(boundNames);
    case "ObjectPattern":
      return children(pattern, "properties").flatMap((p) => (p.type === "RestElement" ? boundNames(p) : boundNames(child(p, "value"))));
    case "TSParameterProperty":
      return boundNames(child(pattern, "parameter"));
    default:
      return [];
  }
}

/**
 * Every reference, in the body of `fnPath`, to one of `names` that resolves to the function's own
 * parameters. Property keys, member names and type names are not references.
 */
export function parameterReferences(fnPath: ASTPath, names: readonly string[]): Map<string, ASTPath[]> {
  const found = new Map<string, ASTPath[]>(names.map((n) => [n, []]));
  if (names.length === 0) return found;
  const fnNode = fnPath.node;
  const body = fnPath.get("body") as ASTPath;
  // `j(body).find(j.Identifier)`, keeping only the names asked for (the rest were skipped anyway).
  const bodyOpensScope = establishesScope((body.node as unknown as AnyNode).type);
  const named: { path: ASTPath; nested: boolean }[] = [];
  walkTree(body, (node, cursor) => {
    if (cursor.atStart || IDENTIFIER_DISPATCH[node.type] === undefined || !found.has(node["name"] as string)) return;
    named.push({ path: cursor.path(), nested: bodyOpensScope || cursor.anyBelowStart((n) => establishesScope(n.type)) });
  });
  for (const { path, nested } of named) {
    const name = (path.node as unknown as AnyNode)["name"] as string;
    const uses = found.get(name);
    if (!uses || !isReference(path)) continue;
    // With no scope between it and the function, the identifier's scope is the function's own:
    // the same lookup on the same Scope object, without computing a scope for each path on the way.
    const scope = nested ? path.scope : fnPath.scope;
    if (scope?.lookup(name)?.node === fnNode) uses.push(path);
  }
  return found;
}

function isReference(path: ASTPath): boolean {
  const parent = path.parent?.node as AnyNode | undefined;
  if (!parent) return true;
  const field = path.name;
  if ((parent.type === "MemberExpression" || parent.type === "OptionalMemberExpression") && field === "property" && !parent["computed"]) return false;
  if ((parent.type === "ObjectProperty" || parent.type === "Property" || parent.type === "ObjectMethod" || parent.type === "ClassProperty" || parent.type === "ClassMethod") && field === "key" && !parent["computed"]) {
    return false;
  }
  if (parent.type.startsWith("TS") && parent.type !== "TSAsExpression" && parent.type !== "TSNonNullExpression" && parent.type !== "TSSatisfiesExpression") return false;
  if (parent.type === "LabeledStatement" || parent.type === "BreakStatement" || parent.type === "ContinueStatement") return false;
  return true;
}

/**
 * The member names read off a reference, outermost last: `ctx.job.id` at `ctx` -> ["job", "id"]
 * with the paths of each member expression. Stops at the first computed (non-literal) member.
 */
export function memberChain(path: ASTPath): { names: string[]; paths: ASTPath[] } {
  const names: string[] = [];
  const paths: ASTPath[] = [];
  let current = path;
  for (;;) {
    const parentPath = current.parent as ASTPath | null;
    const parent = parentPath?.node as AnyNode | undefined;
    if (!parentPath || !parent || (parent.type !== "MemberExpression" && parent.type !== "OptionalMemberExpression") || current.name !== "object") break;
    const property = child(parent, "property");
    const name = parent["computed"] ? (property?.type === "StringLiteral" || property?.type === "Literal" ? property["value"] : undefined) : property?.["name"];
    if (typeof name !== "string") break;
    names.push(name);
    paths.push(parentPath);
    current = parentPath;
  }
  return { names, paths };
}

/** Renames the member at `index` of a chain in place (`ctx.job` -> `ctx.task`). */
export function renameMember(j: JSCodeshift, memberPath: ASTPath, name: string): void {
  const member = memberPath.node as unknown as AnyNode;
  member["property"] = j.identifier(name);
  member["computed"] = false;
}
