/**
 * TODO texts the io transform leaves. They are part of the tool's interface: later work (the
 * whole-project rewiring of `io.sendEvent`) finds its markers by these exact strings, so change
 * them only together with that work.
 */
import { TRIGGER_DOCS_URLS, type TriggerDocsPage } from "../../catalog/docs.js";
import { ioMemberInfo, OFFICIAL_CLIENT_EXAMPLES } from "../../catalog/io.js";
import { normalizeTriggerSource, V2_PACKAGE_REPLACEMENTS } from "../../catalog/packages.js";

export interface TodoText {
  message: string;
  docsUrl: string;
}

function todo(message: string, page: TriggerDocsPage): TodoText {
  return { message, docsUrl: TRIGGER_DOCS_URLS[page] };
}

/** `replace io.sendEvent with tasks.trigger("task-id", payload) or myTask.trigger(payload)` */
export function ioMemberTodo(member: string): TodoText {
  const info = ioMemberInfo(member);
  if (!info) return todo(`io.${member} is neither a v2 io member nor an integration of this job: migrate it by hand`, "upgradeFromV2");
  return todo(`replace io.${member} with ${info.replacement}`, info.docs);
}

export function nameTakenTodo(member: string, name: string): TodoText {
  const info = ioMemberInfo(member);
  const replacement = info?.replacement ?? name;
  return todo(`\`${name}\` is declared locally, so io.${member} was left as is: rename the local \`${name}\` and use ${replacement}`, info?.docs ?? "upgradeFromV2");
}

export const BARE_IO_TODO = todo("the v2 io object is passed on here: migrate the code that receives it (tasks have no io object)", "upgradeFromV2");

export const RUN_TASK_TASK_PARAM_TODO = todo(
  "the io.runTask callback reads its v2 task parameter: rewrite it as plain code (ctx.run.id / ctx.attempt.number replace task.idempotencyKey / task.attempts)",
  "upgradeFromV2",
);

export const RUN_TASK_ON_ERROR_TODO = todo("io.runTask has an onError handler: move it into a try/catch around the code (or the task's catchError hook)", "retrying");

export const RUN_TASK_SHAPE_TODO = todo("io.runTask could not be unwrapped automatically (callback or options are not literals): call the code directly", "upgradeFromV2");

export function runTaskOptionsTodo(keys: readonly string[]): TodoText {
  return todo(`io.runTask option(s) ${keys.join(", ")} have no task API equivalent: drop them or move the code into its own task`, "upgradeFromV2");
}

export const BACKGROUND_FETCH_OPTIONS_TODO = todo("io.backgroundFetch retry/timeout options: use retry.fetch(url, { retry, timeoutInMs }) instead", "retrying");

export const RANDOM_OPTIONS_TODO = todo("io.random options are not a literal object: use Math.random() arithmetic", "upgradeFromV2");

/** Above the first use of an integration key in a job. */
export function integrationClientTodo(key: string, clientName: string, v2Package: string | undefined): TodoText {
  const official = v2Package ? V2_PACKAGE_REPLACEMENTS[normalizeTriggerSource(v2Package)] : undefined;
  const example = v2Package ? OFFICIAL_CLIENT_EXAMPLES[normalizeTriggerSource(v2Package)] : undefined;
  const from = v2Package ? ` (was the v2 integration from "${v2Package}")` : "";
  const client = official ? `the official "${official}" client` : "the service's official SDK client";
  const hint = example ? ` (e.g. \`${example}\`)` : "";
  return todo(`io.${key} is now \`${clientName}\`${from}: make \`${clientName}\` ${client}${hint}; calls take no cache key, check the method names`, "upgradeFromV2");
}

/** Above a v2 integration package import whose client the io transform rewired. */
export function integrationPackageTodo(v2Package: string): TodoText {
  const official = V2_PACKAGE_REPLACEMENTS[normalizeTriggerSource(v2Package)];
  const instead = official ? `the official "${official}" package` : "the service's official SDK";
  return todo(`"${v2Package}" is a v2 integration: construct the client from ${instead} instead (see the TODOs where it is used)`, "upgradeFromV2");
}

/** A call on an integration that is now the official client, where v2's call shape differs (or is unknown). */
export function officialClientCallTodo(key: string, clientName: string, v2Package: string, methodPath: readonly (string | undefined)[]): TodoText {
  const official = V2_PACKAGE_REPLACEMENTS[normalizeTriggerSource(v2Package)] ?? "official SDK";
  const method = methodPath.length > 0 && methodPath.every((part) => part !== undefined) ? `.${methodPath.join(".")}` : "";
  return todo(
    `\`${clientName}\` is now the official "${official}" client, but io.${key}${method} was a v2-only call shape here: check the method name and arguments against the official SDK (no cache key)`,
    "upgradeFromV2",
  );
}

/** Above an official-client call whose v2 background options (fetch retries, timeout) were dropped. */
export function droppedBackgroundOptionsTodo(key: string, clientName: string, methodPath: readonly (string | undefined)[], options: readonly string[]): TodoText {
  const method = methodPath.every((part) => part !== undefined) ? `.${methodPath.join(".")}` : "";
  return todo(
    `the v2 background option(s) ${options.join(", ")} of io.${key}${method} were dropped: \`${clientName}\` makes a plain request; set its own request options (timeout in ms, maxRetries) if you need them`,
    "upgradeFromV2",
  );
}
