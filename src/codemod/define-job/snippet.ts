/**
 * Builds the new `task({...})` call as text with holes for the existing nodes, then parses it and
 * fills the holes. recast prints parsed text as written and the moved nodes as they were
 * written, so the result keeps the job's layout; a call built from AST builders would come out
 * with a blank line around every multi-line property.
 */
import type { ASTPath, JSCodeshift } from "jscodeshift";
import { parseSnippet } from "../parsed-snippets.js";
import { findPaths, freshPath, IDENTIFIER_DISPATCH } from "../tree-walk.js";
import { type AnyNode, child, children } from "./ast.js";

export interface SnippetLayout {
  /** Indentation of the line the job starts on. */
  base: string;
  /** One indentation step (the file's). */
  step: string;
  trailingComma: boolean;
}

type Entry = { kind: "property" | "comment"; text: string };

const HOLE = /^__tv3m_(\d+)__$/;

export class TaskSnippet {
  private readonly entries: Entry[] = [];
  private readonly holes: AnyNode[] = [];

  /** A stand-in for an existing node (a property, or an expression in a value position). */
  hole(node: AnyNode): string {
    this.holes.push(node);
    return `__tv3m_${this.holes.length - 1}__`;
  }

  /** `key: value` text. */
  property(text: string): void {
    this.entries.push({ kind: "property", text });
  }

  /**
   * An existing property, through a stand-in of the same node type (`x() {}` for a method,
   * `...x` for a spread): recast only patches a node in place over one of its own kind.
   */
  existing(property: AnyNode): void {
    const hole = this.hole(property);
    if (property.type === "ObjectMethod") this.property(`${hole}() {}`);
    else if (property.type === "SpreadElement" || property.type === "SpreadProperty") this.property(`...${hole}`);
    else this.property(hole);
  }

  /** A comment line carried over from a dropped v2 option. */
  comment(text: string): void {
    for (const line of text.split("\n")) if (line.trim() !== "") this.entries.push({ kind: "comment", text: line.trim() });
  }

  /** The parsed call with every hole filled, or undefined if the text does not parse. */
  build(j: JSCodeshift, callee: string, layout: SnippetLayout): AnyNode | undefined {
    const lastProperty = this.entries.map((e) => e.kind).lastIndexOf("property");
    const inner = this.entries.map((entry, index) => {
      const comma = entry.kind === "property" && (index !== lastProperty || layout.trailingComma) ? "," : "";
      return `${layout.base}${layout.step}${entry.text}${comma}`;
    });
    const text = `${callee}({\n${inner.join("\n")}\n${layout.base}});`;
    // What `j(text)` gives (the root path of the parsed file), from the snippet cache.
    const file = parseSnippet(j, text) as AnyNode;
    // `snippet.find(j.Identifier)`, keeping only the holes (fill skips every other identifier).
    const holes = findPaths(freshPath(file), IDENTIFIER_DISPATCH, (node) => typeof node["name"] === "string" && HOLE.test(node["name"]));
    for (const path of holes) this.fill(path);
    // The text is one expression statement: read it off the tree (a `find()` builds a visitor per call).
    const program = child(file, "program");
    const statement = program ? children(program, "body")[0] : undefined;
    return statement?.type === "ExpressionStatement" ? child(statement, "expression") : undefined;
  }

  private fill(path: ASTPath): void {
    const name = (path.node as unknown as AnyNode)["name"] as string;
    const index = HOLE.exec(name)?.[1];
    const node = index === undefined ? undefined : this.holes[Number(index)];
    if (!node) return;
    const parentPath = path.parent as ASTPath;
    const parent = parentPath.node as unknown as AnyNode;
    if (parent["shorthand"] === true) {
      // `{ __tv3m_0__ }`: the hole is the whole property; its key and value are both the name.
      if (path.name === "value") parentPath.replace(node);
      return;
    }
    if ((parent.type === "ObjectMethod" && path.name === "key") || parent.type === "SpreadElement" || parent.type === "SpreadProperty") {
      parentPath.replace(node);
      return;
    }
    path.replace(node);
  }
}
