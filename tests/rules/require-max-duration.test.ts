import rule from "../../rules/require-max-duration.js";
import { ruleTesterFor } from "../helpers/rule-tester.js";

ruleTesterFor(4).run("require-max-duration (target 4)", rule, {
  valid: [
    {
      name: "a scheduled task with maxDuration is fine",
      code: `import { schedules } from "@trigger.dev/sdk";
export const t = schedules.task({ id: "a", cron: "0 * * * *", maxDuration: 300, run: async () => {} });`,
    },
    {
      name: "a plain task without maxDuration is fine by default",
      code: `import { task } from "@trigger.dev/sdk";
export const t = task({ id: "a", run: async () => {} });`,
    },
    {
      name: "a spread in the options may carry maxDuration",
      code: `import { schedules } from "@trigger.dev/sdk";
const defaults = { maxDuration: 60 };
export const t = schedules.task({ id: "a", ...defaults, run: async () => {} });`,
    },
    {
      name: "with tasks enabled a task with maxDuration is fine",
      code: `import { task } from "@trigger.dev/sdk";
export const t = task({ id: "a", maxDuration: 60, run: async () => {} });`,
      options: [{ tasks: true }],
    },
    {
      name: "a local schedules object is not Trigger.dev's",
      code: `const schedules = { task: (o: object) => o };
schedules.task({ id: "a", run: async () => {} });`,
    },
    {
      name: "a shadowed schedules parameter is not Trigger.dev's",
      code: `import { schedules } from "@trigger.dev/sdk";
export function f(schedules: { task: (o: object) => void }) { schedules.task({ id: "a" }); }`,
    },
    {
      name: "gulp's task is not checked even with tasks enabled",
      code: `import { task } from "gulp";
task({ id: "a", run: async () => {} });`,
      options: [{ tasks: true }],
    },
  ],
  invalid: [
    {
      name: "a scheduled task without maxDuration is reported at the factory",
      code: `import { schedules } from "@trigger.dev/sdk";
export const t = schedules.task({ id: "a", cron: "0 * * * *", run: async () => {} });`,
      errors: [{ messageId: "missingMaxDuration", data: { kind: "scheduled task", min: "5", example: "300" }, line: 2, column: 18, endColumn: 32 }],
    },
    {
      name: "an aliased schedules import is traced",
      code: `import { schedules as s } from "@trigger.dev/sdk";
export const t = s.task({ id: "a", run: async () => {} });`,
      errors: [{ messageId: "missingMaxDuration", line: 2, column: 18 }],
    },
    {
      name: "with tasks enabled a task and a schemaTask without maxDuration are reported",
      code: `import { task, schemaTask } from "@trigger.dev/sdk";
export const a = task({ id: "a", run: async () => {} });
export const b = schemaTask({ id: "b", schema: undefined, run: async () => {} });`,
      options: [{ tasks: true }],
      errors: [
        { messageId: "missingMaxDuration", data: { kind: "task", min: "5", example: "300" }, line: 2, column: 18 },
        { messageId: "missingMaxDuration", line: 3, column: 18 },
      ],
    },
  ],
});

ruleTesterFor(3).run("require-max-duration (target 3)", rule, {
  valid: [
    {
      name: "on target 3 the root package is v2, so nothing from it is checked",
      code: `import { schedules } from "@trigger.dev/sdk";
schedules.task({ id: "a", run: async () => {} });`,
    },
  ],
  invalid: [
    {
      name: "on target 3 a scheduled task from the v3 path without maxDuration is reported",
      code: `import { schedules } from "@trigger.dev/sdk/v3";
export const t = schedules.task({ id: "a", cron: "0 * * * *", run: async () => {} });`,
      errors: [{ messageId: "missingMaxDuration", line: 2, column: 18 }],
    },
  ],
});
