import rule from "../../rules/no-io-object.js";
import { ruleTesterFor } from "../helpers/rule-tester.js";

/** A v2 job around `body` (the run function's statements start on line 7, column 5). */
function v2Job(body: string, params = "payload, io, ctx"): string {
  return `import { eventTrigger } from "@trigger.dev/sdk";
import { client } from "@/trigger";
client.defineJob({
  id: "a", name: "A", version: "1",
  trigger: eventTrigger({ name: "a" }),
  run: async (${params}) => {
    ${body}
  },
});`;
}

ruleTesterFor(4).run("no-io-object (target 4)", rule, {
  valid: [
    {
      name: "socket.io's io is not the v2 io",
      code: `import { Server } from "socket.io";
import { task } from "@trigger.dev/sdk";
const io = new Server();
io.on("connection", () => {});
io.emit("hello");`,
    },
    {
      name: "an io parameter of a task-API run is not the v2 io",
      code: `import { task } from "@trigger.dev/sdk";
export const t = task({ id: "a", run: async (payload: unknown, io: { wait: () => void }) => { io.wait(); } });`,
    },
    {
      name: "the io of a local defineJob that is not v2-shaped is not the v2 io",
      code: `import { task } from "@trigger.dev/sdk";
const jobs = { defineJob: (o: object) => o };
jobs.defineJob({ id: "a", run: async (payload: unknown, io: Console) => { io.log("x"); } });`,
    },
    {
      name: "an io that shadows the run parameter in a nested function is a different variable",
      code: v2Job(`const later = (io: { wait: () => void }) => io.wait();`),
    },
    {
      name: "the first parameter is the payload, not io",
      code: v2Job(`payload.io.wait("k", 5);`, "payload"),
    },
    {
      name: "a function typed with the v2 IO type outside a job is not reported",
      code: `import type { IO } from "@trigger.dev/sdk";
export async function helper(payload: unknown, io: IO) { await io.logger.info("hi"); }`,
    },
  ],
  invalid: [
    {
      name: "suggests the SDK logger for io.logger.info, adding it to the existing SDK import on SDK 4",
      code: v2Job(`await io.logger.info("hi", { a: 1 });`),
      errors: [
        {
          messageId: "ioMember",
          line: 7,
          column: 11,
          suggestions: [
            {
              messageId: "useLogger",
              data: { local: "logger" },
              output: v2Job(`await logger.info("hi", { a: 1 });`).replace(`import { eventTrigger }`, `import { eventTrigger, logger }`),
            },
          ],
        },
      ],
    },
    {
      name: "suggests wait.for with the best unit for io.wait with literal seconds",
      code: v2Job(`await io.wait("five minutes", 300);`),
      errors: [
        {
          messageId: "ioMember",
          line: 7,
          column: 11,
          suggestions: [
            {
              messageId: "useWaitFor",
              data: { replacement: "wait.for({ minutes: 5 })" },
              output: v2Job(`await wait.for({ minutes: 5 });`).replace(`import { eventTrigger }`, `import { eventTrigger, wait }`),
            },
          ],
        },
      ],
    },
    {
      name: "folds a product of literals into days",
      code: v2Job(`await io.wait("a day", 60 * 60 * 24);`),
      errors: [
        {
          messageId: "ioMember",
          line: 7,
          column: 11,
          suggestions: [
            {
              messageId: "useWaitFor",
              data: { replacement: "wait.for({ days: 1 })" },
              output: v2Job(`await wait.for({ days: 1 });`).replace(`import { eventTrigger }`, `import { eventTrigger, wait }`),
            },
          ],
        },
      ],
    },
    {
      name: "folds any literal arithmetic the io codemod folds (sums too)",
      code: v2Job(`await io.wait("ninety minutes", 60 * 60 + 30 * 60);`),
      errors: [
        {
          messageId: "ioMember",
          line: 7,
          column: 11,
          suggestions: [
            {
              messageId: "useWaitFor",
              data: { replacement: "wait.for({ minutes: 90 })" },
              output: v2Job(`await wait.for({ minutes: 90 });`).replace(`import { eventTrigger }`, `import { eventTrigger, wait }`),
            },
          ],
        },
      ],
    },
    {
      name: "offers no wait suggestion when the seconds are not constant",
      code: v2Job(`await io.wait("later", payload.delay);`),
      errors: [{ messageId: "ioMember", line: 7, column: 11, suggestions: [] }],
    },
    {
      name: "offers no logger suggestion when the name logger is already taken",
      code: v2Job(`const logger = console; await io.logger.info("hi");`),
      errors: [{ messageId: "ioMember", line: 7, column: 35, suggestions: [] }],
    },
    {
      name: "points io.runTask at the codemod and io.sendEvent at tasks.trigger",
      code: v2Job(`await io.runTask("k", async () => 1); await io.sendEvent("e", { name: "x" });`),
      errors: [
        { messageId: "ioMemberCodemod", line: 7, column: 11 },
        { messageId: "ioMember", line: 7, column: 49 },
      ],
    },
    {
      name: "reports integration members with the official SDK as the replacement",
      code: v2Job(`await io.openai.chat.completions.create("k", { model: "gpt-4" });`),
      errors: [{ messageId: "ioIntegration", line: 7, column: 11 }],
    },
    {
      name: "reports io passed to a helper",
      code: v2Job(`await sendWelcome(io, payload);`),
      errors: [{ messageId: "ioValue", line: 7, column: 23 }],
    },
    {
      name: "follows the second parameter whatever its name",
      code: v2Job(`await tools.random("r");`, "payload, tools"),
      errors: [{ messageId: "ioMemberCodemod", line: 7, column: 11 }],
    },
    {
      name: "reports io members destructured in the parameter list",
      code: v2Job(`await logger.info("x");`, "payload, { logger, runTask }"),
      errors: [
        { messageId: "ioMember", line: 6, column: 26 },
        { messageId: "ioMemberCodemod", line: 6, column: 34 },
      ],
    },
    {
      name: "finds io in a method-shorthand run of new Job(client, options)",
      code: `import { Job, cronTrigger } from "@trigger.dev/sdk";
import { client } from "@/trigger";
new Job(client, {
  id: "a", name: "A", version: "1",
  trigger: cronTrigger({ cron: "0 * * * *" }),
  async run(payload, io) {
    await io.store.job.get("k");
  },
});`,
      errors: [{ messageId: "ioMember", line: 7, column: 11 }],
    },
  ],
});

