/**
 * Does a file construct a v2 `TriggerClient` or call a v2 adapter factory? The same facts
 * extract.ts reads with ts-morph, read from a raw Babel tree: when no file sends or invokes,
 * these are all the index needs, and a Babel parse costs a fraction of loading TypeScript.
 */
import { V2_ADAPTER_FACTORIES, V2_CLIENT_OPTION_KEYS } from "../catalog/exports.js";
import { isSdkSource } from "../catalog/packages.js";
import { parseRaw } from "../cli/reparse.js";
import { isNode, propertyName, walkNodes, type AstNode } from "../codemod/ast-helpers.js";

export interface V2FileKinds {
  constructsClient: boolean;
  callsAdapter: boolean;
}

interface ImportedName {
  source: string;
  imported: string;
}

/** Undefined when the file does not parse (the per-file run reports it). */
export function readV2FileKinds(text: string, path: string): V2FileKinds | undefined {
  let program: AstNode;
  try {
    program = parseRaw(text, path).program as unknown as AstNode;
  } catch {
    return undefined;
  }
  const imports = importedNames(program);
  const kinds: V2FileKinds = { constructsClient: false, callsAdapter: false };
  walkNodes(program, (node) => {
    const callee = node["callee"];
    if (!isNode(callee) || callee.type !== "Identifier") return;
    const imported = imports.get(callee["name"] as string);
    if (!imported) return;
    if (node.type === "NewExpression" && isSdkSource(imported.source) && imported.imported === "TriggerClient" && hasClientOption(node)) kinds.constructsClient = true;
    if (node.type === "CallExpression" && V2_ADAPTER_FACTORIES[imported.source]?.includes(imported.imported)) kinds.callsAdapter = true;
  });
  return kinds;
}

/** `new TriggerClient({ id, ... })`: an options object naming a v2 client option (as extract.ts requires). */
function hasClientOption(node: AstNode): boolean {
  const argument = (node["arguments"] as AstNode[] | undefined)?.[0];
  if (!argument || argument.type !== "ObjectExpression") return false;
  return (argument["properties"] as AstNode[]).some((property) => {
    if (property.type !== "ObjectProperty") return false;
    const name = propertyName(property);
    return name !== undefined && V2_CLIENT_OPTION_KEYS.includes(name);
  });
}

/** Value imports (named and default) at the top of the module, by local name. */
function importedNames(program: AstNode): Map<string, ImportedName> {
  const names = new Map<string, ImportedName>();
  for (const statement of program["body"] as AstNode[]) {
    if (statement.type !== "ImportDeclaration" || statement["importKind"] === "type") continue;
    const source = (statement["source"] as AstNode)["value"] as string;
    for (const specifier of statement["specifiers"] as AstNode[]) {
      const local = (specifier["local"] as AstNode)["name"] as string;
      if (specifier.type === "ImportDefaultSpecifier") names.set(local, { source, imported: "default" });
      else if (specifier.type === "ImportSpecifier" && specifier["importKind"] !== "type") {
        const imported = specifier["imported"] as AstNode;
        names.set(local, { source, imported: (imported["name"] ?? imported["value"]) as string });
      }
    }
  }
  return names;
}
