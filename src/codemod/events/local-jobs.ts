/**
 * The v2 jobs of the file being transformed, read from the jscodeshift tree: what the events
 * transform needs when no project index is given (same-file listeners) and, in every mode, the
 * `eventTrigger` options and `run` function for the filter guard. Which calls are v2 jobs is
 * decided by `findV2JobSites` (src/codemod/v2-jobs.ts), the rules io and define-job use too;
 * names follow define-job's: the variable the job is assigned to (for
 * `const x = new Job({...}).attachToClient(client)` that is `x`), else one allocated from the id.
 */
import type { ASTPath, Collection, JSCodeshift } from "jscodeshift";
import { isSdkSource } from "../../catalog/packages.js";
import { type AstNode, findProperty, isNode, literalValue, propertyName, unwrapExpression } from "../ast-helpers.js";
import { camelCaseName, NameAllocator, normalizedTaskId } from "../define-job/naming.js";
import type { CodemodImportTracker } from "../import-tracker.js";
import { findV2JobSites } from "../v2-jobs.js";

export interface LocalJob {
  exportName: string;
  taskId: string;
  /** Event names when the trigger is a traced `eventTrigger` with literal names. */
  events: string[];
  /** The `eventTrigger({...})` options object, when the trigger is one. */
  eventOptions?: ASTPath;
  /** The `run` function (arrow, function expression or object method). */
  run?: ASTPath;
  /** The binding the job is assigned to (`const x = client.defineJob(...)`). */
  bindingName?: string;
}

export function findLocalJobs(j: JSCodeshift, root: Collection, tracker: CodemodImportTracker): LocalJob[] {
  const sites = findV2JobSites(j, root, tracker);
  if (sites.length === 0) return [];

  const allocator = new NameAllocator(topLevelNames(root));
  return sites.map(({ expressionPath, optionsPath, run }) => {
    const object = optionsPath.node as unknown as AstNode;
    const idValue = literalValue(findProperty(object, "id")?.["value"]);
    const id = typeof idValue === "string" ? idValue : undefined;
    // The whole job expression (`new Job({...}).attachToClient(c)` included): what define-job replaces.
    const bindingName = bindingNameOf(expressionPath);
    const job: LocalJob = {
      exportName: bindingName ?? allocator.allocate(camelCaseName(id === undefined ? "migrated" : normalizedTaskId(id))),
      taskId: id === undefined ? "" : normalizedTaskId(id),
      events: [],
      ...(run ? { run } : {}),
      ...(bindingName ? { bindingName } : {}),
    };
    const properties = object["properties"] as AstNode[];
    const triggerIndex = properties.findIndex((property) => propertyName(property) === "trigger" && property.type !== "ObjectMethod");
    const eventOptions = triggerIndex === -1 ? undefined : eventTriggerOptions(optionsPath.get("properties", triggerIndex, "value") as ASTPath, tracker);
    if (eventOptions) {
      job.eventOptions = eventOptions;
      job.events = eventNamesOf(findProperty(eventOptions.node as unknown as AstNode, "name")?.["value"]);
    }
    return job;
  });
}

/** `eventTrigger({...})` traced to the SDK -> the path of its options object. */
function eventTriggerOptions(triggerPath: ASTPath, tracker: CodemodImportTracker): ASTPath | undefined {
  const node = triggerPath.node as unknown as AstNode;
  if (node.type !== "CallExpression") return undefined;
  const reference = tracker.resolve(triggerPath.get("callee") as ASTPath);
  if (!reference || !isSdkSource(reference.binding.source) || reference.path.join(".") !== "eventTrigger") return undefined;
  return objectArgumentPath(triggerPath, 0);
}

export function eventNamesOf(value: unknown): string[] {
  if (!isNode(value)) return [];
  const inner = unwrapExpression(value);
  const single = literalValue(inner);
  if (typeof single === "string") return [single];
  if (inner.type === "ArrayExpression") {
    return (inner["elements"] as unknown[]).flatMap((element) => {
      const name = literalValue(element);
      return typeof name === "string" ? [name] : [];
    });
  }
  return [];
}

function objectArgumentPath(call: ASTPath, index: number): ASTPath | undefined {
  const args = (call.node as unknown as AstNode)["arguments"] as AstNode[];
  return args[index]?.type === "ObjectExpression" ? (call.get("arguments", index) as ASTPath) : undefined;
}

function bindingNameOf(call: ASTPath): string | undefined {
  let current: ASTPath = call;
  let parent = current.parent as ASTPath | null;
  while (parent && ["TSAsExpression", "TSSatisfiesExpression", "TSNonNullExpression", "ParenthesizedExpression"].includes((parent.node as unknown as AstNode).type)) {
    current = parent;
    parent = current.parent as ASTPath | null;
  }
  const declarator = parent?.node as unknown as AstNode | undefined;
  if (declarator?.type !== "VariableDeclarator" || declarator["init"] !== current.node) return undefined;
  const id = declarator["id"] as AstNode;
  return id.type === "Identifier" ? (id["name"] as string) : undefined;
}

/** Names declared at the top level of the file (imports, variables, functions, classes). */
export function topLevelNames(root: Collection): Set<string> {
  const names = new Set<string>();
  const file = root.get().node as AstNode;
  const program = file.type === "Program" ? file : (file["program"] as AstNode);
  for (const statement of program["body"] as AstNode[]) {
    const declaration = statement.type === "ExportNamedDeclaration" && isNode(statement["declaration"]) ? (statement["declaration"] as AstNode) : statement;
    if (declaration.type === "ImportDeclaration") {
      for (const specifier of (declaration["specifiers"] as AstNode[] | undefined) ?? []) names.add((specifier["local"] as AstNode)["name"] as string);
    } else if (declaration.type === "VariableDeclaration") {
      for (const declarator of declaration["declarations"] as AstNode[]) {
        const id = declarator["id"] as AstNode;
        if (id.type === "Identifier") names.add(id["name"] as string);
      }
    } else if ((declaration.type === "FunctionDeclaration" || declaration.type === "ClassDeclaration") && isNode(declaration["id"])) {
      names.add((declaration["id"] as AstNode)["name"] as string);
    }
  }
  return names;
}
