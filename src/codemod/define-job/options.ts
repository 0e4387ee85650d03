/**
 * Rewrites a v2 job options object in place into task options: id (kebab-cased), name ->
 * description, schema/cron from the trigger, concurrencyLimit -> queue, the project's retry,
 * maxDuration on schedules, hooks, and run. What cannot move becomes a TODO.
 */
import type { ASTNode, ASTPath, JSCodeshift } from "jscodeshift";
import { TRIGGER_DOCS_URLS } from "../../catalog/docs.js";
import type { SdkMajor } from "../../catalog/packages.js";
import { DEFAULT_MAX_DURATION_SECONDS, DEFAULT_RETRY } from "../../catalog/tasks.js";
import type { CodemodImportTracker } from "../import-tracker.js";
import { addTodo } from "../todo.js";
import { type AstNode, findProperty, unwrapExpression } from "../ast-helpers.js";
import { commentSource, writtenComments } from "../written-comments.js";
import { type AnyNode, child, children, identifierName, makeString, numericValue, propertyName, propertyValue, stringValue } from "./ast.js";
import { rewriteHook, V2_JOB_HOOKS } from "./hooks.js";
import { normalizedTaskId } from "./naming.js";
import { rewriteRun } from "./run.js";
import { TaskSnippet } from "./snippet.js";
import { writtenLines } from "./written-text.js";
import { type FileFacts, type PlannedTodo, type TriggerPlan, planTrigger } from "./triggers.js";

export interface ConvertContext {
  j: JSCodeshift;
  target: SdkMajor;
  /** The file may carry type annotations (ts/tsx). */
  typed: boolean;
  tracker: CodemodImportTracker;
  facts: FileFacts;
  /** A string literal in the file's quote style. */
  quote: (text: string) => string;
}

export interface ConvertedOptions {
  /** The new options, ready to be built into a call. */
  snippet: TaskSnippet;
  /** The task id as written (after kebab-casing), when it is a string. */
  id: string | undefined;
  /** TODOs about the whole job, for the statement that holds it. */
  jobTodos: PlannedTodo[];
}

/** v2 keys that simply go (the io transform already handled what `integrations` fed). */
const DROPPED_KEYS = new Set(["version", "trigger", "integrations", "__internal"]);

/** Reads the v2 trigger without changing anything (recognition needs it before we commit). */
export function planJobTrigger(c: ConvertContext, optionsPath: ASTPath): TriggerPlan | undefined {
  const index = children(optionsPath.node as unknown as AnyNode, "properties").findIndex((p) => propertyName(p) === "trigger");
  if (index === -1) return undefined;
  return planTrigger(optionsPath.get("properties", index, "value") as ASTPath, c.tracker, c.facts);
}

/** The task id a job will get (kebab-cased), when its v2 id is a string. */
export function taskIdOf(optionsPath: ASTPath): string | undefined {
  const id = findProperty(optionsPath.node as unknown as AnyNode, "id");
  const written = stringValue(id ? propertyValue(id) : undefined);
  return written === undefined ? undefined : normalizedTaskId(written);
}

/**
 * Rewrites run and the hooks in place, then lays out the task options: id, description,
 * schema/cron, queue, retry, maxDuration, hooks, run, then anything we do not know.
 */
