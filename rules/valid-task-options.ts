/**
 * Task option values that are wrong before the code ever runs: bad cron patterns and time zones,
 * unknown machine presets, impossible retry numbers, a too-short maxDuration, `wait.for` without
 * exactly one unit, and literal batches over the target's limit. Each report sits on the
 * offending property.
 */
import type { TSESLint, TSESTree } from "@typescript-eslint/utils";
import { AST_NODE_TYPES } from "@typescript-eslint/utils";
import { CronExpressionParser } from "cron-parser";
import { isTaskApiSource } from "../src/catalog/packages.js";
import {
  BATCH_LIMIT,
  BATCH_TRIGGER_FUNCTIONS,
  DEFAULT_MAX_DURATION_SECONDS,
  MACHINE_PRESETS,
  MIN_MAX_DURATION_SECONDS,
  TASK_INSTANCE_TRIGGER_METHODS,
  TASKS_TRIGGER_FUNCTIONS,
  WAIT_UNIT_NAMES,
} from "../src/catalog/tasks.js";
import { createRule } from "../src/eslint/create-rule.js";
import { TriggerImportTracker } from "../src/eslint/import-tracker.js";
import { constInitializer, staticNumber, staticString } from "../src/eslint/static-value.js";
import { targetForContext } from "../src/eslint/target.js";
import { findProperty, hasSpread, taskDefinitionOf } from "../src/eslint/task-calls.js";

export type MessageIds =
  | "cronFieldCount"
  | "invalidCron"
  | "unknownTimezone"
  | "unknownMachine"
  | "invalidMaxAttempts"
  | "invalidFactor"
  | "minTimeoutAboveMax"
  | "maxDurationTooShort"
  | "waitForNoUnit"
  | "waitForSeveralUnits"
  | "batchTooLarge";
export type Options = [];

const CRON_FIELDS = 5;

/** Why a cron pattern is rejected, or undefined when it is a valid 5-field pattern. */
export function cronProblem(pattern: string): { messageId: "cronFieldCount" | "invalidCron"; data: Record<string, string> } | undefined {
  const fields = pattern.trim().split(/\s+/).filter(Boolean);
  // cron-parser also accepts 6-field (seconds) and shorter patterns; Trigger.dev takes exactly 5.
  if (fields.length !== CRON_FIELDS) return { messageId: "cronFieldCount", data: { pattern, count: String(fields.length) } };
  try {
    CronExpressionParser.parse(pattern.trim());
    return undefined;
  } catch (error) {
    const reason = error instanceof Error ? error.message.replace(/\.$/, "") : String(error);
    return { messageId: "invalidCron", data: { pattern, reason } };
  }
}

let ianaZones: Set<string> | undefined;

/** IANA names known to this runtime, plus aliases `Intl.DateTimeFormat` accepts (`US/Eastern`). */
export function isKnownTimezone(timezone: string): boolean {
  ianaZones ??= new Set(Intl.supportedValuesOf("timeZone"));
  if (timezone === "UTC" || ianaZones.has(timezone)) return true;
  // Offsets such as "+01:00" are not IANA names, even where newer runtimes accept them.
  if (/^[+-]/.test(timezone)) return false;
  try {
    new Intl.DateTimeFormat(undefined, { timeZone: timezone });
    return true;
  } catch {
    return false;
  }
}

const TASKS_BATCH_FUNCTIONS = TASKS_TRIGGER_FUNCTIONS.filter((name) => name.startsWith("batch"));
const TASK_BATCH_METHODS = TASK_INSTANCE_TRIGGER_METHODS.filter((name) => name.startsWith("batch"));

