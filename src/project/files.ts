/**
 * Project files around the migrated code, as a plan the CLI applies (or shows with `--dry`):
 * `trigger.config.ts` when missing, the v2 client file and adapter routes removed when nothing
 * needs them any more (else reduced and marked), `package.json` with `--update-deps`, `.env*`
 * variable renames with `--update-env` (values are never read into a message).
 */
import { existsSync, readdirSync } from "node:fs";
import { basename, dirname, extname, join, resolve } from "node:path";
import { ts } from "ts-morph";
import { TRIGGER_DOCS_URLS } from "../catalog/docs.js";
import { V2_ADAPTER_FACTORIES } from "../catalog/exports.js";
import { todoComment } from "../catalog/markers.js";
import { isTriggerDevSource, type SdkMajor } from "../catalog/packages.js";
import { ENV_VAR_RENAMES } from "../catalog/tasks.js";
import type { AstNode } from "../codemod/ast-helpers.js";
import { CONFIG_FILE_NAMES, taskDirs, triggerConfigText } from "./config-file.js";
import { dropUnusedImportsOf, importSourceOf, parseModule, referenceCounts, removeRanges } from "./module-uses.js";
import { declaresV2Sdk, dependencyChanges, updateDependencies, type DependencyChanges } from "./package-json.js";
import { TsconfigLocator } from "./tsconfig.js";
import type { ProjectIndex } from "./types.js";

export interface PlannedCreate {
  path: string;
  text: string;
  reason: string;
}
export interface PlannedDelete {
  path: string;
  reason: string;
}
export interface PlannedEdit {
  path: string;
  before: string;
  after: string;
  reason: string;
  /** The text may hold secrets (`.env*`): show the reason only, never the diff. */
  sensitive?: boolean;
}

/**
 * package.json against what the task API needs: `updated` by `--update-deps` (the edit is in
 * `edits`), `pending` (left for the user), or `current` (nothing to change, or a project with no
 * v2 code or v2 dependency, which this tool has no business upgrading).
 */
export interface DependencyPlan {
  path: string;
  changes: DependencyChanges;
  state: "updated" | "pending" | "current";
}

export interface EnvRename {
  path: string;
  from: string;
  to: string;
  renamed: boolean;
}

export interface ProjectPlan {
  creates: PlannedCreate[];
  deletes: PlannedDelete[];
  edits: PlannedEdit[];
  /** v2 variable names in `.env*` files: renamed by `--update-env` (an edit), or left for the user. */
  envRenames: EnvRename[];
  /** The project's trigger.config file, when the project has jobs: created by this plan, or already there. */
  config?: { path: string; created: boolean };
  dependencies?: DependencyPlan;
}

export interface ProjectPlanInput {
  index: ProjectIndex;
  /** Every source file the CLI discovered (absolute paths). */
  files: readonly string[];
  /** A file's text after the transforms (the migrated text when changed), undefined when missing. */
  readText(path: string): string | undefined;
  target: SdkMajor;
  /** Where to look for the project root when no job tells us (usually the cwd). */
  fallbackRoot: string;
  updateDeps: boolean;
  updateEnv: boolean;
}

const ADAPTER_PACKAGES = new Set(Object.keys(V2_ADAPTER_FACTORIES));
const ADAPTER_FACTORY_NAMES = new Set(Object.values(V2_ADAPTER_FACTORIES).flat());
const CLIENT_REMOVED_TODO = "the v2 TriggerClient is gone: tasks need no client (the SDK reads TRIGGER_SECRET_KEY); remove what is left here if unused";
const ADAPTER_REMOVED_TODO = "the v2 adapter route was removed: tasks run on Trigger.dev, start them locally with npx trigger.dev@latest dev";

