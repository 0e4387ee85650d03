/**
 * A file that imports the v2 client module (or an adapter file), after the transforms: the imports
 * of it whose bindings nothing references any more go (`import { client } from "@/trigger"` once
 * every `client.defineJob` became a task), and what the file still takes from the module is
 * reported, so the plan knows whether the client, the adapter, or the whole file can go.
 */
import { ts } from "ts-morph";
import { ModuleScope } from "./module-scope.js";
import { applyEdits, removeImportBindings, type TextEdit } from "./text-edits.js";

/** What other files still import from a module (the client file, an adapter file). */
export interface ModuleImporters {
  /** How many files import it in any way (a side-effect import counts). */
  files: number;
  /** The exported names they use; "all" for a namespace import, a re-export of everything, or `import()`. */
  names: ReadonlySet<string> | "all";
}

export interface ModuleUse {
  /** The text with the unused imports of the module removed (unchanged when none). */
  text: string;
  /** After that, does the file still import, re-export or load the module? */
  imports: boolean;
  /** The exported names it takes; "all" when it cannot tell (namespace, `export *`, `import()`, `require`). */
  names: Set<string> | "all";
}

export function usesOfModule(text: string, path: string, matches: (specifier: string) => boolean): ModuleUse {
  const scope = ModuleScope.read(text, path);
  // Unreadable: assume it uses everything, so nothing it may need is removed.
  if (!scope) return { text, imports: true, names: "all" };
  let imports = false;
  let names: Set<string> | "all" = new Set<string>();
  const take = (name: string): void => {
    if (name === "*") names = "all";
    else if (names !== "all") names.add(name);
  };
  const edits: TextEdit[] = [];
  for (const { statement, source, bindings } of scope.imports()) {
    if (!matches(source)) continue;
    const unused = new Set(bindings.filter((binding) => scope.references(binding.local).length === 0).map((binding) => binding.local));
    edits.push(...removeImportBindings(scope, statement, unused));
    if (bindings.length === 0 || unused.size < bindings.length) imports = true;
    for (const binding of bindings) if (!unused.has(binding.local)) take(binding.imported);
  }
  for (const statement of scope.statements) {
    if (!ts.isExportDeclaration(statement) || !statement.moduleSpecifier || !ts.isStringLiteral(statement.moduleSpecifier) || !matches(statement.moduleSpecifier.text)) continue;
    imports = true;
    const clause = statement.exportClause;
    if (!clause || ts.isNamespaceExport(clause)) take("*");
    else for (const element of clause.elements) take((element.propertyName ?? element.name).text);
  }
  if (/\b(?:import|require)\s*\(/.test(text) && loadsDynamically(scope.sourceFile, matches)) {
    imports = true;
    take("*");
  }
  return { text: applyEdits(text, edits), imports, names };
}

/** `import("./trigger")`, `require("./trigger")` or `import x = require("./trigger")`. */
function loadsDynamically(sourceFile: ts.SourceFile, matches: (specifier: string) => boolean): boolean {
  let found = false;
  const visit = (node: ts.Node): void => {
    if (found) return;
    if (ts.isCallExpression(node) && (node.expression.kind === ts.SyntaxKind.ImportKeyword || (ts.isIdentifier(node.expression) && node.expression.text === "require"))) {
      const argument = node.arguments[0];
      if (argument && ts.isStringLiteralLike(argument) && matches(argument.text)) found = true;
    }
    if (ts.isExternalModuleReference(node) && ts.isStringLiteralLike(node.expression) && matches(node.expression.text)) found = true;
    ts.forEachChild(node, visit);
  };
  visit(sourceFile);
  return found;
}
