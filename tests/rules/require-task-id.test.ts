import rule from "../../rules/require-task-id.js";
import { toKebabCase, toNamespacedKebabCase } from "../../rules/require-task-id.js";
import { describe, expect, it } from "vitest";
import { ruleTesterFor } from "../helpers/rule-tester.js";

describe("toKebabCase", () => {
  it("splits camelCase, acronyms, digits and separators into lowercase words", () => {
    expect(toKebabCase("sendEmailV2")).toBe("send-email-v2");
    expect(toKebabCase("HTTPServer")).toBe("http-server");
    expect(toKebabCase("send_welcome.email")).toBe("send-welcome-email");
    expect(toKebabCase("  Send Email  ")).toBe("send-email");
    expect(toKebabCase("tâche")).toBe("tache");
    expect(toKebabCase("!!!")).toBe("");
  });
  it("keeps slash namespaces and kebab-cases each segment", () => {
    expect(toNamespacedKebabCase("Emails/sendWelcome")).toBe("emails/send-welcome");
    expect(toNamespacedKebabCase("/queues//Controller/")).toBe("queues/controller");
  });
});

ruleTesterFor(4).run("require-task-id (target 4)", rule, {
  valid: [
    {
      name: "a task with a kebab-case literal id is fine",
      code: `import { task } from "@trigger.dev/sdk";
export const t = task({ id: "send-email", run: async () => {} });`,
    },
    {
      name: "schemaTask and schedules.task with distinct ids are fine",
      code: `import { schemaTask, schedules } from "@trigger.dev/sdk";
export const a = schemaTask({ id: "parse-csv", schema: undefined, run: async () => {} });
export const b = schedules.task({ id: "daily-report-2", cron: "0 9 * * *", run: async () => {} });`,
    },
    {
      name: "a const string declared in the same file is accepted as a literal id",
      code: `import { task } from "@trigger.dev/sdk";
const SEND_EMAIL_ID = "send-email";
export const t = task({ id: SEND_EMAIL_ID, run: async () => {} });`,
    },
    {
      name: "a template literal without expressions counts as a literal",
      code: "import { task } from \"@trigger.dev/sdk\";\nexport const t = task({ id: `send-email`, run: async () => {} });",
    },
    {
      name: "a spread in the options may carry the id, so a missing id is not reported",
      code: `import { task } from "@trigger.dev/sdk";
const defaults = { id: "x" };
export const t = task({ ...defaults, run: async () => {} });`,
    },
    {
      name: "options passed as a variable are not inspected",
      code: `import { task } from "@trigger.dev/sdk";
declare const options: Parameters<typeof task>[0];
export const t = task(options);`,
    },
    {
      name: "gulp's task is not a Trigger.dev task",
      code: `import { task } from "gulp";
task({ run: async () => {} });`,
    },
    {
      name: "@lit/task's Task is not a Trigger.dev task",
      code: `import { Task } from "@lit/task";
new Task({ id: "NotKebab" } as never);`,
    },
    {
      name: "a local task function is not a Trigger.dev task",
      code: `function task(options: { run: () => void }) { return options; }
task({ run: () => {} });`,
    },
    {
      name: "a parameter that shadows the imported task is not a Trigger.dev task",
      code: `import { task } from "@trigger.dev/sdk";
export function make(task: (o: object) => void) { task({ run: () => {} }); }`,
    },
    {
      name: "a type-only import binds no value",
      code: `import type { task } from "@trigger.dev/sdk";
task({ run: async () => {} });`,
    },
    {
      name: "kebab-case segments namespaced with slashes are accepted by default",
      code: `import { task } from "@trigger.dev/sdk";
export const t = task({ id: "emails/send-welcome", run: async () => {} });`,
    },
    {
      name: "two tasks with different ids in one file are fine",
      code: `import { task } from "@trigger.dev/sdk";
export const a = task({ id: "one", run: async () => {} });
export const b = task({ id: "two", run: async () => {} });`,
    },
  ],
  invalid: [
    {
      name: "a task without an id is reported at the factory",
      code: `import { task } from "@trigger.dev/sdk";
export const t = task({ run: async () => {} });`,
      errors: [{ messageId: "missingId", line: 2, column: 18, endColumn: 22 }],
    },
    {
      name: "a scheduled task without an id is reported through an aliased namespace",
      code: `import * as sdk from "@trigger.dev/sdk";
export const t = sdk.schedules.task({ cron: "0 * * * *", run: async () => {} });`,
      errors: [{ messageId: "missingId", line: 2, column: 18 }],
    },
    {
      name: "an empty id is reported at the value",
      code: `import { task } from "@trigger.dev/sdk";
export const t = task({ id: "", run: async () => {} });`,
      errors: [{ messageId: "emptyId", line: 2, column: 29 }],
    },
    {
      name: "a whitespace-only id counts as empty",
      code: `import { task } from "@trigger.dev/sdk";
export const t = task({ id: "  ", run: async () => {} });`,
      errors: [{ messageId: "emptyId", line: 2, column: 29 }],
    },
    {
      name: "an id built from a template with expressions is not literal",
      code: "import { task } from \"@trigger.dev/sdk\";\nconst env = process.env.NODE_ENV;\nexport const t = task({ id: `send-${env}`, run: async () => {} });",
      errors: [{ messageId: "nonLiteralId", line: 3, column: 29 }],
    },
    {
      name: "an imported constant is not literal: its value is not visible here",
      code: `import { task } from "@trigger.dev/sdk";
import { ID } from "./ids.js";
export const t = task({ id: ID, run: async () => {} });`,
      errors: [{ messageId: "nonLiteralId", line: 3, column: 29 }],
    },
    {
      name: "a let binding is not literal: it can be reassigned",
      code: `import { task } from "@trigger.dev/sdk";
let id = "send-email";
export const t = task({ id, run: async () => {} });`,
      errors: [{ messageId: "nonLiteralId", line: 3, column: 25 }],
    },
    {
      name: "a camelCase id gets a kebab-case suggestion and no autofix",
      code: `import { task } from "@trigger.dev/sdk";
export const t = task({ id: "sendWelcomeEmail", run: async () => {} });`,
      errors: [
        {
          messageId: "notKebabCase",
          data: { id: "sendWelcomeEmail", kebab: "send-welcome-email", namespaces: ", optionally namespaced with /" },
          line: 2,
          column: 29,
          suggestions: [
            {
              messageId: "renameToKebabCase",
              data: { kebab: "send-welcome-email" },
              output: `import { task } from "@trigger.dev/sdk";
export const t = task({ id: "send-welcome-email", run: async () => {} });`,
            },
          ],
        },
      ],
    },
    {
      name: "a snake_case id in single quotes keeps its quotes in the suggestion",
      code: `import { schedules } from '@trigger.dev/sdk';
export const t = schedules.task({ id: 'daily_report', cron: '0 9 * * *', run: async () => {} });`,
      errors: [
        {
          messageId: "notKebabCase",
          line: 2,
          column: 39,
          suggestions: [
            {
              messageId: "renameToKebabCase",
              output: `import { schedules } from '@trigger.dev/sdk';
export const t = schedules.task({ id: 'daily-report', cron: '0 9 * * *', run: async () => {} });`,
            },
          ],
        },
      ],
    },
    {
      name: "a const id that is not kebab-case is renamed at its declaration",
      code: `import { task } from "@trigger.dev/sdk";
const ID = "SendEmail";
export const t = task({ id: ID, run: async () => {} });`,
      errors: [
        {
          messageId: "notKebabCase",
          line: 3,
          column: 29,
          suggestions: [
            {
              messageId: "renameToKebabCase",
              output: `import { task } from "@trigger.dev/sdk";
const ID = "send-email";
export const t = task({ id: ID, run: async () => {} });`,
            },
          ],
        },
      ],
    },
    {
      name: "a namespaced id with camelCase segments keeps its slashes in the suggestion",
      code: `import { task } from "@trigger.dev/sdk";
export const t = task({ id: "Emails/sendWelcome", run: async () => {} });`,
      errors: [
        {
          messageId: "notKebabCase",
          data: { id: "Emails/sendWelcome", kebab: "emails/send-welcome", namespaces: ", optionally namespaced with /" },
          line: 2,
          column: 29,
          suggestions: [
            {
              messageId: "renameToKebabCase",
              output: `import { task } from "@trigger.dev/sdk";
export const t = task({ id: "emails/send-welcome", run: async () => {} });`,
            },
          ],
        },
      ],
    },
    {
      name: "with allowSlashNamespaces off a slash is not kebab-case",
      code: `import { task } from "@trigger.dev/sdk";
export const t = task({ id: "emails/send-welcome", run: async () => {} });`,
      options: [{ allowSlashNamespaces: false }],
      errors: [
        {
          messageId: "notKebabCase",
          data: { id: "emails/send-welcome", kebab: "emails-send-welcome", namespaces: "" },
          line: 2,
          column: 29,
          suggestions: [
            {
              messageId: "renameToKebabCase",
              output: `import { task } from "@trigger.dev/sdk";
export const t = task({ id: "emails-send-welcome", run: async () => {} });`,
            },
          ],
        },
      ],
    },
    {
      name: "an id with no letters or digits gets no suggestion",
      code: `import { task } from "@trigger.dev/sdk";
export const t = task({ id: "---", run: async () => {} });`,
      errors: [{ messageId: "invalidId", line: 2, column: 29, suggestions: [] }],
    },
    {
      name: "a duplicate id is reported on the second task with the first one's line",
      code: `import { task, schemaTask } from "@trigger.dev/sdk";
export const a = task({ id: "send-email", run: async () => {} });
export const b = schemaTask({ id: "send-email", schema: undefined, run: async () => {} });`,
      errors: [{ messageId: "duplicateId", data: { id: "send-email", line: "2" }, line: 3, column: 35 }],
    },
    {
      name: "the deprecated v3 path still counts as the task API on target 4",
      code: `import { task } from "@trigger.dev/sdk/v3";
export const t = task({ run: async () => {} });`,
      errors: [{ messageId: "missingId", line: 2, column: 18 }],
    },
  ],
});

ruleTesterFor(3).run("require-task-id (target 3)", rule, {
  valid: [
    {
      name: "on target 3 the root @trigger.dev/sdk is the v2 API, so its task is not checked",
      code: `import { task } from "@trigger.dev/sdk";
task({ run: async () => {} });`,
    },
    {
      name: "on target 3 a kebab-case id from the v3 path is fine",
      code: `import { task } from "@trigger.dev/sdk/v3";
export const t = task({ id: "send-email", run: async () => {} });`,
    },
  ],
  invalid: [
    {
      name: "on target 3 a task from the v3 path without an id is reported",
      code: `import { task } from "@trigger.dev/sdk/v3";
export const t = task({ run: async () => {} });`,
      errors: [{ messageId: "missingId", line: 2, column: 18 }],
    },
  ],
});
