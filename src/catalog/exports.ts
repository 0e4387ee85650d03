/**
 * Export names per API. Read from the shipped packages: `@trigger.dev/sdk` 2.3.18 / 3.3.17 root
 * (v2), 3.3.17 `/v3` and 4.8.3 root (task API); see trigger-facts.md sections 0 and 2.
 */
import type { SdkMajor } from "./packages.js";

/**
 * Names that exist only in the v2 API. `TriggerClient` and `retry` are NOT here: both names
 * exist in the task API too (TriggerClient again from 4.5.0, retry since 3.0), so a v2
 * detector must look at how they are used (see `V2_CLIENT_OPTION_KEYS`).
 */
export const V2_ONLY_EXPORTS: readonly string[] = [
  "Job",
  "eventTrigger",
  "cronTrigger",
  "intervalTrigger",
  "invokeTrigger",
  "EventTrigger",
  "CronTrigger",
  "IntervalTrigger",
  "InvokeTrigger",
  "DynamicTrigger",
  "DynamicSchedule",
  "ExternalSource",
  "ExternalSourceTrigger",
  "WebhookSource",
  "WebhookTrigger",
  "missingConnectionNotification",
  "missingConnectionResolvedNotification",
  "MissingConnectionNotification",
  "MissingConnectionResolvedNotification",
  "verifyRequestSignature",
  "verifyHmacSha256",
  "redactString",
  "isTriggerError",
  "slugifyId",
  "omit",
  "waitForEventSchema",
  "JSONOutputSerializer",
  "EventSpecificationExampleSchema",
  // types
  "IO",
  "IOTask",
  "IOLogger",
  "IOWithIntegrations",
  "TriggerContext",
  "JobOptions",
  "JobPayload",
  "JobIO",
  "EventFilter",
  "SentEvent",
  "TriggerIntegration",
  "IntegrationTaskKey",
];

const V2_ONLY_EXPORT_SET = new Set(V2_ONLY_EXPORTS);

export function isV2OnlyExport(name: string): boolean {
  return V2_ONLY_EXPORT_SET.has(name);
}

/** What replaces a v2-only export, for lint messages (names not listed get `V2_EXPORT_DEFAULT_REPLACEMENT`). */
export const V2_EXPORT_REPLACEMENTS: Readonly<Record<string, string>> = {
  Job: "task({ id, run }) from the task API",
  eventTrigger: "a task({ id, run }) started with yourTask.trigger(payload) (there are no events)",
  cronTrigger: "schedules.task({ id, cron, run })",
  intervalTrigger: "schedules.task({ id, cron, run }) with an equivalent cron pattern",
  invokeTrigger: "task({ id, run }) or schemaTask({ id, schema, run })",
  DynamicSchedule: "schedules.create({ task, cron, deduplicationKey })",
  IO: "the SDK imports logger, wait, tasks, metadata (there is no io object)",
  IOLogger: "the logger export of the SDK",
  TriggerContext: "the Context type of the task API",
};
export const V2_EXPORT_DEFAULT_REPLACEMENT = "the task API equivalent (see the v2 upgrade guide)";

/**
 * Names exported by both the v2 root and the task API with a different meaning (v2 `retry`
 * presets vs v3 `retry.onThrow`; the 4.5+ API client vs the v2 client): moving their import
 * from one path to the other can change behaviour, so no autofix may do it.
 */
export const V2_SHARED_NAMES: readonly string[] = ["retry", "TriggerClient"];

/** Value exports of the task API shared by 3.3.17 `/v3` and 4.x. */
const TASK_API_COMMON_EXPORTS = [
  "AbortTaskRunError",
  "ApiError",
  "AuthenticationError",
  "BadRequestError",
  "ConflictError",
  "InMemoryCache",
  "InternalServerError",
  "NotFoundError",
  "OutOfMemoryError",
  "PermissionDeniedError",
  "RateLimitError",
  "SubtaskUnwrapError",
  "UnprocessableEntityError",
  "WebhookError",
  "auth",
  "batch",
  "configure",
  "createCache",
  "defineConfig",
  "envvars",
  "idempotencyKeys",
  "logger",
  "metadata",
  "queue",
  "retry",
  "runs",
  "schedules",
  "schemaTask",
  "tags",
  "task",
  "tasks",
  "timeout",
  "toolTask",
  "usage",
  "wait",
  "waitUntil",
  "webhooks",
] as const;