export function convertOptions(c: ConvertContext, optionsPath: ASTPath, plan: TriggerPlan): ConvertedOptions {
  const { j } = c;
  const options = optionsPath.node as unknown as AnyNode;
  const original = children(options, "properties");
  const byName = new Map<string, AnyNode>();
  original.forEach((p) => {
    const name = propertyName(p);
    if (name !== undefined && !byName.has(name)) byName.set(name, p);
  });
  const pathOf = (node: AnyNode): ASTPath => optionsPath.get("properties", original.indexOf(node)) as ASTPath;
  const jobTodos: PlannedTodo[] = [...plan.todos];

  const integrations = unwrapExpression(byName.get("integrations") ? propertyValue(byName.get("integrations") as AnyNode) : undefined);
  const integrationKeys = integrations?.type === "ObjectExpression" ? children(integrations, "properties").map(propertyName).filter((k): k is string => k !== undefined) : [];
  const run = byName.get("run");
  if (run) rewriteRun(j, pathOf(run), { factory: plan.factory, typed: c.typed, integrationKeys });
  for (const hook of V2_JOB_HOOKS) {
    const property = byName.get(hook);
    if (property) rewriteHook(j, pathOf(property), hook, c.target);
  }

  const snippet = new TaskSnippet();
  const idProperty = byName.get("id");
  const writtenId = stringValue(idProperty ? propertyValue(idProperty) : undefined);
  const id = writtenId === undefined ? undefined : normalizedTaskId(writtenId);
  if (idProperty && id !== undefined && id !== writtenId) {
    idProperty["value"] = makeString(j, id);
    addTodo(j, pathOf(idProperty), `the task id changed from "${writtenId}" to "${id}": update every caller that triggers it by id`, TRIGGER_DOCS_URLS.triggering);
  }
  if (idProperty) snippet.existing(idProperty);

  const nameProperty = byName.get("name");
  const nameKey = nameProperty ? child(nameProperty, "key") : undefined;
  if (nameProperty && nameKey?.type === "Identifier") {
    nameKey["name"] = "description";
    snippet.existing(nameProperty);
  } else if (nameProperty) snippet.property(`description: ${snippet.hole(propertyValue(nameProperty) as AnyNode)}`);

  // A property with comments written on it moves whole, comments included (`//the expected payload shape`).
  if (plan.schemaProperty && movesWhole(plan.schemaProperty, "schema")) snippet.existing(plan.schemaProperty);
  else if (plan.schema) snippet.property(`schema: ${snippet.hole(plan.schema)}`);
  if (plan.cronText !== undefined) snippet.property(`cron: ${c.quote(plan.cronText)}`);
  else if (plan.cronProperty && movesWhole(plan.cronProperty, "cron")) snippet.existing(plan.cronProperty);
  else if (plan.cron) snippet.property(`cron: ${snippet.hole(plan.cron)}`);
  const limit = byName.get("concurrencyLimit");
  const limitValue = limit ? propertyValue(limit) : undefined;
  if (limitValue && numericValue(limitValue) !== undefined) snippet.property(`queue: { concurrencyLimit: ${snippet.hole(limitValue)} }`);
  else if (limitValue && isLocalQueue(c, limitValue)) snippet.property(`queue: ${snippet.hole(limitValue)}`);
  else if (limitValue) {
    jobTodos.push({ message: `the v2 shared concurrency limit ${source(c, limitValue)} is gone: define const q = queue({ name, concurrencyLimit }) and set queue: q`, docs: "queues" });
  }

  const kept: AnyNode[] = [];
  for (const property of original) {
    const name = propertyName(property);
    if (name === undefined) {
      // A spread or computed key: v2 options we cannot read; keep it for a human to sort out.
      addTodo(j, pathOf(property), "check that this holds task options, not v2 job options", TRIGGER_DOCS_URLS.tasks);
      kept.push(property);
      continue;
    }
    if (byName.get(name) !== property || ["id", "name", "run", "concurrencyLimit", ...V2_JOB_HOOKS].includes(name)) continue;
    if (name === "enabled") planEnabled(c, property, jobTodos);
    else if (name === "logLevel") jobTodos.push({ message: "set logLevel in trigger.config.ts: tasks have no per-task log level", docs: "config" });
    else if (name === "queue") jobTodos.push({ message: "the v2 queue option is gone: use queue: { name, concurrencyLimit } or a shared queue()", docs: "queues" });
    else if (!DROPPED_KEYS.has(name)) {
      kept.push(property);
      continue;
    }
    // A trigger with no task API form goes, but what it was configured with (repo, event, filter...) is the human's to carry over: kept as written, comments included.
    if (name === "trigger" && !plan.traced && hasArguments(property["value"] as AnyNode)) {
      snippet.comment((writtenLines(property) ?? []).map((line) => `// ${line}`).join("\n"));
      continue;
    }
    // Comments written on or inside a dropped key (`version: "1", // why`, inside `integrations: {...}`)
    // stay, on the retry line we add in its place; not those inside what moves into the task whole.
    const movedWhole = new Set([plan.schemaProperty, plan.cronProperty, plan.filterProperty].filter((node): node is AnyNode => node !== undefined));
    snippet.comment(commentsText(property, movedWhole));
    // The filter the TODO asks a human to turn into a guard, as it was written (with its comments).
    if (name === "trigger" && plan.filterProperty) snippet.comment((writtenLines(plan.filterProperty) ?? []).map((line) => `// ${line}`).join("\n"));
  }

  snippet.property(`retry: { maxAttempts: ${DEFAULT_RETRY.maxAttempts} }`);
  if (plan.factory === "schedules.task") snippet.property(`maxDuration: ${DEFAULT_MAX_DURATION_SECONDS}`);
  for (const hook of V2_JOB_HOOKS) {
    const property = byName.get(hook);
    if (property) snippet.existing(property);
  }
  if (run) snippet.existing(run);
  for (const property of kept) snippet.existing(property);
  return { snippet, id, jobTodos };
}

