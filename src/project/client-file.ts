/**
 * The file that constructs the v2 `TriggerClient`, after the transforms: the client declaration
 * goes when nothing references it any more (scope analysis, not names), the `@trigger.dev/*`
 * imports it alone used go with it, and the file goes when nothing else is left and nothing
 * imports it. A client something still uses stays, under a TODO naming those uses.
 */
import { ts } from "ts-morph";
import { TRIGGER_DOCS_URLS } from "../catalog/docs.js";
import { CODEMOD_AUTO_IMPORTS, V2_CLIENT_OPTION_KEYS } from "../catalog/exports.js";
import { TODO_MARKER, todoComment } from "../catalog/markers.js";
import { isSdkSource, isTriggerDevSource } from "../catalog/packages.js";
import type { ModuleImporters } from "./client-importers.js";
import { hasExportModifier, ModuleScope, unwrapExpression, type BindingReference } from "./module-scope.js";
import { RemovalSet } from "./removal-set.js";
import { applyEdits, insertLineBefore, removeImportBindings, removeListElements, removeStatement, type TextEdit } from "./text-edits.js";

export type ClientFileResult =
  | { kind: "delete" }
  | { kind: "edit"; text: string; clientRemoved: boolean }
  | { kind: "unchanged" };

const CLIENT_TODO_START = "the v2 TriggerClient is gone";

export function reduceClientFile(text: string, path: string, importers: ModuleImporters): ClientFileResult {
  const scope = ModuleScope.read(text, path);
  if (!scope) return { kind: "unchanged" };
  const imports = scope.imports();
  const clientConstructors = new Set<number>();
  for (const { source, bindings } of imports) {
    if (!isSdkSource(source)) continue;
    for (const binding of bindings) {
      if (binding.imported === "TriggerClient") for (const reference of scope.references(binding.local)) clientConstructors.add(reference.start);
    }
  }
  const clients = scope.statements.filter((statement) => isClientStatement(scope, statement, clientConstructors));
  if (clients.length === 0) return { kind: "unchanged" };

  // A client goes when every reference to it is inside what goes; start from all and drop the used ones.
  let removable = new Set(clients);
  for (;;) {
    const removal = new RemovalSet(scope, removable);
    const next = new Set([...removable].filter((statement) => blockingUses(scope, statement, removal, importers).length === 0));
    if (next.size === removable.size) break;
    removable = next;
  }
  const removal = new RemovalSet(scope, removable);
  const edits: TextEdit[] = [...removable].map((statement) => removeStatement(scope, statement));
  edits.push(...exportOnlyRemovals(scope, removable, removal));

  // `@trigger.dev/*` bindings whose every use was inside what goes (the task-API names the transforms add are never touched).
  const leftImports: ts.ImportDeclaration[] = [];
  for (const { statement, source, bindings } of imports) {
    const goes = new Set<ts.Identifier>();
    let allGo = true;
    for (const binding of bindings) {
      const references = scope.references(binding.local);
      const unusedNow = references.every((reference) => removal.covers(reference.start));
      const v2Binding = isTriggerDevSource(source) && !CODEMOD_AUTO_IMPORTS.includes(binding.imported);
      if (v2Binding && references.length > 0 && unusedNow) goes.add(binding.local);
      allGo &&= unusedNow;
    }
    edits.push(...removeImportBindings(scope, statement, goes));
    if (!allGo || bindings.length === 0) leftImports.push(statement);
  }

  const onlyClientLeft = scope.statements.every((statement) => removal.coversStatement(statement) || ts.isEmptyStatement(statement) || (ts.isImportDeclaration(statement) && !leftImports.includes(statement)));
  if (onlyClientLeft && importers.files === 0 && removable.size === clients.length) return { kind: "delete" };

  for (const statement of clients) {
    if (removable.has(statement)) continue;
    const marker = todoComment(`${CLIENT_TODO_START}: tasks need no client (the SDK reads TRIGGER_SECRET_KEY); remove this once nothing uses it (${describeUses(scope, statement, removal, importers)})`, TRIGGER_DOCS_URLS.upgradeFromV2);
    edits.push(...markClient(scope, statement, `// ${marker}`));
  }
  const result = applyEdits(text, edits);
  return result === text ? { kind: "unchanged" } : { kind: "edit", text: result, clientRemoved: removable.size > 0 };
}