/** Added in 4.x (a subset that users write; read from the 4.8.3 root). */
const TASK_API_V4_ONLY_EXPORTS = [
  "BatchTriggerError",
  "TriggerClient",
  "WaitpointTimeoutError",
  "locals",
  "queues",
  "streams",
  "heartbeats",
  "deployments",
  "otel",
] as const;

/**
 * Value exports of the task API per target major (a name outside this list cannot be moved to
 * the task path without breaking the import). Types are not listed: `isTaskApiExport` accepts
 * PascalCase type-like names only when they are known here.
 */
export const TASK_API_EXPORTS: Readonly<Record<SdkMajor, ReadonlySet<string>>> = {
  3: new Set<string>(TASK_API_COMMON_EXPORTS),
  4: new Set<string>([...TASK_API_COMMON_EXPORTS, ...TASK_API_V4_ONLY_EXPORTS]),
};

/**
 * Type-only exports of the task API that migrated code commonly imports, per target major.
 * `ScheduledTaskPayload` is NOT exported by the SDK (3.3.17 nor 4.8.3; it lives in
 * `@trigger.dev/core/v3`), and 3.3.17 `/v3` exports `Context` but not `TaskRunContext`.
 */
const TASK_API_COMMON_TYPE_EXPORTS = ["Task", "TaskPayload", "TaskOutput", "Context", "RetryOptions", "TriggerOptions", "TaskIdentifier", "AnyTask", "TaskRunResult"];
export const TASK_API_TYPE_EXPORTS: Readonly<Record<SdkMajor, ReadonlySet<string>>> = {
  3: new Set(TASK_API_COMMON_TYPE_EXPORTS),
  4: new Set([...TASK_API_COMMON_TYPE_EXPORTS, "TaskRunContext"]),
};

export function isTaskApiExport(name: string, target: SdkMajor): boolean {
  return TASK_API_EXPORTS[target].has(name) || TASK_API_TYPE_EXPORTS[target].has(name);
}

/**
 * Option keys that only the v2 `new TriggerClient({...})` takes. The 4.5+ TriggerClient takes
 * `{ accessToken, baseURL, previewBranch, ... }` and none of these.
 */
export const V2_CLIENT_OPTION_KEYS: readonly string[] = ["id", "apiKey", "apiUrl", "logLevel", "verbose", "ioLogLocalEnabled"];

/** Methods that only a v2 TriggerClient has. */
export const V2_CLIENT_METHODS: readonly string[] = [
  "defineJob",
  "defineDynamicTrigger",
  "defineDynamicSchedule",
  "defineHttpEndpoint",
  "defineConcurrencyLimit",
  "defineAuthResolver",
  "sendEvent",
  "sendEvents",
  "cancelEvent",
  "cancelRunsForEvent",
  "getEvent",
  "invokeJob",
  "cancelRunsForJob",
  "getRunStatuses",
  "getRun",
  "getRuns",
  "cancelRun",
  "handleRequest",
  "attach",
];

/** What replaces each v2 client method (V2_CLIENT_METHODS), for lint messages. */
export const V2_CLIENT_METHOD_REPLACEMENTS: Readonly<Record<string, string>> = {
  defineJob: "export const myTask = task({ id, run })",
  defineDynamicTrigger: "your own webhook route that calls yourTask.trigger(payload)",
  defineDynamicSchedule: "a schedules.task({ id, run }) and schedules.create({ task, cron, deduplicationKey }) for each schedule",
  defineHttpEndpoint: "your own route handler that calls yourTask.trigger(payload)",
  defineConcurrencyLimit: "queue({ name, concurrencyLimit }) on the task",
  defineAuthResolver: "nothing (integrations are gone): give each official SDK client its credentials from environment variables",
  sendEvent: "yourTask.trigger(payload) or tasks.trigger<typeof yourTask>(\"task-id\", payload)",
  sendEvents: "yourTask.batchTrigger(items) or batch.trigger([...])",
  cancelEvent: "runs.cancel(runId)",
  cancelRunsForEvent: "runs.cancel(runId) for each run",
  getEvent: "runs.retrieve(runId) (there are no events)",
  invokeJob: "tasks.trigger<typeof yourTask>(\"task-id\", payload) or yourTask.trigger(payload)",
  cancelRunsForJob: "runs.list({ taskIdentifier }) and runs.cancel(runId)",
  getRunStatuses: "metadata and runs.retrieve(runId) or Realtime",
  getRun: "runs.retrieve(runId)",
  getRuns: "runs.list({ taskIdentifier: \"task-id\" })",
  cancelRun: "runs.cancel(runId)",
  handleRequest: "nothing: task-API tasks need no route handler (npx trigger.dev deploy)",
  attach: "task({ id, run }) (tasks register themselves)",
};

