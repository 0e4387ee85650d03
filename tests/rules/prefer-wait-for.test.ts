import rule from "../../rules/prefer-wait-for.js";
import { ruleTesterFor } from "../helpers/rule-tester.js";

ruleTesterFor(4).run("prefer-wait-for (target 4)", rule, {
  valid: [
    {
      name: "wait.for inside a task is fine",
      code: `import { task, wait } from "@trigger.dev/sdk";
export const t = task({ id: "a", run: async () => { await wait.for({ seconds: 5 }); } });`,
    },
    {
      name: "a local sleep used in app code outside any task is not reported",
      code: `import { tasks } from "@trigger.dev/sdk";
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));
export async function poll() { await sleep(1000); await tasks.trigger("a", {}); }`,
    },
    {
      name: "a setTimeout promise outside a task is not reported",
      code: `import { logger } from "@trigger.dev/sdk";
export async function f() { await new Promise((r) => setTimeout(r, 1000)); logger.info("x"); }`,
    },
    {
      name: "a sleep inside gulp's task is not inside a Trigger.dev task",
      code: `import { task } from "gulp";
import { wait } from "@trigger.dev/sdk";
task({ id: "a", run: async () => { await new Promise((r) => setTimeout(r, 1000)); } });
export { wait };`,
    },
    {
      name: "a sleep inside @lit/task's Task is not inside a Trigger.dev task",
      code: `import { Task } from "@lit/task";
import { wait } from "@trigger.dev/sdk";
new Task({ run: async () => { await new Promise((r) => setTimeout(r, 1000)); } } as never);
export { wait };`,
    },
    {
      name: "a sleep inside a local task function is not reported",
      code: `import { wait } from "@trigger.dev/sdk";
const task = (o: { run: () => Promise<void> }) => o;
task({ run: async () => { await new Promise((r) => setTimeout(r, 1000)); } });
export { wait };`,
    },
    {
      name: "a shadowed setTimeout is not the timer",
      code: `import { task } from "@trigger.dev/sdk";
export const t = task({ id: "a", run: async () => {
  const setTimeout = (f: () => void, _ms: number) => f();
  await new Promise<void>((r) => setTimeout(r, 1000));
} });`,
    },
    {
      name: "setTimeout from a module other than timers/promises is not traced",
      code: `import { task } from "@trigger.dev/sdk";
import { setTimeout } from "./my-timers.js";
export const t = task({ id: "a", run: async () => { await setTimeout(1000); } });`,
    },
    {
      name: "a zero-delay setTimeout yields to the event loop and is not a sleep",
      code: `import { task } from "@trigger.dev/sdk";
export const t = task({ id: "a", run: async () => { await new Promise((r) => setTimeout(r, 0)); } });`,
    },
    {
      name: "a constant sub-second promise pause is not a wait and is not reported",
      code: `import { task } from "@trigger.dev/sdk";
export const t = task({ id: "a", run: async () => { await new Promise((r) => setTimeout(r, 999)); } });`,
    },
    {
      name: "a constant sub-second timers/promises pause is not reported",
      code: `import { task } from "@trigger.dev/sdk";
import { setTimeout } from "node:timers/promises";
export const t = task({ id: "a", run: async () => { await setTimeout(250); } });`,
    },
    {
      name: "a promise that does more than sleep is not reported",
      code: `import { task } from "@trigger.dev/sdk";
export const t = task({ id: "a", run: async () => { await new Promise((r) => { console.log("x"); setTimeout(r, 1000); }); } });`,
    },
    {
      name: "a sleep that is raced against work is a timeout, not awaited on its own",
      code: `import { task } from "@trigger.dev/sdk";
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));
export const t = task({ id: "a", run: async () => { await Promise.race([fetch("x"), sleep(1000)]); } });`,
    },
    {
      name: "a type-only import of task binds nothing",
      code: `import type { task } from "@trigger.dev/sdk";
import { wait } from "@trigger.dev/sdk";
task({ run: async () => { await new Promise((r) => setTimeout(r, 1000)); } } as never);
export { wait };`,
    },
  ],
  invalid: [
    {
      name: "new Promise with setTimeout in run is reported with a days suggestion for 86_400_000 ms",
      code: `import { task } from "@trigger.dev/sdk";
export const t = task({ id: "a", run: async () => { await new Promise((r) => setTimeout(r, 86_400_000)); } });`,
      errors: [
        {
          messageId: "preferWaitFor",
          data: { replacement: "await wait.for({ days: 1 })" },
          line: 2,
          column: 53,
          endColumn: 104,
          suggestions: [
            {
              messageId: "replaceWithWaitFor",
              data: { replacement: "await wait.for({ days: 1 })" },
              output: `import { task, wait } from "@trigger.dev/sdk";
export const t = task({ id: "a", run: async () => { await wait.for({ days: 1 }); } });`,
            },
          ],
        },
      ],
    },
    {
      name: "a resolve executor with a block body and literal arithmetic becomes minutes",
      code: `import { task } from "@trigger.dev/sdk";
export const t = task({
  id: "a",
  run: async () => {
    await new Promise((resolve) => { setTimeout(resolve, 5 * 60 * 1000); });
  },
});`,
      errors: [
        {
          messageId: "preferWaitFor",
          line: 5,
          column: 5,
          suggestions: [
            {
              messageId: "replaceWithWaitFor",
              output: `import { task, wait } from "@trigger.dev/sdk";
export const t = task({
  id: "a",
  run: async () => {
    await wait.for({ minutes: 5 });
  },
});`,
            },
          ],
        },
      ],
    },
    {
      name: "setTimeout(() => resolve(), ms) counts and an existing wait import is reused",
      code: `import { task, wait as pause } from "@trigger.dev/sdk";
export const t = task({ id: "a", run: async () => { await new Promise<void>((resolve) => setTimeout(() => resolve(), 2000)); await pause.for({ seconds: 1 }); } });`,
      errors: [
        {
          messageId: "preferWaitFor",
          data: { replacement: "await pause.for({ seconds: 2 })" },
          line: 2,
          column: 53,
          suggestions: [
            {
              messageId: "replaceWithWaitFor",
              output: `import { task, wait as pause } from "@trigger.dev/sdk";
export const t = task({ id: "a", run: async () => { await pause.for({ seconds: 2 }); await pause.for({ seconds: 1 }); } });`,
            },
          ],
        },
      ],
    },
    {
      name: "timers/promises setTimeout traced through an aliased import becomes hours",
      code: `import { task } from "@trigger.dev/sdk";
import { setTimeout as sleep } from "node:timers/promises";
export const t = task({ id: "a", run: async () => { await sleep(2 * 3_600_000); } });`,
      errors: [
        {
          messageId: "preferWaitFor",
          line: 3,
          column: 53,
          suggestions: [
            {
              messageId: "replaceWithWaitFor",
              output: `import { task, wait } from "@trigger.dev/sdk";
import { setTimeout as sleep } from "node:timers/promises";
export const t = task({ id: "a", run: async () => { await wait.for({ hours: 2 }); } });`,
            },
          ],
        },
      ],
    },
    {
      name: "a timers/promises namespace import is traced",
      code: `import { task } from "@trigger.dev/sdk";
import * as timers from "timers/promises";
export const t = task({ id: "a", run: async () => { await timers.setTimeout(30000); } });`,
      errors: [
        {
          messageId: "preferWaitFor",
          line: 3,
          column: 53,
          suggestions: [
            {
              messageId: "replaceWithWaitFor",
              output: `import { task, wait } from "@trigger.dev/sdk";
import * as timers from "timers/promises";
export const t = task({ id: "a", run: async () => { await wait.for({ seconds: 30 }); } });`,
            },
          ],
        },
      ],
    },
    {
      name: "a setTimeout destructured from require('node:timers/promises') is traced",
      code: `import { task, wait } from "@trigger.dev/sdk";
const { setTimeout: pause } = require("node:timers/promises");
export const t = task({ id: "a", run: async () => { await pause(3000); } });`,
      errors: [
        {
          messageId: "preferWaitFor",
          line: 3,
          column: 53,
          suggestions: [
            {
              messageId: "replaceWithWaitFor",
              output: `import { task, wait } from "@trigger.dev/sdk";
const { setTimeout: pause } = require("node:timers/promises");
export const t = task({ id: "a", run: async () => { await wait.for({ seconds: 3 }); } });`,
            },
          ],
        },
      ],
    },
    {
      name: "timers' setTimeout with a resolved value is reported without a suggestion",
      code: `import { task } from "@trigger.dev/sdk";
import { setTimeout } from "node:timers/promises";
export const t = task({ id: "a", run: async () => { const v = await setTimeout(1000, "done"); return v; } });`,
      errors: [{ messageId: "preferWaitFor", data: { replacement: "await wait.for({ seconds: … })" }, line: 3, column: 63, suggestions: [] }],
    },
    {
      name: "a local sleep helper called in run is reported at the call with the argument's delay",
      code: `import { task } from "@trigger.dev/sdk";
function sleep(ms: number) {
  return new Promise((resolve) => setTimeout(resolve, ms));
}
export const t = task({ id: "a", run: async () => { await sleep(10_000); } });`,
      errors: [
        {
          messageId: "preferWaitFor",
          line: 5,
          column: 53,
          suggestions: [
            {
              messageId: "replaceWithWaitFor",
              output: `import { task, wait } from "@trigger.dev/sdk";
function sleep(ms: number) {
  return new Promise((resolve) => setTimeout(resolve, ms));
}
export const t = task({ id: "a", run: async () => { await wait.for({ seconds: 10 }); } });`,
            },
          ],
        },
      ],
    },
    {
      name: "a helper with any name and a default delay is traced",
      code: `import { schedules } from "@trigger.dev/sdk";
const backOff = async (ms = 60_000) => { await new Promise((r) => setTimeout(r, ms)); };
export const t = schedules.task({ id: "a", run: async () => { await backOff(); } });`,
      errors: [
        {
          messageId: "preferWaitFor",
          line: 3,
          column: 63,
          suggestions: [
            {
              messageId: "replaceWithWaitFor",
              output: `import { schedules, wait } from "@trigger.dev/sdk";
const backOff = async (ms = 60_000) => { await new Promise((r) => setTimeout(r, ms)); };
export const t = schedules.task({ id: "a", run: async () => { await wait.for({ minutes: 1 }); } });`,
            },
          ],
        },
      ],
    },
    {
      name: "a delay that is not a constant is reported without a suggestion",
      code: `import { task } from "@trigger.dev/sdk";
const delay = (ms: number) => new Promise((r) => setTimeout(r, ms));
export const t = task({ id: "a", run: async (payload: { ms: number }) => { await delay(payload.ms); } });`,
      errors: [{ messageId: "preferWaitFor", data: { replacement: "await wait.for({ seconds: … })" }, line: 3, column: 76, suggestions: [] }],
    },
    {
      name: "a delay that is not whole seconds is reported without a suggestion",
      code: `import { task } from "@trigger.dev/sdk";
export const t = task({ id: "a", run: async () => { await new Promise((r) => setTimeout(r, 1500)); } });`,
      errors: [{ messageId: "preferWaitFor", line: 2, column: 53, suggestions: [] }],
    },
    {
      name: "a const delay declared in the file is evaluated",
      code: `import { task } from "@trigger.dev/sdk";
const RETRY_DELAY_MS = 7 * 24 * 60 * 60 * 1000;
export const t = task({ id: "a", run: async () => { await new Promise((r) => setTimeout(r, RETRY_DELAY_MS)); } });`,
      errors: [
        {
          messageId: "preferWaitFor",
          data: { replacement: "await wait.for({ weeks: 1 })" },
          line: 3,
          column: 53,
          suggestions: [
            {
              messageId: "replaceWithWaitFor",
              output: `import { task, wait } from "@trigger.dev/sdk";
const RETRY_DELAY_MS = 7 * 24 * 60 * 60 * 1000;
export const t = task({ id: "a", run: async () => { await wait.for({ weeks: 1 }); } });`,
            },
          ],
        },
      ],
    },
    {
      name: "a sleep in a nested callback of run and in a lifecycle hook are both reported",
      code: `import { task } from "@trigger.dev/sdk";
export const t = task({
  id: "a",
  run: async (items: string[]) => { for (const _ of items) { await [1].map(async () => { await new Promise((r) => setTimeout(r, 1000)); })[0]; } },
  onFailure: async () => { await new Promise((r) => setTimeout(r, 1000)); },
});`,
      errors: [
        {
          messageId: "preferWaitFor",
          line: 4,
          column: 90,
          suggestions: [
            {
              messageId: "replaceWithWaitFor",
              output: `import { task, wait } from "@trigger.dev/sdk";
export const t = task({
  id: "a",
  run: async (items: string[]) => { for (const _ of items) { await [1].map(async () => { await wait.for({ seconds: 1 }); })[0]; } },
  onFailure: async () => { await new Promise((r) => setTimeout(r, 1000)); },
});`,
            },
          ],
        },
        {
          messageId: "preferWaitFor",
          line: 5,
          column: 28,
          suggestions: [
            {
              messageId: "replaceWithWaitFor",
              output: `import { task, wait } from "@trigger.dev/sdk";
export const t = task({
  id: "a",
  run: async (items: string[]) => { for (const _ of items) { await [1].map(async () => { await new Promise((r) => setTimeout(r, 1000)); })[0]; } },
  onFailure: async () => { await wait.for({ seconds: 1 }); },
});`,
            },
          ],
        },
      ],
    },
    {
      name: "when the name wait is taken by something else no suggestion is offered",
      code: `import { task } from "@trigger.dev/sdk";
const wait = 1;
export const t = task({ id: "a", run: async () => { await new Promise((r) => setTimeout(r, 1000)); return wait; } });`,
      errors: [{ messageId: "preferWaitFor", data: { replacement: "await wait.for({ seconds: 1 })" }, line: 3, column: 53, suggestions: [] }],
    },
  ],
});

ruleTesterFor(3).run("prefer-wait-for (target 3)", rule, {
  valid: [
    {
      name: "on target 3 a task from the root package is a v2 import, not a task run",
      code: `import { task } from "@trigger.dev/sdk";
task({ id: "a", run: async () => { await new Promise((r) => setTimeout(r, 1000)); } });`,
    },
  ],
  invalid: [
    {
      name: "on target 3 the wait import is added from the v3 path",
      code: `import { logger } from "@trigger.dev/sdk";
import { task } from "@trigger.dev/sdk/v3";
export const t = task({ id: "a", run: async () => { await new Promise((r) => setTimeout(r, 60000)); logger; } });`,
      errors: [
        {
          messageId: "preferWaitFor",
          line: 3,
          column: 53,
          suggestions: [
            {
              messageId: "replaceWithWaitFor",
              output: `import { logger } from "@trigger.dev/sdk";
import { task, wait } from "@trigger.dev/sdk/v3";
export const t = task({ id: "a", run: async () => { await wait.for({ minutes: 1 }); logger; } });`,
            },
          ],
        },
      ],
    },
  ],
});
