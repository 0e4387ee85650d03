/**
 * What the plan is about to remove from a module: whole top-level statements, plus the
 * `export { name }` / `export default name` that only export a binding those statements declare.
 * Answers "is this reference inside what goes?", which decides what else becomes unused.
 */
import { ts } from "ts-morph";
import { declaredNames, type ModuleScope } from "./module-scope.js";

export class RemovalSet {
  private readonly ranges: [number, number][];
  private readonly exportsOnly = new Set<ts.Node>();

  constructor(
    private readonly scope: ModuleScope,
    statements: ReadonlySet<ts.Statement>,
  ) {
    this.ranges = [...statements].map((statement) => [scope.start(statement), statement.end]);
    for (const statement of statements) {
      for (const name of declaredNames(statement)) {
        for (const reference of scope.references(name)) if (reference.exportOnly) this.exportsOnly.add(reference.exportOnly);
      }
    }
  }

  /** Is this position inside a statement that goes? */
  covers(position: number): boolean {
    return this.ranges.some(([start, end]) => start <= position && position < end);
  }

  /** An `export { name }` element that only exports a binding that goes. */
  coversExport(element: ts.ExportSpecifier): boolean {
    return this.exportsOnly.has(element);
  }

  /** The statement goes: it is removed, or it only exports what is removed. */
  coversStatement(statement: ts.Statement): boolean {
    if (this.covers(this.scope.start(statement)) || this.exportsOnly.has(statement)) return true;
    if (!ts.isExportDeclaration(statement) || statement.moduleSpecifier || !statement.exportClause || !ts.isNamedExports(statement.exportClause)) return false;
    const elements = statement.exportClause.elements;
    return elements.length > 0 && elements.every((element) => this.exportsOnly.has(element));
  }
}
