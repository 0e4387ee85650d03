/**
 * Finds v2 job definitions and the `io` parameter of their `run`: `x.defineJob({...})`,
 * `new Job(client, {...})` and `new Job({...})`. An options object counts when it has every
 * v2-required key, or when its `trigger` is a call to a v2 trigger factory imported from the SDK.
 * The io binding is the run function's second parameter, never the bare name `io`.
 */
import type { ASTPath, Collection, JSCodeshift } from "jscodeshift";
import { V2_JOB_REQUIRED_KEYS, V2_TRIGGER_FACTORIES } from "../../catalog/exports.js";
import { isSdkSource } from "../../catalog/packages.js";
import { type AstNode, findProperty, isNode, propertyFunction, propertyName } from "../ast-helpers.js";
import type { CodemodImportTracker } from "../import-tracker.js";

export interface V2Job {
  /** Path of the `run` function (arrow, function expression or method). */
  run: ASTPath;
  /** Local name of the run's second parameter. */
  ioName: string;
  /** `integrations: { key: value }`: io key -> the value's identifier name (undefined when not an identifier). */
  integrations: ReadonlyMap<string, string | undefined>;
}

/** Every v2 job in the file whose run has an identifier `io` parameter (one walk of the tree). */
export function findV2Jobs(j: JSCodeshift, root: Collection, tracker: CodemodImportTracker): V2Job[] {
  const jobs: V2Job[] = [];
  const consider = (path: ASTPath, objectArgumentIndex: number | undefined): void => {
    if (objectArgumentIndex === undefined) return;
    const optionsPath = path.get("arguments", objectArgumentIndex) as ASTPath;
    const job = v2JobFromOptions(optionsPath, tracker, isJobConstructor(path, tracker));
    if (job) jobs.push(job);
  };
  j.types.visit(root.get(), {
    visitCallExpression(path) {
      const node = path.node as unknown as AstNode;
      const callee = node["callee"] as AstNode;
      const isDefineJob = (callee.type === "MemberExpression" || callee.type === "OptionalMemberExpression") && !callee["computed"] && (callee["property"] as AstNode)["name"] === "defineJob";
      if (isDefineJob) consider(path as unknown as ASTPath, objectArgument(node, 0));
      this.traverse(path);
    },
    visitNewExpression(path) {
      const node = path.node as unknown as AstNode;
      const callee = node["callee"] as AstNode;
      if (callee.type === "Identifier") {
        const args = node["arguments"] as AstNode[];
        // `new Job(client, {...})` (<= 2.2) or `new Job({...})` (2.3)
        consider(path as unknown as ASTPath, args.length >= 2 ? objectArgument(node, 1) : objectArgument(node, 0));
      }
      this.traverse(path);
    },
  });
  return jobs;
}

function objectArgument(call: AstNode, index: number): number | undefined {
  const argument = (call["arguments"] as AstNode[])[index];
  return argument?.type === "ObjectExpression" ? index : undefined;
}

function isJobConstructor(path: ASTPath, tracker: CodemodImportTracker): boolean {
  if ((path.node as unknown as AstNode).type !== "NewExpression") return false;
  const binding = tracker.resolveIdentifier(path.get("callee") as ASTPath);
  return binding !== undefined && binding.imported === "Job";
}

function v2JobFromOptions(optionsPath: ASTPath, tracker: CodemodImportTracker, tracedJob: boolean): V2Job | undefined {
  const options = optionsPath.node as unknown as AstNode;
  if (!tracedJob && !hasV2Shape(optionsPath, tracker)) return undefined;
  const properties = options["properties"] as AstNode[];
  const runIndex = properties.findIndex((p) => propertyName(p) === "run");
  if (runIndex === -1) return undefined;
  const runProperty = properties[runIndex]!;
  const fn = propertyFunction(runProperty);
  if (!fn) return undefined;
  const propertyPath = optionsPath.get("properties", runIndex) as ASTPath;
  const run = fn === runProperty ? propertyPath : (propertyPath.get("value") as ASTPath);
  const ioParam = (fn["params"] as AstNode[])[1];
  if (!ioParam || ioParam.type !== "Identifier") return undefined;
  return { run, ioName: ioParam["name"] as string, integrations: integrationMap(options) };
}

function hasV2Shape(optionsPath: ASTPath, tracker: CodemodImportTracker): boolean {
  const options = optionsPath.node as unknown as AstNode;
  if (V2_JOB_REQUIRED_KEYS.every((key) => findProperty(options, key) !== undefined)) return true;
  const properties = options["properties"] as AstNode[];
  const triggerIndex = properties.findIndex((p) => propertyName(p) === "trigger");
  const trigger = properties[triggerIndex];
  if (!trigger || !isNode(trigger["value"]) || (trigger["value"] as AstNode).type !== "CallExpression") return false;
  const callee = optionsPath.get("properties", triggerIndex, "value", "callee") as ASTPath;
  const reference = tracker.resolve(callee);
  return (
    reference !== undefined &&
    isSdkSource(reference.binding.source) &&
    reference.path.length === 1 &&
    (V2_TRIGGER_FACTORIES as readonly string[]).includes(reference.path[0]!)
  );
}

function integrationMap(options: AstNode): Map<string, string | undefined> {
  const map = new Map<string, string | undefined>();
  const integrations = findProperty(options, "integrations");
  const value = integrations?.["value"];
  if (!isNode(value) || value.type !== "ObjectExpression") return map;
  for (const property of value["properties"] as AstNode[]) {
    const key = propertyName(property);
    if (key === undefined) continue;
    const bound = property["value"];
    map.set(key, isNode(bound) && bound.type === "Identifier" ? (bound["name"] as string) : undefined);
  }
  return map;
}
