/**
 * imports (runs last): makes the file's Trigger.dev imports match what the other transforms left.
 * - removes v2 specifiers nobody references any more (`eventTrigger`, `Job`, an unused
 *   `TriggerClient`, integration packages such as `@trigger.dev/openai`) and declarations left
 *   empty (side-effect imports are kept);
 * - on target 3, moves a root `@trigger.dev/sdk` import whose names are all task-API names to
 *   `@trigger.dev/sdk/v3` (the root is the v2 API on SDK 3.x);
 * - imports `task`, `wait`, `logger`, ... where the file uses them without a binding, from the
 *   target's task API path: merged into an existing import from that path, else written in place
 *   of a v2 SDK import this transform emptied (the SDK import stays where the file had it, moved
 *   to `/v3` on target 3), else added after the last `@trigger.dev/*` import (or the last import);
 * - reads Deno's `npm:@trigger.dev/sdk[@version][/v3]` as the SDK and writes new imports in that
 *   form (taskApiImportPathLike in the catalog decides the version);
 * - runs last, so it also keeps directives (`"use server"`) printing once whatever earlier
 *   transforms did to the statement list.
 *
 * Decision on `@trigger.dev/sdk/v3` with target 4: an import this transform edits anyway (it
 * merges new names into it because the file has no root import) moves to the root path in the
 * same edit; an import it does not need to touch stays as written (the `no-deprecated-v3-api`
 * lint rule's fix moves it), so already-migrated files are never rewritten for the path alone.
 * Only files that import something from `@trigger.dev/*` are touched, so a look-alike global
 * `task` or `logger` elsewhere never gets an import.
 */
import type { Collection, JSCodeshift } from "jscodeshift";
import { CODEMOD_AUTO_IMPORTS, isTaskApiExport, isV2OnlyExport } from "../src/catalog/exports.js";
import {
  isSdkSource,
  isTaskApiSource,
  isTriggerDevSource,
  isV2OnlyPackage,
  isV2SdkSource,
  normalizeTriggerSource,
  SDK_PACKAGE,
  SDK_V3_PATH,
  taskApiImportPathLike,
  type SdkMajor,
} from "../src/catalog/packages.js";
import { type AstNode, isReferenceIdentifier, walkNodes } from "../src/codemod/ast-helpers.js";
import {
  addNamedImports,
  addNamedRequires,
  removeRequiredNames,
  requireDeclarations,
  requiredNames,
  importDeclarations,
  importedName,
  importSource,
  isTypeOnly,
  liftDirectivesIfReprinted,
  localName,
  programOf,
  removeImportSpecifier,
  removeStatement,
} from "../src/codemod/import-editing.js";
import { detectQuoteStyle, toJscodeshift, type MigrationTransform } from "../src/codemod/transform.js";
import { unboundReferences } from "../src/codemod/unbound-names.js";

const AUTO_IMPORTS = new Set(CODEMOD_AUTO_IMPORTS);

export const migration: MigrationTransform = {
  name: "imports",
  description: "Adds the task API imports migrated code uses and removes v2 imports nothing uses any more",
  mightApply(source) {
    return source.includes("@trigger.dev/");
  },
  apply({ j, root, target, source }) {
    const program = programOf(root);
    const changed = updateImports(j, root, program, target, source);
    // Last transform to run: whatever earlier ones did to the statement list, directives print once.
    liftDirectivesIfReprinted(j, program);
    return changed;
  },
};

function updateImports(j: JSCodeshift, root: Collection, program: AstNode, target: SdkMajor, source: string): boolean {
  const imports = importDeclarations(program);
  const requires = requireDeclarations(program);
  const sources = [...imports.map(importSource), ...requires.map((r) => r.source)].filter((s): s is string => s !== undefined);
  if (!sources.some(isTriggerDevSource)) return false;
  // Deno files import `npm:@trigger.dev/sdk@...`: new imports are written in the same form.
  const path = taskApiImportPathLike(target, sources.find(isSdkSource) ?? sources.find(isTriggerDevSource));

  // The names a Trigger.dev require destructures are bindings, not uses.
  const requireBindings = new Set<unknown>(requires.filter((r) => isTriggerDevSource(r.source)).flatMap((r) => requiredNames(r).map((n) => n.property["value"])));
  const referenced = referenceCounts(program, requireBindings);
  const unbound = unboundAutoImports(root, referenced);

  // An SDK import left empty is kept until we know whether the new names can take its place.
  const emptied: AstNode[] = [];
  let changed = removeUnusedV2Specifiers(program, referenced, target, unbound.size > 0 ? emptied : undefined);
  if (removeUnusedV2Requires(j, program, referenced, target)) changed = true;
  if (target === 3 && moveRootImportToV3(j, program)) changed = true;
  if (unbound.size > 0) {
    const accepts = (candidate: string) => isTaskApiSource(candidate, target);
    // A CommonJS file (requires, no imports) gets a require; everything else an import.
    const names = [...unbound];
    const added =
      imports.length === 0 && requires.length > 0
        ? addNamedRequires(j, program, path, names, accepts, detectQuoteStyle(source))
        : addNamedImports(j, program, path, names, {
            acceptsSource: accepts,
            quote: detectQuoteStyle(source),
            retarget: true,
            reuse: emptied[0],
            near: isTriggerDevSource,
          });
    if (added) changed = true;
  }
  for (const declaration of emptied) {
    if (((declaration["specifiers"] as AstNode[] | undefined) ?? []).length === 0) removeStatement(program, declaration);
  }
  return changed;
}

