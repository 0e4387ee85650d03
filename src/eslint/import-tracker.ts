/**
 * The one place rules ask "is this identifier the Trigger.dev `task` / `tasks` / `wait` ...?".
 *
 * Bindings come from top-level `import` declarations and `require()` calls of `@trigger.dev/*`
 * modules. A reference counts only when scope analysis resolves it to that module-level binding,
 * so shadowed names (`(task) => task()`), type-only imports and look-alikes from other packages
 * (gulp's `task`, socket.io's `io`, `@lit/task`) never match.
 */
import type { TSESLint, TSESTree } from "@typescript-eslint/utils";
import { AST_NODE_TYPES, ASTUtils } from "@typescript-eslint/utils";
import { isTriggerDevSource } from "../catalog/packages.js";

export interface TriggerBinding {
  /** The module specifier, e.g. `@trigger.dev/sdk/v3`. */
  source: string;
  /** The export name; `*` for a namespace import or a whole-module require. */
  imported: string;
  /** The local name in this file. */
  local: string;
  /** The declaration that created it (for fixes that edit imports). */
  declaration: TSESTree.ImportDeclaration | TSESTree.VariableDeclarator;
  /** The specifier or pattern node that binds the name. */
  node: TSESTree.Node;
}

export interface TriggerReference {
  binding: TriggerBinding;
  /** The export path: `["schedules", "task"]` for `schedules.task` or `sdk.schedules.task`. */
  path: string[];
}

type AnyRuleContext = Readonly<TSESLint.RuleContext<string, readonly unknown[]>>;

const trackerCache = new WeakMap<TSESLint.SourceCode, TriggerImportTracker>();

export class TriggerImportTracker {
  /** Every Trigger.dev binding in the file, in source order. */
  readonly bindings: readonly TriggerBinding[];
  /** The import declarations of `@trigger.dev/*` modules (value and type). */
  readonly importDeclarations: readonly TSESTree.ImportDeclaration[];
  private readonly byNode = new Map<TSESTree.Node, TriggerBinding>();

  private constructor(private readonly sourceCode: TSESLint.SourceCode) {
    const bindings: TriggerBinding[] = [];
    const declarations: TSESTree.ImportDeclaration[] = [];
    // The text check is the fast path: most files never mention the scope at all.
    if (sourceCode.text.includes("@trigger.dev/")) {
      for (const statement of sourceCode.ast.body) collectFromStatement(statement, bindings, declarations);
    }
    this.bindings = bindings;
    this.importDeclarations = declarations;
    for (const binding of bindings) this.byNode.set(binding.node, binding);
  }

  /** The tracker for a file, built once per file and shared by every rule. */
  static of(context: AnyRuleContext): TriggerImportTracker {
    const sourceCode = context.sourceCode;
    let tracker = trackerCache.get(sourceCode);
    if (!tracker) {
      tracker = new TriggerImportTracker(sourceCode);
      trackerCache.set(sourceCode, tracker);
    }
    return tracker;
  }

  /** True when the file binds anything from `@trigger.dev/*` (rules return no listeners otherwise). */
  get hasBindings(): boolean {
    return this.bindings.length > 0;
  }

  /** Any import or require of a `@trigger.dev/*` module, including side-effect and type-only ones. */
  get mentionsTriggerDev(): boolean {
    return this.importDeclarations.length > 0 || this.bindings.length > 0;
  }

  /** The binding an identifier refers to, through scope analysis (undefined when shadowed or foreign). */
  resolveIdentifier(node: TSESTree.Identifier): TriggerBinding | undefined {
    if (this.bindings.length === 0) return undefined;
    const variable = ASTUtils.findVariable(this.sourceCode.getScope(node), node.name);
    if (!variable) return undefined;
    for (const def of variable.defs) {
      // Import defs point at the specifier; require defs at the bound identifier.
      const binding = this.byNode.get(def.type === "ImportBinding" ? def.node : def.name);
      if (binding) return binding;
    }
    return undefined;
  }

  /**
   * Resolves an identifier or a member chain to a Trigger.dev export path:
   * `task` -> [task]; `schedules.task` -> [schedules, task]; `sdk.wait.for` (namespace) -> [wait, for].
   */
  resolve(node: TSESTree.Node): TriggerReference | undefined {
    if (this.bindings.length === 0) return undefined;
    const members: string[] = [];
    let current: TSESTree.Node = node;
    while (current.type === AST_NODE_TYPES.MemberExpression) {
      const name = memberName(current);
      if (name === undefined) return undefined;
      members.unshift(name);
      current = current.object;
    }
    if (current.type !== AST_NODE_TYPES.Identifier) return undefined;
    const binding = this.resolveIdentifier(current);
    if (!binding) return undefined;
    const path = binding.imported === "*" ? members : [binding.imported, ...members];
    if (path.length === 0) return undefined; // the namespace object itself
    return { binding, path };
  }

