import { describe, expect, it } from "vitest";
import rule, { cronProblem, isKnownTimezone } from "../../rules/valid-task-options.js";
import { ruleTesterFor } from "../helpers/rule-tester.js";

describe("cronProblem", () => {
  it("accepts 5-field patterns, names, steps, ranges and L", () => {
    for (const pattern of ["0 * * * *", "*/15 9-17 * * MON-FRI", "0 0 L * *", " 30 2 1 1 * "]) expect(cronProblem(pattern)).toBeUndefined();
  });
  it("rejects seconds, macros, short patterns and out-of-range values", () => {
    expect(cronProblem("0 0 * * * *")?.messageId).toBe("cronFieldCount");
    expect(cronProblem("@daily")?.messageId).toBe("cronFieldCount");
    expect(cronProblem("* * * *")?.messageId).toBe("cronFieldCount");
    expect(cronProblem("0 25 * * *")).toEqual({ messageId: "invalidCron", data: { pattern: "0 25 * * *", reason: "Constraint error, got value 25 expected range 0-23" } });
  });
});

describe("isKnownTimezone", () => {
  it("accepts IANA names, UTC and aliases the runtime knows", () => {
    for (const zone of ["UTC", "Europe/London", "America/New_York", "US/Eastern"]) expect(isKnownTimezone(zone)).toBe(true);
  });
  it("rejects unknown names and bare offsets", () => {
    for (const zone of ["Mars/Olympus", "+01:00", "Europe/Londn"]) expect(isKnownTimezone(zone)).toBe(false);
  });
});

/** `[{ payload: 0 }, { payload: 1 }, ...]` with n items. */
function items(n: number): string {
  return `[${Array.from({ length: n }, (_, i) => `{ payload: ${i} }`).join(", ")}]`;
}

