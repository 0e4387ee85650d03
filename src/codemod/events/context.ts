/**
 * Shared state of one events-transform run over one file: the imports it must add (`tasks`,
 * `batch`, `import type { job }`), names it allocated, and small node builders for the rewrites.
 */
import { dirname, relative, resolve } from "node:path";
import type { ASTPath, Collection, JSCodeshift } from "jscodeshift";
import { isTaskApiSource, taskApiImportPath, type SdkMajor } from "../../catalog/packages.js";
import type { IndexedSend, JobRef, ProjectIndex } from "../../project/types.js";
import { type AstNode, constantNumber, isNode } from "../ast-helpers.js";
import { addNamedImports, addNamedRequires, importDeclarations, importSource, insertImportText, isTypeOnly, programOf, requireDeclarations } from "../import-editing.js";
import { NameAllocator } from "../define-job/naming.js";
import { detectQuoteStyle } from "../transform.js";
import { isTypedFile } from "./filter-guard.js";
import { topLevelNames, type LocalJob } from "./local-jobs.js";

export interface EventsContext {
  j: JSCodeshift;
  root: Collection;
  program: AstNode;
  /** Absolute path of the file. */
  file: string;
  source: string;
  target: SdkMajor;
  project: ProjectIndex | undefined;
  /** TypeScript file: generics and `import type` are allowed. */
  typed: boolean;
  localJobs: LocalJob[];
  valueImports: Set<"tasks" | "batch" | "queue">;
  /** local type name -> the job it names (imported with `import type`). */
  typeImports: Map<string, JobRef>;
  names: NameAllocator;
  topLevel: ReadonlySet<string>;
}

export function createContext(j: JSCodeshift, root: Collection, filePath: string, source: string, target: SdkMajor, project: ProjectIndex | undefined, localJobs: LocalJob[]): EventsContext {
  const topLevel = topLevelNames(root);
  // Any identifier already in the text is off limits for new names (cheap and safe).
  const taken = new Set<string>(source.match(/[A-Za-z_$][\w$]*/g) ?? []);
  return {
    j,
    root,
    program: programOf(root),
    file: resolve(filePath),
    source,
    target,
    project,
    typed: isTypedFile(filePath),
    localJobs,
    valueImports: new Set(),
    typeImports: new Map(),
    names: new NameAllocator(taken),
    topLevel,
  };
}

// ---------------------------------------------------------------- index lookups

const sendsByProject = new WeakMap<ProjectIndex, Map<string, IndexedSend>>();

/** The indexed send/invoke at this call, by file and start position. */
export function indexedSendAt(ctx: EventsContext, call: AstNode): IndexedSend | undefined {
  if (!ctx.project) return undefined;
  let byPosition = sendsByProject.get(ctx.project);
  if (!byPosition) {
    byPosition = new Map(ctx.project.sends.map((send) => [`${send.file}:${send.line}:${send.column}`, send]));
    sendsByProject.set(ctx.project, byPosition);
  }
  const start = (call["loc"] as { start: { line: number; column: number } } | undefined)?.start;
  return start ? byPosition.get(`${ctx.file}:${start.line}:${start.column}`) : undefined;
}

/** The tasks listening to one event: from the index, else the file's own jobs. */
export function listenersOf(ctx: EventsContext, event: string): JobRef[] {
  if (ctx.project) {
    return ctx.project.jobs.filter((job) => job.trigger === "event" && job.events.includes(event)).map(({ file, exportName, taskId }) => ({ file, exportName, taskId }));
  }
  return ctx.localJobs.filter((job) => job.events.includes(event) && job.taskId !== "").map((job) => ({ file: ctx.file, exportName: job.exportName, taskId: job.taskId }));
}

// ---------------------------------------------------------------- imports

