/**
 * The task API ("v3"), per target major: factories, options, machines, waits, hooks, limits.
 * Sources: trigger-facts.md sections 2 and 3 (3.3.17 and 4.x source and docs).
 */
import type { SdkMajor } from "./packages.js";

/** Task factories whose first argument is a task options object. Paths are export + members. */
export const TASK_FACTORIES: readonly (readonly string[])[] = [["task"], ["schemaTask"], ["toolTask"], ["schedules", "task"]];

/** Option keys of `task()` (CommonTaskOptions), used to recognise a task options object. */
export const TASK_OPTION_KEYS: readonly string[] = [
  "id",
  "description",
  "retry",
  "queue",
  "machine",
  "maxDuration",
  "run",
  "init",
  "cleanup",
  "middleware",
  "handleError",
  "catchError",
  "onStart",
  "onStartAttempt",
  "onSuccess",
  "onFailure",
  "onComplete",
  "onWait",
  "onResume",
  "onCancel",
  "schema",
  "cron",
  "ttl",
];

/** Lifecycle hooks: the functions of a task besides `run`, per major. */
export const LIFECYCLE_HOOKS: Readonly<Record<SdkMajor, readonly string[]>> = {
  3: ["init", "cleanup", "middleware", "handleError", "onStart", "onSuccess", "onFailure"],
  4: [
    "init",
    "cleanup",
    "middleware",
    "handleError",
    "catchError",
    "onStart",
    "onStartAttempt",
    "onSuccess",
    "onFailure",
    "onComplete",
    "onWait",
    "onResume",
    "onCancel",
  ],
};

/** Hooks whose v3 signature is positional; in v4 every hook takes a single object. */
export const V3_POSITIONAL_HOOKS: Readonly<Record<string, readonly string[]>> = {
  // hook: the v3 positional parameter names before the `{ ctx, ... }` object
  onStart: ["payload"],
  onSuccess: ["payload", "output"],
  onFailure: ["payload", "error"],
  handleError: ["payload", "error"],
  init: ["payload"],
  cleanup: ["payload"],
  middleware: ["payload"],
};

/** Hooks deprecated on 4.x and what replaces them. */
export const V4_DEPRECATED_HOOKS: Readonly<Record<string, string>> = {
  handleError: "catchError",
  init: "middleware + locals",
  cleanup: "middleware",
  onStart: "onStartAttempt",
};

/** Hooks where a thrown error is swallowed or turns a finished run into a failure. */
export const THROW_SENSITIVE_HOOKS: readonly string[] = ["onStart", "onStartAttempt", "onSuccess", "onFailure", "onComplete", "onWait", "onResume", "onCancel"];

/** Machine presets. The string shorthand on tasks exists from 3.3.11; `{ preset }` always. */
export const MACHINE_PRESETS: Readonly<Record<SdkMajor, readonly string[]>> = {
  3: ["micro", "small-1x", "small-2x", "medium-1x", "medium-2x", "large-1x", "large-2x"],
  4: ["micro", "small-1x", "small-2x", "medium-1x", "medium-2x", "large-1x", "large-2x"],
};

/** `wait.for` units, largest first, with their length in seconds (months/years are calendar units). */
export const WAIT_UNITS: readonly { unit: string; seconds: number; exact: boolean }[] = [
  { unit: "years", seconds: 365 * 24 * 3600, exact: false },
  { unit: "months", seconds: 30 * 24 * 3600, exact: false },
  { unit: "weeks", seconds: 7 * 24 * 3600, exact: true },
  { unit: "days", seconds: 24 * 3600, exact: true },
  { unit: "hours", seconds: 3600, exact: true },
  { unit: "minutes", seconds: 60, exact: true },
  { unit: "seconds", seconds: 1, exact: true },
];

export const WAIT_UNIT_NAMES: readonly string[] = WAIT_UNITS.map((u) => u.unit);

