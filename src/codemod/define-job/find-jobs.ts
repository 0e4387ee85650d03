/**
 * One walk over the file: candidate job expressions (`x.defineJob(...)`, `new Job(...)`) plus the
 * facts the conversion needs (top-level definitions, import sources, every name in use), then
 * the check that a candidate really is a v2 job: never by the receiver's name, always by shape.
 */
import type { ASTNode, ASTPath, JSCodeshift } from "jscodeshift";
import { V2_JOB_REQUIRED_KEYS } from "../../catalog/exports.js";
import { isSdkSource } from "../../catalog/packages.js";
import type { CodemodImportTracker } from "../import-tracker.js";
import { type AnyNode, child, children, identifierName, memberName, propertyName, stringValue, unwrap } from "./ast.js";
import type { FileFacts } from "./triggers.js";

export interface FileScan extends FileFacts {
  candidates: ASTPath[];
  /** Names declared at the top level (imports, variables, functions, classes): new names avoid them. */
  topLevelNames: Set<string>;
  /** The file has import/export statements (else a CommonJS file must not get `export`). */
  isModule: boolean;
}

const JOB_CLASS = "Job";

export function scanFile(j: JSCodeshift, root: ReturnType<JSCodeshift>): FileScan {
  const scan: FileScan = { candidates: [], topLevelNames: new Set(), definitions: new Map(), importSources: new Map(), isModule: false };
  const file = root.paths()[0];
  if (!file) return scan;
  // ast-types accepts a NodePath here (its typings say node): paths keep their scopes for the tracker.
  j.types.visit(file as unknown as ASTNode, {
    visitImportDeclaration(path) {
      scan.isModule = true;
      const node = path.node as unknown as AnyNode;
      const source = stringValue(child(node, "source"));
      for (const specifier of children(node, "specifiers")) {
        const local = identifierName(child(specifier, "local"));
        if (local) scan.topLevelNames.add(local);
        if (local && source !== undefined) scan.importSources.set(local, source);
      }
      this.traverse(path);
    },
    visitExportNamedDeclaration(path) {
      scan.isModule = true;
      this.traverse(path);
    },
    visitExportDefaultDeclaration(path) {
      scan.isModule = true;
      this.traverse(path);
    },
    visitVariableDeclarator(path) {
      const name = identifierName(path.node.id as unknown as AnyNode);
      if (name && isTopLevel(path)) {
        scan.topLevelNames.add(name);
        if (path.node.init) scan.definitions.set(name, path.get("init") as ASTPath);
      }
      this.traverse(path);
    },
    visitFunctionDeclaration(path) {
      const name = identifierName(path.node.id as unknown as AnyNode);
      if (name && isStatementOfProgram(path)) scan.topLevelNames.add(name);
      this.traverse(path);
    },
    visitClassDeclaration(path) {
      const name = identifierName(path.node.id as unknown as AnyNode);
      if (name && isStatementOfProgram(path)) scan.topLevelNames.add(name);
      this.traverse(path);
    },
    visitCallExpression(path) {
      const callee = unwrap(path.node.callee as unknown as AnyNode);
      if ((callee?.type === "MemberExpression" || callee?.type === "OptionalMemberExpression") && memberName(callee) === "defineJob") scan.candidates.push(path as ASTPath);
      this.traverse(path);
    },
    visitNewExpression(path) {
      if ((path.node.callee as unknown as AnyNode).type === "Identifier") scan.candidates.push(path as ASTPath);
      this.traverse(path);
    },
  });
  return scan;
}

/** A declaration directly in the program body, or exported from it. */
function isStatementOfProgram(path: ASTPath): boolean {
  let parent = path.parent as ASTPath | null;
  if ((parent?.node as AnyNode | undefined)?.type === "ExportNamedDeclaration" || (parent?.node as AnyNode | undefined)?.type === "ExportDefaultDeclaration") parent = parent?.parent as ASTPath | null;
  return (parent?.node as AnyNode | undefined)?.type === "Program";
}

function isTopLevel(declaratorPath: ASTPath): boolean {
  let statement = declaratorPath.parent as ASTPath | null;
  if ((statement?.parent?.node as AnyNode | undefined)?.type === "ExportNamedDeclaration") statement = statement?.parent as ASTPath | null;
  return (statement?.parent?.node as AnyNode | undefined)?.type === "Program";
}

export interface JobSite {
  /** The expression the task replaces (`new Job({...}).attachToClient(c)` as a whole). */
  expressionPath: ASTPath;
  optionsPath: ASTPath;
}

/**
 * A v2 job when the options literal has `id`, `trigger` and `run` and either every v2 required
 * key (`name`, `version` too) or a trigger traced to a v2 factory. `new X(...)` must also be the
 * SDK's `Job` class (traced, or at least named `Job` with the full v2 shape).
 */
export function jobSiteOf(path: ASTPath, tracker: CodemodImportTracker, facts: FileFacts, triggerIsTraced: (optionsPath: ASTPath) => boolean): JobSite | undefined {
  const node = path.node as unknown as AnyNode;
  const args = children(node, "arguments");
  const last = args.at(-1);
  if (last?.type !== "ObjectExpression") return undefined;
  const optionsPath = path.get("arguments", args.length - 1) as ASTPath;
  const keys = new Set(children(last, "properties").map(propertyName));
  if (!["id", "trigger", "run"].every((k) => keys.has(k))) return undefined;
  const fullShape = V2_JOB_REQUIRED_KEYS.every((k) => keys.has(k));

  if (node.type === "NewExpression") {
    if (args.length > 2) return undefined;
    const calleePath = path.get("callee") as ASTPath;
    const reference = tracker.resolve(calleePath);
    const calleeName = identifierName(node["callee"] as AnyNode);
    const traced = reference
      ? reference.path.length === 1 && reference.path[0] === JOB_CLASS && isSdkSource(reference.binding.source)
      : calleeName === JOB_CLASS && /@trigger\.dev\/sdk/.test(facts.importSources.get(JOB_CLASS) ?? "");
    if (!traced && !(calleeName === JOB_CLASS && fullShape)) return undefined;
    return { expressionPath: attachToClientCall(path) ?? path, optionsPath };
  }
  if (args.length !== 1) return undefined;
  if (!fullShape && !triggerIsTraced(optionsPath)) return undefined;
  return { expressionPath: path, optionsPath };
}

/** `new Job({...}).attachToClient(client)`: the whole call, which returned the job. */
function attachToClientCall(newPath: ASTPath): ASTPath | undefined {
  const member = newPath.parent as ASTPath | null;
  const memberNode = member?.node as AnyNode | undefined;
  if (!member || memberNode?.type !== "MemberExpression" || newPath.name !== "object" || memberName(memberNode) !== "attachToClient") return undefined;
  const call = member.parent as ASTPath | null;
  return (call?.node as AnyNode | undefined)?.type === "CallExpression" && member.name === "callee" ? call ?? undefined : undefined;
}
