import rule from "../../rules/no-ctx-logger.js";
import { ruleTesterFor } from "../helpers/rule-tester.js";

ruleTesterFor(4).run("no-ctx-logger (target 4)", rule, {
  valid: [
    {
      name: "the imported logger is what tasks should use",
      code: `import { task, logger } from "@trigger.dev/sdk";
export const t = task({ id: "a", run: async (payload, { ctx }) => { logger.info("run", { id: ctx.run.id }); } });`,
    },
    {
      name: "a ctx that is not a task's context is not reported",
      code: `import { task } from "@trigger.dev/sdk";
export function handler(ctx: { logger: Console }) { ctx.logger.info("hi"); }`,
    },
    {
      name: "gulp's task is not a Trigger.dev task",
      code: `import { task } from "gulp";
import { logger } from "@trigger.dev/sdk";
task({ id: "a", run: async (payload: unknown, { ctx }: { ctx: { logger: Console } }) => { ctx.logger.info("x"); } });`,
    },
    {
      name: "a ctx shadowed inside the run is a different variable",
      code: `import { task } from "@trigger.dev/sdk";
export const t = task({ id: "a", run: async (payload, { ctx }) => {
  const log = (ctx: { logger: Console }) => ctx.logger.info("x");
  return log;
} });`,
    },
    {
      name: "the v2 ctx of a defineJob run is out of scope for this rule",
      code: `import { eventTrigger } from "@trigger.dev/sdk";
import { client } from "@/trigger";
client.defineJob({ id: "a", name: "A", version: "1", trigger: eventTrigger({ name: "a" }), run: async (payload, io, ctx) => { ctx.logger.info("x"); } });`,
    },
  ],
  invalid: [
    {
      name: "autofixes ctx.logger.info to logger.info and adds logger to the existing SDK import",
      code: `import { task } from "@trigger.dev/sdk";
export const t = task({
  id: "a",
  run: async (payload, { ctx }) => {
    ctx.logger.info("hello", { runId: ctx.run.id });
  },
});`,
      output: `import { task, logger } from "@trigger.dev/sdk";
export const t = task({
  id: "a",
  run: async (payload, { ctx }) => {
    logger.info("hello", { runId: ctx.run.id });
  },
});`,
      errors: [{ messageId: "ctxLogger", line: 5, column: 5 }],
    },
    {
      name: "uses an existing logger alias and adds no import",
      code: `import { task, logger as log } from "@trigger.dev/sdk";
export const t = task({ id: "a", run: async (payload, { ctx }) => { ctx.logger.error("bad"); } });`,
      output: `import { task, logger as log } from "@trigger.dev/sdk";
export const t = task({ id: "a", run: async (payload, { ctx }) => { log.error("bad"); } });`,
      errors: [{ messageId: "ctxLogger", line: 2, column: 69 }],
    },
    {
      name: "reports without a fix when the name logger is taken",
      code: `import { task } from "@trigger.dev/sdk";
import logger from "pino";
export const t = task({ id: "a", run: async (payload, { ctx }) => { ctx.logger.info("x"); } });`,
      output: null,
      errors: [{ messageId: "ctxLogger", line: 3, column: 69 }],
    },
    {
      name: "reports without a fix when ctx.logger is not called as a logger method",
      code: `import { task } from "@trigger.dev/sdk";
export const t = task({ id: "a", run: async (payload, { ctx }) => { const log = ctx.logger; log.info("x"); } });`,
      output: null,
      errors: [{ messageId: "ctxLogger", line: 2, column: 81 }],
    },
    {
      name: "follows a renamed ctx, a nested callback and the v4 single-object hooks, adding the import once",
      code: `import { schedules } from "@trigger.dev/sdk";
export const t = schedules.task({
  id: "a",
  run: async (payload, { ctx: context }) => {
    [1].forEach(() => context.logger.debug("tick"));
  },
  onSuccess: async ({ ctx }) => {
    ctx.logger.log("done");
  },
});`,
      output: [`import { schedules, logger } from "@trigger.dev/sdk";
export const t = schedules.task({
  id: "a",
  run: async (payload, { ctx: context }) => {
    [1].forEach(() => logger.debug("tick"));
  },
  onSuccess: async ({ ctx }) => {
    ctx.logger.log("done");
  },
});`, `import { schedules, logger } from "@trigger.dev/sdk";
export const t = schedules.task({
  id: "a",
  run: async (payload, { ctx: context }) => {
    [1].forEach(() => logger.debug("tick"));
  },
  onSuccess: async ({ ctx }) => {
    logger.log("done");
  },
});`],
      errors: [
        { messageId: "ctxLogger", line: 5, column: 23 },
        { messageId: "ctxLogger", line: 8, column: 5 },
      ],
    },
    {
      name: "follows params.ctx when run's second parameter is not destructured",
      code: `import { task } from "@trigger.dev/sdk";
export const t = task({ id: "a", run: async (payload, params) => { params.ctx.logger.warn("w"); } });`,
      output: `import { task, logger } from "@trigger.dev/sdk";
export const t = task({ id: "a", run: async (payload, params) => { logger.warn("w"); } });`,
      errors: [{ messageId: "ctxLogger", line: 2, column: 68 }],
    },
  ],
});

ruleTesterFor(3).run("no-ctx-logger (target 3)", rule, {
  valid: [
    {
      name: "on SDK 3 the root import is the v2 API, so its task is not a task-API task",
      code: `import { task } from "@trigger.dev/sdk";
task({ id: "a", run: async (payload, { ctx }) => { ctx.logger.info("x"); } });`,
    },
  ],
  invalid: [
    {
      name: "follows ctx in a v3 positional hook and fixes to the /v3 logger",
      code: `import { task } from "@trigger.dev/sdk/v3";
export const t = task({
  id: "a",
  run: async () => {},
  onFailure: async (payload, error, { ctx }) => {
    ctx.logger.error("failed", { error });
  },
});`,
      output: `import { task, logger } from "@trigger.dev/sdk/v3";
export const t = task({
  id: "a",
  run: async () => {},
  onFailure: async (payload, error, { ctx }) => {
    logger.error("failed", { error });
  },
});`,
      errors: [{ messageId: "ctxLogger", line: 6, column: 5 }],
    },
  ],
});
