/**
 * v2 integration clients -> official SDK clients, where the catalog knows the mapping
 * (OFFICIAL_CLIENTS): `import { OpenAI } from "@trigger.dev/openai"` + `new OpenAI({ id, apiKey })`
 * becomes `import OpenAI from "openai"` + `new OpenAI({ apiKey })`, wherever it is constructed
 * (a job file or a shared `integrations.ts`). Only when every use of the imported class is such a
 * construction with options the official client takes: otherwise nothing changes and the io
 * rewrite keeps its TODOs. Planned first (read-only), so the io rewrite can tell which variables
 * will hold an official client; applied afterwards.
 */
import type { ASTPath, Collection, JSCodeshift } from "jscodeshift";
import { officialClientFor, type OfficialClient } from "../../catalog/io.js";
import { normalizeTriggerSource, triggerSourceParts, V2_PACKAGE_REPLACEMENTS } from "../../catalog/packages.js";
import { type AstNode, isObjectProperty, isReferenceIdentifier, memberPropertyName, propertyName } from "../ast-helpers.js";
import { importDeclarations, importedName, importSource, isTypeOnly, liftDirectives, localName, programBody } from "../import-editing.js";
import type { CodemodImportTracker } from "../import-tracker.js";
import { parseSnippet } from "../parsed-snippets.js";
import { sourceOf } from "../snippets.js";
import { dispatchTable, findPaths, IDENTIFIER_DISPATCH } from "../tree-walk.js";

/** `visitMemberExpression`'s dispatch (optional and JSX member expressions included). */
const MEMBER_DISPATCH = dispatchTable(["MemberExpression"]);

export interface IntegrationClientPlan {
  /** Top-level variables that will hold an official client: variable name -> v2 package. */
  readonly officialClients: ReadonlyMap<string, string>;
  /** Rewrites the imports and constructions; true when anything changed. */
  apply(): boolean;
}

interface Conversion {
  v2Package: string;
  officialPackage: string;
  client: OfficialClient;
  declaration: AstNode;
  specifier: AstNode;
  local: string;
  constructions: AstNode[];
  /** `x.native` members of the variables constructed here (v2's handle on the official client). */
  nativeMembers: ASTPath[];
}

export function planIntegrationClients(j: JSCodeshift, root: Collection, program: AstNode, tracker: CodemodImportTracker): IntegrationClientPlan {
  const conversions: Conversion[] = [];
  const officialClients = new Map<string, string>();
  for (const declaration of importDeclarations(program)) {
    const source = importSource(declaration);
    // Deno's `npm:@trigger.dev/openai@2.3.18` is the same package; its replacement keeps the `npm:` prefix.
    const v2Package = source === undefined ? undefined : normalizeTriggerSource(source);
    const client = v2Package === undefined ? undefined : officialClientFor(v2Package);
    const replacement = v2Package === undefined ? undefined : V2_PACKAGE_REPLACEMENTS[v2Package];
    if (!source || !v2Package || !client || !replacement || isTypeOnly(declaration)) continue;
    const officialPackage = `${triggerSourceParts(source)?.prefix ?? ""}${replacement}`;
    for (const specifier of (declaration["specifiers"] as AstNode[] | undefined) ?? []) {
      if (specifier.type !== "ImportSpecifier" || isTypeOnly(declaration, specifier) || importedName(specifier) !== client.v2Export) continue;
      const local = localName(specifier);
      const constructions = local === undefined ? undefined : convertibleConstructions(root, tracker, local, client);
      if (!local || !constructions) continue;
      const variables = constructions.map((construction) => topLevelVariableOf(construction)!);
      for (const name of variables) officialClients.set(name, v2Package);
      const nativeMembers = variables.flatMap((name) => nativeMembersOf(root, name));
      conversions.push({ v2Package, officialPackage, client, declaration, specifier, local, constructions: constructions.map((p) => p.node as unknown as AstNode), nativeMembers });
    }
  }
  return {
    officialClients,
    apply: () => {
      for (const conversion of conversions) applyConversion(j, program, conversion);
      return conversions.length > 0;
    },
  };
}

/**
 * The `new <local>({...})` paths when every reference to the imported class is one with options
 * the official client takes (or drops); undefined when any use is something else (a type, an
 * `instanceof`, options we cannot map) or there is no construction at all.
 */
function convertibleConstructions(root: Collection, tracker: CodemodImportTracker, local: string, client: OfficialClient): ASTPath[] | undefined {
  const constructions: ASTPath[] = [];
  let blocked = false;
  // `root.find(j.Identifier, { name: local })`: all found first, then checked (the checks read scopes).
  const named = findPaths(root.paths()[0] as ASTPath, IDENTIFIER_DISPATCH, (node) => Object.hasOwn(node, "name") && node["name"] === local);
  for (const path of named) {
    const node = path.node as unknown as AstNode;
    const parent = path.parent?.node as unknown as AstNode | undefined;
    if (!isReferenceIdentifier(node, parent) || !tracker.resolveIdentifier(path)) continue;
    // Only `const x = new OpenAI(...)` at the top level: a client built inline (say in a job's
    // `integrations` map, which define-job drops) would leave nothing for the calls to use.
    const construction = path.parent as ASTPath;
    if (parent?.type === "NewExpression" && parent["callee"] === node && hasMappableOptions(parent, client) && topLevelVariableOf(construction)) constructions.push(construction);
    else blocked = true;
  }
  return blocked || constructions.length === 0 ? undefined : constructions;
}

