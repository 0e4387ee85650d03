/**
 * src/codemod/tree-walk.ts stands in for ast-types' `visit()` / jscodeshift's `find()`, and relies
 * on ast-types' internals (field order, default filling, the visitor's method table). These tests
 * pin that contract on every fixture input, so an ast-types or jscodeshift upgrade that changes
 * any of it fails here rather than as a subtly different migration.
 */
import { readFileSync } from "node:fs";
import jscodeshift, { type ASTPath } from "jscodeshift";
import { globSync } from "tinyglobby";
import { describe, expect, it } from "vitest";
import type { AstNode } from "../../src/codemod/ast-helpers.js";
import { parserForFile } from "../../src/codemod/parser.js";
import { dispatchTable, findPaths, IDENTIFIER_DISPATCH, walkTree } from "../../src/codemod/tree-walk.js";
import { PACKAGE_ROOT } from "../../src/package-info.js";

const INPUTS = globSync("fixtures/codemods/**/*.input.{ts,tsx,js}", { cwd: PACKAGE_ROOT, absolute: true }).sort();
const CALLS = dispatchTable(["CallExpression"]);

function parse(path: string) {
  const j = jscodeshift.withParser(parserForFile(path) ?? "tsx");
  return { j, root: j(readFileSync(path, "utf8")) };
}

const where = (node: { start?: unknown; type: string }): string => `${node.type}@${String(node.start)}`;

/** Every node's own keys, in visiting order: what default filling leaves behind. */
function shapes(start: ASTPath): string[] {
  const out: string[] = [];
  walkTree(start, (node) => void out.push(`${node.type}:${Object.keys(node).join(",")}`));
  return out;
}

describe("the tree walk against ast-types' own visitor", () => {
  it("has fixtures to compare on", () => {
    expect(INPUTS.length).toBeGreaterThan(40);
  });

  it.each(INPUTS.map((path) => [path.slice(PACKAGE_ROOT.length + 1), path]))("finds the same calls and identifiers, in the same order, as the same paths: %s", (_name, path) => {
    const { j, root } = parse(path);
    const expectedCalls = root.find(j.CallExpression).paths();
    const expectedIdentifiers = root.find(j.Identifier).paths();
    // Same tree, already visited by find(): the walk must hand out the visitor's very path objects.
    const calls = findPaths(root.get() as ASTPath, CALLS);
    const identifiers = findPaths(root.get() as ASTPath, IDENTIFIER_DISPATCH);
    expect(calls.map((p) => where(p.node as AstNode))).toEqual(expectedCalls.map((p) => where(p.node as unknown as AstNode)));
    expect(identifiers.map((p) => where(p.node as AstNode))).toEqual(expectedIdentifiers.map((p) => where(p.node as unknown as AstNode)));
    expect(calls.every((p, index) => p === expectedCalls[index])).toBe(true);
  });

  it.each(INPUTS.map((path) => [path.slice(PACKAGE_ROOT.length + 1), path]))("fills the same default fields as a visit: %s", (_name, path) => {
    const visited = parse(path);
    visited.root.find(visited.j.Node).size();
    const walked = parse(path);
    walkTree(walked.root.get() as ASTPath, () => undefined);
    expect(shapes(walked.root.get() as ASTPath)).toEqual(shapes(visited.root.get() as ASTPath));
  });
});

describe("dispatch tables", () => {
  it("send subtypes to the nearest listed supertype, as visitor methods do", () => {
    expect(IDENTIFIER_DISPATCH["Identifier"]).toBe("Identifier");
    expect(IDENTIFIER_DISPATCH["JSXIdentifier"]).toBe("Identifier");
    expect(CALLS["CallExpression"]).toBe("CallExpression");
    expect(CALLS["NewExpression"]).toBeUndefined();
  });
});
