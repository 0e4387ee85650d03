import rule from "../../rules/require-typed-trigger.js";
import { ruleTesterFor } from "../helpers/rule-tester.js";

ruleTesterFor(4).run("require-typed-trigger (target 4)", rule, {
  valid: [
    {
      name: "tasks.trigger with a type argument is fine",
      code: `import { tasks } from "@trigger.dev/sdk";
import type { sendEmail } from "./trigger/send-email.js";
await tasks.trigger<typeof sendEmail>("send-email", { to: "a" });`,
    },
    {
      name: "a task's own trigger method is typed already",
      code: `import { task } from "@trigger.dev/sdk";
const sendEmail = task({ id: "send-email", run: async () => {} });
await sendEmail.trigger({});`,
    },
    {
      name: "batch.trigger takes ids per item and is not checked",
      code: `import { batch } from "@trigger.dev/sdk";
await batch.trigger([{ id: "a", payload: {} }]);`,
    },
    {
      name: "a local tasks object is not Trigger.dev's",
      code: `import { logger } from "@trigger.dev/sdk";
const tasks = { trigger: (id: string, p: unknown) => [id, p] };
tasks.trigger("a", {});
logger.info("x");`,
    },
    {
      name: "a shadowed tasks parameter is not Trigger.dev's",
      code: `import { tasks } from "@trigger.dev/sdk";
export function f(tasks: { trigger(id: string): void }) { tasks.trigger("a"); }`,
    },
    {
      name: "a type-only import binds no value",
      code: `import type { tasks } from "@trigger.dev/sdk";
declare const t: typeof tasks;
t.trigger("a", {});`,
    },
  ],
  invalid: [
    {
      name: "an untyped tasks.trigger without a same-file task is reported without a suggestion",
      code: `import { tasks } from "@trigger.dev/sdk";
await tasks.trigger("send-email", { to: "a" });`,
      errors: [{ messageId: "missingTypeArgument", data: { call: "tasks.trigger" }, line: 2, column: 13, endColumn: 20, suggestions: [] }],
    },
    {
      name: "a task declared in the file with that id is suggested as the type argument",
      code: `import { task, tasks } from "@trigger.dev/sdk";
export const sendEmail = task({ id: "send-email", run: async (p: { to: string }) => p });
export async function handler() { await tasks.trigger("send-email", { to: "a" }); }`,
      errors: [
        {
          messageId: "missingTypeArgument",
          line: 3,
          column: 47,
          suggestions: [
            {
              messageId: "addTypeArgument",
              data: { name: "sendEmail", id: "send-email" },
              output: `import { task, tasks } from "@trigger.dev/sdk";
export const sendEmail = task({ id: "send-email", run: async (p: { to: string }) => p });
export async function handler() { await tasks.trigger<typeof sendEmail>("send-email", { to: "a" }); }`,
            },
          ],
        },
      ],
    },
    {
      name: "every trigger-by-id function is checked and a task declared later is still suggested",
      code: `import { tasks, schemaTask } from "@trigger.dev/sdk";
export const parent = schemaTask({ id: "parent", schema: s, run: async () => {
  await tasks.triggerAndWait("child", {});
  await tasks.batchTrigger("other", []);
} });
const ID = "child";
const child = schemaTask({ id: ID, schema: s, run: async () => {} });`,
      errors: [
        {
          messageId: "missingTypeArgument",
          data: { call: "tasks.triggerAndWait" },
          line: 3,
          column: 15,
          suggestions: [
            {
              messageId: "addTypeArgument",
              data: { name: "child", id: "child" },
              output: `import { tasks, schemaTask } from "@trigger.dev/sdk";
export const parent = schemaTask({ id: "parent", schema: s, run: async () => {
  await tasks.triggerAndWait<typeof child>("child", {});
  await tasks.batchTrigger("other", []);
} });
const ID = "child";
const child = schemaTask({ id: ID, schema: s, run: async () => {} });`,
            },
          ],
        },
        { messageId: "missingTypeArgument", data: { call: "tasks.batchTrigger" }, line: 4, column: 15, suggestions: [] },
      ],
    },
    {
      name: "no suggestion when the task's name is shadowed at the call",
      code: `import { task, tasks } from "@trigger.dev/sdk";
const sendEmail = task({ id: "send-email", run: async () => {} });
export function f(sendEmail: unknown) { return tasks.trigger("send-email", sendEmail); }`,
      errors: [{ messageId: "missingTypeArgument", line: 3, column: 54, suggestions: [] }],
    },
    {
      name: "a non-literal id is reported without a suggestion",
      code: `import { tasks } from "@trigger.dev/sdk";
export const run = (id: string) => tasks.batchTriggerAndWait(id, []);`,
      errors: [{ messageId: "missingTypeArgument", data: { call: "tasks.batchTriggerAndWait" }, line: 2, column: 42, suggestions: [] }],
    },
  ],
});

ruleTesterFor(3).run("require-typed-trigger (target 3)", rule, {
  valid: [
    {
      name: "on 3.x the root import is the v2 API",
      code: `import { tasks } from "@trigger.dev/sdk";
tasks.trigger("a", {});`,
    },
  ],
  invalid: [
    {
      name: "on 3.x the /v3 tasks.trigger is checked and a same-file task suggested",
      code: `import { task, tasks } from "@trigger.dev/sdk/v3";
export const a = task({ id: "a", run: async () => {} });
await tasks.trigger("a", {});`,
      errors: [
        {
          messageId: "missingTypeArgument",
          line: 3,
          column: 13,
          suggestions: [
            {
              messageId: "addTypeArgument",
              data: { name: "a", id: "a" },
              output: `import { task, tasks } from "@trigger.dev/sdk/v3";
export const a = task({ id: "a", run: async () => {} });
await tasks.trigger<typeof a>("a", {});`,
            },
          ],
        },
      ],
    },
  ],
});
