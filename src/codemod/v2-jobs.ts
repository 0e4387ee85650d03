/**
 * What a v2 job is, on a jscodeshift tree: the one set of rules every codemod transform uses.
 * - `<x>.defineJob({...})` with that one object literal argument, whose options have every v2
 *   required key (V2_JOB_REQUIRED_KEYS) or a `trigger` traced to a v2 SDK trigger factory;
 * - `new Job(client, {...})` (SDK <= 2.2) or `new Job({...})` (2.3), where `Job` is the SDK's
 *   (traced through the imports) or is at least named `Job` and the options have every required
 *   key; `new Job({...}).attachToClient(client)` is the job as a whole.
 * Either way the options have `id`, `trigger` and `run`. Never by the receiver's name.
 */
import type { ASTPath, Collection, JSCodeshift } from "jscodeshift";
import { V2_JOB_REQUIRED_KEYS, V2_TRIGGER_FACTORIES, type V2TriggerFactory } from "../catalog/exports.js";
import { isSdkSource } from "../catalog/packages.js";
import { type AstNode, isMemberExpression, isNode, literalValue, memberPropertyName, propertyFunction, propertyName, unwrapExpression } from "./ast-helpers.js";
import type { CodemodImportTracker } from "./import-tracker.js";
import { walkTree } from "./tree-walk.js";

/** Names a file defines at its top level: what trigger tracing follows. */
export interface FileFacts {
  /** Top-level `const name = <init>` (exported or not): the path of the init. */
  definitions: Map<string, ASTPath>;
  /** Every imported local name -> its module specifier. */
  importSources: Map<string, string>;
}

export interface V2JobSite {
  /** The `defineJob(...)` call or the `new Job(...)` expression. */
  call: ASTPath;
  /** The expression the job is (`new Job({...}).attachToClient(c)` as a whole): what a task replaces. */
  expressionPath: ASTPath;
  optionsPath: ASTPath;
  /** The `run` function (arrow, function expression or object method), when it is one. */
  run: ASTPath | undefined;
}

const JOB_CLASS = "Job";
const DEFINE_JOB = "defineJob";
/** The keys every recognised job has, whatever else proves it is v2. */
const ESSENTIAL_KEYS = ["id", "trigger", "run"];
/** How many `const a = b` hops trigger tracing follows. */
const MAX_DEFINITION_HOPS = 3;
/** `@trigger.dev/sdk`, also as `npm:@trigger.dev/sdk@2.3.18` (Deno), which the import tracker does not treat as ours. */
const SDK_SPECIFIER = /(^|[:/])@trigger\.dev\/sdk(@[^/]*)?$/;

/** The cheap syntactic test: `x.defineJob(...)` or `new Identifier(...)`. */
export function isV2JobCandidate(node: AstNode): boolean {
  if (node.type === "NewExpression") return (node["callee"] as AstNode).type === "Identifier";
  if (node.type !== "CallExpression") return false;
  const callee = unwrapExpression(node["callee"] as AstNode);
  return isMemberExpression(callee) && memberPropertyName(callee) === DEFINE_JOB;
}

/** Every v2 job in the file, in source order (one walk of the tree). */
export function findV2JobSites(j: JSCodeshift, root: Collection, tracker: CodemodImportTracker): V2JobSite[] {
  const candidates: ASTPath[] = [];
  walkTree(root.get() as ASTPath, (node, cursor) => {
    if (isV2JobCandidate(node)) candidates.push(cursor.path());
  });
  if (candidates.length === 0) return [];
  const facts = fileFactsOf(root);
  return candidates.flatMap((candidate) => v2JobSiteOf(candidate, tracker, facts) ?? []);
}

/** The job at a candidate (see isV2JobCandidate), when it is a v2 job. */
export function v2JobSiteOf(path: ASTPath, tracker: CodemodImportTracker, facts: FileFacts): V2JobSite | undefined {
  const node = path.node as unknown as AstNode;
  const args = node["arguments"] as AstNode[];
  const options = args.at(-1);
  if (options?.type !== "ObjectExpression") return undefined;
  const optionsPath = path.get("arguments", args.length - 1) as ASTPath;
  const keys = new Set((options["properties"] as AstNode[]).map((p) => propertyName(p)));
  if (!ESSENTIAL_KEYS.every((key) => keys.has(key))) return undefined;
  const fullShape = V2_JOB_REQUIRED_KEYS.every((key) => keys.has(key));

  if (node.type === "NewExpression") {
    if (args.length > 2) return undefined;
    const calleePath = path.get("callee") as ASTPath;
    const calleeName = (node["callee"] as AstNode)["name"] as string;
    const reference = tracker.resolve(calleePath);
    const traced = reference ? reference.path.length === 1 && reference.path[0] === JOB_CLASS && isSdkSource(reference.binding.source) : sdkImportName(calleeName, facts) === JOB_CLASS;
    if (!traced && !(calleeName === JOB_CLASS && fullShape)) return undefined;
    return { call: path, expressionPath: attachToClientCall(path) ?? path, optionsPath, run: runOf(optionsPath) };
  }
  if (args.length !== 1) return undefined;
  if (!fullShape && !hasTracedV2Trigger(optionsPath, tracker, facts)) return undefined;
  return { call: path, expressionPath: path, optionsPath, run: runOf(optionsPath) };
}