export function planProjectFiles(input: ProjectPlanInput): ProjectPlan {
  const plan: ProjectPlan = { creates: [], deletes: [], edits: [], envRenames: [] };
  const planned = new Map<string, string>();
  const originals = new Map<string, string | undefined>();
  const textOf = (path: string): string | undefined => {
    if (planned.has(path)) return planned.get(path);
    if (!originals.has(path)) originals.set(path, input.readText(path));
    return originals.get(path);
  };
  const edit = (path: string, text: string): void => {
    if (textOf(path) !== text) planned.set(path, text);
  };
  const reasons = new Map<string, string>();
  const deleted = new Set<string>();

  const jobFiles = [...new Set(input.index.jobs.map((job) => job.file))];
  const root = projectRoot(jobFiles[0] ?? input.fallbackRoot);

  // 1. trigger.config.ts
  const existingConfig = CONFIG_FILE_NAMES.map((name) => join(root, name)).find((path) => existsSync(path));
  if (jobFiles.length > 0 && existingConfig === undefined) {
    const path = join(root, "trigger.config.ts");
    plan.creates.push({ path, text: triggerConfigText(input.target, taskDirs(root, jobFiles)), reason: "the task API reads its settings from trigger.config.ts" });
    plan.config = { path, created: true };
  } else if (existingConfig !== undefined) {
    plan.config = { path: existingConfig, created: false };
  }

  // 2. adapter routes: gone when they only served the v2 client
  for (const file of input.index.adapterFiles) {
    const text = textOf(file);
    if (text === undefined) continue;
    const result = reduceAdapter(text, file);
    if (result === "delete") {
      deleted.add(file);
      plan.deletes.push({ path: file, reason: "v2 adapter route: the task API needs no endpoint in your app" });
    } else if (result !== undefined) {
      edit(file, result);
      reasons.set(file, "v2 adapter removed");
    }
  }

  // 3. the v2 client: unused imports of it go, then the file goes when nothing imports it
  const locator = new TsconfigLocator();
  for (const clientFile of input.index.clientFiles) {
    if (deleted.has(clientFile)) continue;
    const resolvesToClient = (from: string) => (specifier: string) => resolvesTo(specifier, from, clientFile, locator);
    const importers: string[] = [];
    for (const file of input.files) {
      if (file === clientFile || deleted.has(file)) continue;
      const text = textOf(file);
      if (text === undefined || !mightImport(text, clientFile)) continue;
      const result = dropUnusedImportsOf(text, file, resolvesToClient(file));
      if (result.text !== text) {
        edit(file, result.text);
        reasons.set(file, reasons.get(file) ?? "unused import of the v2 client removed");
      }
      if (result.stillImports) importers.push(file);
    }
    const text = textOf(clientFile);
    if (text === undefined) continue;
    const reduced = reduceClient(text, clientFile, importers.length > 0);
    if (reduced === "delete") {
      deleted.add(clientFile);
      plan.deletes.push({ path: clientFile, reason: "v2 TriggerClient: nothing imports it after the migration" });
    } else if (reduced !== undefined) {
      edit(clientFile, reduced);
      reasons.set(clientFile, importers.length > 0 ? `v2 TriggerClient still imported by ${importers.length} file(s): marked` : "v2 TriggerClient removed");
    }
  }

  // 4. package.json
  const manifestPath = join(root, "package.json");
  const manifest = existsSync(manifestPath) ? textOf(manifestPath) : undefined;
  if (manifest !== undefined) {
    const changes = dependencyChanges(manifest, input.target);
    const updated = updateDependencies(manifest, input.target);
    const migrating = jobFiles.length > 0 || (changes !== undefined && changes.remove.length > 0) || declaresV2Sdk(manifest);
    // undefined although packages are listed: the edit could not be made safely, so it is the user's.
    const differs = updated !== undefined || (changes !== undefined && changes.addDev.length + changes.remove.length > 0);
    if (changes) {
      const state = !migrating || !differs ? "current" : input.updateDeps && updated !== undefined ? "updated" : "pending";
      plan.dependencies = { path: manifestPath, changes, state };
      if (state === "updated" && updated !== undefined) {
        edit(manifestPath, updated);
        reasons.set(manifestPath, "dependencies updated (--update-deps)");
      }
    }
  }

  // 5. .env files: names only, never values
  for (const envFile of envFiles(root)) {
    const text = textOf(envFile);
    if (text === undefined) continue;
    let renamed = text;
    for (const [from, to] of Object.entries(ENV_VAR_RENAMES)) {
      const pattern = new RegExp(`^(\\s*(?:export\\s+)?)${from}(?=\\s*=)`, "gm");
      if (!pattern.test(text)) continue;
      plan.envRenames.push({ path: envFile, from, to, renamed: input.updateEnv });
      if (input.updateEnv) renamed = renamed.replace(pattern, `$1${to}`);
    }
    if (renamed !== text) {
      planned.set(envFile, renamed);
      reasons.set(envFile, "environment variables renamed (--update-env)");
    }
  }

  for (const [path, after] of planned) {
    if (deleted.has(path)) continue;
    const before = originals.get(path) ?? "";
    plan.edits.push({ path, before, after, reason: reasons.get(path) ?? "updated", ...(basename(path).startsWith(".env") ? { sensitive: true } : {}) });
  }
  return plan;
}