function hasMappableOptions(construction: AstNode, client: OfficialClient): boolean {
  const args = construction["arguments"] as AstNode[];
  const options = args[0];
  if (args.length !== 1 || options?.type !== "ObjectExpression") return false;
  return (options["properties"] as AstNode[]).every((property) => {
    const key = isObjectProperty(property) && !property["method"] ? propertyName(property) : undefined;
    return key !== undefined && (Object.hasOwn(client.options, key) || client.droppedOptions.includes(key));
  });
}

/** `const x = new OpenAI(...)` / `export const x = ...` at the top level -> `x`. */
function topLevelVariableOf(construction: ASTPath): string | undefined {
  const declarator = construction.parent as ASTPath | null;
  const declaratorNode = declarator?.node as unknown as AstNode | undefined;
  if (declaratorNode?.type !== "VariableDeclarator" || declaratorNode["init"] !== construction.node) return undefined;
  const id = declaratorNode["id"] as AstNode;
  let statement = declarator?.parent as ASTPath | null;
  if ((statement?.parent?.node as unknown as AstNode | undefined)?.type === "ExportNamedDeclaration") statement = statement?.parent as ASTPath | null;
  const topLevel = (statement?.parent?.node as unknown as AstNode | undefined)?.type === "Program";
  return topLevel && id.type === "Identifier" ? (id["name"] as string) : undefined;
}

/** `x.native` where `x` is the top-level variable (not a shadowing local of the same name). */
function nativeMembersOf(root: Collection, name: string): ASTPath[] {
  const found: ASTPath[] = [];
  // `root.find(j.MemberExpression)`, keeping members of an identifier `name` (read before any field is filled in: both are always there).
  const members = findPaths(root.paths()[0] as ASTPath, MEMBER_DISPATCH, (node) => {
    const object = node["object"] as AstNode;
    return object.type === "Identifier" && object["name"] === name;
  });
  for (const path of members) {
    const node = path.node as unknown as AstNode;
    if (memberPropertyName(node) !== "native") continue;
    const scope = (path.scope as { lookup(n: string): { isGlobal: boolean } | null } | null)?.lookup(name);
    if (scope?.isGlobal) found.push(path);
  }
  return found;
}

function applyConversion(j: JSCodeshift, program: AstNode, conversion: Conversion): void {
  const { client } = conversion;
  for (const construction of conversion.constructions) {
    const args = construction["arguments"] as AstNode[];
    args[0] = mappedOptions(j, args[0]!, client);
  }
  // v2's `integration.native` was the official client itself.
  for (const member of conversion.nativeMembers) member.replace(j.identifier((member.node as unknown as { object: { name: string } }).object.name));

  const specifier =
    client.importKind === "default"
      ? j.importDefaultSpecifier(j.identifier(conversion.local))
      : j.importSpecifier(j.identifier(client.className), j.identifier(conversion.local));
  const officialImport = j.importDeclaration([specifier], j.stringLiteral(conversion.officialPackage)) as unknown as AstNode;
  const body = programBody(program);
  const specifiers = conversion.declaration["specifiers"] as AstNode[];
  if (specifiers.length === 1) {
    // Same place, same comments: the official import takes the v2 import's line.
    officialImport["comments"] = conversion.declaration["comments"];
    body.splice(body.indexOf(conversion.declaration), 1, officialImport);
    return;
  }
  specifiers.splice(specifiers.indexOf(conversion.specifier), 1);
  liftDirectives(j, program);
  body.splice(body.indexOf(conversion.declaration) + 1, 0, officialImport);
}

/**
 * The official options object as text, parsed back (recast then prints it as written): the kept
 * properties in their own text, on one line or one per line as the v2 object was laid out.
 */
function mappedOptions(j: JSCodeshift, options: AstNode, client: OfficialClient): AstNode {
  const kept: string[] = [];
  for (const property of options["properties"] as AstNode[]) {
    const key = propertyName(property)!;
    if (client.droppedOptions.includes(key)) continue;
    const official = client.options[key]!;
    const value = sourceOf(j, property["value"] as AstNode);
    kept.push(official === key && property["shorthand"] ? key : `${official}: ${value}`);
  }
  const loc = options["loc"] as { start: { line: number; column: number }; end: { line: number; column: number } } | undefined;
  const first = (options["properties"] as AstNode[])[0]?.["loc"] as { start: { column: number } } | undefined;
  if (kept.length === 0) return argumentFromSource(j, "{}");
  if (!loc || !first || loc.start.line === loc.end.line) return argumentFromSource(j, `{ ${kept.join(", ")} }`);
  const indent = " ".repeat(first.start.column);
  const closing = " ".repeat(Math.max(0, loc.end.column - 1));
  return argumentFromSource(j, `{\n${kept.map((text) => `${indent}${text},`).join("\n")}\n${closing}}`);
}

/** An argument parsed in a call, untouched after parsing, so recast keeps its text (trailing comma included). */
function argumentFromSource(j: JSCodeshift, text: string): AstNode {
  const statement = ((parseSnippet(j, `f(${text});`)["program"] as AstNode)["body"] as AstNode[])[0]!;
  return ((statement["expression"] as AstNode)["arguments"] as AstNode[])[0]!;
}
