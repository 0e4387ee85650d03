/**
 * Adding and removing named imports on a jscodeshift tree without disturbing the file: existing
 * declarations keep their order and specifiers, new declarations go after the last import (or
 * next to the imports a caller names), a declaration left empty is removed with its comments
 * handed to the next statement, side-effect imports (`import "x"`) are never touched, and
 * directives (`"use server"`) stay first and print as written. Quote style is the printer's job
 * (pipeline.ts prints with the file's own quote).
 */
import type { Collection, JSCodeshift } from "jscodeshift";
import { type AstNode, isNode, literalValue } from "./ast-helpers.js";
import { parseSnippet } from "./parsed-snippets.js";

type Comment = { type: string; value: string; leading?: boolean; trailing?: boolean };

/** The Program node of a jscodeshift root. */
export function programOf(root: Collection): AstNode {
  const file = root.get().node as AstNode;
  return file.type === "Program" ? file : (file["program"] as AstNode);
}

export function programBody(program: AstNode): AstNode[] {
  return program["body"] as AstNode[];
}

export function importSource(declaration: AstNode): string | undefined {
  const value = literalValue(declaration["source"]);
  return typeof value === "string" ? value : undefined;
}

/**
 * Babel keeps `"use server";` in `program.directives`. When recast reprints a Program whose
 * statement list changed, it prints each directive's original text (which ends in `;`) and then
 * its own `;\n`: `"use server";;`, and the blank line after it is gone. Moved into the body as
 * ESTree-style directive statements (what the `babel` parser already produces), a directive
 * prints once, with its raw quotes, and the next statement keeps its original spacing.
 * Every body edit here does this first; callers that edit the body themselves call it too.
 */
export function liftDirectives(j: JSCodeshift, program: AstNode): void {
  const directives = program["directives"] as AstNode[] | undefined;
  if (!directives || directives.length === 0) return;
  const statements = directives.map((directive) => {
    const literal = directive["value"] as AstNode;
    const value = String(literal["value"]);
    const raw = (literal["extra"] as { raw?: unknown } | undefined)?.raw;
    const expression = j.literal(value) as unknown as AstNode;
    // recast prints a Literal from its raw text when `extra` says the raw text is this value.
    expression["extra"] = { raw: typeof raw === "string" ? raw : JSON.stringify(value), rawValue: value };
    const statement = j.expressionStatement(expression as never) as unknown as AstNode;
    statement["directive"] = value;
    if (directive["comments"]) statement["comments"] = directive["comments"];
    return statement;
  });
  program["directives"] = [];
  programBody(program).unshift(...statements);
}

/**
 * liftDirectives for a tree some transform already edited: only when the Program has directives
 * and its statement list no longer lines up with the parsed one (a statement added, removed or
 * replaced by one of another kind), which is when recast reprints the Program itself.
 */
export function liftDirectivesIfReprinted(j: JSCodeshift, program: AstNode): void {
  if (((program["directives"] as unknown[] | undefined) ?? []).length === 0) return;
  const original = (program["original"] as AstNode | undefined)?.["body"] as AstNode[] | undefined;
  const body = programBody(program);
  const reprinted = !original || original.length !== body.length || body.some((statement, index) => statement.type !== original[index]!.type);
  if (reprinted) liftDirectives(j, program);
}

/** How many statements at the top of the body are directives (`"use client";`), which must stay first. */
export function directiveCount(program: AstNode): number {
  const body = programBody(program);
  let count = 0;
  while (count < body.length && body[count]!.type === "ExpressionStatement" && typeof body[count]!["directive"] === "string") count++;
  return count;
}

/** The top-level import declarations, in order. */
export function importDeclarations(program: AstNode): AstNode[] {
  return programBody(program).filter((statement) => statement.type === "ImportDeclaration");
}

export function importedName(specifier: AstNode): string | undefined {
  if (specifier.type !== "ImportSpecifier") return specifier.type === "ImportDefaultSpecifier" ? "default" : "*";
  const imported = specifier["imported"] as AstNode;
  const value = imported.type === "Identifier" ? imported["name"] : literalValue(imported);
  return typeof value === "string" ? value : undefined;
}

export function localName(specifier: AstNode): string | undefined {
  const local = specifier["local"];
  return isNode(local) ? (local["name"] as string) : undefined;
}

/** True for `import type {...}` and for `import { type x }` specifiers. */
export function isTypeOnly(declaration: AstNode, specifier?: AstNode): boolean {
  if (declaration["importKind"] === "type" || declaration["importKind"] === "typeof") return true;
  return specifier !== undefined && (specifier["importKind"] === "type" || specifier["importKind"] === "typeof");
}

