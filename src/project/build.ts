/**
 * The project index's second stage, with ts-morph. Cost control, in order: the files were read once
 * and pre-filtered (sources.ts); add the barrels that re-export a candidate, and load only those
 * into an in-memory ts-morph project per tsconfig (no lib files, no node_modules: module
 * resolution and symbol lookup only ever see the files we added).
 */
import { dirname, resolve } from "node:path";
import { Node, Project, ts, type Expression, type Symbol as MorphSymbol } from "ts-morph";
import { isSdkSource } from "../catalog/packages.js";
import { extractFile, type ExtractedJob, type ExtractedSend } from "./extract.js";
import { reExportSpecifiers } from "./prefilter.js";
import { readProjectSources, type ProjectSources, type ReadSourcesOptions } from "./sources.js";
import { TsconfigLocator } from "./tsconfig.js";
import type { IndexedJob, IndexedSend, JobRef, ProjectIndex } from "./types.js";

const BOM = "\uFEFF";
/** Barrels of barrels of barrels: deeper re-export chains are not followed. */
const MAX_BARREL_DEPTH = 4;

/** Reads the files and indexes them with ts-morph (tests and tools; the CLI decides per stage, see sources.ts). */
export function buildProjectIndex(files: readonly string[], options: ReadSourcesOptions = {}): ProjectIndex {
  return indexWithResolution(readProjectSources(files, options));
}

/** The full index: every candidate (plus the barrels that re-export one) loaded into ts-morph and resolved. */
export function indexWithResolution(sources: ProjectSources): ProjectIndex {
  const { texts, started } = sources;
  const candidates = new Set(sources.candidates);
  const locator = new TsconfigLocator();
  addBarrels(texts, candidates, locator);

  // One in-memory project per tsconfig, so each group resolves with its own `paths`.
  const groups = new Map<string, string[]>();
  for (const path of candidates) {
    const key = locator.find(dirname(path)) ?? "";
    const group = groups.get(key) ?? [];
    group.push(path);
    groups.set(key, group);
  }

  const jobs: IndexedJob[] = [];
  const jobByDeclaration = new Map<Node, IndexedJob>();
  const pendingSends: ExtractedSend[] = [];
  const clientFiles: string[] = [];
  const adapterFiles: string[] = [];
  for (const groupFiles of groups.values()) {
    const project = new Project({
      useInMemoryFileSystem: true,
      skipAddingFilesFromTsConfig: true,
      skipFileDependencyResolution: true,
      skipLoadingLibFiles: true,
      compilerOptions: locator.forFile(groupFiles[0]!).options,
    });
    // The TypeScript parser and our walk are recursive: a file nested a few thousand levels deep
    // throws a RangeError. Leave such a file out of the index; the per-file run reports it in one line.
    const sourceFiles = groupFiles.flatMap((path) => {
      const text = texts.get(path)!;
      try {
        return [project.createSourceFile(path, text.startsWith(BOM) ? text.slice(1) : text, { overwrite: true })];
      } catch {
        return [];
      }
    });
    for (const sourceFile of sourceFiles) {
      let extract;
      try {
        extract = extractFile(sourceFile);
      } catch {
        continue;
      }
      for (const { job, declaration } of extract.jobs as ExtractedJob[]) {
        jobs.push(job);
        if (declaration) jobByDeclaration.set(declaration, job);
      }
      pendingSends.push(...extract.sends);
      if (extract.constructsClient) clientFiles.push(sourceFile.getFilePath());
      if (extract.callsAdapter) adapterFiles.push(sourceFile.getFilePath());
    }
  }

  const sends: IndexedSend[] = [];
  for (const send of pendingSends) {
    const indexed = resolveSend(send, jobs, jobByDeclaration);
    if (indexed) sends.push(indexed);
  }

  return {
    schemaVersion: 1,
    jobs,
    sends,
    clientFiles: clientFiles.sort(),
    adapterFiles: adapterFiles.sort(),
    stats: { files: sources.offered, loaded: candidates.size, ms: Math.round(performance.now() - started) },
  };
}

/** Adds files that re-export a candidate (and so on, a few levels), resolving specifiers against the candidates only. */
function addBarrels(texts: ReadonlyMap<string, string>, candidates: Set<string>, locator: TsconfigLocator): void {
  const reExporters = new Map<string, string[]>();
  for (const [path, text] of texts) {
    if (candidates.has(path)) continue;
    const specifiers = reExportSpecifiers(text);
    if (specifiers.length > 0) reExporters.set(path, specifiers);
  }
  if (reExporters.size === 0) return;
  const host: ts.ModuleResolutionHost = {
    fileExists: (path) => candidates.has(resolve(path)),
    readFile: () => undefined,
    directoryExists: () => true,
  };
  for (let depth = 0; depth < MAX_BARREL_DEPTH; depth++) {
    let added = false;
    for (const [path, specifiers] of reExporters) {
      const { options } = locator.forFile(path);
      const reaches = specifiers.some((specifier) => {
        const resolved = ts.resolveModuleName(specifier, path, options, host).resolvedModule;
        return resolved !== undefined && candidates.has(resolve(resolved.resolvedFileName));
      });
      if (reaches) {
        candidates.add(path);
        reExporters.delete(path);
        added = true;
      }
    }
    if (!added) return;
  }
}