/** The folder of the nearest package.json above a file (else the file's folder). */
function projectRoot(from: string): string {
  let dir = existsSync(from) && !extname(from) ? from : dirname(from);
  for (;;) {
    if (existsSync(join(dir, "package.json"))) return dir;
    const parent = dirname(dir);
    if (parent === dir) return existsSync(from) && !extname(from) ? from : dirname(from);
    dir = parent;
  }
}

function envFiles(root: string): string[] {
  try {
    return readdirSync(root)
      .filter((name) => name === ".env" || name.startsWith(".env."))
      .map((name) => join(root, name))
      .sort();
  } catch {
    return [];
  }
}

/** A cheap test before parsing: does the text name the client module anywhere in a string? */
function mightImport(text: string, target: string): boolean {
  const stem = basename(target).replace(/\.[^.]+$/, "");
  const name = stem === "index" ? basename(dirname(target)) : stem;
  return new RegExp(`["'][^"'\\n]*\\b${name.replace(/[.*+?^${}()|[\]\\]/g, "\\$&")}(?:\\.[mc]?[jt]sx?)?["']`).test(text);
}

function resolvesTo(specifier: string, from: string, target: string, locator: TsconfigLocator): boolean {
  if (isTriggerDevSource(specifier)) return false;
  const resolved = ts.resolveModuleName(specifier, from, locator.forFile(from).options, ts.sys).resolvedModule;
  return resolved !== undefined && resolve(resolved.resolvedFileName) === target;
}

/**
 * An adapter route: "delete" when every statement served the v2 client (adapter and client
 * imports, job-registering side-effect imports, the factory call and what re-exports its result);
 * else the text without the adapter statements and with a TODO; undefined when nothing matched.
 */
function reduceAdapter(text: string, path: string): "delete" | string | undefined {
  const program = parseModule(text, path);
  if (!program) return undefined;
  const statements = program["body"] as AstNode[];
  const factoryLocals = new Set<string>();
  for (const statement of statements) {
    const source = importSourceOf(statement);
    if (statement.type !== "ImportDeclaration" || !source || !ADAPTER_PACKAGES.has(source)) continue;
    for (const specifier of (statement["specifiers"] as AstNode[] | undefined) ?? []) {
      const imported = specifier["imported"] as AstNode | undefined;
      if (imported && ADAPTER_FACTORY_NAMES.has(imported["name"] as string)) factoryLocals.add((specifier["local"] as AstNode)["name"] as string);
    }
  }
  if (factoryLocals.size === 0) return undefined;

  const adapterNames = new Set<string>();
  const adapterStatements = new Set<AstNode>();
  for (const statement of statements) {
    if (referenceCounts(statement, factoryLocals).size > 0 && [...referenceCounts(statement, factoryLocals).values()].some((count) => count > 0)) {
      adapterStatements.add(statement);
      for (const name of declaredNames(statement)) adapterNames.add(name);
    }
  }
  for (const statement of statements) {
    if (adapterStatements.has(statement)) continue;
    const source = importSourceOf(statement);
    const onlyAdapterExports = (statement.type === "ExportNamedDeclaration" && !statement["declaration"] && !source) || statement.type === "ExportDefaultDeclaration";
    if (onlyAdapterExports && [...referenceCounts(statement, adapterNames).values()].some((count) => count > 0)) adapterStatements.add(statement);
  }
  const remaining = statements.filter((statement) => !adapterStatements.has(statement) && !isAdapterImport(statement, program, adapterStatements));
  if (remaining.length === 0) return "delete";

  const removable = statements.filter((statement) => adapterStatements.has(statement) || (importSourceOf(statement) !== undefined && ADAPTER_PACKAGES.has(importSourceOf(statement)!)));
  const first = removable[0];
  if (!first) return undefined;
  const reduced = removeRanges(
    text,
    removable.map((statement) => [statement["start"] as number, statement["end"] as number]),
  );
  const at = first["start"] as number;
  return `${reduced.slice(0, at)}// ${todoComment(ADAPTER_REMOVED_TODO, TRIGGER_DOCS_URLS.upgradeFromV2)}\n${reduced.slice(at)}`;
}

