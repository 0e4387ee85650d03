/**
 * A v2 adapter route (`export const { POST, dynamic } = createAppRoute(client)`, an Express
 * `app.use(createMiddleware(client))`...), after the transforms: the statements that only create
 * or mount the adapter go, with what only exports their result and the imports only they used;
 * the file goes when nothing else is left. An adapter that other code still uses (a NestJS module,
 * a handler called elsewhere) is not removed but marked.
 */
import { ts } from "ts-morph";
import { TRIGGER_DOCS_URLS } from "../catalog/docs.js";
import { CODEMOD_AUTO_IMPORTS, V2_ADAPTER_FACTORIES } from "../catalog/exports.js";
import { TODO_MARKER, todoComment } from "../catalog/markers.js";
import { isTriggerDevSource } from "../catalog/packages.js";
import type { ModuleImporters } from "./client-importers.js";
import { declaredNames, hasExportModifier, ModuleScope, unwrapExpression } from "./module-scope.js";
import { RemovalSet } from "./removal-set.js";
import { applyEdits, insertFileNote, insertLineBefore, removeImportBindings, removeListElements, removeStatement, type TextEdit } from "./text-edits.js";

export type AdapterFileResult = { kind: "delete" } | { kind: "edit"; text: string; adapterRemoved: boolean } | { kind: "unchanged" };

const ADAPTER_PACKAGES = new Set(Object.keys(V2_ADAPTER_FACTORIES));
const REMOVED_NOTE = "the v2 adapter route was removed: tasks run on Trigger.dev, start them locally with npx trigger.dev@latest dev";
const KEPT_NOTE = "this v2 adapter is still used here: tasks run on Trigger.dev and need no endpoint in your app; remove it and what uses it";

export function reduceAdapterFile(text: string, path: string, importers: ModuleImporters): AdapterFileResult {
  const scope = ModuleScope.read(text, path);
  if (!scope) return { kind: "unchanged" };
  const imports = scope.imports();
  const factoryCalls = new Set<number>();
  for (const { source, bindings } of imports) {
    if (!ADAPTER_PACKAGES.has(source)) continue;
    for (const binding of bindings) {
      if (V2_ADAPTER_FACTORIES[source]!.includes(binding.imported)) for (const reference of scope.references(binding.local)) factoryCalls.add(reference.start);
    }
  }
  if (factoryCalls.size === 0) return { kind: "unchanged" };

  const users = new Set<ts.Statement>();
  for (const position of factoryCalls) {
    const statement = scope.statementAt(position);
    if (statement && !ts.isImportDeclaration(statement)) users.add(statement);
  }
  const adapterStatements = new Set([...users].filter((statement) => onlyMountsAdapter(scope, statement, factoryCalls)));
  const removal = new RemovalSet(scope, adapterStatements);
  // What the adapter statements declare may only be exported to no one, never used by code that stays.
  const exported = exportedNames(scope, adapterStatements);
  const entangled =
    adapterStatements.size < users.size ||
    [...adapterStatements].some((statement) => declaredNames(statement).some((name) => scope.references(name).some((reference) => !reference.exportOnly && !removal.covers(reference.start)))) ||
    (exported.length > 0 && (importers.names === "all" || exported.some((name) => importers.names !== "all" && importers.names.has(name))));
  if (entangled) return markEntangled(scope, [...users][0]);

  const edits: TextEdit[] = [...adapterStatements].map((statement) => removeStatement(scope, statement));
  for (const statement of scope.statements) {
    if (ts.isExportAssignment(statement) && !adapterStatements.has(statement) && removal.coversStatement(statement)) edits.push(removeStatement(scope, statement));
    if (!ts.isExportDeclaration(statement) || statement.moduleSpecifier || !statement.exportClause || !ts.isNamedExports(statement.exportClause)) continue;
    const elements = statement.exportClause.elements;
    const removed = new Set<ts.Node>(elements.filter((element) => removal.coversExport(element)));
    if (removed.size > 0) edits.push(...(removed.size === elements.length ? [removeStatement(scope, statement)] : removeListElements(scope, elements, removed)));
  }

  // Imports: the adapter package's, and any binding whose every use went with the adapter.
  const leftImports = new Set<ts.ImportDeclaration>();
  for (const { statement, source, bindings } of imports) {
    const goes = new Set<ts.Identifier>();
    for (const binding of bindings) {
      const references = scope.references(binding.local);
      const unusedNow = references.every((reference) => removal.covers(reference.start));
      const addedByTransforms = isTriggerDevSource(source) && CODEMOD_AUTO_IMPORTS.includes(binding.imported);
      if (unusedNow && !addedByTransforms && (references.length > 0 || ADAPTER_PACKAGES.has(source))) goes.add(binding.local);
      else if (!unusedNow) leftImports.add(statement);
    }
    // `import "@/jobs"`: it registered the jobs with the v2 client; it goes with the whole file only.
    if (bindings.length === 0 && !ADAPTER_PACKAGES.has(source)) leftImports.add(statement);
    edits.push(...removeImportBindings(scope, statement, goes));
  }

  const sideEffectOnly = (statement: ts.Statement): boolean => ts.isImportDeclaration(statement) && statement.importClause === undefined;
  const nothingElse = scope.statements.every(
    (statement) => removal.coversStatement(statement) || ts.isEmptyStatement(statement) || (ts.isImportDeclaration(statement) && (!leftImports.has(statement) || sideEffectOnly(statement))),
  );
  if (nothingElse && importers.files === 0) return { kind: "delete" };
  const reduced = applyEdits(scope.text, edits);
  if (reduced === text) return { kind: "unchanged" };
  return { kind: "edit", text: insertFileNote(reduced, path, `// ${todoComment(REMOVED_NOTE, TRIGGER_DOCS_URLS.upgradeFromV2)}`), adapterRemoved: true };
}