/** Node modules whose `setTimeout(ms)` returns a promise: a sleep that `wait.for` replaces in a task. */
export const TIMERS_PROMISES_MODULES: readonly string[] = ["node:timers/promises", "timers/promises"];

/**
 * The `wait.for` argument for a duration: the largest unit that divides it exactly
 * (months and years are skipped: they are calendar units, not fixed lengths).
 * Fractional seconds are kept as seconds.
 */
export function bestWaitUnit(totalSeconds: number): { unit: string; amount: number } {
  for (const { unit, seconds, exact } of WAIT_UNITS) {
    if (!exact) continue;
    if (totalSeconds >= seconds && Number.isInteger(totalSeconds / seconds)) {
      return { unit, amount: totalSeconds / seconds };
    }
  }
  return { unit: "seconds", amount: totalSeconds };
}

/** Minimum `maxDuration` in seconds (task option and config). */
export const MIN_MAX_DURATION_SECONDS = 5;

/** The default `maxDuration` the codemod writes on scheduled tasks and trigger.config.ts. */
export const DEFAULT_MAX_DURATION_SECONDS = 300;

/** The default `retry` block the codemod writes on every new task. */
export const DEFAULT_RETRY = { maxAttempts: 3, factor: 2, minTimeoutInMs: 1000, maxTimeoutInMs: 10000, randomize: true } as const;

/** Largest literal batch per target (3.3.0+: 500; 4.3.1+: 1000). */
export const BATCH_LIMIT: Readonly<Record<SdkMajor, number>> = { 3: 500, 4: 1000 };

/** `tasks.*` functions that trigger by id. */
export const TASKS_TRIGGER_FUNCTIONS: readonly string[] = ["trigger", "batchTrigger", "triggerAndWait", "batchTriggerAndWait", "triggerAndPoll"];

/** `batch.*` functions (3.3.0+). */
export const BATCH_TRIGGER_FUNCTIONS: readonly string[] = ["trigger", "triggerAndWait", "triggerByTask", "triggerByTaskAndWait"];

/** Instance methods of a task that start runs. */
export const TASK_INSTANCE_TRIGGER_METHODS: readonly string[] = ["trigger", "batchTrigger", "triggerAndWait", "batchTriggerAndWait"];

/** Where the items (batch forms) and the options sit in a trigger call's arguments. */
export interface TriggerCallArguments {
  items?: number;
  options: number;
}

/**
 * Argument positions per call form and method (3.3.17 and 4.8.3 signatures):
 * `tasks.trigger(id, payload, options)`, `myTask.batchTrigger(items, options)`, `batch.trigger(items, options)`.
 * `tasks.triggerAndPoll` exists on 3.x only, `tasks.triggerAndSubscribe` on 4.x only.
 */
export const TRIGGER_CALL_ARGUMENTS: Readonly<Record<"tasks" | "task" | "batch", Readonly<Record<string, TriggerCallArguments>>>> = {
  tasks: {
    trigger: { options: 2 },
    triggerAndWait: { options: 2 },
    triggerAndPoll: { options: 2 },
    triggerAndSubscribe: { options: 2 },
    batchTrigger: { items: 1, options: 2 },
    batchTriggerAndWait: { items: 1, options: 2 },
  },
  task: {
    trigger: { options: 1 },
    triggerAndWait: { options: 1 },
    batchTrigger: { items: 0, options: 1 },
    batchTriggerAndWait: { items: 0, options: 1 },
  },
  batch: {
    trigger: { items: 0, options: 1 },
    triggerAndWait: { items: 0, options: 1 },
    triggerByTask: { items: 0, options: 1 },
    triggerByTaskAndWait: { items: 0, options: 1 },
  },
};

/**
 * Batch triggers whose 4.x handle has no `.runs` (BatchRunHandle is `{ batchId, runCount,
 * publicAccessToken }`; use `batch.retrieve(handle.batchId)`). `batch.triggerByTask` keeps `runs`.
 */