function resolveSend(send: ExtractedSend, jobs: readonly IndexedJob[], jobByDeclaration: ReadonlyMap<Node, IndexedJob>): IndexedSend | undefined {
  const base = { file: send.file, line: send.line, column: send.column, kind: send.kind };
  if (send.kind === "sendEvent" || send.kind === "sendEvents") {
    const declaration = declarationOf(send.receiver);
    const via = declaration ? senderKind(declaration) : fromUnresolvedLocalModule(send.receiver) ? "unresolved" : undefined;
    if (!via) return undefined;
    const events = send.events;
    const targets = events === undefined ? [] : jobs.filter((job) => job.trigger === "event" && job.events.some((name) => events.includes(name))).map(jobRef);
    return { ...base, via, ...(events ? { events } : {}), targets };
  }
  const declaration = declarationOf(send.receiver);
  const job = declaration ? jobByDeclaration.get(declaration) : undefined;
  return job ? { ...base, via: "job", targets: [jobRef(job)] } : undefined;
}

function jobRef(job: IndexedJob): JobRef {
  return { file: job.file, exportName: job.exportName, taskId: job.taskId };
}

/** `client` when the receiver's declaration is a v2 TriggerClient, `io` when it is a job run's io parameter. */
function senderKind(declaration: Node): "client" | "io" | undefined {
  if (Node.isParameterDeclaration(declaration)) return isIoParameter(declaration) ? "io" : undefined;
  if (Node.isVariableDeclaration(declaration)) {
    const initializer = declaration.getInitializer();
    if (initializer && Node.isNewExpression(initializer)) {
      const callee = initializer.getExpression();
      const imported = Node.isIdentifier(callee) ? importSourceOf(callee.getSymbol()) : undefined;
      if (imported && isSdkSource(imported.module) && imported.name === "TriggerClient") return "client";
    }
  }
  return undefined;
}

/** The second parameter of a `run` function in an object that also has a `trigger`. */
function isIoParameter(parameter: Node): boolean {
  const fn = parameter.getParent();
  if (!fn || !(Node.isArrowFunction(fn) || Node.isFunctionExpression(fn) || Node.isMethodDeclaration(fn))) return false;
  if (fn.getParameters().indexOf(parameter as never) !== 1) return false;
  const holder = Node.isMethodDeclaration(fn) ? fn : fn.getParent();
  if (!holder || !(Node.isPropertyAssignment(holder) || Node.isMethodDeclaration(holder)) || holder.getName() !== "run") return false;
  const object = holder.getParent();
  return object !== undefined && Node.isObjectLiteralExpression(object) && object.getProperty("trigger") !== undefined;
}

/**
 * True when the receiver is imported from a module that looks like the app's own (`./trigger`,
 * `@/trigger`, `~/lib/client`, `#trigger`) but that the index could not resolve (an alias
 * without tsconfig `paths`, a file outside the run). A bare package (`segment`, `@acme/x`) is
 * not: its `sendEvent` is someone else's.
 */
function fromUnresolvedLocalModule(receiver: Expression): boolean {
  let current: Node = receiver;
  while (Node.isParenthesizedExpression(current) || Node.isAsExpression(current) || Node.isNonNullExpression(current)) current = current.getExpression();
  while (Node.isPropertyAccessExpression(current)) current = current.getExpression();
  if (!Node.isIdentifier(current)) return false;
  const declaration = current.getSymbol()?.getDeclarations()[0];
  const importDeclaration = declaration?.getFirstAncestorByKind(ts.SyntaxKind.ImportDeclaration);
  const specifier = importDeclaration?.getModuleSpecifierValue();
  return specifier !== undefined && /^(?:\.|\/|@\/|~|#|\$)/.test(specifier);
}

/** The declaration a receiver refers to, through imports, re-exports and `ns.member`. */
function declarationOf(receiver: Expression): Node | undefined {
  let current: Node = receiver;
  while (Node.isParenthesizedExpression(current) || Node.isAsExpression(current) || Node.isNonNullExpression(current)) current = current.getExpression();
  const nameNode = Node.isPropertyAccessExpression(current) ? current.getNameNode() : Node.isIdentifier(current) ? current : undefined;
  let symbol = nameNode?.getSymbol();
  if (symbol?.isAlias()) symbol = symbol.getAliasedSymbol() ?? symbol;
  return symbol?.getValueDeclaration() ?? symbol?.getDeclarations()[0];
}

/** For an imported identifier: the module it comes from and the exported name. */
function importSourceOf(symbol: MorphSymbol | undefined): { module: string; name: string } | undefined {
  const declaration = symbol?.getDeclarations()[0];
  if (!declaration || !Node.isImportSpecifier(declaration)) return undefined;
  return { module: declaration.getImportDeclaration().getModuleSpecifierValue(), name: declaration.getName() };
}
