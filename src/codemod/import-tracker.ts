/**
 * Import tracking on jscodeshift (ast-types) trees: the codemod twin of src/eslint/import-tracker.ts.
 * A reference is Trigger.dev's only when ast-types scope lookup lands on the program scope and
 * the name there is bound by an `@trigger.dev/*` import or require; type-only imports bind nothing.
 */
import type { ASTPath, Collection, JSCodeshift } from "jscodeshift";
import { isTriggerDevSource } from "../catalog/packages.js";

type Node = { type: string; [key: string]: unknown };

export interface CodemodTriggerBinding {
  source: string;
  /** Export name; `*` for a namespace import or whole-module require. */
  imported: string;
  local: string;
  /** The top-level statement that declares it. */
  statement: ASTPath;
}

export interface CodemodTriggerReference {
  binding: CodemodTriggerBinding;
  path: string[];
}

export class CodemodImportTracker {
  private readonly byLocal = new Map<string, CodemodTriggerBinding>();

  private constructor(readonly bindings: readonly CodemodTriggerBinding[]) {
    for (const binding of bindings) this.byLocal.set(binding.local, binding);
  }

  /** Reads the top-level imports and requires of a file (cheap: top-level statements only). */
  static collect(j: JSCodeshift, root: Collection): CodemodImportTracker {
    const bindings: CodemodTriggerBinding[] = [];
    // The root is the File (or the Program itself): `find(j.Program)` would walk the whole tree
    // to find it, which cost about a tenth of a migration (it runs once per transform).
    const top = root.paths()[0];
    const program = top && (j.Program.check(top.node) ? top : j.File.check(top.node) ? (top.get("program") as ASTPath) : root.find(j.Program).paths()[0]);
    if (!program) return new CodemodImportTracker(bindings);
    const body = program.get("body") as ASTPath & { value: Node[] };
    body.value.forEach((_statement, index) => {
      const statementPath = body.get(index) as ASTPath;
      collectFromStatement(statementPath, bindings);
    });
    return new CodemodImportTracker(bindings);
  }

  get hasBindings(): boolean {
    return this.bindings.length > 0;
  }

  /** The Trigger.dev binding an identifier path refers to (undefined when shadowed or foreign). */
  resolveIdentifier(path: ASTPath): CodemodTriggerBinding | undefined {
    const node = path.node as unknown as Node;
    if (node.type !== "Identifier") return undefined;
    const name = node["name"] as string;
    const binding = this.byLocal.get(name);
    if (!binding) return undefined;
    // ast-types scopes are per function: a `let`/`const`/`class` in a nested block (or a `for`
    // head) lands in the enclosing function or program scope. So enclosing blocks are checked
    // here, and block-level bindings of a function scope that do not enclose `path` are skipped.
    for (let ancestor: ASTPath | null = path.parent; ancestor; ancestor = ancestor.parent) {
      if (blockDeclares(ancestor.node as unknown as Node, name)) return undefined;
    }
    for (let scope: AstScope | null = path.scope as AstScope | null; scope; scope = scope.parent) {
      // Declared in the program scope (where imports live) and nowhere closer.
      if (scope.isGlobal) return binding;
      if (scope.declares(name) && (scope.getBindings()[name] ?? []).some((declared) => !isNestedLexical(declared, scope!))) return undefined;
    }
    return undefined;
  }

  /** `schedules.task` / `sdk.wait.for` / `task` -> the export path, if it is Trigger.dev's. */
  resolve(path: ASTPath): CodemodTriggerReference | undefined {
    if (this.bindings.length === 0) return undefined;
    const members: string[] = [];
    let current: ASTPath = path;
    while ((current.node as unknown as Node).type === "MemberExpression") {
      const node = current.node as unknown as Node;
      const name = memberName(node);
      if (name === undefined) return undefined;
      members.unshift(name);
      current = current.get("object") as ASTPath;
    }
    const binding = this.resolveIdentifier(current);
    if (!binding) return undefined;
    const exportPath = binding.imported === "*" ? members : [binding.imported, ...members];
    return exportPath.length > 0 ? { binding, path: exportPath } : undefined;
  }

  matches(path: ASTPath, exportPath: readonly string[], acceptSource: (source: string) => boolean = () => true): boolean {
    const reference = this.resolve(path);
    if (!reference || reference.path.length !== exportPath.length) return false;
    return reference.path.every((part, index) => part === exportPath[index]) && acceptSource(reference.binding.source);
  }

  /** The local name of `exported` from an accepted source, if it is imported as a value. */
  localNameOf(exported: string, acceptSource: (source: string) => boolean): string | undefined {
    return this.bindings.find((b) => b.imported === exported && acceptSource(b.source))?.local;
  }
}

function memberName(node: Node): string | undefined {
  const property = node["property"] as Node;
  if (!node["computed"] && property.type === "Identifier") return property["name"] as string;
  if (node["computed"] && (property.type === "StringLiteral" || property.type === "Literal") && typeof property["value"] === "string") {
    return property["value"];
  }
  return undefined;
}