export default createRule<Options, MessageIds>({
  name: "valid-task-options",
  meta: {
    type: "problem",
    docs: {
      description: "Disallow task option values that are statically wrong (cron, time zone, machine, retry, maxDuration, wait.for units, batch size)",
      recommended: true,
      sdkVersions: [3, 4],
    },
    schema: [],
    defaultOptions: [],
    messages: {
      cronFieldCount:
        'Cron pattern "{{pattern}}" has {{count}} fields: write exactly 5 (minute hour day-of-month month day-of-week), e.g. "0 9 * * 1-5"; seconds and macros such as @daily are not supported.',
      invalidCron: 'Cron pattern "{{pattern}}" is not valid ({{reason}}): write 5 fields such as "0 9 * * 1-5".',
      unknownTimezone: 'Unknown time zone "{{timezone}}": write an IANA name such as "America/New_York", "Europe/London" or "UTC".',
      unknownMachine: 'Unknown machine preset "{{preset}}": use one of {{presets}}.',
      invalidMaxAttempts: "`maxAttempts` must be a whole number of at least 1 (it counts the first attempt), not {{value}}: write e.g. `maxAttempts: 3`.",
      invalidFactor: "`factor` must be at least 1 (each retry waits `factor` times longer than the last), not {{value}}: write e.g. `factor: 2`.",
      minTimeoutAboveMax: "`minTimeoutInMs` ({{min}}) is larger than `maxTimeoutInMs` ({{max}}): make `minTimeoutInMs` the smaller of the two.",
      maxDurationTooShort: "`maxDuration` is in seconds and must be at least {{min}}, not {{value}}: write e.g. `maxDuration: {{example}}`.",
      waitForNoUnit: "`wait.for` needs exactly one unit: write e.g. `wait.for({ seconds: 30 })` (units: {{units}}).",
      waitForSeveralUnits: "`wait.for` takes exactly one unit, not {{units}}: convert to one, e.g. `{ minutes: 90 }` instead of `{ hours: 1, minutes: 30 }`.",
      batchTooLarge: "This batch has {{count}} items but SDK {{target}} accepts at most {{limit}} per batch: split it into chunks of {{limit}}.",
    },
  },
  create(context) {
    const tracker = TriggerImportTracker.of(context);
    if (!tracker.hasBindings) return {};
    const target = targetForContext(context);
    const sourceCode = context.sourceCode;
    const fromTaskApi = (source: string): boolean => isTaskApiSource(source, target);

    const text = (node: TSESTree.Node): string | undefined => staticString(node, sourceCode);
    const number = (node: TSESTree.Node): number | undefined => staticNumber(node, sourceCode);

    function checkCron(property: TSESTree.Property): void {
      const pattern = text(property.value);
      const problem = pattern === undefined ? undefined : cronProblem(pattern);
      if (problem) context.report({ node: property, ...problem });
    }

    function checkTimezone(property: TSESTree.Property | undefined): void {
      const timezone = property && text(property.value);
      if (property && timezone !== undefined && !isKnownTimezone(timezone)) context.report({ node: property, messageId: "unknownTimezone", data: { timezone } });
    }

    /** `cron: "..."` or `cron: { pattern, timezone }` (schedules.task). */
    function checkCronOption(property: TSESTree.Property | undefined): void {
      if (!property) return;
      if (property.value.type !== AST_NODE_TYPES.ObjectExpression) {
        checkCron(property);
        return;
      }
      const pattern = findProperty(property.value, "pattern");
      if (pattern) checkCron(pattern);
      checkTimezone(findProperty(property.value, "timezone"));
    }

    function checkMachine(property: TSESTree.Property | undefined): void {
      if (!property) return;
      const presetProperty = property.value.type === AST_NODE_TYPES.ObjectExpression ? findProperty(property.value, "preset") : property;
      const preset = presetProperty && text(presetProperty.value);
      const presets = MACHINE_PRESETS[target];
      if (presetProperty && preset !== undefined && !presets.includes(preset)) {
        context.report({ node: presetProperty, messageId: "unknownMachine", data: { preset, presets: presets.map((p) => `"${p}"`).join(", ") } });
      }
    }

    function checkRetry(retry: TSESTree.Node | undefined): void {
      if (retry?.type !== AST_NODE_TYPES.ObjectExpression) return;
      const maxAttempts = findProperty(retry, "maxAttempts");
      const attempts = maxAttempts && number(maxAttempts.value);
      if (maxAttempts && attempts !== undefined && (attempts < 1 || !Number.isInteger(attempts))) {
        context.report({ node: maxAttempts, messageId: "invalidMaxAttempts", data: { value: String(attempts) } });
      }
      const factor = findProperty(retry, "factor");
      const factorValue = factor && number(factor.value);
      if (factor && factorValue !== undefined && factorValue < 1) context.report({ node: factor, messageId: "invalidFactor", data: { value: String(factorValue) } });
      const minTimeout = findProperty(retry, "minTimeoutInMs");
      const maxTimeout = findProperty(retry, "maxTimeoutInMs");
      const min = minTimeout && number(minTimeout.value);
      const max = maxTimeout && number(maxTimeout.value);
      if (minTimeout && min !== undefined && max !== undefined && min > max) {
        context.report({ node: minTimeout, messageId: "minTimeoutAboveMax", data: { min: String(min), max: String(max) } });
      }
    }

    function checkMaxDuration(property: TSESTree.Property | undefined): void {
      const value = property && number(property.value);
      if (property && value !== undefined && value < MIN_MAX_DURATION_SECONDS) {
        context.report({
          node: property,
          messageId: "maxDurationTooShort",
          data: { value: String(value), min: String(MIN_MAX_DURATION_SECONDS), example: String(DEFAULT_MAX_DURATION_SECONDS) },
        });
      }
    }

    function checkTaskOptions(options: TSESTree.ObjectExpression, scheduled: boolean): void {
      if (scheduled) checkCronOption(findProperty(options, "cron"));
      checkMachine(findProperty(options, "machine"));
      checkRetry(findProperty(options, "retry")?.value);
      checkMaxDuration(findProperty(options, "maxDuration"));
    }

    /** `schedules.create({ cron, timezone })` / `schedules.update(id, { cron, timezone })`. */
    function checkScheduleOptions(options: TSESTree.Node | undefined): void {
      if (options?.type !== AST_NODE_TYPES.ObjectExpression) return;
      const cron = findProperty(options, "cron");
      if (cron) checkCron(cron);
      checkTimezone(findProperty(options, "timezone"));
    }

    function checkWaitFor(argument: TSESTree.Node | undefined): void {
      if (argument?.type !== AST_NODE_TYPES.ObjectExpression || hasSpread(argument)) return;
      const units = WAIT_UNIT_NAMES.map((unit) => findProperty(argument, unit)).filter((p): p is TSESTree.Property => p !== undefined);
      if (units.length === 0) {
        context.report({ node: argument, messageId: "waitForNoUnit", data: { units: WAIT_UNIT_NAMES.join(", ") } });
      } else if (units.length > 1) {
        const names = units.map((p) => sourceCode.getText(p.key)).join(" + ");
        context.report({ node: units[1]!, messageId: "waitForSeveralUnits", data: { units: names } });
      }
    }

    function checkBatch(items: TSESTree.Node | undefined): void {
      if (items?.type !== AST_NODE_TYPES.ArrayExpression) return;
      // Spread elements add an unknown number of items: the literal ones are a lower bound.
      const count = items.elements.filter((element) => element !== null && element.type !== AST_NODE_TYPES.SpreadElement).length;
      const limit = BATCH_LIMIT[target];
      if (count > limit) context.report({ node: items, messageId: "batchTooLarge", data: { count: String(count), limit: String(limit), target: String(target) } });
    }

    /** `myTask.batchTrigger(...)` where `myTask` is a task defined in this file. */
    function isLocalTask(node: TSESTree.Node): boolean {
      if (node.type !== AST_NODE_TYPES.Identifier) return false;
      const init = constInitializer(node, sourceCode);
      return init?.type === AST_NODE_TYPES.CallExpression && taskDefinitionOf(init, tracker, target) !== undefined;
    }

    function checkTriggerCall(node: TSESTree.CallExpression): void {
      const reference = tracker.resolve(node.callee);
      if (reference && fromTaskApi(reference.binding.source) && reference.path.length === 2) {
        const [namespace, fn] = reference.path as [string, string];
        if (namespace === "tasks" && TASKS_BATCH_FUNCTIONS.includes(fn)) checkBatch(node.arguments[1]);
        else if (namespace === "batch" && BATCH_TRIGGER_FUNCTIONS.includes(fn)) checkBatch(node.arguments[0]);
        else if (namespace === "wait" && fn === "for") checkWaitFor(node.arguments[0]);
        else if (namespace === "schedules" && fn === "create") checkScheduleOptions(node.arguments[0]);
        else if (namespace === "schedules" && fn === "update") checkScheduleOptions(node.arguments[1]);
        else if (namespace === "retry" && fn === "onThrow") checkRetry(node.arguments[1]);
        return;
      }
      const callee = node.callee;
      if (callee.type !== AST_NODE_TYPES.MemberExpression || callee.computed || callee.property.type !== AST_NODE_TYPES.Identifier) return;
      if (TASK_BATCH_METHODS.includes(callee.property.name) && isLocalTask(callee.object)) checkBatch(node.arguments[0]);
    }

    const listeners: TSESLint.RuleListener = {
      CallExpression(node) {
        const definition = taskDefinitionOf(node, tracker, target);
        if (definition) {
          if (definition.options) checkTaskOptions(definition.options, definition.factory === "schedules.task");
          return;
        }
        checkTriggerCall(node);
      },
    };
    return listeners;
  },
});