/**
 * Makes `names` importable from `source`: appends them to an existing value import from a source
 * that `acceptsSource` allows (the exact `source` first), else fills `reuse` (a declaration the
 * caller emptied, so the import stays where the file had it), else adds
 * `import { ... } from "source"` after the last import whose source `near` accepts (or after the
 * last import). Names already imported under their own name are skipped.
 * Returns true when the tree changed.
 */
export function addNamedImports(
  j: JSCodeshift,
  program: AstNode,
  source: string,
  names: readonly string[],
  options: {
    acceptsSource?: (candidate: string) => boolean;
    quote?: "single" | "double";
    /** Point an accepted import we merge into at `source` itself (e.g. `/v3` -> root on SDK 4). */
    retarget?: boolean;
    /** An import declaration left without specifiers that may take the names (and `source`) in place. */
    reuse?: AstNode;
    /** A new declaration goes after the last import whose source this accepts, when there is one. */
    near?: (candidate: string) => boolean;
  } = {},
): boolean {
  const acceptsSource = options.acceptsSource ?? ((candidate: string) => candidate === source);
  const declarations = importDeclarations(program);
  const already = new Set<string>();
  for (const declaration of declarations) {
    const from = importSource(declaration);
    if (from === undefined || !acceptsSource(from) || isTypeOnly(declaration)) continue;
    for (const specifier of (declaration["specifiers"] as AstNode[] | undefined) ?? []) {
      if (specifier.type === "ImportSpecifier" && !isTypeOnly(declaration, specifier) && importedName(specifier) === localName(specifier)) {
        already.add(localName(specifier)!);
      }
    }
  }
  const missing = [...new Set(names)].filter((name) => !already.has(name)).sort();
  if (missing.length === 0) return false;

  const mergeable = (declaration: AstNode): boolean => {
    const from = importSource(declaration);
    const specifiers = (declaration["specifiers"] as AstNode[] | undefined) ?? [];
    return from !== undefined && acceptsSource(from) && !isTypeOnly(declaration) && specifiers.length > 0 && specifiers.every((s) => s.type !== "ImportNamespaceSpecifier");
  };
  const target = declarations.find((d) => mergeable(d) && importSource(d) === source) ?? declarations.find(mergeable);
  if (target) {
    const specifiers = target["specifiers"] as AstNode[];
    for (const name of missing) specifiers.push(j.importSpecifier(j.identifier(name), j.identifier(name)) as unknown as AstNode);
    if (options.retarget && importSource(target) !== source) target["source"] = j.stringLiteral(source);
    return true;
  }
  const reuse = options.reuse;
  if (reuse && declarations.includes(reuse) && ((reuse["specifiers"] as AstNode[] | undefined) ?? []).length === 0) {
    reuse["specifiers"] = missing.map((name) => j.importSpecifier(j.identifier(name), j.identifier(name)) as unknown as AstNode);
    reuse["importKind"] = "value";
    if (importSource(reuse) !== source) reuse["source"] = j.stringLiteral(source);
    return true;
  }

  const quote = options.quote === "single" ? "'" : '"';
  const near = options.near;
  // Declarations the caller emptied are about to go: they are no place to sit next to.
  const anchor = near ? declarations.filter((d) => ((d["specifiers"] as AstNode[] | undefined) ?? []).length > 0 && near(importSource(d) ?? "")).at(-1) : undefined;
  insertImportText(j, program, `import { ${missing.join(", ")} } from ${quote}${source}${quote};`, anchor);
  return true;
}

/**
 * Adds an import statement after `after` (a top-level import), else after the last top-level
 * import, else at the top under any directives and header comment. The preceding import and the
 * new one are re-parsed together so recast prints them as neighbours, without the blank lines it
 * puts around a freshly built statement.
 */
export function insertImportText(j: JSCodeshift, program: AstNode, text: string, after?: AstNode): void {
  liftDirectives(j, program);
  const body = programBody(program);
  const anchor = after && body.includes(after) ? body.indexOf(after) : lastImportIndex(body);
  if (anchor >= 0) {
    const previous = body[anchor]!;
    // Line breaks first, so the re-parsed copy keeps the blank lines that stood above the original.
    const lead = "\n".repeat(leadingLineBreaks(previous));
    const pair = programBody(parseSnippet(j, `${lead}${j(previous as never).toSource()}\n${text}`)["program"] as AstNode);
    if (pair.length === 2 && pair[0]!.type === "ImportDeclaration") {
      body.splice(anchor, 1, ...pair);
      return;
    }
  }
  const statement = programBody(parseSnippet(j, text)["program"] as AstNode)[0]!;
  // With no import to pair with, the statement goes in alone: without its snippet location recast
  // prints it as a new statement on its own line (with it, recast glued the first statement of
  // the file onto the same line: `import { queue } from "...";const limit = ...`).
  statement["loc"] = null;
  insertAfterImports(j, program, statement);
}

