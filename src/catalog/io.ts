/**
 * Every member of the v2 `io` object and what replaces it in the task API.
 * Source: trigger-facts.md 1.4 (io.ts at 2.3.18) and section 4 (the v2 -> v3 mapping).
 */
import type { TriggerDocsPage } from "./docs.js";

/**
 * - `mechanical`: the codemod rewrites it and the lint rule can offer a suggestion;
 * - `inline`: the codemod rewrites it (structure changes), lint only reports;
 * - `manual`: a human must decide; the codemod leaves a TODO naming the replacement.
 */
export type IoMigrationKind = "mechanical" | "inline" | "manual";

export interface IoMemberInfo {
  /** What to write instead, as shown in messages and TODOs. */
  replacement: string;
  kind: IoMigrationKind;
  docs: TriggerDocsPage;
  /** True when the first argument is a cache key (dropped in the task API). */
  takesCacheKey: boolean;
}

export const V2_IO_MEMBERS: Readonly<Record<string, IoMemberInfo>> = {
  logger: { replacement: "logger (imported from the SDK)", kind: "mechanical", docs: "logging", takesCacheKey: false },
  wait: { replacement: "await wait.for({ seconds: n })", kind: "mechanical", docs: "wait", takesCacheKey: true },
  runTask: { replacement: "plain code (no io.runTask, no cache keys)", kind: "inline", docs: "upgradeFromV2", takesCacheKey: true },
  try: { replacement: "try/catch", kind: "inline", docs: "upgradeFromV2", takesCacheKey: false },
  sendEvent: { replacement: "tasks.trigger(\"task-id\", payload) or myTask.trigger(payload)", kind: "manual", docs: "triggering", takesCacheKey: true },
  sendEvents: { replacement: "tasks.batchTrigger(...) or batch.trigger([...])", kind: "manual", docs: "triggering", takesCacheKey: true },
  getEvent: { replacement: "runs.retrieve(runId) (there are no events in the task API)", kind: "manual", docs: "triggering", takesCacheKey: true },
  cancelEvent: { replacement: "runs.cancel(runId)", kind: "manual", docs: "triggering", takesCacheKey: true },
  waitForEvent: { replacement: "a wait token: wait.createToken() + wait.forToken()", kind: "manual", docs: "waitTokens", takesCacheKey: true },
  waitForRequest: { replacement: "a wait token: wait.createToken() (token.url) + wait.forToken()", kind: "manual", docs: "waitTokens", takesCacheKey: true },
  createStatus: { replacement: "metadata.set(...) read with Realtime", kind: "manual", docs: "metadata", takesCacheKey: true },
  backgroundFetch: { replacement: "fetch(...) or retry.fetch(...)", kind: "inline", docs: "upgradeFromV2", takesCacheKey: true },
  backgroundFetchResponse: { replacement: "fetch(...) or retry.fetch(...)", kind: "manual", docs: "upgradeFromV2", takesCacheKey: true },
  backgroundPoll: { replacement: "a loop of fetch(...) with await wait.for(...) between polls", kind: "manual", docs: "wait", takesCacheKey: true },
  random: { replacement: "Math.random()", kind: "inline", docs: "upgradeFromV2", takesCacheKey: true },
  parallel: { replacement: "Promise.all(items.map(...)) or batch.triggerAndWait", kind: "manual", docs: "triggering", takesCacheKey: true },
  yield: { replacement: "nothing: task runs have no execution time limit to yield from (remove it)", kind: "manual", docs: "upgradeFromV2", takesCacheKey: true },
  brb: { replacement: "nothing: task runs have no execution time limit to yield from (remove it)", kind: "manual", docs: "upgradeFromV2", takesCacheKey: true },
  store: { replacement: "your own storage (the task API has no key-value store)", kind: "manual", docs: "upgradeFromV2", takesCacheKey: false },
  registerInterval: { replacement: "schedules.create({ task, cron, deduplicationKey })", kind: "manual", docs: "scheduled", takesCacheKey: true },
  unregisterInterval: { replacement: "schedules.del(scheduleId)", kind: "manual", docs: "scheduled", takesCacheKey: true },
  registerCron: { replacement: "schedules.create({ task, cron, deduplicationKey })", kind: "manual", docs: "scheduled", takesCacheKey: true },
  unregisterCron: { replacement: "schedules.del(scheduleId)", kind: "manual", docs: "scheduled", takesCacheKey: true },
  registerTrigger: { replacement: "a task triggered from your own webhook handler", kind: "manual", docs: "triggering", takesCacheKey: true },
  updateSource: { replacement: "nothing (v2 internal)", kind: "manual", docs: "upgradeFromV2", takesCacheKey: true },
  updateWebhook: { replacement: "nothing (v2 internal)", kind: "manual", docs: "upgradeFromV2", takesCacheKey: true },
  getAuth: { replacement: "credentials from environment variables", kind: "manual", docs: "upgradeFromV2", takesCacheKey: true },
};