/**
 * A statement whose only job is the adapter: a variable bound to the factory's result, `export
 * default factory(...)`, or a call statement that is the factory call or mounts it
 * (`app.use("/api/trigger", createMiddleware(client))`).
 */
function onlyMountsAdapter(scope: ModuleScope, statement: ts.Statement, factoryCalls: ReadonlySet<number>): boolean {
  const isFactoryCall = (expression: ts.Expression | undefined): boolean => {
    const value = expression ? unwrapExpression(expression) : undefined;
    return value !== undefined && ts.isCallExpression(value) && ts.isIdentifier(value.expression) && factoryCalls.has(scope.start(value.expression));
  };
  if (ts.isVariableStatement(statement)) return statement.declarationList.declarations.every((declaration) => isFactoryCall(declaration.initializer));
  if (ts.isExportAssignment(statement)) return isFactoryCall(statement.expression);
  if (!ts.isExpressionStatement(statement)) return false;
  const call = unwrapExpression(statement.expression);
  if (isFactoryCall(call)) return true;
  return ts.isCallExpression(call) && call.arguments.some((argument) => isFactoryCall(argument)) && call.arguments.every((argument) => isFactoryCall(argument) || ts.isStringLiteralLike(argument));
}

function markEntangled(scope: ModuleScope, statement: ts.Statement | undefined): AdapterFileResult {
  if (!statement) return { kind: "unchanged" };
  const leading = (ts.getLeadingCommentRanges(scope.text, statement.getFullStart()) ?? []).map((range) => scope.text.slice(range.pos, range.end));
  if (leading.some((comment) => comment.includes(TODO_MARKER) && comment.includes(KEPT_NOTE))) return { kind: "unchanged" };
  return { kind: "edit", text: applyEdits(scope.text, [insertLineBefore(scope, statement, `// ${todoComment(KEPT_NOTE, TRIGGER_DOCS_URLS.upgradeFromV2)}`)]), adapterRemoved: false };
}

/** The names other files could import the adapter's results under. */
function exportedNames(scope: ModuleScope, statements: ReadonlySet<ts.Statement>): string[] {
  const names: string[] = [];
  for (const statement of statements) {
    if (ts.isExportAssignment(statement)) names.push("default");
    for (const name of declaredNames(statement)) {
      if (hasExportModifier(statement)) names.push(name.text);
      for (const reference of scope.references(name)) {
        if (reference.exportOnly && ts.isExportSpecifier(reference.exportOnly)) names.push(reference.exportOnly.name.text);
        else if (reference.exportOnly) names.push("default");
      }
    }
  }
  return names;
}
