import rule from "../../rules/require-idempotency-key.js";
import { ruleTesterFor } from "../helpers/rule-tester.js";

const v4 = `import { tasks, batch, task, idempotencyKeys } from "@trigger.dev/sdk";\n`;
const v3 = `import { tasks, batch, task } from "@trigger.dev/sdk/v3";\n`;

ruleTesterFor(4).run("require-idempotency-key (target 4)", rule, {
  valid: [
    {
      name: "tasks.trigger with an idempotencyKey is fine",
      code: `${v4}await tasks.trigger("send-email", { to }, { idempotencyKey: await idempotencyKeys.create(["email", to]) });`,
    },
    {
      name: "an options object with a spread may carry the key and is not reported",
      code: `${v4}await tasks.trigger("send-email", { to }, { ...defaults, delay: "1h" });`,
    },
    {
      name: "options passed as a variable that cannot be seen are not reported",
      code: `${v4}await tasks.trigger("send-email", { to }, makeOptions());`,
    },
    {
      name: "options in a same-file const with the key are followed",
      code: `${v4}const options = { idempotencyKey: "k" };\nawait tasks.trigger("send-email", { to }, options);`,
    },
    {
      name: "a spread argument hides the options",
      code: `${v4}await tasks.trigger(...args);`,
    },
    {
      name: "a batch-level idempotencyKey covers every item",
      code: `${v4}await tasks.batchTrigger("send-email", [{ payload: { to: "a" } }, { payload: { to: "b" } }], { idempotencyKey: "batch-1" });`,
    },
    {
      name: "a batch whose literal items all carry a key is fine",
      code: `${v4}await batch.trigger([{ id: "a", payload: {}, options: { idempotencyKey: "1" } }, { id: "b", payload: {}, options: { idempotencyKey: "2" } }]);`,
    },
    {
      name: "a batch built with map whose item carries a key is fine",
      code: `${v4}await tasks.batchTrigger("send-email", users.map((u) => ({ payload: u, options: { idempotencyKey: u.id } })));`,
    },
    {
      name: "opaque elements of a literal batch are not reported",
      code: `${v4}await batch.triggerByTask([first, ...rest]);`,
    },
    {
      name: "a task's own trigger with a key is fine",
      code: `${v4}const sendEmail = task({ id: "send-email", run: async () => {} });\nawait sendEmail.trigger({ to }, { idempotencyKey: "k" });`,
    },
    {
      name: "on 4.x triggerAndWait with a key is fine",
      code: `${v4}export const parent = task({ id: "p", run: async () => { await tasks.triggerAndWait("child", {}, { idempotencyKey: "k" }); } });`,
    },
    {
      name: "a local tasks object is not Trigger.dev's",
      code: `import { task } from "@trigger.dev/sdk";\nconst tasks = { trigger: (id: string) => id };\ntasks.trigger("x");`,
    },
    {
      name: "gulp's task().trigger is not a Trigger.dev task",
      code: `import { task } from "gulp";\nimport { logger } from "@trigger.dev/sdk";\nconst build = task("build");\nbuild.trigger({});`,
    },
    {
      name: "a shadowed tasks parameter is not Trigger.dev's",
      code: `${v4}export function f(tasks: { trigger(id: string): void }) { tasks.trigger("x"); }`,
    },
    {
      name: "a type-only import binds no value",
      code: `import type { tasks } from "@trigger.dev/sdk";\ndeclare const t: typeof tasks;\nt.trigger("x", {});`,
    },
    {
      name: "a task imported from another file is not traced (use tasks.trigger to get the check)",
      code: `${v4}import { sendEmail } from "./send-email.js";\nawait sendEmail.trigger({ to });`,
    },
    {
      name: "a task declared with let is not followed",
      code: `${v4}let sendEmail = task({ id: "send-email", run: async () => {} });\nawait sendEmail.trigger({ to });`,
    },
  ],
  invalid: [
    {
      name: "tasks.trigger without options is reported at the method",
      code: `${v4}await tasks.trigger("send-email", { to });`,
      errors: [{ messageId: "missingKey", data: { call: "tasks.trigger" }, line: 2, column: 13, endColumn: 20 }],
    },
    {
      name: "tasks.trigger with options but no key is reported",
      code: `${v4}await tasks.trigger("send-email", { to }, { delay: "1h" });`,
      errors: [{ messageId: "missingKey", line: 2, column: 13 }],
    },
    {
      name: "a same-file const options object without the key is reported",
      code: `${v4}const options = { delay: "1h" };\nawait tasks.trigger("send-email", { to }, options);`,
      errors: [{ messageId: "missingKey", line: 3, column: 13 }],
    },
    {
      name: "on 4.x triggerAndWait and batchTriggerAndWait are not exempt",
      code: `${v4}export const parent = task({ id: "p", run: async () => {
  await tasks.triggerAndWait("child", {});
  await tasks.batchTriggerAndWait("child", [{ payload: {} }]);
} });`,
      errors: [
        { messageId: "missingKey", data: { call: "tasks.triggerAndWait" }, line: 3, column: 15 },
        { messageId: "missingItemKey", data: { call: "tasks.batchTriggerAndWait" }, line: 4, column: 45 },
      ],
    },
    {
      name: "each literal batch item without a key is reported when the batch has none",
      code: `${v4}await tasks.batchTrigger("send-email", [{ payload: { to: "a" } }, { payload: {}, options: { idempotencyKey: "b" } }, { payload: {}, options: { delay: "1h" } }]);`,
      errors: [
        { messageId: "missingItemKey", data: { call: "tasks.batchTrigger" }, line: 2, column: 41, endColumn: 65 },
        { messageId: "missingItemKey", line: 2, column: 118 },
      ],
    },
    {
      name: "a batch of opaque items without a batch-level key is reported at the method",
      code: `${v4}await tasks.batchTrigger("send-email", items, { triggerSequentially: true });`,
      errors: [{ messageId: "missingBatchKey", data: { call: "tasks.batchTrigger" }, line: 2, column: 13 }],
    },
    {
      name: "a mapped batch whose items have no key is reported at the item",
      code: `${v4}await batch.trigger(users.map((u) => ({ id: "send-email", payload: u })));`,
      errors: [{ messageId: "missingItemKey", data: { call: "batch.trigger" }, line: 2, column: 39 }],
    },
    {
      name: "a same-file task's trigger and batchTrigger are reported",
      code: `${v4}export const sendEmail = task({ id: "send-email", run: async () => {} });
await sendEmail.trigger({ to });
await sendEmail.batchTrigger([{ payload: { to } }]);`,
      errors: [
        { messageId: "missingKey", data: { call: "sendEmail.trigger" }, line: 3, column: 17 },
        { messageId: "missingItemKey", data: { call: "sendEmail.batchTrigger" }, line: 4, column: 31 },
      ],
    },
    {
      name: "batch.triggerByTaskAndWait items are reported on 4.x",
      code: `${v4}await batch.triggerByTaskAndWait([{ task: child, payload: {} }]);`,
      errors: [{ messageId: "missingItemKey", line: 2, column: 35 }],
    },
    {
      name: "a namespace import and an aliased schedules task are traced",
      code: `import * as sdk from "@trigger.dev/sdk";
const nightly = sdk.schedules.task({ id: "nightly", run: async () => {} });
await sdk.tasks.trigger("x", {});
await nightly.trigger({});`,
      errors: [
        { messageId: "missingKey", data: { call: "sdk.tasks.trigger" }, line: 3, column: 17 },
        { messageId: "missingKey", data: { call: "nightly.trigger" }, line: 4, column: 15 },
      ],
    },
    {
      name: "a require of the SDK is traced",
      code: `const { tasks } = require("@trigger.dev/sdk");\ntasks.trigger("x", {});`,
      errors: [{ messageId: "missingKey", line: 2, column: 7 }],
    },
  ],
});