interface Position {
  line: number;
  column: number;
}

/** How many line breaks separate a parsed statement (with its leading comments) from the code above it; 0 at the top. */
function leadingLineBreaks(statement: AstNode): number {
  const loc = statement["loc"] as { start: Position; lines?: { skipSpaces(position: Position, backward: boolean): Position | null } } | undefined;
  if (!loc?.lines) return 0;
  const comments = ((statement["comments"] as (Comment & { loc?: { start: Position } })[] | undefined) ?? []).filter((c) => c.leading && c.loc);
  const start = comments[0]?.loc?.start ?? loc.start;
  const before = loc.lines.skipSpaces(start, true);
  return before ? start.line - before.line : 0;
}

function lastImportIndex(body: readonly AstNode[]): number {
  let lastImport = -1;
  body.forEach((node, index) => {
    if (node.type === "ImportDeclaration") lastImport = index;
  });
  return lastImport;
}

/** Inserts a statement after the last top-level import (or at the top, under any directives and header comment). */
export function insertAfterImports(j: JSCodeshift, program: AstNode, statement: AstNode): void {
  liftDirectives(j, program);
  const body = programBody(program);
  const lastImport = lastImportIndex(body);
  if (lastImport >= 0) {
    body.splice(lastImport + 1, 0, statement);
    return;
  }
  const directives = directiveCount(program);
  if (directives > 0) {
    body.splice(directives, 0, statement);
    return;
  }
  // Keep a file header (licence, `// @ts-nocheck`) above the new import.
  const first = body[0];
  if (first) {
    const comments = (first["comments"] as Comment[] | undefined) ?? [];
    const leading = comments.filter((c) => c.leading);
    if (leading.length > 0) {
      statement["comments"] = leading;
      first["comments"] = comments.filter((c) => !c.leading);
    }
  }
  body.unshift(statement);
}

/**
 * Removes one specifier; when the declaration is left without specifiers it is removed too (unless
 * `keepEmpty`: the caller may refill it) and its leading comments move to the next statement.
 * Returns true when something was removed.
 */
export function removeImportSpecifier(program: AstNode, declaration: AstNode, specifier: AstNode, keepEmpty = false): boolean {
  const specifiers = declaration["specifiers"] as AstNode[];
  const index = specifiers.indexOf(specifier);
  if (index === -1) return false;
  specifiers.splice(index, 1);
  if (specifiers.length === 0 && !keepEmpty) removeStatement(program, declaration);
  return true;
}

/** Removes a top-level statement, keeping its leading comments on the statement that follows. */
export function removeStatement(program: AstNode, statement: AstNode): void {
  const body = programBody(program);
  const index = body.indexOf(statement);
  if (index === -1) return;
  body.splice(index, 1);
  const comments = ((statement["comments"] as Comment[] | undefined) ?? []).filter((c) => c.leading);
  if (comments.length === 0) return;
  const next = body[index];
  if (next) {
    next["comments"] = [...comments, ...(((next["comments"] as Comment[] | undefined) ?? []) as Comment[])];
    return;
  }
  const previous = body[index - 1];
  if (previous) {
    previous["comments"] = [...((previous["comments"] as Comment[] | undefined) ?? []), ...comments.map((c) => ({ ...c, leading: false, trailing: true }))];
  }
}

/** `const { a, b: c } = require("source")` at top level (or `await import(...)`): the declaration and its pattern. */
export interface RequireDeclaration {
  statement: AstNode;
  declarator: AstNode;
  source: string;
}

export function requireDeclarations(program: AstNode): RequireDeclaration[] {
  const found: RequireDeclaration[] = [];
  for (const statement of programBody(program)) {
    if (statement.type !== "VariableDeclaration") continue;
    for (const declarator of statement["declarations"] as AstNode[]) {
      const init = declarator["init"] as AstNode | null;
      const callee = init?.type === "CallExpression" ? (init["callee"] as AstNode) : undefined;
      if (!callee || callee.type !== "Identifier" || callee["name"] !== "require") continue;
      const source = literalValue(((init!["arguments"] as AstNode[]) ?? [])[0]);
      if (typeof source === "string") found.push({ statement, declarator, source });
    }
  }
  return found;
}