ruleTesterFor(4).run("valid-task-options (target 4)", rule, {
  valid: [
    {
      name: "valid cron, timezone, machine, retry and maxDuration are fine",
      code: `import { schedules } from "@trigger.dev/sdk";
export const t = schedules.task({
  id: "a",
  cron: { pattern: "0 9 * * 1-5", timezone: "Europe/London" },
  machine: "small-2x",
  retry: { maxAttempts: 3, factor: 1.8, minTimeoutInMs: 500, maxTimeoutInMs: 30_000 },
  maxDuration: 300,
  run: async () => {},
});`,
    },
    {
      name: "a machine object with a known preset and a string cron are fine",
      code: `import { schedules } from "@trigger.dev/sdk";
export const t = schedules.task({ id: "a", cron: "*/5 * * * *", machine: { preset: "large-1x" }, run: async () => {} });`,
    },
    {
      name: "values that are not constants are not checked",
      code: `import { schedules } from "@trigger.dev/sdk";
declare const env: { CRON: string; TZ: string; ATTEMPTS: number };
export const t = schedules.task({ id: "a", cron: { pattern: env.CRON, timezone: env.TZ }, retry: { maxAttempts: env.ATTEMPTS }, run: async () => {} });`,
    },
    {
      name: "cron on a plain task is not a schedule option and is not checked",
      code: `import { task } from "@trigger.dev/sdk";
export const t = task({ id: "a", cron: "nope", run: async () => {} } as never);`,
    },
    {
      name: "wait.for with one unit and an idempotency key is fine",
      code: `import { wait } from "@trigger.dev/sdk";
await wait.for({ minutes: 5, idempotencyKey: "k" });`,
    },
    {
      name: "wait.for with a spread may carry the unit",
      code: `import { wait } from "@trigger.dev/sdk";
const d = { seconds: 5 };
await wait.for({ ...d });`,
    },
    {
      name: "a batch at the target 4 limit is fine",
      code: `import { tasks } from "@trigger.dev/sdk";
await tasks.batchTrigger("a", ${items(1000)});`,
    },
    {
      name: "a local wait object is not Trigger.dev's",
      code: `const wait = { for: (_o: object) => Promise.resolve() };
await wait.for({});`,
    },
    {
      name: "a shadowed schedules is not Trigger.dev's",
      code: `import { schedules } from "@trigger.dev/sdk";
export function f(schedules: { task: (o: object) => void }) { schedules.task({ id: "a", cron: "bad" }); }`,
    },
    {
      name: "gulp's task is not checked",
      code: `import { task } from "gulp";
task({ id: "a", maxDuration: 1, retry: { maxAttempts: 0 } });`,
    },
    {
      name: "batchTrigger on an object that is not a task of this file is not checked",
      code: `import { tasks } from "@trigger.dev/sdk";
const queue = { batchTrigger: (_items: unknown[]) => {} };
queue.batchTrigger(${items(1001)});
export { tasks };`,
    },
    {
      name: "a type-only import of wait binds nothing",
      code: `import type { wait } from "@trigger.dev/sdk";
import { task } from "@trigger.dev/sdk";
await wait.for({});
export { task };`,
    },
  ],
  invalid: [
    {
      name: "a 6-field cron string is reported at the cron property",
      code: `import { schedules } from "@trigger.dev/sdk";
export const t = schedules.task({ id: "a", cron: "0 0 9 * * *", run: async () => {} });`,
      errors: [{ messageId: "cronFieldCount", data: { pattern: "0 0 9 * * *", count: "6" }, line: 2, column: 44, endColumn: 63 }],
    },
    {
      name: "an out-of-range cron pattern in the object form is reported at pattern",
      code: `import { schedules } from "@trigger.dev/sdk";
export const t = schedules.task({ id: "a", cron: { pattern: "0 24 * * *", timezone: "UTC" }, run: async () => {} });`,
      errors: [{ messageId: "invalidCron", line: 2, column: 52 }],
    },
    {
      name: "an unknown time zone is reported at timezone",
      code: `import { schedules } from "@trigger.dev/sdk";
export const t = schedules.task({ id: "a", cron: { pattern: "0 9 * * *", timezone: "Europe/Londn" }, run: async () => {} });`,
      errors: [{ messageId: "unknownTimezone", data: { timezone: "Europe/Londn" }, line: 2, column: 74 }],
    },
    {
      name: "a cron pattern held in a const is evaluated",
      code: `import { schedules } from "@trigger.dev/sdk";
const EVERY_MINUTE = "* * * *";
export const t = schedules.task({ id: "a", cron: EVERY_MINUTE, run: async () => {} });`,
      errors: [{ messageId: "cronFieldCount", data: { pattern: "* * * *", count: "4" }, line: 3, column: 44 }],
    },
    {
      name: "an unknown machine preset is reported in string and object form",
      code: `import { task } from "@trigger.dev/sdk";
export const a = task({ id: "a", machine: "large-4x", run: async () => {} });
export const b = task({ id: "b", machine: { preset: "small" }, run: async () => {} });`,
      errors: [
        {
          messageId: "unknownMachine",
          data: { preset: "large-4x", presets: '"micro", "small-1x", "small-2x", "medium-1x", "medium-2x", "large-1x", "large-2x"' },
          line: 2,
          column: 34,
        },
        { messageId: "unknownMachine", line: 3, column: 45 },
      ],
    },
    {
      name: "impossible retry numbers are each reported at their property",
      code: `import { task } from "@trigger.dev/sdk";
export const t = task({
  id: "a",
  retry: { maxAttempts: 0, factor: 0.5, minTimeoutInMs: 60 * 1000, maxTimeoutInMs: 1000 },
  run: async () => {},
});`,
      errors: [
        { messageId: "invalidMaxAttempts", data: { value: "0" }, line: 4, column: 12 },
        { messageId: "invalidFactor", data: { value: "0.5" }, line: 4, column: 28 },
        { messageId: "minTimeoutAboveMax", data: { min: "60000", max: "1000" }, line: 4, column: 41 },
      ],
    },
    {
      name: "a fractional maxAttempts is reported",
      code: `import { task } from "@trigger.dev/sdk";
export const t = task({ id: "a", retry: { maxAttempts: 2.5 }, run: async () => {} });`,
      errors: [{ messageId: "invalidMaxAttempts", data: { value: "2.5" }, line: 2, column: 43 }],
    },
    {
      name: "retry.onThrow options are checked too",
      code: `import { retry } from "@trigger.dev/sdk";
await retry.onThrow(async () => 1, { maxAttempts: -1 });`,
      errors: [{ messageId: "invalidMaxAttempts", line: 2, column: 38 }],
    },
    {
      name: "a maxDuration under 5 seconds is reported",
      code: `import { schemaTask } from "@trigger.dev/sdk";
export const t = schemaTask({ id: "a", schema: undefined, maxDuration: 2, run: async () => {} });`,
      errors: [{ messageId: "maxDurationTooShort", data: { value: "2", min: "5", example: "300" }, line: 2, column: 59 }],
    },
    {
      name: "wait.for with no unit is reported at its argument",
      code: `import { wait } from "@trigger.dev/sdk";
await wait.for({ second: 5 });`,
      errors: [{ messageId: "waitForNoUnit", data: { units: "years, months, weeks, days, hours, minutes, seconds" }, line: 2, column: 16 }],
    },
    {
      name: "wait.for with several units is reported at the second unit",
      code: `import * as sdk from "@trigger.dev/sdk";
await sdk.wait.for({ hours: 1, minutes: 30 });`,
      errors: [{ messageId: "waitForSeveralUnits", data: { units: "hours + minutes" }, line: 2, column: 32 }],
    },
    {
      name: "a tasks.batchTrigger literal over 1000 items is reported at the array",
      code: `import { tasks } from "@trigger.dev/sdk";
await tasks.batchTrigger("a", ${items(1001)});`,
      errors: [{ messageId: "batchTooLarge", data: { count: "1001", limit: "1000", target: "4" }, line: 2, column: 31 }],
    },
    {
      name: "batch.trigger and a local task's batchTriggerAndWait over the limit are reported",
      code: `import { batch, task } from "@trigger.dev/sdk";
const child = task({ id: "child", run: async () => {} });
await batch.trigger(${items(1001)});
await child.batchTriggerAndWait(${items(1001)});`,
      errors: [
        { messageId: "batchTooLarge", line: 3, column: 21 },
        { messageId: "batchTooLarge", line: 4, column: 33 },
      ],
    },
    {
      name: "schedules.create cron and timezone are checked",
      code: `import { schedules } from "@trigger.dev/sdk";
await schedules.create({ task: "a", cron: "0 0 0 * * *", timezone: "Nowhere/City", deduplicationKey: "k" });`,
      errors: [
        { messageId: "cronFieldCount", line: 2, column: 37 },
        { messageId: "unknownTimezone", line: 2, column: 58 },
      ],
    },
  ],
});

ruleTesterFor(3).run("valid-task-options (target 3)", rule, {
  valid: [
    {
      name: "on target 3 a batch of 500 is fine",
      code: `import { tasks } from "@trigger.dev/sdk/v3";
await tasks.batchTrigger("a", ${items(500)});`,
    },
    {
      name: "on target 3 the root package is v2, so its retry and wait are not checked",
      code: `import { wait } from "@trigger.dev/sdk";
await wait.for({});`,
    },
  ],
  invalid: [
    {
      name: "on target 3 a batch of 501 is over the limit",
      code: `import { tasks } from "@trigger.dev/sdk/v3";
await tasks.batchTriggerAndWait("a", ${items(501)});`,
      errors: [{ messageId: "batchTooLarge", data: { count: "501", limit: "500", target: "3" }, line: 2, column: 38 }],
    },
    {
      name: "on target 3 an unknown machine preset from the v3 path is reported",
      code: `import { task } from "@trigger.dev/sdk/v3";
export const t = task({ id: "a", machine: { preset: "huge" }, run: async () => {} });`,
      errors: [{ messageId: "unknownMachine", line: 2, column: 45 }],
    },
  ],
});