/** Imports an adapter route only needs for the adapter: the package, side-effect job imports, and imports used only by adapter statements. */
function isAdapterImport(statement: AstNode, program: AstNode, adapterStatements: ReadonlySet<AstNode>): boolean {
  if (statement.type !== "ImportDeclaration") return false;
  const source = importSourceOf(statement);
  if (source && (ADAPTER_PACKAGES.has(source) || isTriggerDevSource(source))) return true;
  const specifiers = (statement["specifiers"] as AstNode[] | undefined) ?? [];
  if (specifiers.length === 0) return true; // `import "@/jobs"`: registered jobs with the v2 client
  const locals = new Set(specifiers.map((s) => (s["local"] as AstNode)["name"] as string));
  const outside = (program["body"] as AstNode[]).filter((other) => other !== statement && !adapterStatements.has(other));
  return outside.every((other) => [...referenceCounts(other, locals).values()].every((count) => count === 0));
}

function declaredNames(statement: AstNode): string[] {
  const declaration = statement.type === "ExportNamedDeclaration" ? (statement["declaration"] as AstNode | null) : statement;
  if (!declaration || declaration.type !== "VariableDeclaration") return [];
  const names: string[] = [];
  for (const declarator of declaration["declarations"] as AstNode[]) {
    const id = declarator["id"] as AstNode;
    if (id.type === "Identifier") names.push(id["name"] as string);
    if (id.type === "ObjectPattern") {
      for (const property of id["properties"] as AstNode[]) {
        const value = (property["value"] ?? property["argument"]) as AstNode | undefined;
        if (value?.type === "Identifier") names.push(value["name"] as string);
      }
    }
  }
  return names;
}

/**
 * The client file: "delete" when it holds nothing but the client and nothing imports it; else
 * the client statements removed (nothing imports it) or a TODO above them (still imported);
 * undefined when there is nothing to do.
 */
function reduceClient(text: string, path: string, stillImported: boolean): "delete" | string | undefined {
  const program = parseModule(text, path);
  if (!program) return undefined;
  const statements = program["body"] as AstNode[];
  const isClient = (statement: AstNode): boolean => {
    const source = importSourceOf(statement);
    if (statement.type === "ImportDeclaration") return source !== undefined && isTriggerDevSource(source);
    const declaration = statement.type === "ExportNamedDeclaration" ? (statement["declaration"] as AstNode | null) : statement;
    return declaration?.type === "VariableDeclaration" && /\bnew\s+TriggerClient\s*\(/.test(text.slice(declaration["start"] as number, declaration["end"] as number));
  };
  const clientStatements = statements.filter(isClient);
  const declaration = clientStatements.find((statement) => statement.type !== "ImportDeclaration");
  if (!declaration) return undefined;
  if (stillImported) {
    const marker = todoComment(CLIENT_REMOVED_TODO, TRIGGER_DOCS_URLS.upgradeFromV2);
    if (text.includes(marker)) return undefined;
    const at = declaration["start"] as number;
    return `${text.slice(0, at)}// ${marker}\n${text.slice(at)}`;
  }
  if (clientStatements.length === statements.length) return "delete";
  const reduced = removeRanges(text, clientStatements.map((statement) => [statement["start"] as number, statement["end"] as number]));
  return `// ${todoComment(CLIENT_REMOVED_TODO, TRIGGER_DOCS_URLS.upgradeFromV2)}\n${reduced}`;
}
