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

/** Type-only exports of the task API that migrated code commonly imports. */
export const TASK_API_TYPE_EXPORTS: ReadonlySet<string> = new Set([
  "Task",
  "TaskPayload",
  "TaskOutput",
  "TaskRunContext",
  "Context",
  "RetryOptions",
  "ScheduledTaskPayload",
  "TriggerOptions",
  "TaskIdentifier",
  "AnyTask",
  "TaskRunResult",
]);

export function isTaskApiExport(name: string, target: SdkMajor): boolean {
  return TASK_API_EXPORTS[target].has(name) || TASK_API_TYPE_EXPORTS.has(name);
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
  "handleRequest",
  "attach",
];

/** The keys that make an object literal a v2 `defineJob` argument (all required in v2). */
export const V2_JOB_REQUIRED_KEYS: readonly string[] = ["id", "name", "version", "trigger", "run"];

/** The v2 trigger factories exported by the SDK root. */
export const V2_TRIGGER_FACTORIES = ["eventTrigger", "cronTrigger", "intervalTrigger", "invokeTrigger"] as const;
export type V2TriggerFactory = (typeof V2_TRIGGER_FACTORIES)[number];

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
