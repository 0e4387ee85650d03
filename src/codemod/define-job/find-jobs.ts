/**
 * One walk over the file: candidate job expressions (`x.defineJob(...)`, `new Job(...)`) plus the
 * facts the conversion needs (top-level definitions, import sources, every name in use). Whether
 * a candidate really is a v2 job is decided by `v2JobSiteOf` (src/codemod/v2-jobs.ts), the rules
 * every transform shares.
 */
import type { ASTPath, JSCodeshift } from "jscodeshift";
import { dispatchTable, walkTree, type WalkCursor } from "../tree-walk.js";
import { type FileFacts, fileFactsOf, isV2JobCandidate } from "../v2-jobs.js";
import { type AnyNode, identifierName } from "./ast.js";

export interface FileScan extends FileFacts {
  candidates: ASTPath[];
  /** Names declared at the top level (imports, variables, functions, classes): new names avoid them. */
  topLevelNames: Set<string>;
  /** The file has import/export statements (else a CommonJS file must not get `export`). */
  isModule: boolean;
}

/** The visitor methods the scan had, as ast-types dispatches them (subtypes included). */
const SCAN_DISPATCH = dispatchTable(["ImportDeclaration", "ExportNamedDeclaration", "ExportDefaultDeclaration", "VariableDeclarator", "FunctionDeclaration", "ClassDeclaration", "CallExpression", "NewExpression"]);

export function scanFile(j: JSCodeshift, root: ReturnType<JSCodeshift>): FileScan {
  const facts = fileFactsOf(root);
  const scan: FileScan = { candidates: [], topLevelNames: new Set(facts.importSources.keys()), ...facts, isModule: false };
  const file = root.paths()[0];
  if (!file) return scan;
  walkTree(file as ASTPath, (node, cursor) => {
    switch (SCAN_DISPATCH[node.type]) {
      case "ImportDeclaration":
      case "ExportNamedDeclaration":
      case "ExportDefaultDeclaration":
        scan.isModule = true;
        break;
      case "VariableDeclarator": {
        const name = identifierName(node["id"] as AnyNode);
        if (name && isTopLevel(cursor)) scan.topLevelNames.add(name);
        break;
      }
      case "FunctionDeclaration":
      case "ClassDeclaration": {
        const name = identifierName(node["id"] as AnyNode);
        if (name && isStatementOfProgram(cursor)) scan.topLevelNames.add(name);
        break;
      }
      case "CallExpression":
      case "NewExpression":
        if (isV2JobCandidate(node)) scan.candidates.push(cursor.path());
        break;
    }
  });
  return scan;
}

/** A declaration directly in the program body, or exported from it. */
function isStatementOfProgram(cursor: WalkCursor): boolean {
  let level = 1;
  const parent = cursor.ancestor(level)?.type;
  if (parent === "ExportNamedDeclaration" || parent === "ExportDefaultDeclaration") level++;
  return cursor.ancestor(level)?.type === "Program";
}

function isTopLevel(cursor: WalkCursor): boolean {
  // The declarator's parent is its declaration statement, maybe exported.
  let level = 2;
  if (cursor.ancestor(level)?.type === "ExportNamedDeclaration") level++;
  return cursor.ancestor(level)?.type === "Program";
}