function collectFromStatement(statementPath: ASTPath, bindings: CodemodTriggerBinding[]): void {
  const statement = statementPath.node as unknown as Node;
  if (statement.type === "ImportDeclaration") {
    const source = (statement["source"] as Node)["value"];
    if (typeof source !== "string" || !isTriggerDevSource(source)) return;
    if (statement["importKind"] === "type") return;
    for (const specifier of (statement["specifiers"] as Node[] | undefined) ?? []) {
      const local = (specifier["local"] as Node | undefined)?.["name"] as string | undefined;
      if (!local) continue;
      if (specifier.type === "ImportSpecifier") {
        if (specifier["importKind"] === "type") continue;
        const importedNode = specifier["imported"] as Node;
        const imported = (importedNode["name"] ?? importedNode["value"]) as string;
        bindings.push({ source, imported, local, statement: statementPath });
      } else if (specifier.type === "ImportNamespaceSpecifier") {
        bindings.push({ source, imported: "*", local, statement: statementPath });
      } else {
        bindings.push({ source, imported: "default", local, statement: statementPath });
      }
    }
    return;
  }
  let declaration: Node | undefined;
  if (statement.type === "VariableDeclaration") declaration = statement;
  else if (statement.type === "ExportNamedDeclaration" && (statement["declaration"] as Node | null)?.type === "VariableDeclaration") {
    declaration = statement["declaration"] as Node;
  }
  if (!declaration) return;
  for (const declarator of declaration["declarations"] as Node[]) {
    const source = requiredSource(declarator["init"] as Node | null);
    if (source === undefined || !isTriggerDevSource(source)) continue;
    const id = declarator["id"] as Node;
    if (id.type === "Identifier") {
      bindings.push({ source, imported: "*", local: id["name"] as string, statement: statementPath });
    } else if (id.type === "ObjectPattern") {
      for (const property of id["properties"] as Node[]) {
        if (property.type !== "Property" && property.type !== "ObjectProperty") continue;
        const key = property["key"] as Node;
        const imported = (key["name"] ?? key["value"]) as string | undefined;
        let value = property["value"] as Node;
        if (value.type === "AssignmentPattern") value = value["left"] as Node;
        if (imported === undefined || value.type !== "Identifier") continue;
        bindings.push({ source, imported: String(imported), local: value["name"] as string, statement: statementPath });
      }
    }
  }
}

function requiredSource(init: Node | null | undefined): string | undefined {
  let node = init;
  if (node?.type === "AwaitExpression") node = node["argument"] as Node;
  // babel (.js files) gives `import("x")` as ImportExpression; the ts parsers as a call of Import.
  if (node?.type === "ImportExpression") {
    const value = (node["source"] as Node | undefined)?.["value"];
    return typeof value === "string" ? value : undefined;
  }
  if (!node || node.type !== "CallExpression") return undefined;
  const callee = node["callee"] as Node;
  const isRequire = callee.type === "Identifier" && callee["name"] === "require";
  const isImport = callee.type === "Import";
  if (!isRequire && !isImport) return undefined;
  const argument = (node["arguments"] as Node[])[0];
  const value = argument?.["value"];
  return typeof value === "string" ? value : undefined;
}

/** The part of an ast-types Scope we use (its published typings are loose). */
interface AstScope {
  isGlobal: boolean;
  parent: AstScope | null;
  node: Node;
  declares(name: string): boolean;
  getBindings(): Record<string, ASTPath[] | undefined>;
}

const LEXICAL_KINDS = new Set(["let", "const", "using", "await using"]);

/** Does a block, `switch` or `for` head declare `name` with let/const/class directly in it? */
function blockDeclares(node: Node, name: string): boolean {
  let statements: Node[];
  if (node.type === "BlockStatement" || node.type === "StaticBlock") statements = node["body"] as Node[];
  else if (node.type === "SwitchStatement") statements = (node["cases"] as Node[]).flatMap((c) => c["consequent"] as Node[]);
  else if (node.type === "ForStatement") statements = node["init"] ? [node["init"] as Node] : [];
  else if (node.type === "ForInStatement" || node.type === "ForOfStatement") statements = [node["left"] as Node];
  else return false;
  return statements.some((statement) => {
    if (statement.type === "ClassDeclaration") return (statement["id"] as Node | null)?.["name"] === name;
    if (statement.type !== "VariableDeclaration" || !LEXICAL_KINDS.has(statement["kind"] as string)) return false;
    return (statement["declarations"] as Node[]).some((declarator) => patternBinds(declarator["id"] as Node, name));
  });
}

function patternBinds(pattern: Node | null | undefined, name: string): boolean {
  if (!pattern) return false;
  switch (pattern.type) {
    case "Identifier":
      return pattern["name"] === name;
    case "ObjectPattern":
      return (pattern["properties"] as Node[]).some((p) => patternBinds((p.type === "RestElement" ? p["argument"] : p["value"]) as Node, name));
    case "ArrayPattern":
      return (pattern["elements"] as (Node | null)[]).some((element) => patternBinds(element, name));
    case "RestElement":
      return patternBinds(pattern["argument"] as Node, name);
    case "AssignmentPattern":
      return patternBinds(pattern["left"] as Node, name);
    default:
      return false;
  }
}

const PATTERN_PARTS = new Set(["Identifier", "ObjectPattern", "ArrayPattern", "RestElement", "AssignmentPattern", "Property", "ObjectProperty", "VariableDeclarator"]);

/** A let/const/class binding that ast-types hoisted out of a nested block into `scope`. */
function isNestedLexical(declared: ASTPath, scope: AstScope): boolean {
  let current: ASTPath | null = declared.parent;
  while (current && PATTERN_PARTS.has((current.node as unknown as Node).type)) current = current.parent;
  if (!current) return false;
  const declaration = current.node as unknown as Node;
  const lexical = declaration.type === "ClassDeclaration" || (declaration.type === "VariableDeclaration" && LEXICAL_KINDS.has(declaration["kind"] as string));
  if (!lexical) return false;
  let container: ASTPath | null = current.parent;
  if (container && (container.node as unknown as Node).type.startsWith("Export")) container = container.parent;
  const containerNode = container?.node as unknown as Node | undefined;
  return containerNode !== scope.node && containerNode !== scope.node["body"];
}