/** Top-level definitions and import sources, from the program's own statements (no walk). */
export function fileFactsOf(root: Collection): FileFacts {
  const facts: FileFacts = { definitions: new Map(), importSources: new Map() };
  const file = root.paths()[0] as ASTPath | undefined;
  if (!file) return facts;
  const program = (file.node as unknown as AstNode).type === "Program" ? file : (file.get("program") as ASTPath);
  const body = program.get("body") as ASTPath & { value: AstNode[] };
  body.value.forEach((statement, index) => {
    let declarationPath = body.get(index) as ASTPath;
    if (statement.type === "ImportDeclaration") {
      const source = literalValue(statement["source"]);
      for (const specifier of (statement["specifiers"] as AstNode[] | undefined) ?? []) {
        const local = specifier["local"];
        if (typeof source === "string" && isNode(local)) facts.importSources.set(local["name"] as string, source);
      }
      return;
    }
    if (statement.type === "ExportNamedDeclaration" && isNode(statement["declaration"])) declarationPath = declarationPath.get("declaration") as ASTPath;
    const declaration = declarationPath.node as unknown as AstNode;
    if (declaration.type !== "VariableDeclaration") return;
    (declaration["declarations"] as AstNode[]).forEach((declarator, i) => {
      const id = declarator["id"] as AstNode;
      if (id.type === "Identifier" && declarator["init"]) facts.definitions.set(id["name"] as string, declarationPath.get("declarations", i, "init") as ASTPath);
    });
  });
  return facts;
}

/** The v2 trigger factory a callee refers to: traced through the imports, `npm:` specifiers included. */
export function v2TriggerFactoryOf(calleePath: ASTPath, tracker: CodemodImportTracker, facts: FileFacts): V2TriggerFactory | undefined {
  const reference = tracker.resolve(calleePath);
  let name: string | undefined;
  if (reference) {
    if (reference.path.length !== 1 || !isSdkSource(reference.binding.source)) return undefined;
    name = reference.path[0];
  } else {
    const callee = calleePath.node as unknown as AstNode;
    if (callee.type !== "Identifier") return undefined;
    name = sdkImportName(callee["name"] as string, facts);
  }
  return V2_TRIGGER_FACTORIES.find((factory) => factory === name);
}

/** `local` when the file imports it from the SDK root (`npm:` specifiers included), else undefined. */
export function sdkImportName(local: string, facts: FileFacts): string | undefined {
  const source = facts.importSources.get(local);
  return source !== undefined && SDK_SPECIFIER.test(source) ? local : undefined;
}

/** Strips `(x)`, `x as T`, `x!` and `x satisfies T`, as paths. */
export function unwrapExpressionPath(path: ASTPath): ASTPath {
  let current = path;
  while (["TSAsExpression", "TSNonNullExpression", "TSSatisfiesExpression", "ParenthesizedExpression"].includes((current.node as unknown as AstNode).type)) {
    current = current.get("expression") as ASTPath;
  }
  return current;
}

/** `trigger: eventTrigger(...)`, also through `const t = eventTrigger(...)` and type wrappers. */
function hasTracedV2Trigger(optionsPath: ASTPath, tracker: CodemodImportTracker, facts: FileFacts): boolean {
  const properties = (optionsPath.node as unknown as AstNode)["properties"] as AstNode[];
  const index = properties.findIndex((p) => propertyName(p) === "trigger" && p.type !== "ObjectMethod");
  if (index === -1) return false;
  let path = unwrapExpressionPath(optionsPath.get("properties", index, "value") as ASTPath);
  for (let hops = 0; (path.node as unknown as AstNode).type === "Identifier"; hops++) {
    const definition = hops < MAX_DEFINITION_HOPS ? facts.definitions.get((path.node as unknown as AstNode)["name"] as string) : undefined;
    if (!definition) return false;
    path = unwrapExpressionPath(definition);
  }
  if ((path.node as unknown as AstNode).type !== "CallExpression") return false;
  return v2TriggerFactoryOf(path.get("callee") as ASTPath, tracker, facts) !== undefined;
}

function runOf(optionsPath: ASTPath): ASTPath | undefined {
  const properties = (optionsPath.node as unknown as AstNode)["properties"] as AstNode[];
  const index = properties.findIndex((p) => propertyName(p) === "run");
  const property = properties[index];
  const fn = property ? propertyFunction(property) : undefined;
  if (!fn) return undefined;
  const propertyPath = optionsPath.get("properties", index) as ASTPath;
  return fn === property ? propertyPath : (propertyPath.get("value") as ASTPath);
}

/** `new Job({...}).attachToClient(client)`: the whole call, which returned the job. */
function attachToClientCall(newPath: ASTPath): ASTPath | undefined {
  const member = newPath.parent as ASTPath | null;
  const memberNode = member?.node as unknown as AstNode | undefined;
  if (!member || memberNode?.type !== "MemberExpression" || newPath.name !== "object" || memberPropertyName(memberNode) !== "attachToClient") return undefined;
  const call = member.parent as ASTPath | null;
  return (call?.node as unknown as AstNode | undefined)?.type === "CallExpression" && member.name === "callee" ? call ?? undefined : undefined;
}
