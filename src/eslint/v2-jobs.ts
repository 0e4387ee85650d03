/**
 * Recognising v2 code (clients, jobs, triggers) without type information, shared by the
 * no-define-job and no-io-object rules so that both agree on what a v2 job is.
 *
 * A v2 client is recognised by evidence, never by its name:
 * - `new TriggerClient({ id | apiKey | ... })` with TriggerClient from the SDK (the 4.5+
 *   `new TriggerClient({ accessToken })` has none of the v2 keys);
 * - a variable initialised with such a construction in this file;
 * - a variable (even one imported from a local module) on which this file calls `defineJob`
 *   with a v2-shaped argument (`id` + `name` + `version` + `trigger` + `run`).
 */
import type { TSESLint, TSESTree } from "@typescript-eslint/utils";
import { AST_NODE_TYPES, ASTUtils } from "@typescript-eslint/utils";
import { V2_CLIENT_OPTION_KEYS, V2_JOB_REQUIRED_KEYS, V2_NOTIFICATION_TRIGGERS, V2_TRIGGER_FACTORIES } from "../catalog/exports.js";
import { isSdkSource, isV2OnlyPackage } from "../catalog/packages.js";
import type { TriggerImportTracker } from "./import-tracker.js";
import { findProperty } from "./task-calls.js";

type Variable = NonNullable<ReturnType<typeof ASTUtils.findVariable>>;

const V2_TRIGGER_CALLEES: ReadonlySet<string> = new Set<string>([...V2_TRIGGER_FACTORIES, ...V2_NOTIFICATION_TRIGGERS]);

/** The name of a non-computed (or string-literal computed) member access. */
export function staticMemberName(node: TSESTree.MemberExpression): string | undefined {
  if (!node.computed && node.property.type === AST_NODE_TYPES.Identifier) return node.property.name;
  if (node.computed && node.property.type === AST_NODE_TYPES.Literal && typeof node.property.value === "string") return node.property.value;
  return undefined;
}

/** True when a `new X(...)` passes an object literal with at least one v2-only client option. */
export function hasV2ClientOptions(node: TSESTree.NewExpression): boolean {
  const [options] = node.arguments;
  if (options?.type !== AST_NODE_TYPES.ObjectExpression) return false;
  return V2_CLIENT_OPTION_KEYS.some((key) => findProperty(options, key) !== undefined);
}

/** An object literal with every key a v2 `defineJob` argument requires. */
export function hasV2JobShape(node: TSESTree.Node | undefined): boolean {
  if (node?.type !== AST_NODE_TYPES.ObjectExpression) return false;
  return V2_JOB_REQUIRED_KEYS.every((key) => findProperty(node, key) !== undefined);
}

/** The variable an identifier refers to, through scope analysis. */
function variableOf(sourceCode: Readonly<TSESLint.SourceCode>, node: TSESTree.Identifier): Variable | undefined {
  return ASTUtils.findVariable(sourceCode.getScope(node), node.name) ?? undefined;
}

/** The initialiser of a `const x = ...` variable (undefined for params, imports, ...). */
function initOf(variable: Variable): TSESTree.Expression | undefined {
  for (const def of variable.defs) {
    if (def.type === "Variable" && def.node.id.type === AST_NODE_TYPES.Identifier && def.node.init) return def.node.init;
  }
  return undefined;
}

/** Answers "is this a v2 client / job / trigger?" for one file; caches per variable. */
export class V2Recognizer {
  private readonly clientVariables = new Map<Variable, boolean>();

  constructor(
    private readonly sourceCode: Readonly<TSESLint.SourceCode>,
    private readonly tracker: TriggerImportTracker,
  ) {}

  /** `new TriggerClient({ id, ... })` with TriggerClient traced to the SDK. */
  isV2ClientConstruction(node: TSESTree.Node): node is TSESTree.NewExpression {
    return node.type === AST_NODE_TYPES.NewExpression && this.tracker.matches(node.callee, ["TriggerClient"], isSdkSource) && hasV2ClientOptions(node);
  }

  /** `new Job(...)` with Job traced to the SDK. */
  isNewJob(node: TSESTree.Node): node is TSESTree.NewExpression {
    return node.type === AST_NODE_TYPES.NewExpression && this.tracker.matches(node.callee, ["Job"], isSdkSource);
  }

