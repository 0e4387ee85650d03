import rule from "../../rules/no-deprecated-v3-api.js";
import { ruleTesterFor } from "../helpers/rule-tester.js";

const imp = `import { task, tasks, batch } from "@trigger.dev/sdk";\n`;

ruleTesterFor(4).run("no-deprecated-v3-api (target 4)", rule, {
  valid: [
    {
      name: "the root import path is the v4 path",
      code: `import { task } from "@trigger.dev/sdk";`,
    },
    {
      name: "v4 single-object hooks and catchError are fine",
      code: `${imp}export const t = task({
  id: "a",
  run: async (payload, { ctx }) => {},
  onSuccess: async ({ payload, output, ctx }) => {},
  onFailure: async (params) => {},
  onStart: async () => {},
  middleware: async ({ next }) => { await next(); },
  catchError: async ({ error, retry }) => {},
});`,
    },
    {
      name: "a trigger-time queue name string is fine, and a task-level queue object too",
      code: `${imp}export const t = task({ id: "a", queue: { name: "q", concurrencyLimit: 1 }, run: async () => {} });
await tasks.trigger("a", {}, { queue: "q" });`,
    },
    {
      name: "batch.triggerByTask still has runs on its handle",
      code: `${imp}const handle = await batch.triggerByTask([{ task: t, payload: {} }]);
handle.runs.map((r) => r.id);`,
    },
    {
      name: "runs on a single trigger's handle is someone else's property",
      code: `${imp}const handle = await tasks.trigger("a", {});
console.log(handle.runs);`,
    },
    {
      name: "a local tasks object's triggerAndPoll is not Trigger.dev's",
      code: `import { task } from "@trigger.dev/sdk";
const tasks = { triggerAndPoll: (id: string) => id };
tasks.triggerAndPoll("a");`,
    },
    {
      name: "gulp's task with init and handleError is not a Trigger.dev task",
      code: `import { task } from "gulp";
import { logger } from "@trigger.dev/sdk";
task({ init: () => {}, handleError: (payload, error) => {} });`,
    },
    {
      name: "a shadowed task is not Trigger.dev's",
      code: `import { task } from "@trigger.dev/sdk";
export function f(task: (o: object) => void) { task({ init: () => {}, onSuccess: (payload, output) => {} }); }`,
    },
    {
      name: "a type-only import from the root path binds no value",
      code: `import type { task } from "@trigger.dev/sdk";
declare const t: typeof task;
t({ id: "a", init: async () => {} });`,
    },
    {
      name: "a /v3 import pinned to 3.x through npm: is right as written (its root is the v2 API)",
      code: `import { task } from "npm:@trigger.dev/sdk@3.3.17/v3";`,
    },
  ],
  invalid: [
    {
      name: "a Deno npm: /v3 import is fixed to the root, keeping the prefix and version",
      code: `import { task, logger } from "npm:@trigger.dev/sdk@4/v3";`,
      output: `import { task, logger } from "npm:@trigger.dev/sdk@4";`,
      errors: [{ messageId: "v3ImportPath", line: 1, column: 30 }],
    },
    {
      name: "a lone dynamic import of a pinned npm: /v3 path is found and fixed",
      code: `export const load = () => import('npm:@trigger.dev/sdk@^4.8.3/v3');`,
      output: `export const load = () => import('npm:@trigger.dev/sdk@^4.8.3');`,
      errors: [{ messageId: "v3ImportPath", line: 1, column: 34 }],
    },
    {
      name: "no autofix when an npm: root import already brings one of the same names",
      code: `import { task } from "npm:@trigger.dev/sdk@^4.8.3";
import { task as v3Task } from "npm:@trigger.dev/sdk@^4.8.3/v3";`,
      output: null,
      errors: [{ messageId: "v3ImportPath", line: 2, column: 32 }],
    },
    {
      name: "the /v3 import path is autofixed to the root path, keeping the quotes",
      code: `import { task, logger } from '@trigger.dev/sdk/v3';`,
      output: `import { task, logger } from '@trigger.dev/sdk';`,
      errors: [{ messageId: "v3ImportPath", line: 1, column: 30, endColumn: 51 }],
    },
    {
      name: "type-only imports, re-exports, requires and dynamic imports of /v3 are fixed too",
      code: `import type { Context } from "@trigger.dev/sdk/v3";
export { task } from "@trigger.dev/sdk/v3";
export * from "@trigger.dev/sdk/v3";
const sdk = require("@trigger.dev/sdk/v3");
export const load = () => import("@trigger.dev/sdk/v3");`,
      output: `import type { Context } from "@trigger.dev/sdk";
export { task } from "@trigger.dev/sdk";
export * from "@trigger.dev/sdk";
const sdk = require("@trigger.dev/sdk");
export const load = () => import("@trigger.dev/sdk");`,
      errors: [
        { messageId: "v3ImportPath", line: 1, column: 30 },
        { messageId: "v3ImportPath", line: 2, column: 22 },
        { messageId: "v3ImportPath", line: 3, column: 15 },
        { messageId: "v3ImportPath", line: 4, column: 21 },
        { messageId: "v3ImportPath", line: 5, column: 34 },
      ],
    },
    {
      name: "no autofix when the root path already imports one of the same names",
      code: `import { task } from "@trigger.dev/sdk";
import { task as v3Task, logger } from "@trigger.dev/sdk/v3";`,
      output: null,
      errors: [{ messageId: "v3ImportPath", line: 2, column: 40 }],
    },
    {
      name: "handleError without parameters is autofixed to catchError",
      code: `${imp}export const t = task({ id: "a", run: async () => {}, handleError: async () => { return { skipRetrying: true }; } });`,
      output: `${imp}export const t = task({ id: "a", run: async () => {}, catchError: async () => { return { skipRetrying: true }; } });`,
      errors: [{ messageId: "handleError", line: 2, column: 55, endColumn: 66 }],
    },
    {
      name: "handleError already taking one object (or a method) is autofixed to catchError",
      code: `${imp}export const a = task({ id: "a", run: async () => {}, handleError: async ({ error, ctx }) => {} });
export const b = task({ id: "b", run: async () => {}, handleError(params) { return params.retry; } });`,
      output: `${imp}export const a = task({ id: "a", run: async () => {}, catchError: async ({ error, ctx }) => {} });
export const b = task({ id: "b", run: async () => {}, catchError(params) { return params.retry; } });`,
      errors: [
        { messageId: "handleError", line: 2, column: 55 },
        { messageId: "handleError", line: 3, column: 55 },
      ],
    },
    {
      name: "positional handleError gets a suggestion that renames it and converts the signature",
      code: `${imp}export const t = task({ id: "a", run: async () => {}, handleError: async (payload, err, { ctx, retry }) => {} });`,
      output: null,
      errors: [
        {
          messageId: "handleError",
          line: 2,
          column: 55,
          suggestions: [
            {
              messageId: "renameHandleError",
              data: { params: "{ payload, error: err, ctx, retry }" },
              output: `${imp}export const t = task({ id: "a", run: async () => {}, catchError: async ({ payload, error: err, ctx, retry }) => {} });`,
            },
          ],
        },
      ],
    },
    {
      name: "typed positional handleError is reported without a suggestion",
      code: `${imp}export const t = task({ id: "a", run: async () => {}, handleError: async (payload: P, error: unknown) => {} });`,
      output: null,
      errors: [{ messageId: "handleError", line: 2, column: 55, suggestions: [] }],
    },
    {
      name: "handleError next to an existing catchError is reported without a fix",
      code: `${imp}export const t = task({ id: "a", run: async () => {}, catchError: async () => {}, handleError: async () => {} });`,
      output: null,
      errors: [{ messageId: "handleError", line: 2, column: 83, suggestions: [] }],
    },
    {
      name: "the global tasks.handleError hook is autofixed to tasks.catchError",
      code: `${imp}tasks.handleError(async ({ error }) => {});`,
      output: `${imp}tasks.catchError(async ({ error }) => {});`,
      errors: [{ messageId: "handleError", line: 2, column: 7 }],
    },
    {
      name: "quoted handleError keys keep their quotes when renamed",
      code: `${imp}tasks["handleError"](async () => {});
export const t = task({ id: "a", run: async () => {}, 'handleError': async () => {} });`,
      output: `${imp}tasks["catchError"](async () => {});
export const t = task({ id: "a", run: async () => {}, 'catchError': async () => {} });`,
      errors: [
        { messageId: "handleError", line: 2, column: 7 },
        { messageId: "handleError", line: 3, column: 55 },
      ],
    },
    {
      name: "positional onSuccess and onFailure get a suggestion to the single-object form",
      code: `${imp}export const t = task({
  id: "a",
  run: async () => {},
  onSuccess: async (payload, output, { ctx }) => {},
  onFailure: async (_payload, error, params) => {},
});`,
      errors: [
        {
          messageId: "positionalHook",
          data: { hook: "onSuccess", names: "payload, output" },
          line: 5,
          column: 3,
          suggestions: [
            {
              messageId: "useObjectParam",
              data: { params: "{ payload, output, ctx }" },
              output: `${imp}export const t = task({
  id: "a",
  run: async () => {},
  onSuccess: async ({ payload, output, ctx }) => {},
  onFailure: async (_payload, error, params) => {},
});`,
            },
          ],
        },
        {
          messageId: "positionalHook",
          data: { hook: "onFailure", names: "payload, error" },
          line: 6,
          column: 3,
          suggestions: [
            {
              messageId: "useObjectParam",
              data: { params: "{ payload: _payload, error, ...params }" },
              output: `${imp}export const t = task({
  id: "a",
  run: async () => {},
  onSuccess: async (payload, output, { ctx }) => {},
  onFailure: async ({ payload: _payload, error, ...params }) => {},
});`,
            },
          ],
        },
      ],
    },
    {
      name: "an unparenthesised payload parameter and positional middleware are converted with parentheses",
      code: `${imp}export const t = task({ id: "a", run: async () => {}, onStart: payload => {}, middleware: async (payload, { ctx, next }) => { await next(); } });`,
      errors: [
        {
          messageId: "positionalHook",
          data: { hook: "onStart", names: "payload" },
          line: 2,
          column: 55,
          suggestions: [
            {
              messageId: "useObjectParam",
              output: `${imp}export const t = task({ id: "a", run: async () => {}, onStart: ({ payload }) => {}, middleware: async (payload, { ctx, next }) => { await next(); } });`,
            },
          ],
        },
        {
          messageId: "positionalHook",
          data: { hook: "middleware", names: "payload" },
          line: 2,
          column: 79,
          suggestions: [
            {
              messageId: "useObjectParam",
              output: `${imp}export const t = task({ id: "a", run: async () => {}, onStart: payload => {}, middleware: async ({ payload, ctx, next }) => { await next(); } });`,
            },
          ],
        },
      ],
    },
    {
      name: "init and cleanup are reported (middleware and locals replace them)",
      code: `${imp}export const t = task({ id: "a", init: async () => ({ db }), cleanup: async () => {}, run: async () => {} });`,
      errors: [
        { messageId: "deprecatedInit", line: 2, column: 34 },
        { messageId: "deprecatedCleanup", line: 2, column: 62 },
      ],
    },
    {
      name: "a trigger-time queue object is reported, with a suggestion when it only names the queue",
      code: `${imp}await tasks.trigger("a", {}, { queue: { name: "emails" } });
await tasks.trigger("a", {}, { queue: { name: "emails", concurrencyLimit: 5 } });`,
      errors: [
        {
          messageId: "queueObject",
          line: 2,
          column: 32,
          suggestions: [
            {
              messageId: "useQueueName",
              data: { name: '"emails"' },
              output: `${imp}await tasks.trigger("a", {}, { queue: "emails" });
await tasks.trigger("a", {}, { queue: { name: "emails", concurrencyLimit: 5 } });`,
            },
          ],
        },
        { messageId: "queueObject", line: 3, column: 32, suggestions: [] },
      ],
    },
    {
      name: "queue objects in a same-file task's trigger and in batch item options are reported",
      code: `${imp}const child = task({ id: "child", run: async () => {} });
await child.trigger({}, { queue: { name: "q", concurrencyLimit: 1 } });
await batch.trigger([{ id: "child", payload: {}, options: { queue: { name: "q", concurrencyLimit: 1 } } }]);`,
      errors: [
        { messageId: "queueObject", line: 3, column: 27 },
        { messageId: "queueObject", line: 4, column: 61 },
      ],
    },
    {
      name: "tasks.triggerAndPoll is reported",
      code: `${imp}const run = await tasks.triggerAndPoll("a", {});`,
      errors: [{ messageId: "triggerAndPoll", line: 2, column: 25, endColumn: 39 }],
    },
    {
      name: "runs on a batch handle is reported with the handle name",
      code: `${imp}import { child } from "./child.js";
const local = task({ id: "local", run: async () => {} });
const h1 = await tasks.batchTrigger("a", []);
const h2 = await child.batchTrigger([]);
const h3 = await local.batchTrigger([]);
const h4 = await batch.trigger([]);
console.log(h1.runs, h2.runs, h3.runs, h4.runs, (await tasks.batchTrigger("a", [])).runs);`,
      errors: [
        { messageId: "batchHandleRuns", data: { handle: "h1" }, line: 8, column: 16 },
        { messageId: "batchHandleRuns", data: { handle: "h2" }, line: 8, column: 25 },
        { messageId: "batchHandleRuns", data: { handle: "h3" }, line: 8, column: 34 },
        { messageId: "batchHandleRuns", data: { handle: "h4" }, line: 8, column: 43 },
        { messageId: "batchHandleRuns", data: { handle: `(await tasks.batchTrigger("a", []))` }, line: 8, column: 85 },
      ],
    },
  ],
});

ruleTesterFor(3).run("no-deprecated-v3-api (target 3)", rule, {
  valid: [
    {
      name: "on 3.x every v3 form is the right one and nothing is reported",
      code: `import { task, tasks } from "@trigger.dev/sdk/v3";
export const t = task({
  id: "a",
  init: async () => ({}),
  cleanup: async () => {},
  run: async () => {},
  onSuccess: async (payload, output, { ctx }) => {},
  handleError: async (payload, error, { ctx }) => {},
});
await tasks.trigger("a", {}, { queue: { name: "q" } });
await tasks.triggerAndPoll("a", {});
const h = await tasks.batchTrigger("a", []);
h.runs;`,
    },
  ],
  invalid: [],
});
