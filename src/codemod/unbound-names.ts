/**
 * Which of some names a file uses as references with no binding in scope, as ast-types' scope
 * lookup answers it on fresh paths. The lookup scans every scope up to the program, building a
 * NodePath for most of the file, to learn what is usually obvious: names such as `task` or
 * `logger` that the file only ever calls or reads members of are bound nowhere. So one plain walk
 * comes first, and the scopes are consulted only for names that might be bound somewhere.
 */
import type { ASTPath } from "jscodeshift";
import { type AstNode, isReferenceIdentifier } from "./ast-helpers.js";
import { findPaths, freshPath, IDENTIFIER_DISPATCH, walkTree } from "./tree-walk.js";

/**
 * Parents under which a name is never a binding. ast-types collects bindings from identifiers
 * held by declarations, parameters, import specifiers, catch clauses and the patterns inside
 * them: never by a call or a member expression.
 */
const NEVER_BINDING_PARENTS = new Set(["MemberExpression", "OptionalMemberExpression", "CallExpression", "OptionalCallExpression", "NewExpression"]);

/**
 * The names of `wanted` that some reference identifier under `rootNode` uses while no enclosing
 * scope binds it, in the order of their first such reference.
 */
export function unboundReferences(rootNode: unknown, wanted: ReadonlySet<string>): Set<string> {
  const candidates: { node: AstNode; parent: AstNode | undefined }[] = [];
  let mightBeBound = false;
  // The walk fills the tree as the visitor of `find(j.Identifier)` would, and sees every node it sees.
  walkTree(freshPath(rootNode), (node, cursor) => {
    const name = node["name"];
    if (typeof name !== "string" || !wanted.has(name)) return;
    const parent = cursor.ancestor(1);
    if (!parent || !NEVER_BINDING_PARENTS.has(parent.type)) mightBeBound = true;
    if (!cursor.atStart && IDENTIFIER_DISPATCH[node.type] !== undefined) candidates.push({ node, parent });
  });
  if (mightBeBound) return unboundByScopeLookup(rootNode, wanted);

  // No identifier of these names sits where a binding could: every scope lookup would find nothing.
  const unbound = new Set<string>();
  for (const { node, parent } of candidates) {
    const name = node["name"] as string;
    if (!unbound.has(name) && isReferenceIdentifier(node, parent)) unbound.add(name);
  }
  return unbound;
}

/** The general case: ast-types scope lookup from fresh paths (earlier edits left stale scopes on the shared ones). */
function unboundByScopeLookup(rootNode: unknown, wanted: ReadonlySet<string>): Set<string> {
  const unbound = new Set<string>();
  const named = findPaths(freshPath(rootNode), IDENTIFIER_DISPATCH, (node) => wanted.has(node["name"] as string));
  for (const path of named) {
    const node = path.node as unknown as AstNode;
    const name = node["name"] as string;
    if (unbound.has(name) || !isReferenceIdentifier(node, (path as ASTPath).parent?.node as unknown as AstNode | undefined)) continue;
    if (!(path.scope as { lookup(n: string): unknown } | null)?.lookup(name)) unbound.add(name);
  }
  return unbound;
}