  /**
   * Does `node` refer to the export path (e.g. ["schedules", "task"]) of a module accepted by
   * `acceptSource` (default: any `@trigger.dev/*` module)?
   */
  matches(node: TSESTree.Node, path: readonly string[], acceptSource: (source: string) => boolean = () => true): boolean {
    const reference = this.resolve(node);
    if (!reference || reference.path.length !== path.length) return false;
    return reference.path.every((part, index) => part === path[index]) && acceptSource(reference.binding.source);
  }

  /** The local name under which `exported` from `source` is already imported as a value, if any. */
  localNameOf(exported: string, acceptSource: (source: string) => boolean): string | undefined {
    for (const binding of this.bindings) {
      if (binding.imported === exported && acceptSource(binding.source)) return binding.local;
    }
    return undefined;
  }
}

function memberName(node: TSESTree.MemberExpression): string | undefined {
  if (!node.computed && node.property.type === AST_NODE_TYPES.Identifier) return node.property.name;
  if (node.computed && node.property.type === AST_NODE_TYPES.Literal && typeof node.property.value === "string") return node.property.value;
  return undefined;
}

function collectFromStatement(statement: TSESTree.ProgramStatement, bindings: TriggerBinding[], declarations: TSESTree.ImportDeclaration[]): void {
  if (statement.type === AST_NODE_TYPES.ImportDeclaration) {
    const source = statement.source.value;
    if (!isTriggerDevSource(source)) return;
    declarations.push(statement);
    if (statement.importKind === "type") return; // `import type { task }` binds no value
    for (const specifier of statement.specifiers) {
      if (specifier.type === AST_NODE_TYPES.ImportSpecifier) {
        if (specifier.importKind === "type") continue;
        const imported = specifier.imported.type === AST_NODE_TYPES.Identifier ? specifier.imported.name : specifier.imported.value;
        bindings.push({ source, imported, local: specifier.local.name, declaration: statement, node: specifier });
      } else if (specifier.type === AST_NODE_TYPES.ImportNamespaceSpecifier) {
        bindings.push({ source, imported: "*", local: specifier.local.name, declaration: statement, node: specifier });
      } else {
        bindings.push({ source, imported: "default", local: specifier.local.name, declaration: statement, node: specifier });
      }
    }
    return;
  }
  const declaration =
    statement.type === AST_NODE_TYPES.VariableDeclaration
      ? statement
      : statement.type === AST_NODE_TYPES.ExportNamedDeclaration && statement.declaration?.type === AST_NODE_TYPES.VariableDeclaration
        ? statement.declaration
        : undefined;
  if (!declaration) return;
  for (const declarator of declaration.declarations) {
    const source = requiredSource(declarator.init);
    if (source === undefined || !isTriggerDevSource(source)) continue;
    if (declarator.id.type === AST_NODE_TYPES.Identifier) {
      bindings.push({ source, imported: "*", local: declarator.id.name, declaration: declarator, node: declarator.id });
    } else if (declarator.id.type === AST_NODE_TYPES.ObjectPattern) {
      for (const property of declarator.id.properties) {
        if (property.type !== AST_NODE_TYPES.Property) continue;
        const imported = property.key.type === AST_NODE_TYPES.Identifier ? property.key.name : property.key.type === AST_NODE_TYPES.Literal ? String(property.key.value) : undefined;
        const value = property.value.type === AST_NODE_TYPES.AssignmentPattern ? property.value.left : property.value;
        if (imported === undefined || value.type !== AST_NODE_TYPES.Identifier) continue;
        bindings.push({ source, imported, local: value.name, declaration: declarator, node: value });
      }
    }
  }
}

/** `require("x")`, `await import("x")` -> "x". */
function requiredSource(init: TSESTree.Expression | null): string | undefined {
  let node = init;
  if (node?.type === AST_NODE_TYPES.AwaitExpression) node = node.argument;
  if (node?.type === AST_NODE_TYPES.ImportExpression) {
    return node.source.type === AST_NODE_TYPES.Literal && typeof node.source.value === "string" ? node.source.value : undefined;
  }
  if (node?.type !== AST_NODE_TYPES.CallExpression) return undefined;
  if (node.callee.type !== AST_NODE_TYPES.Identifier || node.callee.name !== "require") return undefined;
  const [argument] = node.arguments;
  return argument?.type === AST_NODE_TYPES.Literal && typeof argument.value === "string" ? argument.value : undefined;
}