/** `const client = new TriggerClient({ id, ... })` (every declarator a v2 client), or `export default new TriggerClient(...)`. */
function isClientStatement(scope: ModuleScope, statement: ts.Statement, constructors: ReadonlySet<number>): boolean {
  const isClient = (expression: ts.Expression | undefined): boolean => {
    const value = expression ? unwrapExpression(expression) : undefined;
    if (!value || !ts.isNewExpression(value) || !ts.isIdentifier(value.expression) || !constructors.has(scope.start(value.expression))) return false;
    const options = value.arguments?.[0] ? unwrapExpression(value.arguments[0]) : undefined;
    // The 4.5+ API client is also `new TriggerClient(...)`: only v2 options make it the v2 one.
    return options !== undefined && ts.isObjectLiteralExpression(options) && options.properties.some((property) => property.name !== undefined && ts.isIdentifier(property.name) && V2_CLIENT_OPTION_KEYS.includes(property.name.text));
  };
  if (ts.isVariableStatement(statement)) {
    const declarations = statement.declarationList.declarations;
    return declarations.length > 0 && declarations.every((declaration) => ts.isIdentifier(declaration.name) && isClient(declaration.initializer));
  }
  return ts.isExportAssignment(statement) && !statement.isExportEquals && isClient(statement.expression);
}

/** The names a client statement binds locally, and the names it is exported under. */
function clientBindings(scope: ModuleScope, statement: ts.Statement): { locals: ts.Identifier[]; exported: string[] } {
  if (ts.isExportAssignment(statement)) return { locals: [], exported: ["default"] };
  const locals = ts.isVariableStatement(statement) ? statement.declarationList.declarations.map((declaration) => declaration.name as ts.Identifier) : [];
  const exported = hasExportModifier(statement) ? locals.map((local) => local.text) : [];
  for (const local of locals) {
    for (const reference of scope.references(local)) {
      const exportOnly = reference.exportOnly;
      if (exportOnly && ts.isExportSpecifier(exportOnly)) exported.push(exportOnly.name.text);
      else if (exportOnly) exported.push("default");
    }
  }
  return { locals, exported };
}

/** What keeps a client: references outside what goes, and exports other files import. */
function blockingUses(scope: ModuleScope, statement: ts.Statement, removal: RemovalSet, importers: ModuleImporters): (BindingReference | string)[] {
  const { locals, exported } = clientBindings(scope, statement);
  const uses: (BindingReference | string)[] = locals.flatMap((local) => scope.references(local).filter((reference) => !reference.exportOnly && !removal.covers(reference.start)));
  for (const name of exported) if (importers.names === "all" || importers.names.has(name)) uses.push(name);
  return uses;
}

function describeUses(scope: ModuleScope, statement: ts.Statement, removal: RemovalSet, importers: ModuleImporters): string {
  const uses = blockingUses(scope, statement, removal, importers);
  const local = clientBindings(scope, statement).locals[0]?.text ?? "client";
  const members = [...new Set(uses.flatMap((use) => (typeof use !== "string" && use.member ? [`${local}.${use.member}`] : [])))];
  const others = uses.filter((use) => typeof use !== "string" && !use.member).length;
  const parts = [...members];
  if (others > 0) parts.push(`${others} other reference${others === 1 ? "" : "s"} to ${local}`);
  if (uses.some((use) => typeof use === "string")) parts.push(`imported by ${importers.files} file${importers.files === 1 ? "" : "s"}`);
  return `still used: ${parts.join(", ")}`;
}

/** `export { client }` / `export default client` of clients that go. */
function exportOnlyRemovals(scope: ModuleScope, removable: ReadonlySet<ts.Statement>, removal: RemovalSet): TextEdit[] {
  const edits: TextEdit[] = [];
  for (const statement of scope.statements) {
    if (ts.isExportAssignment(statement) && !removable.has(statement) && removal.coversStatement(statement)) edits.push(removeStatement(scope, statement));
    if (!ts.isExportDeclaration(statement) || statement.moduleSpecifier || !statement.exportClause || !ts.isNamedExports(statement.exportClause)) continue;
    const elements = statement.exportClause.elements;
    const removed = new Set<ts.Node>(elements.filter((element) => removal.coversExport(element)));
    if (removed.size === 0) continue;
    edits.push(...(removed.size === elements.length ? [removeStatement(scope, statement)] : removeListElements(scope, elements, removed)));
  }
  return edits;
}

/** The TODO above a client that stays: inserted once, rewritten when the uses it lists changed. */
function markClient(scope: ModuleScope, statement: ts.Statement, comment: string): TextEdit[] {
  const existing = (ts.getLeadingCommentRanges(scope.text, statement.getFullStart()) ?? []).find((range) => {
    const body = scope.text.slice(range.pos, range.end);
    return body.includes(TODO_MARKER) && body.includes(CLIENT_TODO_START);
  });
  if (!existing) return [insertLineBefore(scope, statement, comment)];
  if (scope.text.slice(existing.pos, existing.end) === comment) return [];
  return [{ start: existing.pos, end: existing.end, text: comment }];
}
