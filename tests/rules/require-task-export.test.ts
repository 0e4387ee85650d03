import rule from "../../rules/require-task-export.js";
import { ruleTesterFor } from "../helpers/rule-tester.js";

ruleTesterFor(3).run("require-task-export (target 3)", rule, {
  valid: [
    {
      name: "an exported task declaration is fine",
      code: `import { task } from "@trigger.dev/sdk/v3";
export const sendEmail = task({ id: "send-email", run: async () => {} });`,
    },
    {
      name: "a task exported later with export { } is fine",
      code: `import { task } from "@trigger.dev/sdk/v3";
const sendEmail = task({ id: "send-email", run: async () => {} });
export { sendEmail };`,
    },
    {
      name: "a task exported later under another name is fine",
      code: `import { schedules } from "@trigger.dev/sdk/v3";
const daily = schedules.task({ id: "daily", run: async () => {} });
export { daily as dailyReport };`,
    },
    {
      name: "a task exported as default later is fine",
      code: `import { task } from "@trigger.dev/sdk/v3";
const t = task({ id: "a", run: async () => {} });
export default t;`,
    },
    {
      name: "CommonJS: module.exports = { t } and module.exports = { alias: t } export the task",
      code: `const { task } = require("@trigger.dev/sdk/v3");
const a = task({ id: "a", run: async () => {} });
const b = task({ id: "b", run: async () => {} });
module.exports = { a, renamed: b };`,
    },
    {
      name: "CommonJS: module.exports = t, module.exports.x = t and exports.x = t export the task",
      code: `const { task } = require("@trigger.dev/sdk/v3");
const a = task({ id: "a", run: async () => {} });
const b = task({ id: "b", run: async () => {} });
const c = task({ id: "c", run: async () => {} });
module.exports = a;
module.exports.b = b;
exports.c = c;`,
    },
    {
      name: "a default-exported task expression is fine",
      code: `import { task } from "@trigger.dev/sdk/v3";
export default task({ id: "a", run: async () => {} });`,
    },
    {
      name: "on target 3 the root package is the v2 API, so its task is not checked",
      code: `import { task } from "@trigger.dev/sdk";
const t = task({ id: "a" });`,
    },
    {
      name: "gulp's task is not a Trigger.dev task",
      code: `import { task } from "gulp";
task("build", () => {});`,
    },
    {
      name: "a local task function is not a Trigger.dev task",
      code: `function task(o: object) { return o; }
const t = task({ id: "a" });`,
    },
    {
      name: "a shadowed task is not a Trigger.dev task",
      code: `import { task } from "@trigger.dev/sdk/v3";
export function f(task: (o: object) => void) { task({ id: "a" }); }`,
    },
    {
      name: "a re-export of another module's name does not count as exporting a local task",
      code: `import { task } from "@trigger.dev/sdk/v3";
export const t = task({ id: "a", run: async () => {} });
export { other } from "./other.js";`,
    },
  ],
  invalid: [
    {
      name: "CommonJS: a task module.exports leaves out is reported, without an `export` suggestion",
      code: `const { task } = require("@trigger.dev/sdk/v3");
const a = task({ id: "a", run: async () => {} });
const helper = () => 1;
module.exports = { helper, a: helper };`,
      errors: [{ messageId: "notExported", data: { name: "a" }, line: 2, suggestions: [] }],
    },
    {
      name: "an unexported task constant is reported with an add-export suggestion",
      code: `import { task } from "@trigger.dev/sdk/v3";
const sendEmail = task({ id: "send-email", run: async () => {} });`,
      errors: [
        {
          messageId: "notExported",
          data: { name: "sendEmail" },
          line: 2,
          column: 7,
          endColumn: 16,
          suggestions: [
            {
              messageId: "addExport",
              output: `import { task } from "@trigger.dev/sdk/v3";
export const sendEmail = task({ id: "send-email", run: async () => {} });`,
            },
          ],
        },
      ],
    },
    {
      name: "a bare task statement is reported at the factory",
      code: `import { schemaTask } from "@trigger.dev/sdk/v3";
schemaTask({ id: "a", schema: undefined, run: async () => {} });`,
      errors: [{ messageId: "bareTask", line: 2, column: 1, endColumn: 11 }],
    },
    {
      name: "a task declared inside a function cannot be exported and gets no suggestion",
      code: `import { task } from "@trigger.dev/sdk/v3";
export function make() {
  const inner = task({ id: "inner", run: async () => {} });
  return inner;
}`,
      errors: [{ messageId: "notExported", data: { name: "inner" }, line: 3, column: 9, suggestions: [] }],
    },
    {
      name: "exporting a different name does not export the task",
      code: `import * as sdk from "@trigger.dev/sdk/v3";
const helper = 1;
const t = sdk.schedules.task({ id: "a", run: async () => {} });
export { helper };`,
      errors: [
        {
          messageId: "notExported",
          line: 3,
          column: 7,
          suggestions: [
            {
              messageId: "addExport",
              output: `import * as sdk from "@trigger.dev/sdk/v3";
const helper = 1;
export const t = sdk.schedules.task({ id: "a", run: async () => {} });
export { helper };`,
            },
          ],
        },
      ],
    },
  ],
});

ruleTesterFor(4).run("require-task-export (target 4)", rule, {
  valid: [
    {
      name: "on target 4 an unexported task is allowed (hidden tasks)",
      code: `import { task } from "@trigger.dev/sdk";
const hidden = task({ id: "hidden", run: async () => {} });`,
    },
    {
      name: "on target 4 a bare task statement is not reported either",
      code: `import { task } from "@trigger.dev/sdk/v3";
task({ id: "hidden", run: async () => {} });`,
    },
  ],
  invalid: [],
});