/** The name to write in `typeof <name>` for a job, registering an `import type` when needed. */
export function typeNameFor(ctx: EventsContext, ref: JobRef): string {
  if (ref.file === ctx.file) return ref.exportName;
  for (const [local, imported] of ctx.typeImports) if (imported.file === ref.file && imported.exportName === ref.exportName) return local;
  // A value import of that name already in the file is the job itself (routes import jobs to invoke them).
  if (ctx.topLevel.has(ref.exportName) && importsName(ctx, ref.exportName)) return ref.exportName;
  // Two listeners in different files may share an export name (`export const notify` in a.ts and b.ts): each gets its own local.
  let local = ref.exportName;
  while (ctx.topLevel.has(local) || ctx.typeImports.has(local)) local = ctx.names.allocate(`${ref.exportName}Task`);
  ctx.typeImports.set(local, ref);
  return local;
}

function importsName(ctx: EventsContext, name: string): boolean {
  return importDeclarations(ctx.program).some((declaration) =>
    ((declaration["specifiers"] as AstNode[] | undefined) ?? []).some((specifier) => (specifier["local"] as AstNode | undefined)?.["name"] === name),
  );
}

/** Writes the `tasks`/`batch` value imports and the `import type` declarations collected so far. */
export function flushImports(ctx: EventsContext): void {
  const { j, program, target } = ctx;
  if (ctx.valueImports.size > 0) {
    const accepts = (source: string) => isTaskApiSource(source, target);
    // A CommonJS file (requires, no imports) gets a require, as the imports transform does: an
    // import would turn it into an ES module, and define-job would then write `export const`.
    if (importDeclarations(program).length === 0 && requireDeclarations(program).length > 0) {
      addNamedRequires(j, program, taskApiImportPath(target), [...ctx.valueImports], accepts, detectQuoteStyle(ctx.source));
    } else {
      addNamedImports(j, program, taskApiImportPath(target), [...ctx.valueImports], { acceptsSource: accepts, quote: detectQuoteStyle(ctx.source) });
    }
  }
  if (!ctx.typed || ctx.typeImports.size === 0) return;
  const bySpecifier = new Map<string, [string, JobRef][]>();
  for (const entry of ctx.typeImports) {
    const specifier = moduleSpecifier(ctx, entry[1].file);
    bySpecifier.set(specifier, [...(bySpecifier.get(specifier) ?? []), entry]);
  }
  const quote = detectQuoteStyle(ctx.source) === "single" ? "'" : '"';
  for (const [specifier, entries] of bySpecifier) {
    const existing = importDeclarations(program).find((declaration) => importSource(declaration) === specifier && isTypeOnly(declaration));
    if (existing) {
      const specifiers = entries.map(([local, ref]) => j.importSpecifier(j.identifier(ref.exportName), j.identifier(local)));
      (existing["specifiers"] as unknown[]).push(...specifiers);
      continue;
    }
    const names = entries.map(([local, ref]) => (local === ref.exportName ? local : `${ref.exportName} as ${local}`));
    insertImportText(j, program, `import type { ${names.join(", ")} } from ${quote}${specifier}${quote};`);
  }
}

/**
 * A relative specifier from this file to another, without extension; with `.js` when the file's
 * own relative imports carry one (NodeNext projects).
 */
export function moduleSpecifier(ctx: EventsContext, target: string): string {
  let specifier = relative(dirname(ctx.file), target).replace(/\\/g, "/").replace(/\.(?:d\.)?[mc]?[jt]sx?$/, "");
  if (!specifier.startsWith(".")) specifier = `./${specifier}`;
  const usesJsExtension = importDeclarations(ctx.program).some((declaration) => /^\.\.?\/.*\.js$/.test(importSource(declaration) ?? ""));
  return usesJsExtension ? `${specifier}.js` : specifier;
}

// ---------------------------------------------------------------- builders

export function prop(ctx: EventsContext, key: string, value: unknown): AstNode {
  return ctx.j.objectProperty(ctx.j.identifier(key), value as never) as unknown as AstNode;
}

export function object(ctx: EventsContext, properties: AstNode[]): AstNode {
  return ctx.j.objectExpression(properties as never) as unknown as AstNode;
}

export function member(ctx: EventsContext, objectName: string | AstNode, property: string): AstNode {
  const base = typeof objectName === "string" ? ctx.j.identifier(objectName) : objectName;
  return ctx.j.memberExpression(base as never, ctx.j.identifier(property)) as unknown as AstNode;
}

