/**
 * One migrated module read with TypeScript's own scope analysis (its binder and checker over this
 * single file, nothing else loaded): top-level imports and declarations, and every reference to a
 * binding (values, types, decorators, JSX tags, `typeof`, shorthand properties, exports), with
 * shadowed look-alikes left out: an identifier counts only when it resolves to the same symbol. The project plan decides what may be removed from this, never
 * from a name match.
 */
import { extname } from "node:path";
import { ts } from "ts-morph";

export interface ImportBinding {
  /** The local name (`c` in `import { client as c }`). */
  local: ts.Identifier;
  /** The exported name: `default`, `*` for a namespace import, else the specifier's name. */
  imported: string;
}

export interface ModuleImport {
  statement: ts.ImportDeclaration;
  source: string;
  bindings: ImportBinding[];
}

export interface BindingReference {
  start: number;
  end: number;
  /** `member` when the reference is the object of `name.member`. */
  member?: string;
  /** An `export { name }` specifier (without `from`) or `export default name`: the reference only exports it. */
  exportOnly?: ts.ExportSpecifier | ts.ExportAssignment;
}

/** Options that keep the program to this one file: no lib, no types, no module resolution. */
const PROGRAM_OPTIONS: ts.CompilerOptions = {
  noLib: true,
  noResolve: true,
  types: [],
  allowJs: true,
  jsx: ts.JsxEmit.Preserve,
  experimentalDecorators: true,
  target: ts.ScriptTarget.ESNext,
  module: ts.ModuleKind.ESNext,
};

export class ModuleScope {
  readonly text: string;
  readonly sourceFile: ts.SourceFile;
  private readonly makeProgram: () => ts.Program;
  /** Made on the first binding with a candidate reference: most imports checked here have none. */
  private checkerCache: ts.TypeChecker | undefined;
  /** Identifiers by name, collected in one walk: a binding's candidates before the checker decides. */
  private readonly identifiers = new Map<string, ts.Identifier[]>();
  private readonly referenceCache = new Map<ts.Identifier, BindingReference[]>();

  private constructor(text: string, sourceFile: ts.SourceFile, makeProgram: () => ts.Program) {
    this.text = text;
    this.sourceFile = sourceFile;
    this.makeProgram = makeProgram;
    const visit = (node: ts.Node): void => {
      if (ts.isIdentifier(node)) {
        const list = this.identifiers.get(node.text);
        if (list) list.push(node);
        else this.identifiers.set(node.text, [node]);
      }
      ts.forEachChild(node, visit);
    };
    visit(sourceFile);
  }

  /** Undefined when TypeScript reports a syntax error (the plan leaves such a file alone). */
  static read(text: string, path: string): ModuleScope | undefined {
    // The real path never reaches the file system: the host only knows this one file.
    const fileName = `/__trigger_v3_migrate__/module${extname(path).toLowerCase() || ".ts"}`;
    const sourceFile = ts.createSourceFile(fileName, text, ts.ScriptTarget.Latest, true);
    const host: ts.CompilerHost = {
      getSourceFile: (name) => (name === fileName ? sourceFile : undefined),
      getDefaultLibFileName: () => "lib.d.ts",
      writeFile: () => undefined,
      getCurrentDirectory: () => "/",
      getCanonicalFileName: (name) => name,
      useCaseSensitiveFileNames: () => true,
      getNewLine: () => "\n",
      fileExists: (name) => name === fileName,
      readFile: (name) => (name === fileName ? text : undefined),
      directoryExists: () => false,
      getDirectories: () => [],
    };
    let program: ts.Program | undefined;
    // A program (binder and checker) only when a reference must be resolved: most importers the
    // plan reads have no candidate reference at all, and a program per file costs more than its parse.
    const makeProgram = (): ts.Program => (program ??= ts.createProgram({ rootNames: [fileName], options: PROGRAM_OPTIONS, host }));
    if (syntaxErrorCount(sourceFile, makeProgram) > 0) return undefined;
    return new ModuleScope(text, sourceFile, makeProgram);
  }

  get statements(): readonly ts.Statement[] {
    return this.sourceFile.statements;
  }

  /** Where a node's own text starts (after its leading comments). */
  start(node: ts.Node): number {
    return node.getStart(this.sourceFile);
  }

  imports(): ModuleImport[] {
    return this.statements.filter(ts.isImportDeclaration).flatMap((statement) => {
      const specifier = statement.moduleSpecifier;
      if (!ts.isStringLiteral(specifier)) return [];
      return [{ statement, source: specifier.text, bindings: importBindings(statement) }];
    });
  }