/** A `key: value` property (not computed, not a method) that has comments written on it. */
function movesWhole(property: AnyNode, key: string): boolean {
  const comments = property["comments"];
  if (!Array.isArray(comments) || comments.length === 0) return false;
  const written = child(property, "key");
  return (property.type === "ObjectProperty" || property.type === "Property") && property["computed"] !== true && identifierName(written) === key;
}

/** The leading comments of a node as source lines ("" when none). */
/** Every comment written on or inside `node` (leading, trailing, nested), in source order, except inside `skip`. */
function commentsText(node: AnyNode, skip: ReadonlySet<AnyNode>): string {
  return writtenComments(node as AstNode, skip).map(commentSource).join("\n");
}

function planEnabled(c: ConvertContext, property: AnyNode, jobTodos: PlannedTodo[]): void {
  const value = unwrapExpression(propertyValue(property));
  const literal = booleanValue(value) ?? constBoolean(c, identifierName(value));
  if (literal === true) return;
  if (literal === false) {
    jobTodos.push({ message: "v2 job was disabled: delete the task or leave it untriggered", docs: "upgradeFromV2" });
    return;
  }
  jobTodos.push({
    message: `v2 job was enabled only when ${source(c, value)} is true: tasks cannot be disabled, delete the task or leave it untriggered`,
    docs: "upgradeFromV2",
  });
}

function booleanValue(node: AnyNode | undefined): boolean | undefined {
  return (node?.type === "BooleanLiteral" || node?.type === "Literal") && typeof node["value"] === "boolean" ? node["value"] : undefined;
}

/** `enabled` shorthand from a top-level `const enabled = true` (a `let` may change, so it does not count). */
function constBoolean(c: ConvertContext, name: string | undefined): boolean | undefined {
  const init = name === undefined ? undefined : c.facts.definitions.get(name);
  const declaration = init?.parent?.parent?.node as unknown as AnyNode | undefined;
  return declaration?.["kind"] === "const" ? booleanValue(unwrapExpression(init?.node as unknown as AnyNode)) : undefined;
}

function source(c: ConvertContext, node: AnyNode | undefined): string {
  if (!node) return "its option";
  const text = c.j(node as unknown as ASTNode).toSource().replace(/\s+/g, " ");
  return `\`${text.length > 60 ? `${text.slice(0, 57)}...` : text}\``;
}

/** `x.on({ ... })`, `notify([slack])`: a call that was given something to lose. */
function hasArguments(value: AnyNode | undefined): boolean {
  if (value?.type !== "CallExpression" && value?.type !== "NewExpression") return false;
  return ((value["arguments"] as AnyNode[] | undefined) ?? []).length > 0;
}

/**
 * `concurrencyLimit: billing` where this file declares `const billing = queue({...})` at the top
 * level (the events transform turns a v2 `defineConcurrencyLimit` into exactly that): the
 * shared limit already is a task-API queue, so the task takes it as `queue: billing`.
 */
function isLocalQueue(c: ConvertContext, value: AnyNode): boolean {
  const name = identifierName(value);
  const init = name === undefined ? undefined : c.facts.definitions.get(name);
  const declaration = init?.parent?.parent?.node as unknown as AnyNode | undefined;
  if (declaration?.["kind"] !== "const" || (init?.node as unknown as AnyNode).type !== "CallExpression") return false;
  return c.tracker.matches(init!.get("callee") as ASTPath, ["queue"]);
}
