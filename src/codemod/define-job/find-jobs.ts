/**
 * One walk over the file: candidate job expressions (`x.defineJob(...)`, `new Job(...)`) plus the
 * facts the conversion needs (top-level definitions, import sources, every name in use). Whether
 * a candidate really is a v2 job is decided by `v2JobSiteOf` (src/codemod/v2-jobs.ts), the rules
 * every transform shares.
 */
import type { ASTNode, ASTPath, JSCodeshift } from "jscodeshift";
import { type FileFacts, fileFactsOf, isV2JobCandidate } from "../v2-jobs.js";
import { type AnyNode, identifierName } from "./ast.js";

export interface FileScan extends FileFacts {
  candidates: ASTPath[];
  /** Names declared at the top level (imports, variables, functions, classes): new names avoid them. */
  topLevelNames: Set<string>;
  /** The file has import/export statements (else a CommonJS file must not get `export`). */
  isModule: boolean;
}

export function scanFile(j: JSCodeshift, root: ReturnType<JSCodeshift>): FileScan {
  const facts = fileFactsOf(root);
  const scan: FileScan = { candidates: [], topLevelNames: new Set(facts.importSources.keys()), ...facts, isModule: false };
  const file = root.paths()[0];
  if (!file) return scan;
  // ast-types accepts a NodePath here (its typings say node): paths keep their scopes for the tracker.
  j.types.visit(file as unknown as ASTNode, {
    visitImportDeclaration(path) {
      scan.isModule = true;
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
      if (name && isTopLevel(path)) scan.topLevelNames.add(name);
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
      if (isV2JobCandidate(path.node as unknown as AnyNode)) scan.candidates.push(path as ASTPath);
      this.traverse(path);
    },
    visitNewExpression(path) {
      if (isV2JobCandidate(path.node as unknown as AnyNode)) scan.candidates.push(path as ASTPath);
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
