/**
 * Reading migrated files (Babel, no types): which imports point at a given module, whether their
 * bindings are still used, and removing the ones that are not. Used to decide whether the v2
 * client file and adapter routes can go once the transforms are done.
 */
import { parse, type ParserPlugin } from "@babel/parser";
import { type AstNode, isReferenceIdentifier, walkNodes } from "../codemod/ast-helpers.js";

export function parseModule(text: string, path: string): AstNode | undefined {
  const plugins: ParserPlugin[] = /\.[mc]?tsx?$/.test(path) ? ["typescript"] : [];
  if (!/\.ts$|\.mts$|\.cts$/.test(path)) plugins.push("jsx");
  try {
    const file = parse(text, { sourceType: "unambiguous", plugins, errorRecovery: true }) as unknown as AstNode;
    return file["program"] as AstNode;
  } catch {
    return undefined;
  }
}

export function importSourceOf(statement: AstNode): string | undefined {
  if (statement.type !== "ImportDeclaration" && statement.type !== "ExportAllDeclaration" && statement.type !== "ExportNamedDeclaration") return undefined;
  const source = statement["source"] as AstNode | null | undefined;
  return source && typeof source["value"] === "string" ? source["value"] : undefined;
}

/** How many times each name is referenced outside import declarations. */
export function referenceCounts(program: AstNode, names: ReadonlySet<string>): Map<string, number> {
  const counts = new Map<string, number>([...names].map((name) => [name, 0]));
  walkNodes(program, (node, parent) => {
    if (node.type === "ImportDeclaration") return false;
    if (node.type === "Identifier" && names.has(node["name"] as string) && isReferenceIdentifier(node, parent)) {
      counts.set(node["name"] as string, (counts.get(node["name"] as string) ?? 0) + 1);
    }
    return undefined;
  });
  return counts;
}

export interface ImportsOfModule {
  /** The text with the unused imports of the module removed (unchanged when none). */
  text: string;
  /** True when, after that, the file still imports or re-exports the module. */
  stillImports: boolean;
}

/**
 * Removes the imports of the module `matches` accepts whose bindings are all unused; keeps
 * side-effect imports and re-exports (they are uses).
 */
export function dropUnusedImportsOf(text: string, path: string, matches: (specifier: string) => boolean): ImportsOfModule {
  const program = parseModule(text, path);
  if (!program) return { text, stillImports: true };
  let stillImports = false;
  const removals: [number, number][] = [];
  for (const statement of program["body"] as AstNode[]) {
    const specifier = importSourceOf(statement);
    if (specifier === undefined || !matches(specifier)) continue;
    const specifiers = (statement["specifiers"] as AstNode[] | undefined) ?? [];
    if (statement.type !== "ImportDeclaration" || specifiers.length === 0) {
      stillImports = true;
      continue;
    }
    const locals = new Set(specifiers.map((s) => (s["local"] as AstNode)["name"] as string));
    const counts = referenceCounts(program, locals);
    if ([...counts.values()].some((count) => count > 0)) stillImports = true;
    else removals.push([statement["start"] as number, statement["end"] as number]);
  }
  return { text: removeRanges(text, removals), stillImports };
}

/** Removes source ranges together with the rest of their line (the line break included). */
export function removeRanges(text: string, ranges: readonly [number, number][]): string {
  let result = text;
  for (const [start, end] of [...ranges].sort((a, b) => b[0] - a[0])) {
    let stop = end;
    while (stop < result.length && (result[stop] === " " || result[stop] === "\t")) stop++;
    if (result[stop] === "\r") stop++;
    if (result[stop] === "\n") stop++;
    result = result.slice(0, start) + result.slice(stop);
  }
  return result;
}