/**
 * How often each name is referenced, over every node (not only the fields ast-types visits):
 * decorators on parameters and classes, type positions (`typeof x`, annotations) and JSX count.
 */
function referenceCounts(program: AstNode, skip: ReadonlySet<unknown>): Map<string, number> {
  const counts = new Map<string, number>();
  walkNodes(program, (node, parent) => {
    if ((node.type !== "Identifier" && node.type !== "JSXIdentifier") || skip.has(node) || !isReferenceIdentifier(node, parent)) return;
    const name = node["name"] as string;
    counts.set(name, (counts.get(name) ?? 0) + 1);
  });
  return counts;
}

/** Task-API names the code uses without any binding in scope (they need an import). */
function unboundAutoImports(root: Collection, referenced: ReadonlyMap<string, number>): Set<string> {
  const wanted = new Set([...AUTO_IMPORTS].filter((name) => referenced.has(name)));
  if (wanted.size === 0) return new Set();
  return unboundReferences(root.get().node, wanted);
}

/** A specifier we may drop when unused: everything from v2-only modules, v2 names from the SDK. */
function isV2Specifier(source: string, imported: string | undefined, target: SdkMajor): boolean {
  if (isV2OnlyPackage(source) || isV2SdkSource(source, target)) return true;
  return isSdkSource(source) && imported !== undefined && (isV2OnlyExport(imported) || imported === "TriggerClient");
}

/**
 * Removes unused v2 specifiers. With `emptied`, an SDK value import left without specifiers is
 * not removed but collected there, so the task API names can take its place in the file.
 */
function removeUnusedV2Specifiers(program: AstNode, referenced: ReadonlyMap<string, number>, target: SdkMajor, emptied?: AstNode[]): boolean {
  let changed = false;
  for (const declaration of importDeclarations(program)) {
    const source = importSource(declaration);
    if (source === undefined || !isTriggerDevSource(source)) continue;
    const keepEmpty = emptied !== undefined && isSdkSource(source) && !isTypeOnly(declaration);
    for (const specifier of [...((declaration["specifiers"] as AstNode[] | undefined) ?? [])]) {
      const local = localName(specifier);
      if (local === undefined || (referenced.get(local) ?? 0) > 0) continue;
      if (!isV2Specifier(source, importedName(specifier), target)) continue;
      if (removeImportSpecifier(program, declaration, specifier, keepEmpty)) changed = true;
    }
    if (keepEmpty && ((declaration["specifiers"] as AstNode[]).length === 0)) emptied.push(declaration);
  }
  return changed;
}

function removeUnusedV2Requires(j: JSCodeshift, program: AstNode, referenced: ReadonlyMap<string, number>, target: SdkMajor): boolean {
  let changed = false;
  for (const declaration of requireDeclarations(program)) {
    if (!isTriggerDevSource(declaration.source)) continue;
    const unused = requiredNames(declaration).filter(({ imported, local }) => (referenced.get(local) ?? 0) === 0 && isV2Specifier(declaration.source, imported, target));
    if (unused.length === 0) continue;
    removeRequiredNames(j, program, declaration, unused.map((name) => name.property));
    changed = true;
  }
  return changed;
}

/** Target 3: `import { task } from "@trigger.dev/sdk"` means v2's root; the task API lives at /v3. */
function moveRootImportToV3(j: JSCodeshift, program: AstNode): boolean {
  let changed = false;
  for (const declaration of importDeclarations(program)) {
    const source = importSource(declaration);
    if (source === undefined || normalizeTriggerSource(source) !== SDK_PACKAGE) continue;
    const specifiers = (declaration["specifiers"] as AstNode[] | undefined) ?? [];
    if (specifiers.length === 0) continue;
    const allTaskApi = specifiers.every((s) => s.type === "ImportSpecifier" && isTaskApiExport(importedName(s) ?? "", 3));
    if (!allTaskApi) continue;
    const v3 = importDeclarations(program).find(
      (d) => normalizeTriggerSource(importSource(d) ?? "") === SDK_V3_PATH && !isTypeOnly(d) === !isTypeOnly(declaration) && ((d["specifiers"] as AstNode[] | undefined) ?? []).every((s) => s.type === "ImportSpecifier"),
    );
    if (v3) {
      const existing = new Set(((v3["specifiers"] as AstNode[]) ?? []).map((s) => localName(s)));
      for (const specifier of specifiers) if (!existing.has(localName(specifier))) (v3["specifiers"] as AstNode[]).push(specifier);
      removeStatement(program, declaration);
    } else {
      declaration["source"] = j.stringLiteral(taskApiImportPathLike(3, source));
    }
    changed = true;
  }
  return changed;
}

export default toJscodeshift(migration);
