/** Finding task definitions and the task functions (run + hooks) a node sits in. */
import type { TSESTree } from "@typescript-eslint/utils";
import { AST_NODE_TYPES } from "@typescript-eslint/utils";
import { isTaskApiSource, type SdkMajor } from "../catalog/packages.js";
import { LIFECYCLE_HOOKS, TASK_FACTORIES } from "../catalog/tasks.js";
import type { TriggerImportTracker } from "./import-tracker.js";

export type TaskFactoryName = "task" | "schemaTask" | "toolTask" | "schedules.task";

export interface TaskDefinition {
  call: TSESTree.CallExpression;
  factory: TaskFactoryName;
  /** The options object literal, when the first argument is one. */
  options: TSESTree.ObjectExpression | undefined;
}

/** Is `call` a `task()` / `schemaTask()` / `toolTask()` / `schedules.task()` from the task API? */
export function taskDefinitionOf(call: TSESTree.CallExpression, tracker: TriggerImportTracker, target: SdkMajor): TaskDefinition | undefined {
  const reference = tracker.resolve(call.callee);
  if (!reference || !isTaskApiSource(reference.binding.source, target)) return undefined;
  const joined = reference.path.join(".");
  if (!TASK_FACTORIES.some((path) => path.join(".") === joined)) return undefined;
  const [first] = call.arguments;
  return { call, factory: joined as TaskFactoryName, options: first?.type === AST_NODE_TYPES.ObjectExpression ? first : undefined };
}

/** A non-computed, non-spread property of an object literal by key name. */
export function findProperty(object: TSESTree.ObjectExpression, name: string): TSESTree.Property | undefined {
  for (const property of object.properties) {
    if (property.type !== AST_NODE_TYPES.Property || property.computed) continue;
    const key = property.key;
    if ((key.type === AST_NODE_TYPES.Identifier && key.name === name) || (key.type === AST_NODE_TYPES.Literal && key.value === name)) return property;
  }
  return undefined;
}

/** True when the object has a spread (`...defaults`): a missing key may come from it. */
export function hasSpread(object: TSESTree.ObjectExpression): boolean {
  return object.properties.some((p) => p.type === AST_NODE_TYPES.SpreadElement);
}

export type TaskFunctionNode = TSESTree.FunctionExpression | TSESTree.ArrowFunctionExpression;

export interface TaskFunction {
  /** `run` or a hook name (`onSuccess`, `catchError`, ...). */
  name: string;
  fn: TaskFunctionNode;
  definition: TaskDefinition;
}

/** The task function (`run: async () => {}` or `run() {}`) of a property, if it is one. */
export function taskFunctionOfProperty(property: TSESTree.Property): TaskFunctionNode | undefined {
  const value = property.value;
  return value.type === AST_NODE_TYPES.FunctionExpression || value.type === AST_NODE_TYPES.ArrowFunctionExpression ? value : undefined;
}

/** `run` plus every lifecycle hook of the target, as written in a task's options. */
export function taskFunctions(definition: TaskDefinition, target: SdkMajor): TaskFunction[] {
  const options = definition.options;
  if (!options) return [];
  const names = ["run", ...LIFECYCLE_HOOKS[target]];
  const found: TaskFunction[] = [];
  for (const name of names) {
    const property = findProperty(options, name);
    const fn = property && taskFunctionOfProperty(property);
    if (fn) found.push({ name, fn, definition });
  }
  return found;
}

/**
 * Tracks which task functions are being traversed, for rules that only fire "inside a task run".
 * Use: call `enter(call)` on CallExpression and `exit(call)` on CallExpression:exit; `current()`
 * answers for the node being visited (innermost function wins, and a nested plain function
 * that is not the task function itself still counts as inside the run).
 */
export class TaskFunctionStack {
  private readonly functions = new Map<TaskFunctionNode, TaskFunction>();
  private readonly stack: TaskFunction[] = [];

  constructor(
    private readonly tracker: TriggerImportTracker,
    private readonly target: SdkMajor,
  ) {}

  /** Registers the task functions of a definition call (call from a CallExpression listener). */
  registerCall(call: TSESTree.CallExpression): TaskDefinition | undefined {
    const definition = taskDefinitionOf(call, this.tracker, this.target);
    if (definition) for (const fn of taskFunctions(definition, this.target)) this.functions.set(fn.fn, fn);
    return definition;
  }

  /** Call from function enter listeners. */
  enterFunction(node: TSESTree.Node): void {
    const fn = this.functions.get(node as TaskFunctionNode);
    if (fn) this.stack.push(fn);
  }

  /** Call from function exit listeners. */
  exitFunction(node: TSESTree.Node): void {
    const top = this.stack[this.stack.length - 1];
    if (top && top.fn === node) this.stack.pop();
  }

  /** The innermost task function being traversed. */
  current(): TaskFunction | undefined {
    return this.stack[this.stack.length - 1];
  }
}