  /** Every reference to the binding declared by `name` (the declaration itself left out), in source order. */
  references(name: ts.Identifier): BindingReference[] {
    const cached = this.referenceCache.get(name);
    if (cached) return cached;
    const candidates = (this.identifiers.get(name.text) ?? []).filter((candidate) => candidate !== name);
    const target = candidates.length > 0 ? this.checker.getSymbolAtLocation(name) : undefined;
    const references: BindingReference[] = [];
    for (const candidate of candidates) {
      if (!target || this.symbolOf(candidate) !== target) continue;
      references.push({ start: this.start(candidate), end: candidate.end, ...describe(candidate) });
    }
    this.referenceCache.set(name, references);
    return references;
  }

  /** The top-level statement holding a position. */
  statementAt(position: number): ts.Statement | undefined {
    return this.statements.find((statement) => this.start(statement) <= position && position < statement.end);
  }

  private get checker(): ts.TypeChecker {
    this.checkerCache ??= this.makeProgram().getTypeChecker();
    return this.checkerCache;
  }

  /** The local binding an identifier refers to (through `{ name }` shorthands and `export { name }`). */
  private symbolOf(identifier: ts.Identifier): ts.Symbol | undefined {
    const parent = identifier.parent;
    if (ts.isShorthandPropertyAssignment(parent) && parent.name === identifier) return this.checker.getShorthandAssignmentValueSymbol(parent);
    if (ts.isExportSpecifier(parent) && !parent.parent.parent.moduleSpecifier && (parent.propertyName ?? parent.name) === identifier) return this.checker.getExportSpecifierLocalTargetSymbol(parent);
    return this.checker.getSymbolAtLocation(identifier);
  }
}

function describe(node: ts.Identifier): Pick<BindingReference, "member" | "exportOnly"> {
  const parent = node.parent;
  if (ts.isPropertyAccessExpression(parent) && parent.expression === node) return { member: parent.name.text };
  if (ts.isExportSpecifier(parent) && !parent.parent.parent.moduleSpecifier) return { exportOnly: parent };
  if (ts.isExportAssignment(parent) && parent.expression === node) return { exportOnly: parent };
  return {};
}

function importBindings(statement: ts.ImportDeclaration): ImportBinding[] {
  const clause = statement.importClause;
  if (!clause) return [];
  const bindings: ImportBinding[] = [];
  if (clause.name) bindings.push({ local: clause.name, imported: "default" });
  const named = clause.namedBindings;
  if (named && ts.isNamespaceImport(named)) bindings.push({ local: named.name, imported: "*" });
  if (named && ts.isNamedImports(named)) {
    for (const element of named.elements) bindings.push({ local: element.name, imported: (element.propertyName ?? element.name).text });
  }
  return bindings;
}

/** Top-level names a statement declares (variables with their destructured names, functions, classes). */
export function declaredNames(statement: ts.Statement): ts.Identifier[] {
  if (ts.isVariableStatement(statement)) return statement.declarationList.declarations.flatMap((declaration) => bindingNames(declaration.name));
  if ((ts.isFunctionDeclaration(statement) || ts.isClassDeclaration(statement) || ts.isEnumDeclaration(statement)) && statement.name) return [statement.name];
  return [];
}

function bindingNames(name: ts.BindingName): ts.Identifier[] {
  if (ts.isIdentifier(name)) return [name];
  return name.elements.flatMap((element) => (ts.isOmittedExpression(element) ? [] : bindingNames(element.name)));
}

/** True for `export const x`, `export function f` and the like. */
export function hasExportModifier(statement: ts.Statement): boolean {
  return ts.canHaveModifiers(statement) && (ts.getModifiers(statement) ?? []).some((modifier) => modifier.kind === ts.SyntaxKind.ExportKeyword);
}

/** Unwraps `(x)`, `x as T`, `<T>x`, `x!` and `x satisfies T` (they change no runtime value). */
export function unwrapExpression(expression: ts.Expression): ts.Expression {
  let current = expression;
  while (ts.isParenthesizedExpression(current) || ts.isAsExpression(current) || ts.isTypeAssertionExpression(current) || ts.isNonNullExpression(current) || ts.isSatisfiesExpression(current)) {
    current = current.expression;
  }
  return current;
}

/**
 * The parser's own diagnostics, which `getSyntacticDiagnostics` returns for a TS file: read off
 * the source file (an internal but long-stable field) so no program is needed; through a program
 * when the field is missing or the file is JavaScript (where the program adds JS-only checks).
 */
function syntaxErrorCount(sourceFile: ts.SourceFile, makeProgram: () => ts.Program): number {
  const parsed = (sourceFile as ts.SourceFile & { parseDiagnostics?: readonly ts.Diagnostic[] }).parseDiagnostics;
  const isJavaScript = /\.[mc]?jsx?$/.test(sourceFile.fileName);
  if (Array.isArray(parsed) && !isJavaScript) return parsed.length;
  return makeProgram().getSyntacticDiagnostics(sourceFile).length;
}