/** Information about an `io` member; undefined means an integration key (`io.openai`, `io.slack`). */
export function ioMemberInfo(name: string): IoMemberInfo | undefined {
  return Object.hasOwn(V2_IO_MEMBERS, name) ? V2_IO_MEMBERS[name] : undefined;
}

/** The replacement text shown for an integration call `io.<key>.<method>(...)`. */
export const IO_INTEGRATION_REPLACEMENT = "the official SDK client, called without the cache key";

/** The v2 logger methods (`io.logger.<m>`), all of which exist on the task API `logger`. */
export const IO_LOGGER_METHODS: readonly string[] = ["log", "debug", "info", "warn", "error"];

/**
 * `io.runTask` options that only shaped the v2 dashboard (trigger-facts.md 1.4 RunTaskOptions):
 * dropping them changes no behaviour. Any other option (`delayUntil`, `callback`, `noop`, ...)
 * needs a human.
 */
export const RUN_TASK_DISPLAY_OPTIONS: readonly string[] = ["name", "icon", "displayKey", "description", "properties", "params", "style", "redact", "operation", "connectionKey"];

/** v2 `retry` option keys (runTask) -> task API `RetryOptions` keys (`retry.onThrow`). */
export const V2_RETRY_OPTION_RENAMES: Readonly<Record<string, string>> = {
  limit: "maxAttempts",
  factor: "factor",
  minTimeoutInMs: "minTimeoutInMs",
  maxTimeoutInMs: "maxTimeoutInMs",
  randomize: "randomize",
};

/** Integration task methods whose official-SDK name differs only by the v2 "background" prefix. */
export const INTEGRATION_METHOD_RENAMES: Readonly<Record<string, string>> = { backgroundCreate: "create" };

/** How to construct the official client that replaces a v2 integration package (TODO text). */
export const OFFICIAL_CLIENT_EXAMPLES: Readonly<Record<string, string>> = {
  "@trigger.dev/openai": 'import OpenAI from "openai"; const openai = new OpenAI()',
  "@trigger.dev/resend": 'import { Resend } from "resend"; const resend = new Resend(process.env.RESEND_API_KEY)',
  "@trigger.dev/slack": 'import { WebClient } from "@slack/web-api"; const slack = new WebClient(process.env.SLACK_TOKEN)',
  "@trigger.dev/github": 'import { Octokit } from "octokit"; const github = new Octokit({ auth: process.env.GITHUB_TOKEN })',
  "@trigger.dev/stripe": 'import Stripe from "stripe"; const stripe = new Stripe(process.env.STRIPE_SECRET_KEY!)',
};

/**
 * v2 integration packages whose construction the codemod rewrites to the official SDK client
 * (the official package name is V2_PACKAGE_REPLACEMENTS[v2 package]). Only where the official
 * constructor takes the same options and, for `sameShapeMethods`, the v2 call without its cache
 * key is the official call with the same result (read from the v2 integration source, 2.3.18;
 * checked against the `openai` 7.x types). Everything else keeps a TODO.
 * Not here on purpose: `@trigger.dev/resend`, whose tasks unwrapped Resend's `{ data, error }`
 * result and threw on `error`; the official `emails.send` returns the pair, so callers would change.
 */
export interface OfficialClient {
  /** The class the v2 package exports (`import { OpenAI } from "@trigger.dev/openai"`). */
  v2Export: string;
  /** `import OpenAI from "openai"` (default) or `import { X } from "pkg"` (named, as `className`). */
  importKind: "default" | "named";
  className: string;
  /** v2 constructor option -> the official option that takes the same value. */
  options: Readonly<Record<string, string>>;
  /** v2 options that only named or decorated the integration in the v2 dashboard: dropped. */
  droppedOptions: readonly string[];
  /**
   * Method paths (after INTEGRATION_METHOD_RENAMES) whose official call is the v2 call without
   * its cache key (params, optional request options). Others (legacy flat aliases such as
   * `createChatCompletion`, `files.create` that took a string, `files.list` that returned an
   * array, `images.edit` that took URLs) keep a TODO.
   */
  sameShapeMethods: readonly string[];
}

export const OFFICIAL_CLIENTS: Readonly<Record<string, OfficialClient>> = {
  "@trigger.dev/openai": {
    v2Export: "OpenAI",
    importKind: "default",
    className: "OpenAI",
    options: { apiKey: "apiKey", organization: "organization", baseURL: "baseURL", defaultHeaders: "defaultHeaders", defaultQuery: "defaultQuery" },
    droppedOptions: ["id", "icon"],
    sameShapeMethods: ["chat.completions.create", "completions.create", "embeddings.create", "images.generate"],
  },
};

/** The official client for a v2 integration package, when the codemod can construct it. */
export function officialClientFor(v2Package: string): OfficialClient | undefined {
  return Object.hasOwn(OFFICIAL_CLIENTS, v2Package) ? OFFICIAL_CLIENTS[v2Package] : undefined;
}
