/**
 * One specification for both import trackers (ESLint and jscodeshift): each case is a file and
 * the Trigger.dev references its call and `new` expressions must resolve to, as `line:export.path`.
 * Both tracker tests run every case, so the twins cannot drift apart.
 */
export interface TrackerCase {
  name: string;
  code: string;
  /** `"<line>:<export path>"` for every call/new callee that resolves, in source order. */
  expected: string[];
}

export const TRACKER_CASES: readonly TrackerCase[] = [
  {
    name: "resolves a named import",
    code: `import { task } from "@trigger.dev/sdk";
task({ id: "a", run: async () => {} });`,
    expected: ["2:task"],
  },
  {
    name: "resolves aliased imports to the exported name",
    code: `import { task as defineTask, schedules as s, wait as pause } from "@trigger.dev/sdk/v3";
defineTask({ id: "a", run: async () => {} });
s.task({ id: "b", cron: "0 * * * *", run: async () => {} });
await pause.for({ seconds: 5 });`,
    expected: ["2:task", "3:schedules.task", "4:wait.for"],
  },
  {
    name: "resolves a namespace import through its member chain",
    code: `import * as sdk from "@trigger.dev/sdk";
sdk.task({ id: "a", run: async () => {} });
sdk.schedules.task({ id: "b", run: async () => {} });
await sdk.wait.for({ minutes: 1 });
sdk.logger.info("hi");`,
    expected: ["2:task", "3:schedules.task", "4:wait.for", "5:logger.info"],
  },
  {
    name: "resolves computed member access with a string literal and ignores a dynamic key",
    code: `import * as sdk from "@trigger.dev/sdk";
const key = "tasks";
await sdk["tasks"].trigger("a", {});
await sdk[key].trigger("a", {});`,
    expected: ["3:tasks.trigger"],
  },
  {
    name: "ignores the namespace object itself when called",
    code: `import * as sdk from "@trigger.dev/sdk";
Object.keys(sdk);
(sdk as unknown as () => void)();`,
    expected: [],
  },
  {
    name: "resolves a destructured require",
    code: `const { task, logger } = require("@trigger.dev/sdk/v3");
task({ id: "a", run: async () => {} });
logger.warn("careful");`,
    expected: ["2:task", "3:logger.warn"],
  },
  {
    name: "resolves a renamed require and one with a default value",
    code: `const { wait: w, logger: log = console } = require("@trigger.dev/sdk");
w.for({ seconds: 1 });
log.info("x");`,
    expected: ["2:wait.for", "3:logger.info"],
  },
  {
    name: "resolves a whole-module require like a namespace",
    code: `const trigger = require("@trigger.dev/sdk");
trigger.tasks.trigger("a", {});
new trigger.TriggerClient({ id: "x" });`,
    expected: ["2:tasks.trigger", "3:TriggerClient"],
  },
  {
    name: "resolves `await import()` destructured and whole",
    code: `const { task } = await import("@trigger.dev/sdk");
const sdk = await import("@trigger.dev/sdk/v3");
task({ id: "a", run: async () => {} });
sdk.wait.for({ hours: 1 });`,
    expected: ["3:task", "4:wait.for"],
  },
  {
    name: "resolves v2 names and `new` expressions from the SDK root",
    code: `import { TriggerClient, eventTrigger } from "@trigger.dev/sdk";
const client = new TriggerClient({ id: "app" });
client.defineJob({ id: "j", name: "J", version: "1", trigger: eventTrigger({ name: "e" }), run: async () => {} });`,
    expected: ["2:TriggerClient", "3:eventTrigger"],
  },
  {
    name: "resolves references inside nested functions that do not shadow",
    code: `import { logger, wait } from "@trigger.dev/sdk";
export function outer() {
  return async () => {
    logger.info("inner");
    await wait.for({ seconds: 1 });
  };
}`,
    expected: ["4:logger.info", "5:wait.for"],
  },
  {
    name: "ignores function, arrow, method and destructured parameters that shadow",
    code: `import { task, wait, logger } from "@trigger.dev/sdk";
function a(task: () => void) { task(); }
const b = (wait: { for(x: unknown): void }) => wait.for({});
const c = { run(logger: Console) { logger.info("x"); } };
function d({ wait }: { wait: { for(): void } }) { wait.for(); }
task({ id: "real", run: async () => {} });`,
    expected: ["6:task"],
  },
  {
    name: "ignores a block-scoped let but resolves the same name outside the block",
    code: `import { logger } from "@trigger.dev/sdk";
export function f(flag: boolean) {
  if (flag) {
    let logger = console;
    logger.info("local");
  }
  logger.info("trigger");
}
{
  const logger = console;
  logger.info("top-level block");
}
logger.info("module");`,
    expected: ["7:logger.info", "13:logger.info"],
  },
  {
    name: "ignores loop variables and class names that shadow",
    code: `import { task, tasks } from "@trigger.dev/sdk";
for (const task of [() => {}]) task();
for (let tasks = 0; tasks < 1; tasks++) String(tasks);
function g() { class tasks { static trigger() {} } tasks.trigger(); }
tasks.trigger("a", {});`,
    expected: ["5:tasks.trigger"],
  },
  {
    name: "ignores a catch parameter that shadows",
    code: `import { wait } from "@trigger.dev/sdk";
try {
  await wait.for({ seconds: 1 });
} catch (wait) {
  (wait as { for(): void }).for();
  wait.for();
}`,
    expected: ["3:wait.for"],
  },
  {
    name: "ignores `import type` and inline type specifiers",
    code: `import type { task } from "@trigger.dev/sdk";
import { type wait, logger } from "@trigger.dev/sdk/v3";
task();
wait.for({ seconds: 1 });
logger.info("kept");`,
    expected: ["5:logger.info"],
  },
  {
    name: "ignores look-alikes from other packages",
    code: `import { task, series } from "gulp";
import { io } from "socket.io-client";
import { Task } from "@lit/task";
import { wait } from "@trigger.devtools/wait";
task("build", series());
io("http://localhost");
new Task({}, {});
wait.for();`,
    expected: [],
  },
  {
    name: "ignores bare names that were never imported",
    code: `declare const task: (x: unknown) => void;
declare const wait: { for(x: unknown): void };
task({ id: "a" });
wait.for({ seconds: 1 });
const tasks = { trigger() {} };
tasks.trigger();`,
    expected: [],
  },
  {
    name: "ignores requires of other packages and (by design: top-level only) a require inside a function",
    code: `const { task } = require("gulp");
function load(require: (id: string) => { wait: { for(): void } }) {
  const { wait } = require("@trigger.dev/sdk");
  wait.for();
}
task("x");`,
    expected: [],
  },
];
