import rule from "../../rules/require-retry.js";
import { ruleTesterFor } from "../helpers/rule-tester.js";

ruleTesterFor(4).run("require-retry (target 4)", rule, {
  valid: [
    {
      name: "a task with retry.maxAttempts is fine",
      code: `import { task } from "@trigger.dev/sdk";
export const t = task({ id: "a", retry: { maxAttempts: 3 }, run: async () => {} });`,
    },
    {
      name: "a scheduled task with retry.maxAttempts under a quoted key is fine",
      code: `import { schedules } from "@trigger.dev/sdk";
export const t = schedules.task({ id: "a", "retry": { "maxAttempts": 1 }, run: async () => {} });`,
    },
    {
      name: "a spread in the options may carry retry",
      code: `import { task } from "@trigger.dev/sdk";
const defaults = { retry: { maxAttempts: 3 } };
export const t = task({ id: "a", ...defaults, run: async () => {} });`,
    },
    {
      name: "a spread inside retry may carry maxAttempts",
      code: `import { task } from "@trigger.dev/sdk";
const base = { maxAttempts: 3 };
export const t = task({ id: "a", retry: { ...base, factor: 2 }, run: async () => {} });`,
    },
    {
      name: "a shared retry policy variable is not inspected",
      code: `import { task } from "@trigger.dev/sdk";
import { policy } from "./policy.js";
export const t = task({ id: "a", retry: policy, run: async () => {} });`,
    },
    {
      name: "with allowConfigDefault a task without retry is fine",
      code: `import { task } from "@trigger.dev/sdk";
export const t = task({ id: "a", run: async () => {} });`,
      options: [{ allowConfigDefault: true }],
    },
    {
      name: "gulp's task is not a Trigger.dev task",
      code: `import { task } from "gulp";
task({ id: "a", run: async () => {} });`,
    },
    {
      name: "a local task function is not a Trigger.dev task",
      code: `const task = (o: object) => o;
task({ id: "a", run: async () => {} });`,
    },
    {
      name: "a shadowed task is not a Trigger.dev task",
      code: `import { task } from "@trigger.dev/sdk";
export function f(task: (o: object) => void) { task({ id: "a" }); }`,
    },
    {
      name: "a type-only import binds no value",
      code: `import { type task } from "@trigger.dev/sdk";
task({ id: "a", run: async () => {} });`,
    },
  ],
  invalid: [
    {
      name: "a task without retry is reported at the factory with the default attempts",
      code: `import { task } from "@trigger.dev/sdk";
export const t = task({ id: "a", run: async () => {} });`,
      errors: [{ messageId: "missingRetry", data: { maxAttempts: "3" }, line: 2, column: 18, endColumn: 22 }],
    },
    {
      name: "retry without maxAttempts is reported at the retry property",
      code: `import { schemaTask } from "@trigger.dev/sdk";
export const t = schemaTask({ id: "a", schema: undefined, retry: { factor: 2 }, run: async () => {} });`,
      errors: [{ messageId: "missingMaxAttempts", line: 2, column: 59 }],
    },
    {
      name: "with allowConfigDefault an empty retry object is still reported",
      code: `import { task } from "@trigger.dev/sdk";
export const t = task({ id: "a", retry: {}, run: async () => {} });`,
      options: [{ allowConfigDefault: true }],
      errors: [{ messageId: "missingMaxAttempts", line: 2, column: 34 }],
    },
    {
      name: "a scheduled task through a namespace import without retry is reported",
      code: `import * as sdk from "@trigger.dev/sdk";
export const t = sdk.schedules.task({ id: "a", cron: "0 * * * *", run: async () => {} });`,
      errors: [{ messageId: "missingRetry", line: 2, column: 18 }],
    },
  ],
});

ruleTesterFor(3).run("require-retry (target 3)", rule, {
  valid: [
    {
      name: "on target 3 the root package is v2, so its task is not checked",
      code: `import { task } from "@trigger.dev/sdk";
task({ id: "a", run: async () => {} });`,
    },
  ],
  invalid: [
    {
      name: "on target 3 a v3-path task without retry is reported",
      code: `import { task } from "@trigger.dev/sdk/v3";
export const t = task({ id: "a", run: async () => {} });`,
      errors: [{ messageId: "missingRetry", line: 2, column: 18 }],
    },
  ],
});
