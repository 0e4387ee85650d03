/**
 * Recognising calls that start runs: `tasks.trigger("id", ...)`, `batch.trigger([...])` (traced to a
 * task-API import) and `myTask.trigger(...)` where `myTask` is a `const` initialised by a task factory
 * in this file (a task imported from another file cannot be recognised without type information).
 */
import type { TSESLint, TSESTree } from "@typescript-eslint/utils";
import { AST_NODE_TYPES } from "@typescript-eslint/utils";
import { isTaskApiSource, type SdkMajor } from "../catalog/packages.js";
import { TRIGGER_CALL_ARGUMENTS } from "../catalog/tasks.js";
import type { TriggerImportTracker } from "./import-tracker.js";
import { constInitializer } from "./static-value.js";
import { taskDefinitionOf } from "./task-calls.js";

export type TriggerCallForm = keyof typeof TRIGGER_CALL_ARGUMENTS;

export interface TriggerCall {
  call: TSESTree.CallExpression;
  /** `tasks.*`, `batch.*`, or a method of a task declared in this file. */
  form: TriggerCallForm;
  method: string;
  /** The method name node (`trigger` in `tasks.trigger`): where rules report. */
  methodNode: TSESTree.Node;
  /** A batch form (`batchTrigger`, `batch.*`): it takes an array of items. */
  isBatch: boolean;
  /** The items argument of a batch form, when passed (and not behind a spread). */
  items: TSESTree.Expression | undefined;
  /** The options argument, when passed (and not behind a spread). */
  options: TSESTree.Expression | undefined;
  /** A spread argument (`...args`) hides the options: nothing can be said about them. */
  hasSpreadArgument: boolean;
}

const KNOWN_METHODS = new Set(Object.values(TRIGGER_CALL_ARGUMENTS).flatMap((methods) => Object.keys(methods)));

/** The trigger call `call` is, or undefined for anything else (including look-alikes). */
export function triggerCallOf(
  call: TSESTree.CallExpression,
  tracker: TriggerImportTracker,
  target: SdkMajor,
  sourceCode: Readonly<TSESLint.SourceCode>,
): TriggerCall | undefined {
  const callee = call.callee;
  if (callee.type !== AST_NODE_TYPES.MemberExpression) return undefined;
  const method = propertyName(callee);
  // Cheap name check first: most calls in a file are not trigger calls.
  if (method === undefined || !KNOWN_METHODS.has(method)) return undefined;

  const reference = tracker.resolve(callee);
  if (reference) {
    if (!isTaskApiSource(reference.binding.source, target) || reference.path.length !== 2) return undefined;
    const [root] = reference.path;
    if (root !== "tasks" && root !== "batch") return undefined;
    return build(call, root, method, callee.property);
  }

  if (callee.object.type !== AST_NODE_TYPES.Identifier || !(method in TRIGGER_CALL_ARGUMENTS.task)) return undefined;
  const init = constInitializer(callee.object, sourceCode);
  if (init?.type !== AST_NODE_TYPES.CallExpression || !taskDefinitionOf(init, tracker, target)) return undefined;
  return build(call, "task", method, callee.property);
}

function build(call: TSESTree.CallExpression, form: TriggerCallForm, method: string, methodNode: TSESTree.Node): TriggerCall | undefined {
  const positions = TRIGGER_CALL_ARGUMENTS[form][method];
  if (!positions) return undefined;
  const spreadIndex = call.arguments.findIndex((argument) => argument.type === AST_NODE_TYPES.SpreadElement);
  const argumentAt = (index: number | undefined): TSESTree.Expression | undefined => {
    if (index === undefined || (spreadIndex !== -1 && spreadIndex <= index)) return undefined;
    const argument = call.arguments[index];
    return argument && argument.type !== AST_NODE_TYPES.SpreadElement ? argument : undefined;
  };
  return {
    call,
    form,
    method,
    methodNode,
    isBatch: positions.items !== undefined,
    items: argumentAt(positions.items),
    options: argumentAt(positions.options),
    hasSpreadArgument: spreadIndex !== -1 && spreadIndex <= positions.options,
  };
}

/** `a.b` / `a["b"]` -> "b". */
export function propertyName(node: TSESTree.MemberExpression): string | undefined {
  if (!node.computed && node.property.type === AST_NODE_TYPES.Identifier) return node.property.name;
  if (node.computed && node.property.type === AST_NODE_TYPES.Literal && typeof node.property.value === "string") return node.property.value;
  return undefined;
}
