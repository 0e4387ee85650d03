/**
 * define-job: v2 jobs (`client.defineJob({...})`, `new Job(client, {...})`, `new Job({...})`,
 * `new Job({...}).attachToClient(client)`) become `export const <name> = task({...})`,
 * `schemaTask({...})` or `schedules.task({...})`. Imports are left to the `imports` transform.
 */
import type { ASTPath, JSCodeshift } from "jscodeshift";
import { TRIGGER_DOCS_URLS } from "../src/catalog/docs.js";
import { CODEMOD_AUTO_IMPORTS } from "../src/catalog/exports.js";
import { isTriggerDevSource, taskApiImportPath } from "../src/catalog/packages.js";
import { type AstNode, isReferenceIdentifier, walkNodes } from "../src/codemod/ast-helpers.js";
import { CodemodImportTracker } from "../src/codemod/import-tracker.js";
import { liftDirectivesIfReprinted, programOf } from "../src/codemod/import-editing.js";
import { parserForFile } from "../src/codemod/parser.js";
import { addTodo, enclosingStatement } from "../src/codemod/todo.js";
import { detectQuoteStyle, type MigrationContext, type MigrationTransform, toJscodeshift } from "../src/codemod/transform.js";
import type { AnyNode } from "../src/codemod/define-job/ast.js";
import { layoutOf, singleQuoted } from "../src/codemod/define-job/layout.js";
import { type FileScan, scanFile } from "../src/codemod/define-job/find-jobs.js";
import { camelCaseName, NameAllocator } from "../src/codemod/define-job/naming.js";
import { type ConvertContext, convertOptions, planJobTrigger, taskIdOf } from "../src/codemod/define-job/options.js";
import { isAssignedToVariable, placeTask } from "../src/codemod/define-job/placement.js";
import type { PlannedTodo, TaskFactory } from "../src/codemod/define-job/triggers.js";
import { v2JobSiteOf } from "../src/codemod/v2-jobs.js";

/** The identifier each factory is called through (its first name must be free for the SDK's). */
const AUTO_IMPORTS = new Set(CODEMOD_AUTO_IMPORTS);

const FACTORY_CALLEE: Readonly<Record<TaskFactory, readonly string[]>> = {
  task: ["task"],
  schemaTask: ["schemaTask"],
  "schedules.task": ["schedules", "task"],
};

export const migration: MigrationTransform = {
  name: "define-job",
  description: "v2 jobs (client.defineJob, new Job) -> task / schemaTask / schedules.task with the same id",
  mightApply: (source) => /\bdefineJob\b|\bJob\b/.test(source),
  apply(ctx) {
    const { j, root } = ctx;
    const tracker = CodemodImportTracker.collect(j, root);
    const scan = scanFile(j, root);
    if (scan.candidates.length === 0) return false;
    const parser = parserForFile(ctx.filePath);
    const quote = detectQuoteStyle(ctx.source) === "single" ? singleQuoted : (text: string) => JSON.stringify(text);
    const convert: ConvertContext = { j, target: ctx.target, typed: parser !== "babel", tracker, facts: scan, quote };
    const names = new NameAllocator(new Set(scan.topLevelNames));
    let changed = false;
    for (const candidate of scan.candidates) {
      const site = v2JobSiteOf(candidate, tracker, scan);
      if (!site) continue;
      // Same rule as the events transform: each job not assigned straight to a variable takes a name, in order
      // (`const x = new Job({...}).attachToClient(c)` is assigned: the whole expression is the job).
      const name = isAssignedToVariable(site.expressionPath) ? undefined : names.allocate(camelCaseName(taskIdOf(site.optionsPath) ?? "migrated"));
      if (migrateJob(ctx, convert, scan, name ?? "migrated", site.expressionPath, site.optionsPath)) changed = true;
    }
    // A job statement became a declaration: recast reprints the Program, directives included.
    if (changed) liftDirectivesIfReprinted(j, programOf(root));
    return changed;
  },
};

export default toJscodeshift(migration);

function migrateJob(ctx: MigrationContext, convert: ConvertContext, scan: FileScan, name: string, expressionPath: ASTPath, optionsPath: ASTPath): boolean {
  const { j } = ctx;
  const plan = planJobTrigger(convert, optionsPath);
  if (!plan) return false;
  const converted = convertOptions(convert, optionsPath, plan);
  const callee = FACTORY_CALLEE[plan.factory];
  const call = converted.snippet.build(j, callee.join("."), layoutOf(ctx.source, expressionPath.node as unknown as AnyNode, optionsPath.node as unknown as AnyNode));
  if (!call) return false;
  const placement = placeTask(j, expressionPath, call, {
    isModule: scan.isModule,
    name,
  });
  const todos: PlannedTodo[] = [...converted.jobTodos];
  if (placement.todo) todos.push(placement.todo);
  const clash = factoryClash(scan, callee[0] ?? "task");
  if (clash) todos.push(clash);
  if (!convert.tracker.hasBindings && ![...scan.importSources.values()].some(isTriggerDevSource)) {
    // The imports transform only edits files that already import from @trigger.dev/*.
    const names = taskApiNamesUsed(placement.callPath.node as unknown as AstNode, callee[0] ?? "task", scan);
    todos.push({ message: `import { ${names.join(", ")} } from "${taskApiImportPath(ctx.target)}"`, docs: "tasks" });
  }
  addJobTodos(j, placement.callPath, todos);
  return true;
}

/** The factory plus the task API names the io transform left in the task (`logger`, `wait`...) that nothing in the file binds. */
function taskApiNamesUsed(call: AstNode, factory: string, scan: FileScan): string[] {
  const names = new Set([factory]);
  walkNodes(call, (node, parent) => {
    const name = node["name"];
    if (node.type === "Identifier" && typeof name === "string" && AUTO_IMPORTS.has(name) && !scan.topLevelNames.has(name) && isReferenceIdentifier(node, parent)) names.add(name);
  });
  return [...names].sort();
}

/** `task` (or `schedules`) already bound in the file to something that is not Trigger.dev's. */
function factoryClash(scan: FileScan, name: string): PlannedTodo | undefined {
  const source = scan.importSources.get(name);
  if (!scan.topLevelNames.has(name) || (source !== undefined && isTriggerDevSource(source))) return undefined;
  return { message: `\`${name}\` is already bound in this file: import the Trigger.dev ${name} under another name and call that`, docs: "tasks" };
}

/**
 * Migration markers go right above the task, before the statement's own comments, so a
 * `// @ts-expect-error` or JSDoc stays attached to the code it was written for.
 */
function addJobTodos(j: JSCodeshift, callPath: ASTPath, todos: readonly PlannedTodo[]): void {
  if (todos.length === 0) return;
  const anchor = enclosingStatement(callPath).node as { comments?: unknown[] | null };
  const own = anchor.comments ?? [];
  anchor.comments = [];
  for (const todo of todos) addTodo(j, callPath, todo.message, TRIGGER_DOCS_URLS[todo.docs]);
  anchor.comments = [...(anchor.comments ?? []), ...own];
}
