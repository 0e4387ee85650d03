/**
 * A tree walk that stands in for an ast-types `visit()` / jscodeshift `find()` at a fraction of
 * the cost, with the same observable effects:
 * - it reaches exactly the values a PathVisitor reaches (each node's ast-types fields in their
 *   order, array items, plain objects' own keys), depth first, a node before its children;
 * - it fills a node's missing fields with their defaults before its children, as the visitor
 *   does. The filling is not cosmetic: recast's reprinter compares each node with its original,
 *   so a filled field decides which nodes are reprinted, and skipping it would change output;
 * - the NodePath of a node is built only when asked for, through the same child caches the
 *   visitor fills (`path.get(name)`), so it is the very object the visitor would have handed out.
 * What it saves: a NodePath per value, a visitor context per node, and the visitor class and
 * method table ast-types builds on every `visit()` call (about a tenth of a migration each).
 * Callers must not change the tree while it is being walked (collect, then edit).
 */
import jscodeshift, { type ASTPath } from "jscodeshift";
import type { AstNode } from "./ast-helpers.js";

const types = jscodeshift.types;
const hasOwn = Object.prototype.hasOwnProperty;
const objectTag = Object.prototype.toString;
const fieldNamesByType = new Map<string, readonly string[]>();

/** ast-types' field names for a value (cached per node type; ast-types copies the list each call). */
function fieldNamesOf(value: Record<string, unknown>): readonly string[] {
  const type = value["type"];
  if (typeof type !== "string") return types.getFieldNames(value);
  let names = fieldNamesByType.get(type);
  if (names === undefined) {
    // Throws for an unknown node type, as the visitor does.
    names = types.getFieldNames(value);
    fieldNamesByType.set(type, names);
  }
  return names;
}

/**
 * For each node type, the visitor method a PathVisitor would call for it given method names for
 * `typeNames` (ast-types dispatches on the nearest listed supertype: `visitIdentifier` also sees
 * `JSXIdentifier`). Compute once per set of names, at module level.
 */
export function dispatchTable<T extends string>(typeNames: readonly T[]): Readonly<Record<string, T>> {
  // Read off a visitor built once: its method table is the dispatch itself.
  const methods: Record<string, () => void> = {};
  for (const name of typeNames) methods[`visit${name}`] = () => undefined;
  const visitor = types.PathVisitor.fromMethodsObject(methods) as unknown as { _methodNameTable: Record<string, string> };
  const table: Record<string, T> = Object.create(null) as Record<string, T>;
  for (const [type, method] of Object.entries(visitor._methodNameTable)) table[type] = method.slice("visit".length) as T;
  return table;
}

/** `visitIdentifier`'s dispatch: identifiers, JSX identifiers and the other subtypes. */
export const IDENTIFIER_DISPATCH = dispatchTable(["Identifier"]);

/** Where the walk is: the current node's ancestors and, on request, its NodePath. */
export interface WalkCursor {
  /** The current node's NodePath (the visitor's own object for it). */
  path(): ASTPath;
  /** The nearest enclosing node `levels` up (1: the parent node, arrays skipped), if any. */
  ancestor(levels?: number): AstNode | undefined;
  /** True for the node the walk started at. */
  readonly atStart: boolean;
  /** Is there a node, after the start and up to the current one (included), that passes `test`? */
  anyBelowStart(test: (node: AstNode) => boolean): boolean;
}

/** Return false to skip a node's children (a visitor method that does not traverse). */
export type WalkVisit = (node: AstNode, cursor: WalkCursor) => boolean | void;

class Walk implements WalkCursor {
  private readonly keys: (string | number)[] = [];
  private readonly paths: (ASTPath | undefined)[] = [];
  /** The nodes (not arrays) from the start to the current value. */
  private readonly nodes: AstNode[] = [];
  private depth = 0;

  constructor(
    start: ASTPath,
    private readonly visit: WalkVisit,
  ) {
    this.paths[0] = start;
  }

  get atStart(): boolean {
    return this.depth === 0;
  }

  path(): ASTPath {
    let known = this.depth;
    while (this.paths[known] === undefined) known--;
    for (let level = known + 1; level <= this.depth; level++) this.paths[level] = (this.paths[level - 1] as ASTPath).get(this.keys[level]) as ASTPath;
    return this.paths[this.depth] as ASTPath;
  }

  anyBelowStart(test: (node: AstNode) => boolean): boolean {
    // nodes[0] is the start whenever the start is a node.
    const first = this.nodes[0] === this.paths[0]?.value ? 1 : 0;
    for (let index = first; index < this.nodes.length; index++) if (test(this.nodes[index] as AstNode)) return true;
    return false;
  }

  ancestor(levels = 1): AstNode | undefined {
    // The last entry is the current node itself.
    return this.nodes[this.nodes.length - 1 - levels];
  }

  walk(value: unknown): void {
    if (Array.isArray(value)) {
      const length = value.length;
      for (let index = 0; index < length; index++) {
        const item: unknown = value[index];
        // Holes are skipped (hasOwn), as `path.each` does; primitives have nothing to visit.
        if (typeof item === "object" && item !== null && hasOwn.call(value, index)) this.child(index, item);
      }
      return;
    }
    if (typeof value !== "object" || value === null) return;
    const object = value as Record<string, unknown>;
    const isNode = typeof object["type"] === "string";
    if (isNode) {
      this.nodes.push(object as AstNode);
      if (this.visit(object as AstNode, this) === false) {
        this.nodes.pop();
        return;
      }
    }
    if (objectTag.call(object) === "[object Object]") {
      const names = fieldNamesOf(object);
      const count = names.length;
      for (let i = 0; i < count; i++) {
        const name = names[i] as string;
        if (!hasOwn.call(object, name)) object[name] = types.getFieldValue(object, name);
      }
      for (let i = 0; i < count; i++) {
        const name = names[i] as string;
        const child = object[name];
        if (typeof child === "object" && child !== null) this.child(name, child);
      }
    }
    if (isNode) this.nodes.pop();
  }

  private child(key: string | number, value: object): void {
    const depth = ++this.depth;
    this.keys[depth] = key;
    this.paths[depth] = undefined;
    this.walk(value);
    this.depth--;
  }
}

/** Walks the tree under `start` (included) as an ast-types visitor would, calling `visit` on every node. */
export function walkTree(start: ASTPath, visit: WalkVisit): void {
  new Walk(start, visit).walk(start.value);
}

/** A fresh root path for a node: what `j(node)` starts from (no cached child paths, no scopes yet). */
export function freshPath(node: unknown): ASTPath {
  return new types.NodePath(node) as ASTPath;
}

/**
 * `j(start).find(j.<type>).filter(keep)` without the Collection: the paths of the nodes under
 * `start` (not `start` itself) that a `visit<type>` method would see, in visiting order.
 * `keep` runs during the walk, on nodes whose ancestors are already filled in.
 */
export function findPaths(start: ASTPath, table: Readonly<Record<string, string>>, keep?: (node: AstNode, cursor: WalkCursor) => boolean): ASTPath[] {
  const found: ASTPath[] = [];
  walkTree(start, (node, cursor) => {
    if (cursor.atStart || table[node.type] === undefined) return;
    if (!keep || keep(node, cursor)) found.push(cursor.path());
  });
  return found;
}