export function call(ctx: EventsContext, callee: AstNode, args: AstNode[], typeNames?: string[]): AstNode {
  const node = ctx.j.callExpression(callee as never, args as never) as unknown as AstNode;
  if (ctx.typed && typeNames && typeNames.length > 0) {
    const queries = typeNames.map((name) => ctx.j.tsTypeQuery(ctx.j.identifier(name)));
    const type = queries.length === 1 ? queries[0]! : ctx.j.tsUnionType(queries);
    node["typeParameters"] = ctx.j.tsTypeParameterInstantiation([type]);
  }
  return node;
}

export function str(ctx: EventsContext, value: string): AstNode {
  return ctx.j.stringLiteral(value) as unknown as AstNode;
}

/** `deliverAfter: 300` -> `"300s"`; a non-constant `n` -> `` `${n}s` ``. */
export function delayFromSeconds(ctx: EventsContext, seconds: AstNode): AstNode {
  const constant = constantNumber(seconds);
  if (constant !== undefined && Number.isFinite(constant)) return str(ctx, `${constant}s`);
  const { j } = ctx;
  return j.templateLiteral([j.templateElement({ raw: "", cooked: "" }, false), j.templateElement({ raw: "s", cooked: "s" }, true)], [seconds as never]) as unknown as AstNode;
}

/** True for expressions that are cheap and side-effect free to evaluate twice. */
export function isRepeatable(node: unknown): boolean {
  if (!isNode(node)) return true;
  switch (node.type) {
    case "Identifier":
    case "StringLiteral":
    case "NumericLiteral":
    case "BooleanLiteral":
    case "NullLiteral":
    case "Literal":
    case "ThisExpression":
      return true;
    case "MemberExpression":
    case "OptionalMemberExpression":
      return !node["computed"] && isRepeatable(node["object"]);
    case "TemplateLiteral":
      return (node["expressions"] as unknown[]).every(isRepeatable);
    case "TSAsExpression":
    case "TSNonNullExpression":
    case "ParenthesizedExpression":
      return isRepeatable(node["expression"]);
    default:
      return false;
  }
}

/** The statement holding `path` when it sits directly in a block or program body. */
export function statementOf(path: ASTPath): { statement: ASTPath; body: AstNode[] } | undefined {
  let current: ASTPath | null = path;
  while (current) {
    const parent: ASTPath | null = current.parent;
    if (!parent) return undefined;
    const parentNode = parent.node as unknown as AstNode;
    if (parentNode.type === "Program" || parentNode.type === "BlockStatement") return { statement: current, body: parentNode["body"] as AstNode[] };
    // Never hoist out of a function: the hoisted value would be computed in the wrong scope.
    if (["ArrowFunctionExpression", "FunctionExpression", "FunctionDeclaration", "ObjectMethod", "ClassMethod"].includes(parentNode.type)) return undefined;
    current = parent;
  }
  return undefined;
}

/** `const <name> = <value>;` inserted right before the statement holding `path`; the name, or undefined. */
export function hoist(ctx: EventsContext, path: ASTPath, wanted: string, value: AstNode): string | undefined {
  const holder = statementOf(path);
  if (!holder) return undefined;
  const index = holder.body.indexOf(holder.statement.node as unknown as AstNode);
  if (index === -1) return undefined;
  const name = ctx.names.allocate(wanted);
  const { j } = ctx;
  const declaration = j.variableDeclaration("const", [j.variableDeclarator(j.identifier(name), value as never)]) as unknown as AstNode;
  // The statement's leading comments describe what it does: keep them above the hoisted value.
  const statement = holder.statement.node as unknown as AstNode;
  const comments = (statement["comments"] as { leading?: boolean }[] | undefined) ?? [];
  const leading = comments.filter((c) => c.leading);
  if (leading.length > 0) {
    declaration["comments"] = leading;
    statement["comments"] = comments.filter((c) => !c.leading);
  }
  holder.body.splice(index, 0, declaration);
  return name;
}
