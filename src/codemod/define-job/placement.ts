/**
 * Puts the new `task(...)` where the job was and gives it a name: `const x = client.defineJob()`
 * keeps `x`; a bare top-level `client.defineJob(...)` statement becomes `export const <id> = ...`.
 * Top-level tasks are exported (v3 requires it); tasks elsewhere get a TODO to move them.
 */
import type { ASTPath, JSCodeshift } from "jscodeshift";
import type { AnyNode } from "./ast.js";
import type { PlannedTodo } from "./triggers.js";

export interface Placement {
  /** The path of the new call expression. */
  callPath: ASTPath;
  /** A TODO about where the task sits, if any. */
  todo?: PlannedTodo;
}

export interface PlacementOptions {
  /** The file uses import/export (else CommonJS: no `export` keyword). */
  isModule: boolean;
  /** The name for a bare statement (already allocated, unclashing). */
  name: string;
}

const MOVE_TODO: PlannedTodo = { message: "define this task at the top level of a file in your trigger directory and export it, or it is never registered", docs: "tasks" };
const EXPORT_TODO: PlannedTodo = { message: "export this task (module.exports): tasks must be exported to be registered", docs: "tasks" };

export function placeTask(j: JSCodeshift, expressionPath: ASTPath, call: AnyNode, options: PlacementOptions): Placement {
  const parentPath = expressionPath.parent as ASTPath | null;
  const parent = parentPath?.node as AnyNode | undefined;
  const grandparentPath = parentPath?.parent as ASTPath | null | undefined;
  const grandparent = grandparentPath?.node as AnyNode | undefined;

  if (parentPath && grandparentPath && parent?.type === "ExpressionStatement" && grandparent?.type === "Program") {
    const declaration = j.variableDeclaration("const", [j.variableDeclarator(j.identifier(options.name), call as unknown as Parameters<JSCodeshift["variableDeclarator"]>[1])]);
    const statement = (options.isModule ? j.exportNamedDeclaration(declaration) : declaration) as unknown as AnyNode;
    statement["comments"] = parent["comments"];
    const [statementPath] = parentPath.replace(statement) as ASTPath[];
    return { callPath: initPath(statementPath ?? parentPath, options.isModule), ...(options.isModule ? {} : { todo: EXPORT_TODO }) };
  }

  const [callPath] = expressionPath.replace(call) as ASTPath[];
  const placed = callPath ?? expressionPath;
  if (parent?.type === "VariableDeclarator" && expressionPath.name === "init") {
    const declarationPath = grandparentPath as ASTPath;
    const holder = declarationPath.parent as ASTPath | null;
    const holderType = (holder?.node as AnyNode | undefined)?.type;
    if (holderType === "ExportNamedDeclaration") return { callPath: placed };
    if (holderType !== "Program" || !holder) return { callPath: placed, todo: MOVE_TODO };
    if (!options.isModule) {
      const name = (parent["id"] as AnyNode | undefined)?.["name"];
      return typeof name === "string" && commonJsExports(holder.node as unknown as AnyNode).has(name) ? { callPath: placed } : { callPath: placed, todo: EXPORT_TODO };
    }
    const declaration = declarationPath.node as unknown as AnyNode;
    const exported = j.exportNamedDeclaration(declaration as unknown as Parameters<JSCodeshift["exportNamedDeclaration"]>[0]) as unknown as AnyNode;
    exported["comments"] = declaration["comments"];
    declaration["comments"] = null;
    const index = (declaration["declarations"] as unknown[]).indexOf(parent);
    const [exportPath] = declarationPath.replace(exported) as ASTPath[];
    // Fresh paths: the old ones still lead to the declaration, not to the export around it.
    return { callPath: exportPath ? (exportPath.get("declaration", "declarations", index, "init") as ASTPath) : placed };
  }
  if (parent?.type === "ExportDefaultDeclaration") return { callPath: placed };
  return { callPath: placed, todo: MOVE_TODO };
}

function initPath(statementPath: ASTPath, exported: boolean): ASTPath {
  return (exported ? statementPath.get("declaration", "declarations", 0, "init") : statementPath.get("declarations", 0, "init")) as ASTPath;
}

/** `const x = <job>` (through `as`/`!`/parentheses): the job keeps the variable's name. */
export function isAssignedToVariable(jobPath: ASTPath): boolean {
  let current: ASTPath = jobPath;
  let parent = current.parent as ASTPath | null;
  while (parent && ["TSAsExpression", "TSSatisfiesExpression", "TSNonNullExpression", "ParenthesizedExpression"].includes((parent.node as unknown as AnyNode).type)) {
    current = parent;
    parent = current.parent as ASTPath | null;
  }
  const declarator = parent?.node as unknown as AnyNode | undefined;
  return declarator?.type === "VariableDeclarator" && declarator["init"] === current.node && (declarator["id"] as AnyNode).type === "Identifier";
}

/**
 * Names a CommonJS file exports by name at the top level: `module.exports = { x, y: x }`,
 * `module.exports.x = x`, `exports.x = x` (a task held that way is registered: no export TODO).
 */
function commonJsExports(program: AnyNode): Set<string> {
  const names = new Set<string>();
  for (const statement of (program["body"] as AnyNode[] | undefined) ?? []) {
    const assignment = statement.type === "ExpressionStatement" ? (statement["expression"] as AnyNode) : undefined;
    if (assignment?.type !== "AssignmentExpression" || assignment["operator"] !== "=") continue;
    const target = memberPath(assignment["left"] as AnyNode);
    const value = assignment["right"] as AnyNode;
    if (target === "module.exports" && value.type === "ObjectExpression") {
      for (const property of (value["properties"] as AnyNode[]) ?? []) {
        const exported = (property["value"] as AnyNode | undefined)?.type === "Identifier" ? ((property["value"] as AnyNode)["name"] as string) : undefined;
        if (exported && (property.type === "ObjectProperty" || property.type === "Property")) names.add(exported);
      }
    } else if (target && /^(?:module\.)?exports\.[\w$]+$/.test(target) && value.type === "Identifier") names.add(value["name"] as string);
  }
  return names;
}

/** `a.b.c` for a chain of identifiers and non-computed members, else undefined. */
function memberPath(node: AnyNode): string | undefined {
  if (node.type === "Identifier") return node["name"] as string;
  if (node.type !== "MemberExpression" || node["computed"]) return undefined;
  const object = memberPath(node["object"] as AnyNode);
  const property = node["property"] as AnyNode;
  return object && property.type === "Identifier" ? `${object}.${String(property["name"])}` : undefined;
}