/**
 * Methods of a v2 job object that start it (trigger-facts.md 1.2): `job.invoke(payload, opts?)`
 * (or `(cacheKey, payload, opts?)` inside a run), `invokeAndWaitForCompletion(cacheKey, payload,
 * timeoutInSeconds?)`, `batchInvokeAndWaitForCompletion(cacheKey, items)` (at most 25 items).
 */
export const V2_JOB_METHODS: readonly string[] = ["invoke", "invokeAndWaitForCompletion", "batchInvokeAndWaitForCompletion"];

/** The keys that make an object literal a v2 `defineJob` argument (all required in v2). */
export const V2_JOB_REQUIRED_KEYS: readonly string[] = ["id", "name", "version", "trigger", "run"];

/** The v2 trigger factories exported by the SDK root. */
export const V2_TRIGGER_FACTORIES = ["eventTrigger", "cronTrigger", "intervalTrigger", "invokeTrigger"] as const;
export type V2TriggerFactory = (typeof V2_TRIGGER_FACTORIES)[number];

/** What replaces each v2 trigger with no task API factory (trigger-facts.md 1.3 and section 4). */
export const V2_TRIGGER_REPLACEMENTS = {
  integration: "register the webhook with the provider's own SDK and call yourTask.trigger(payload) from your webhook route",
  httpEndpoint: "receive the request in your own route handler and call yourTask.trigger(payload) with the data you need (the payload is no longer a Request)",
  dynamicTrigger: "register the webhook yourself and call yourTask.trigger(payload) from your handler",
  dynamicSchedule: "attach schedules at runtime with schedules.create({ task, cron, deduplicationKey })",
  missingConnection: "integrations and their connection notifications are gone: delete this task",
  unknown: "trigger this task from your code with yourTask.trigger(payload) or give it a schedule",
} as const;
export type V2TriggerKind = keyof typeof V2_TRIGGER_REPLACEMENTS;

/** v2 notification trigger factories (integration connection events). */
export const V2_NOTIFICATION_TRIGGERS: readonly string[] = ["missingConnectionNotification", "missingConnectionResolvedNotification"];

/** v2 client methods and classes that define dynamic trigger sources bound to a variable. */
export const V2_DYNAMIC_DEFINERS: Readonly<Record<string, "dynamicTrigger" | "dynamicSchedule" | "httpEndpoint">> = {
  defineDynamicTrigger: "dynamicTrigger",
  DynamicTrigger: "dynamicTrigger",
  defineDynamicSchedule: "dynamicSchedule",
  DynamicSchedule: "dynamicSchedule",
  defineHttpEndpoint: "httpEndpoint",
};

/** v2 adapter route factories, per package (trigger-facts.md 1.6). */
export const V2_ADAPTER_FACTORIES: Readonly<Record<string, readonly string[]>> = {
  "@trigger.dev/nextjs": ["createAppRoute", "createPagesRoute"],
  "@trigger.dev/express": ["createMiddleware", "createExpressServer"],
  "@trigger.dev/astro": ["createAstroRoute"],
  "@trigger.dev/remix": ["createRemixRoute"],
  "@trigger.dev/sveltekit": ["createSvelteRoute"],
  "@trigger.dev/hono": ["createMiddleware", "addMiddleware"],
  "@trigger.dev/nestjs": ["TriggerDevModule", "InjectTriggerDevClient"],
};

/** Every adapter factory name, whatever the package (for text pre-filters). */
export const V2_ADAPTER_FACTORY_NAMES: readonly string[] = [...new Set(Object.values(V2_ADAPTER_FACTORIES).flat())];

/**
 * Task API exports the codemod writes bare (`task(...)`, `wait.for(...)`); the imports transform
 * imports each one that a migrated file references without a binding.
 */
export const CODEMOD_AUTO_IMPORTS: readonly string[] = ["task", "schemaTask", "schedules", "wait", "logger", "tasks", "retry", "batch", "metadata", "runs"];