  /** Is this expression a v2 client (see the file comment for the evidence accepted)? */
  isV2Client(node: TSESTree.Node): boolean {
    const expression = node.type === AST_NODE_TYPES.TSNonNullExpression ? node.expression : node;
    if (this.isV2ClientConstruction(expression)) return true;
    if (expression.type !== AST_NODE_TYPES.Identifier) return false;
    const variable = variableOf(this.sourceCode, expression);
    if (!variable) return false;
    let known = this.clientVariables.get(variable);
    if (known === undefined) {
      known = this.isV2ClientVariable(variable);
      this.clientVariables.set(variable, known);
    }
    return known;
  }

  private isV2ClientVariable(variable: Variable): boolean {
    const init = initOf(variable);
    if (init && this.isV2ClientConstruction(init)) return true;
    return variable.references.some((reference) => {
      const member = reference.identifier.parent;
      if (member?.type !== AST_NODE_TYPES.MemberExpression || member.object !== reference.identifier || staticMemberName(member) !== "defineJob") return false;
      const call = member.parent;
      return call?.type === AST_NODE_TYPES.CallExpression && call.callee === member && hasV2JobShape(call.arguments[0]);
    });
  }

  /**
   * A v2 trigger: `eventTrigger(...)`/`cronTrigger(...)`/... traced to the SDK, a call on
   * anything imported from a v2-only package, or a call on a v2 integration instance
   * (`github.triggers.repo(...)` where `const github = new Github({ id })`).
   */
  isV2TriggerCall(node: TSESTree.Node | undefined): boolean {
    if (node?.type !== AST_NODE_TYPES.CallExpression) return false;
    const reference = this.tracker.resolve(node.callee);
    if (reference) {
      if (isV2OnlyPackage(reference.binding.source)) return true;
      return isSdkSource(reference.binding.source) && reference.path.length === 1 && V2_TRIGGER_CALLEES.has(reference.path[0]!);
    }
    let root: TSESTree.Node = node.callee;
    while (root.type === AST_NODE_TYPES.MemberExpression) root = root.object;
    if (root.type !== AST_NODE_TYPES.Identifier) return false;
    const variable = variableOf(this.sourceCode, root);
    const init = variable && initOf(variable);
    if (init?.type !== AST_NODE_TYPES.NewExpression) return false;
    const constructed = this.tracker.resolve(init.callee);
    return constructed !== undefined && isV2OnlyPackage(constructed.binding.source);
  }

  /** `x.defineJob(arg)` where x is a v2 client, or arg is v2-shaped, or arg's trigger is v2. */
  isV2DefineJobCall(call: TSESTree.CallExpression): boolean {
    const callee = call.callee;
    if (callee.type !== AST_NODE_TYPES.MemberExpression || staticMemberName(callee) !== "defineJob") return false;
    const [options] = call.arguments;
    if (hasV2JobShape(options)) return true;
    if (options?.type === AST_NODE_TYPES.ObjectExpression && this.isV2TriggerCall(findProperty(options, "trigger")?.value)) return true;
    return this.isV2Client(callee.object);
  }

  /** The options object literal of a v2 job (`client.defineJob({...})`, `new Job({...})`, `new Job(client, {...})`). */
  v2JobOptions(node: TSESTree.CallExpression | TSESTree.NewExpression): TSESTree.ObjectExpression | undefined {
    if (node.type === AST_NODE_TYPES.CallExpression) {
      const [options] = node.arguments;
      return options?.type === AST_NODE_TYPES.ObjectExpression && this.isV2DefineJobCall(node) ? options : undefined;
    }
    if (!this.isNewJob(node)) return undefined;
    // SDK <= 2.2: new Job(client, options); 2.3: new Job(options).
    return node.arguments.slice(0, 2).find((argument): argument is TSESTree.ObjectExpression => argument.type === AST_NODE_TYPES.ObjectExpression);
  }
}

/** Files worth analysing for v2 jobs: Trigger.dev bindings, or a `.defineJob` call to shape-check. */
export function mayContainV2Jobs(sourceCode: Readonly<TSESLint.SourceCode>, tracker: TriggerImportTracker): boolean {
  return tracker.hasBindings || sourceCode.text.includes(".defineJob");
}
