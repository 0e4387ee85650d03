import rule from "../../rules/no-throw-in-lifecycle-hooks.js";
import { ruleTesterFor } from "../helpers/rule-tester.js";

ruleTesterFor(4).run("no-throw-in-lifecycle-hooks (target 4)", rule, {
  valid: [
    {
      name: "a throw in run is how a task fails and retries",
      code: `import { task } from "@trigger.dev/sdk";
export const t = task({ id: "a", run: async () => { throw new Error("retry me"); } });`,
    },
    {
      name: "a throw inside a try block whose catch handles it is fine",
      code: `import { task, logger } from "@trigger.dev/sdk";
export const t = task({
  id: "a",
  run: async () => {},
  onSuccess: async () => {
    try { throw new Error("x"); } catch (error) { logger.error("notify failed", { error }); }
  },
});`,
    },
    {
      name: "a throw in a nested function is not a throw of the hook",
      code: `import { task } from "@trigger.dev/sdk";
export const t = task({
  id: "a",
  run: async () => {},
  onFailure: async () => {
    const check = (v: unknown) => { if (!v) throw new Error("x"); };
    function assert(v: unknown) { if (!v) throw new Error("x"); }
    void check; void assert;
  },
});`,
    },
    {
      name: "a throw in catchError and middleware is not reported (they are meant to decide about errors)",
      code: `import { task } from "@trigger.dev/sdk";
export const t = task({
  id: "a",
  run: async () => {},
  catchError: async ({ error }) => { throw error; },
  middleware: async ({ next }) => { await next(); throw new Error("x"); },
});`,
    },
    {
      name: "gulp's task is not a Trigger.dev task",
      code: `import { task } from "gulp";
import { logger } from "@trigger.dev/sdk";
task({ onSuccess: () => { throw new Error("x"); } });
logger.info("x");`,
    },
    {
      name: "a local tasks object's onSuccess is not a global hook",
      code: `import { logger } from "@trigger.dev/sdk";
const tasks = { onSuccess: (fn: () => void) => fn };
tasks.onSuccess(() => { throw new Error("x"); });
logger.info("x");`,
    },
    {
      name: "a shadowed task is not Trigger.dev's",
      code: `import { task } from "@trigger.dev/sdk";
export function f(task: (o: object) => void) { task({ onSuccess: () => { throw new Error("x"); } }); }`,
    },
    {
      name: "a type-only import binds no value",
      code: `import type { task } from "@trigger.dev/sdk";
declare const t: typeof task;
t({ id: "a", run: async () => {}, onSuccess: () => { throw new Error("x"); } });`,
    },
    {
      name: "a file without Trigger.dev imports is not checked",
      code: `const hooks = { onSuccess: () => { throw new Error("x"); } };`,
    },
  ],
  invalid: [
    {
      name: "a throw directly in onSuccess is reported at the throw",
      code: `import { task } from "@trigger.dev/sdk";
export const t = task({
  id: "a",
  run: async () => {},
  onSuccess: async ({ output }) => {
    if (!output) throw new Error("no output");
  },
});`,
      errors: [{ messageId: "throwInHook", data: { hook: "onSuccess" }, line: 6, column: 18, endColumn: 47 }],
    },
    {
      name: "throws in catch and finally blocks escape the try and are reported",
      code: `import { task } from "@trigger.dev/sdk";
export const t = task({
  id: "a",
  run: async () => {},
  onFailure: async () => {
    try { await notify(); } catch (e) { throw e; } finally { throw new Error("f"); }
  },
});`,
      errors: [
        { messageId: "throwInHook", data: { hook: "onFailure" }, line: 6, column: 41 },
        { messageId: "throwInHook", data: { hook: "onFailure" }, line: 6, column: 62 },
      ],
    },
    {
      name: "a try without catch does not handle the throw",
      code: `import { schemaTask } from "@trigger.dev/sdk";
export const t = schemaTask({ id: "a", schema: s, run: async () => {}, onComplete() { try { throw new Error("x"); } finally { cleanup(); } } });`,
      errors: [{ messageId: "throwInHook", data: { hook: "onComplete" }, line: 2, column: 93 }],
    },
    {
      name: "hooks new in v4 (onWait, onResume, onCancel, onStartAttempt) are checked",
      code: `import { task } from "@trigger.dev/sdk";
export const t = task({
  id: "a",
  run: async () => {},
  onWait: () => { throw new Error("w"); },
  onResume: () => { throw new Error("r"); },
  onCancel: () => { throw new Error("c"); },
  onStartAttempt: () => { throw new Error("s"); },
});`,
      errors: [
        { messageId: "throwInHook", data: { hook: "onWait" }, line: 5, column: 19 },
        { messageId: "throwInHook", data: { hook: "onResume" }, line: 6, column: 21 },
        { messageId: "throwInHook", data: { hook: "onCancel" }, line: 7, column: 21 },
        { messageId: "throwInHook", data: { hook: "onStartAttempt" }, line: 8, column: 27 },
      ],
    },
    {
      name: "a global hook registered with tasks.onFailure(name, fn) is checked",
      code: `import { tasks } from "@trigger.dev/sdk";
tasks.onFailure("alert", async () => { throw new Error("x"); });`,
      errors: [{ messageId: "throwInHook", data: { hook: "onFailure" }, line: 2, column: 40 }],
    },
    {
      name: "an aliased schedules import is traced",
      code: `import { schedules as s } from "@trigger.dev/sdk";
export const t = s.task({ id: "a", cron: "0 * * * *", run: async () => {}, onStart: () => { throw new Error("x"); } });`,
      errors: [{ messageId: "throwInHook", data: { hook: "onStart" }, line: 2, column: 93 }],
    },
  ],
});

ruleTesterFor(3).run("no-throw-in-lifecycle-hooks (target 3)", rule, {
  valid: [
    {
      name: "on 3.x the root path is the v2 API: its job hooks are not task hooks",
      code: `import { task } from "@trigger.dev/sdk";
task({ id: "a", onSuccess: () => { throw new Error("x"); } });`,
    },
    {
      name: "on 3.x onWait is not a hook, so a throw there is not reported",
      code: `import { task } from "@trigger.dev/sdk/v3";
export const t = task({ id: "a", run: async () => {}, onWait: () => { throw new Error("x"); } });`,
    },
  ],
  invalid: [
    {
      name: "on 3.x a throw in a positional onSuccess is reported",
      code: `import { task } from "@trigger.dev/sdk/v3";
export const t = task({ id: "a", run: async () => {}, onSuccess: async (payload, output, { ctx }) => { throw new Error("x"); } });`,
      errors: [{ messageId: "throwInHook", data: { hook: "onSuccess" }, line: 2, column: 104 }],
    },
  ],
});