ruleTesterFor(3).run("require-idempotency-key (target 3)", rule, {
  valid: [
    {
      name: "on 3.x triggerAndWait is exempt (3.3.0+ rejects the key there)",
      code: `${v3}export const parent = task({ id: "p", run: async () => { await tasks.triggerAndWait("child", {}); } });`,
    },
    {
      name: "on 3.x batchTriggerAndWait and batch.triggerByTaskAndWait are exempt",
      code: `${v3}export const parent = task({ id: "p", run: async () => {
  await tasks.batchTriggerAndWait("child", [{ payload: {} }]);
  await batch.triggerByTaskAndWait([{ task: parent, payload: {} }]);
} });`,
    },
    {
      name: "on 3.x the root path is the v2 API, not the task API",
      code: `import { tasks } from "@trigger.dev/sdk";\ntasks.trigger("x", {});`,
    },
  ],
  invalid: [
    {
      name: "on 3.x tasks.trigger without a key is reported",
      code: `${v3}await tasks.trigger("x", {});`,
      errors: [{ messageId: "missingKey", line: 2, column: 13 }],
    },
    {
      name: "on 3.x tasks.triggerAndPoll without a key is reported",
      code: `${v3}await tasks.triggerAndPoll("x", {}, { pollIntervalMs: 1000 });`,
      errors: [{ messageId: "missingKey", data: { call: "tasks.triggerAndPoll" }, line: 2, column: 13 }],
    },
  ],
});
