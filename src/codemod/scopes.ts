/** Facts about ast-types scopes that can be read off node types, without building NodePaths. */
import jscodeshift from "jscodeshift";

const establishedByType = new Map<string, boolean>();

/**
 * Does a node of this type open an ast-types scope (programs, functions, catch clauses, and the
 * type-parameter scopes of classes, interfaces and type aliases)? Asked of ast-types itself,
 * through a path with no parent, once per type: its checks depend on the type alone.
 */
export function establishesScope(type: string): boolean {
  let established = establishedByType.get(type);
  if (established === undefined) {
    established = (new jscodeshift.types.NodePath({ type }) as { scope: unknown }).scope != null;
    establishedByType.set(type, established);
  }
  return established;
}