/** `{ a, b: c }` pattern properties of a require: [exported name, local name, property node]. */
export function requiredNames(declaration: RequireDeclaration): { imported: string; local: string; property: AstNode }[] {
  const pattern = declaration.declarator["id"] as AstNode;
  if (pattern.type !== "ObjectPattern") return [];
  const names: { imported: string; local: string; property: AstNode }[] = [];
  for (const property of pattern["properties"] as AstNode[]) {
    if (property.type !== "ObjectProperty" && property.type !== "Property") continue;
    const key = property["key"] as AstNode;
    const value = property["value"] as AstNode;
    const imported = key.type === "Identifier" ? key["name"] : literalValue(key);
    if (typeof imported === "string" && value.type === "Identifier") names.push({ imported, local: value["name"] as string, property });
  }
  return names;
}

/** Longest line a require we write may take on one line (the common formatter width). */
const MAX_LINE = 100;

/** `const { a, b: c } = <init>;` on one line when it fits in MAX_LINE columns, else one name per line. */
function requireText(kind: string, names: readonly string[], init: string): string {
  const line = `${kind} { ${names.join(", ")} } = ${init};`;
  return line.length <= MAX_LINE ? line : `${kind} {\n${names.map((name) => `  ${name},\n`).join("")}} = ${init};`;
}

/** A statement parsed from text: recast prints it as written (a built pattern comes out one property per line). */
function statementFromText(j: JSCodeshift, text: string): AstNode | undefined {
  return programBody(parseSnippet(j, text)["program"] as AstNode)[0];
}

/**
 * Re-parses a one-declarator `const { a, b: c } = require("x")` from text so recast prints its
 * pattern on one line when it fits (it prints an edited pattern one property per line).
 */
function reprintRequire(j: JSCodeshift, program: AstNode, declaration: RequireDeclaration): void {
  const declarators = declaration.statement["declarations"] as AstNode[];
  const properties = requiredNames(declaration);
  const pattern = declaration.declarator["id"] as AstNode;
  if (declarators.length !== 1 || properties.length !== (pattern["properties"] as unknown[]).length) return;
  const names = properties.map((p) => (p.imported === p.local ? p.local : `${p.imported}: ${p.local}`));
  const init = j(declaration.declarator["init"] as never).toSource();
  const replacement = statementFromText(j, requireText(declaration.statement["kind"] as string, names, init));
  if (!replacement) return;
  replacement["comments"] = declaration.statement["comments"];
  const body = programBody(program);
  const index = body.indexOf(declaration.statement);
  if (index !== -1) body.splice(index, 1, replacement);
}

/** Removes properties from a require pattern; removes the declaration when nothing is left. */
export function removeRequiredNames(j: JSCodeshift, program: AstNode, declaration: RequireDeclaration, remove: readonly AstNode[]): void {
  const properties = (declaration.declarator["id"] as AstNode)["properties"] as AstNode[];
  for (const property of remove) {
    const index = properties.indexOf(property);
    if (index !== -1) properties.splice(index, 1);
  }
  if (properties.length > 0) return reprintRequire(j, program, declaration);
  const declarators = declaration.statement["declarations"] as AstNode[];
  declarators.splice(declarators.indexOf(declaration.declarator), 1);
  if (declarators.length === 0) removeStatement(program, declaration.statement);
}

/** CommonJS twin of addNamedImports: extends a destructuring require of `source`, or adds one after the last require. */
export function addNamedRequires(
  j: JSCodeshift,
  program: AstNode,
  source: string,
  names: readonly string[],
  acceptsSource: (candidate: string) => boolean,
  quote: "single" | "double" = "double",
): boolean {
  const requires = requireDeclarations(program);
  const already = new Set(requires.filter((r) => acceptsSource(r.source)).flatMap((r) => requiredNames(r).filter((n) => n.imported === n.local).map((n) => n.local)));
  const missing = [...new Set(names)].filter((name) => !already.has(name)).sort();
  if (missing.length === 0) return false;
  const target = requires.find((r) => r.source === source && (r.declarator["id"] as AstNode).type === "ObjectPattern") ?? requires.find((r) => acceptsSource(r.source) && (r.declarator["id"] as AstNode).type === "ObjectPattern");
  if (target) {
    const property = (name: string) => {
      const node = j.objectProperty(j.identifier(name), j.identifier(name)) as unknown as AstNode;
      node["shorthand"] = true;
      return node;
    };
    ((target.declarator["id"] as AstNode)["properties"] as AstNode[]).push(...missing.map(property));
    reprintRequire(j, program, target);
    return true;
  }
  const mark = quote === "single" ? "'" : '"';
  const statement = statementFromText(j, requireText("const", missing, `require(${mark}${source}${mark})`));
  if (!statement) return false;
  liftDirectives(j, program);
  const body = programBody(program);
  const last = requires[requires.length - 1];
  body.splice(last ? body.indexOf(last.statement) + 1 : directiveCount(program), 0, statement);
  return true;
}