export const V4_BATCH_HANDLES_WITHOUT_RUNS: Readonly<Record<"tasks" | "task" | "batch", readonly string[]>> = {
  tasks: ["batchTrigger"],
  task: ["batchTrigger"],
  batch: ["trigger"],
};

/**
 * Functions that reject `idempotencyKey` per target (3.3.0+ omits it from TriggerAndWaitOptions;
 * 4.x allows it again).
 */
export const NO_IDEMPOTENCY_KEY_METHODS: Readonly<Record<SdkMajor, readonly string[]>> = {
  3: ["triggerAndWait", "batchTriggerAndWait", "triggerByTaskAndWait"],
  4: [],
};

/** APIs removed or deprecated on 4.x (beyond hooks). */
export const V4_REMOVED_TASKS_FUNCTIONS: readonly string[] = ["triggerAndPoll"];

/** Methods of the task API `logger` export (`logger.trace(name, fn)` included). */
export const TASK_LOGGER_METHODS: readonly string[] = ["debug", "log", "info", "warn", "error", "trace"];

/** Prefixes of Trigger.dev secret keys (`tr_dev_...`, `tr_prod_...`). */
export const SECRET_KEY_PREFIXES: readonly string[] = ["tr_dev_", "tr_prod_", "tr_stg_", "tr_staging_", "tr_preview_", "tr_pat_"];

/** `configure({ ... })` / `auth.configure({ ... })` options that hold a credential (auth.ts). */
export const CONFIGURE_FUNCTIONS: readonly (readonly string[])[] = [["configure"], ["auth", "configure"]];
export const CONFIGURE_CREDENTIAL_KEYS: readonly string[] = ["secretKey", "accessToken"];

/** Environment variable names: v2 -> task API. */
export const ENV_VAR_RENAMES: Readonly<Record<string, string>> = {
  TRIGGER_API_KEY: "TRIGGER_SECRET_KEY",
};

/** The v2 scheduled payload field renamed in the task API (`payload.ts` -> `payload.timestamp`). */
export const SCHEDULED_PAYLOAD_RENAMES: Readonly<Record<string, string>> = { ts: "timestamp" };

/** v2 `ctx` paths renamed in the task API (v2 organization had `title`, the task API `name`). */
export const CTX_RENAMES: Readonly<Record<string, string>> = { "job.id": "task.id", "organization.title": "organization.name" };

/** v2 `ctx` members with no task API counterpart, and what to do instead. */
export const V2_CTX_WITHOUT_EQUIVALENT: Readonly<Record<string, string>> = {
  event: "there are no events in the task API: read what you need from the payload",
  account: "there are no integration accounts: pass the account id in the payload",
  source: "there are no trigger sources: pass what you need in the payload",
  "job.version": "ctx.deployment?.version is the closest (the deployed version, not a job version)",
  "run.isRetry": "use ctx.attempt.number > 1",
};

/**
 * v2 `onSuccess`/`onFailure(notification)` fields -> what the task API hooks give
 * (core `schemas/runs.ts` RunNotification at 2.3.18). Longest prefix wins; the first name of a
 * replacement is a hook parameter (`payload`, `ctx`, `output`, `error`).
 */
export const V2_NOTIFICATION_FIELDS: Readonly<Record<string, string>> = {
  output: "output",
  error: "error",
  "invocation.payload": "payload",
  id: "ctx.run.id",
  isTest: "ctx.run.isTest",
  startedAt: "ctx.run.startedAt",
  "job.id": "ctx.task.id",
  environment: "ctx.environment",
  "organization.title": "ctx.organization.name",
  organization: "ctx.organization",
  project: "ctx.project",
};

/** v2 interval limits (intervalTrigger seconds). */
export const V2_INTERVAL_LIMITS = { minSeconds: 20, maxSeconds: 2_592_000 } as const;