ruleTesterFor(3).run("no-io-object (target 3)", rule, {
  valid: [],
  invalid: [
    {
      name: "adds a separate /v3 import for logger on SDK 3, where the root is the v2 API",
      code: v2Job(`await io.logger.warn("careful");`),
      errors: [
        {
          messageId: "ioMember",
          line: 7,
          column: 11,
          suggestions: [
            {
              messageId: "useLogger",
              data: { local: "logger" },
              output: v2Job(`await logger.warn("careful");`).replace(`import { client } from "@/trigger";`, `import { client } from "@/trigger";\nimport { logger } from "@trigger.dev/sdk/v3";`),
            },
          ],
        },
      ],
    },
    {
      name: "reuses an existing /v3 wait import on SDK 3",
      code: v2Job(`await io.wait("k", 90);`).replace(`import { client }`, `import { wait as pause } from "@trigger.dev/sdk/v3";\nimport { client }`),
      errors: [
        {
          messageId: "ioMember",
          line: 8,
          column: 11,
          suggestions: [
            {
              messageId: "useWaitFor",
              data: { replacement: "pause.for({ seconds: 90 })" },
              output: v2Job(`await pause.for({ seconds: 90 });`).replace(`import { client }`, `import { wait as pause } from "@trigger.dev/sdk/v3";\nimport { client }`),
            },
          ],
        },
      ],
    },
  ],
});
