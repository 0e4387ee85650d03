import { CronExpressionParser } from "cron-parser";
import { describe, expect, it } from "vitest";
import { migration as defineJob } from "../../codemods/define-job.js";
import { migration as imports } from "../../codemods/imports.js";
import { migration as io } from "../../codemods/io.js";
import type { SdkMajor } from "../../src/catalog/packages.js";
import { describeSeconds, intervalToCron } from "../../src/codemod/define-job/interval-cron.js";
import { camelCaseName, kebabCaseId, NameAllocator, normalizedTaskId } from "../../src/codemod/define-job/naming.js";
import { migrateSource } from "../../src/codemod/pipeline.js";
import { TRANSFORMS } from "../../codemods/index.js";

const TODO = "// TODO(trigger-v3-migrate):";

/** define-job then imports, the way the registry runs them (io and sleeps have nothing to do here). */
function migrate(source: string, target: SdkMajor = 4, path = "src/jobs/example.ts"): string | null {
  return migrateSource(source, path, [defineJob, imports], target).output;
}

/** define-job alone: the body it writes, imports untouched. */
function rewrite(source: string, target: SdkMajor = 4, path = "src/jobs/example.ts"): string | null {
  return migrateSource(source, path, [defineJob], target).output;
}

function job(options: string, sdkImports = "eventTrigger"): string {
  return `import { ${sdkImports} } from "@trigger.dev/sdk";\nimport { client } from "./trigger";\n\nclient.defineJob({\n${options}\n});\n`;
}

const EVENT_JOB = `  id: "send-receipt",
  name: "Send receipt",
  version: "1.0.0",
  trigger: eventTrigger({ name: "order.paid" }),
  run: async (payload, io, ctx) => {
    return { id: payload.orderId };
  },`;

describe("define-job transform", () => {
  describe("recognising v2 jobs", () => {
    it("turns a bare client.defineJob statement into an exported task named after the id", () => {
      expect(migrate(job(EVENT_JOB))).toBe(`import { task } from "@trigger.dev/sdk";
import { client } from "./trigger";

export const sendReceipt = task({
  id: "send-receipt",
  description: "Send receipt",
  retry: { maxAttempts: 3 },
  run: async (payload: any) => {
    return { id: payload.orderId };
  },
});
`);
    });

    it("accepts any receiver: this.client, triggerClient, a property chain", () => {
      for (const receiver of ["this.client", "triggerClient", "app.trigger.client"]) {
        const output = rewrite(job(EVENT_JOB).replace("client.defineJob", `${receiver}.defineJob`));
        expect(output, receiver).toContain(`task({\n`);
        expect(output, receiver).not.toContain("defineJob");
      }
    });

    it("accepts a job without name or version when its trigger is a traced v2 factory", () => {
      const output = rewrite(job(`  id: "no-name",\n  trigger: eventTrigger({ name: "x" }),\n  run: async (payload) => payload,`));
      expect(output).toContain(`export const noName = task({\n  id: "no-name",\n  retry: { maxAttempts: 3 },\n  run: async (payload: any) => payload,\n});`);
    });

    it("leaves a defineJob whose argument has no v2 job shape alone", () => {
      expect(rewrite(`import { queue } from "./queue";\nqueue.defineJob({ name: "email", handler: async () => true });\n`)).toBeNull();
      expect(rewrite(`import { queue } from "./queue";\nqueue.defineJob({ id: "x", trigger: "cron", run: () => 1 });\n`)).toBeNull();
    });

    it("leaves options that are not an object literal alone", () => {
      expect(rewrite(`import { eventTrigger } from "@trigger.dev/sdk";\nimport { client, options } from "./trigger";\nclient.defineJob(options);\nclient.defineJob();\n`)).toBeNull();
    });

    it("leaves a local class called Job alone unless its options have the full v2 shape", () => {
      expect(rewrite(`class Job { constructor(readonly o: object) {} }\nexport const j = new Job({ id: "a", trigger: "t", run: () => 1 });\n`)).toBeNull();
    });

    it("converts new Job(client, {...}) and new Job({...}).attachToClient(client), keeping the variable name", () => {
      const output = rewrite(`import { Job, invokeTrigger } from "@trigger.dev/sdk";
import { client } from "./trigger";

new Job(client, {
  id: "legacy",
  name: "Legacy",
  version: "1",
  trigger: invokeTrigger(),
  run: async () => 1,
});

const attached = new Job({
  id: "attached",
  name: "Attached",
  version: "1",
  trigger: invokeTrigger(),
  run: async () => 2,
}).attachToClient(client);
`);
      expect(output).toContain(`export const legacy = task({\n  id: "legacy",`);
      expect(output).toContain(`export const attached = task({\n  id: "attached",`);
      expect(output).not.toContain("attachToClient");
    });

    it("reads a trigger bound to a top-level const", () => {
      const output = rewrite(`import { eventTrigger } from "@trigger.dev/sdk";
import { z } from "zod";
import { client } from "./trigger";
const onCreated = eventTrigger({ name: "created", schema: z.object({ id: z.string() }) });
client.defineJob({ id: "on-created", name: "On created", version: "1", trigger: onCreated, run: async (payload) => payload.id });
`);
      expect(output).toContain(`export const onCreated = schemaTask({\n  id: "on-created",`.replace("onCreated =", "onCreatedTask ="));
      expect(output).toContain(`schema: z.object({ id: z.string() }),`);
    });

    it("traces factories imported from npm:@trigger.dev/sdk (Deno) and leaves the import to the imports transform", () => {
      const output = rewrite(`import { TriggerClient, cronTrigger } from "npm:@trigger.dev/sdk";
const triggerClient = new TriggerClient({ id: "deno" });
triggerClient.defineJob({ id: "tick", name: "Tick", version: "1", trigger: cronTrigger({ cron: "*/5 * * * *" }), run: async (payload) => payload.ts });
`);
      expect(output).toContain(`export const tick = schedules.task({\n  id: "tick",\n  description: "Tick",\n  cron: "*/5 * * * *",`);
      expect(output).toContain(`run: async (payload) => payload.timestamp`);
      expect(output).not.toContain(TODO);
    });

    it("changes nothing on code that is already on the task API", () => {
      const source = `import { task } from "@trigger.dev/sdk";\n// was client.defineJob in v2; new Job(...) too\nexport const t = task({ id: "t", run: async () => 1 });\n`;
      expect(migrate(source)).toBeNull();
    });

    it("never throws on odd job shapes", () => {
      const odd = [
        job(`  id: "a", name: "A", version: "1", trigger: eventTrigger({ name: "a" }), run: doRun,`),
        job(`  ...shared, id: "b", name: "B", version: "1", trigger: eventTrigger({ name: "b" }), run: async () => {},`),
        job(`  ["id"]: "c", id: "c", name: "C", version: "1", trigger: eventTrigger(), run: async () => {},`),
        job(`  id: \`t-\${x}\`, name: "D", version: "1", trigger: eventTrigger({ name: "d" }), run: async (p, io, { run }) => run.id,`),
        job(`  id: "e", name: "E", version: "1", trigger: eventTrigger({ name: "e" }), run: async function named(payload, io, ctx) { return ctx; },`),
        job(`  id: "f", name: "F", version: "1", trigger: (eventTrigger as any)({ name: "f" }), run() {},`),
      ];
      for (const source of odd) expect(() => migrate(source), source).not.toThrow();
    });
  });

  describe("naming and placement", () => {
    it("keeps the variable name and adds export to a top-level const", () => {
      expect(rewrite(job(EVENT_JOB).replace("client.defineJob", "const receiptJob = client.defineJob"))).toContain("export const receiptJob = task({");
    });

    it("keeps an existing export as it is, and works for export default", () => {
      expect(rewrite(job(EVENT_JOB).replace("client.defineJob", "export const receiptJob = client.defineJob"))).toContain("export const receiptJob = task({");
      expect(rewrite(job(EVENT_JOB).replace("client.defineJob", "export default client.defineJob"))).toContain("export default task({");
    });

    it("picks a name that clashes with no top-level binding, a global, or another new task", () => {
      const source = `import { eventTrigger } from "@trigger.dev/sdk";
import { client } from "./trigger";
const sendReceipt = 1;
client.defineJob({ id: "send-receipt", name: "A", version: "1", trigger: eventTrigger({ name: "a" }), run: async () => sendReceipt });
client.defineJob({ id: "send.receipt", name: "B", version: "1", trigger: eventTrigger({ name: "b" }), run: async () => 2 });
client.defineJob({ id: "process", name: "C", version: "1", trigger: eventTrigger({ name: "c" }), run: async () => 3 });
`;
      const output = rewrite(source) ?? "";
      expect(output).toContain("export const sendReceiptTask = task({");
      expect(output).toContain("export const sendReceiptTask2 = task({");
      expect(output).toContain("export const processTask = task({");
    });

    it("leaves a TODO on a job defined inside a function, which would never be registered", () => {
      const output = rewrite(`import { eventTrigger } from "@trigger.dev/sdk";
import { client } from "./trigger";

test("job", () => {
  const jobToTest = client.defineJob({ id: "t", name: "T", version: "1", trigger: eventTrigger({ name: "t" }), run: async () => 1 });
});
`);
      expect(output).toContain(`test("job", () => {
  ${TODO} define this task at the top level of a file in your trigger directory and export it, or it is never registered https://trigger.dev/docs/tasks/overview
  const jobToTest = task({
    id: "t",
    description: "T",
    retry: { maxAttempts: 3 },
    run: async () => 1,
  });
});`);
    });

    it("does not add export to a CommonJS file and says so instead", () => {
      const output = migrate(`const { eventTrigger } = require("@trigger.dev/sdk");
const { client } = require("./trigger");
client.defineJob({ id: "cjs", name: "CJS", version: "1", trigger: eventTrigger({ name: "c" }), run: async (payload) => payload });
`, 4, "jobs/cjs.js");
      expect(output).toContain(`${TODO} export this task (module.exports): tasks must be exported to be registered https://trigger.dev/docs/tasks/overview\nconst cjs = task({`);
      expect(output).toContain(`run: async (payload) => payload`);
      expect(output).toMatch(/task\s*\} = require\("@trigger.dev\/sdk"\);/);
    });

    it("asks for no export when the CommonJS file already exports the job's variable", () => {
      const cjs = (exportLine: string): string =>
        migrate(`const { eventTrigger } = require("@trigger.dev/sdk");
const { client } = require("./trigger");
const sync = client.defineJob({ id: "sync", name: "Sync", version: "1", trigger: eventTrigger({ name: "s" }), run: async (payload) => payload });
${exportLine}
`, 4, "jobs/cjs.js") ?? "";
      for (const exportLine of ["module.exports = { sync };", "module.exports = { syncTask: sync };", "exports.sync = sync;", "module.exports.sync = sync;"]) {
        expect(cjs(exportLine), exportLine).not.toContain("export this task");
      }
      expect(cjs("module.exports = { other };")).toContain(`${TODO} export this task (module.exports)`);
    });

    it("keeps a @ts-ignore directly above the code it was written for, below new TODOs", () => {
      const output = rewrite(`import { eventTrigger } from "@trigger.dev/sdk";
import { client } from "./trigger";
//@ts-ignore
client.defineJob({ id: "off", name: "Off", version: "1", enabled: false, trigger: eventTrigger({ name: "o" }), run: async () => 1 });
`);
      expect(output).toContain(`${TODO} v2 job was disabled: delete the task or leave it untriggered https://trigger.dev/docs/guides/use-cases/upgrading-from-v2\n//@ts-ignore\nexport const off = task({`);
    });

    it("warns when `task` is already bound to something else in the file", () => {
      const output = rewrite(job(EVENT_JOB, "eventTrigger").replace(`import { client } from "./trigger";`, `import { client } from "./trigger";\nimport { task } from "gulp";`));
      expect(output).toContain(`${TODO} \`task\` is already bound in this file: import the Trigger.dev task under another name and call that`);
    });

    it("asks for the import when the file imports nothing from @trigger.dev (the imports transform will not add it)", () => {
      const output = rewrite(`import { client, github } from "./trigger";
client.defineJob({ id: "gh", name: "GH", version: "1", trigger: github.triggers.repo({ owner: "o", repo: "r" }), run: async (payload) => payload });
`);
      expect(output).toContain(`${TODO} import { task } from "@trigger.dev/sdk" https://trigger.dev/docs/tasks/overview`);
    });

    it("names in that TODO every task API name the task uses, sorted", () => {
      const output = migrateSource(
        `import { client, github } from "./trigger";
client.defineJob({ id: "gh", name: "GH", version: "1", trigger: github.triggers.repo({ owner: "o", repo: "r" }), run: async (payload, io) => {
  await io.logger.info("event");
  await io.wait("pause", 5);
} });
`,
        "src/jobs/example.ts",
        [io, defineJob],
        3,
      ).output;
      expect(output).toContain(`${TODO} import { logger, task, wait } from "@trigger.dev/sdk/v3" https://trigger.dev/docs/tasks/overview`);
    });
  });

  describe("options", () => {
    it("kebab-cases an id that is not, with a TODO for the callers", () => {
      const output = rewrite(job(EVENT_JOB.replace(`"send-receipt"`, `"Send.Receipt_v2"`)));
      expect(output).toContain(`export const sendReceiptV2 = task({
  ${TODO} the task id changed from "Send.Receipt_v2" to "send-receipt-v2": update every caller that triggers it by id https://trigger.dev/docs/triggering
  id: "send-receipt-v2",`);
    });

    it("drops version, integrations and enabled: true; moves name to description", () => {
      const output = rewrite(job(`  id: "x",\n  name: "X",\n  version: "2.0.0",\n  enabled: true,\n  integrations: { openai },\n  trigger: eventTrigger({ name: "x" }),\n  run: async () => 1,`));
      expect(output).toContain(`export const x = task({\n  id: "x",\n  description: "X",\n  retry: { maxAttempts: 3 },\n  run: async () => 1,\n});`);
    });

    it("turns concurrencyLimit: n into a queue and a shared limit into a TODO", () => {
      expect(rewrite(job(`  id: "q", name: "Q", version: "1", concurrencyLimit: 5, trigger: eventTrigger({ name: "q" }), run: async () => 1,`))).toContain(
        `queue: { concurrencyLimit: 5 },\n  retry: { maxAttempts: 3 },`,
      );
      expect(rewrite(job(`  id: "q", name: "Q", version: "1", concurrencyLimit: sharedLimit, trigger: eventTrigger({ name: "q" }), run: async () => 1,`))).toContain(
        `${TODO} the v2 shared concurrency limit \`sharedLimit\` is gone: define const q = queue({ name, concurrencyLimit }) and set queue: q https://trigger.dev/docs/queue-concurrency`,
      );
    });

    it("sets queue: x when the shared limit x is a queue() this file declares (what events makes of defineConcurrencyLimit)", () => {
      const source = `import { eventTrigger } from "@trigger.dev/sdk";
import { client } from "./trigger";

const billing = client.defineConcurrencyLimit({ id: "billing", limit: 2 });

client.defineJob({ id: "charge", name: "Charge", version: "1", concurrencyLimit: billing, trigger: eventTrigger({ name: "charge" }), run: async () => 1 });
`;
      const output = migrateSource(source, "src/jobs/example.ts", TRANSFORMS, 4).output ?? "";
      expect(output).toContain(`const billing = queue({`);
      expect(output).toContain(`queue: billing,`);
      expect(output).not.toContain("shared concurrency limit");
    });

    it("keeps the TODO for a shared limit that is not a local queue(): imported, or built by something else", () => {
      for (const declaration of [`import { sharedLimit } from "./limits";`, `const sharedLimit = makeLimit();`, `let sharedLimit = queue({ name: "x" });`]) {
        const source = job(`  id: "q", name: "Q", version: "1", concurrencyLimit: sharedLimit, trigger: eventTrigger({ name: "q" }), run: async () => 1,`, "eventTrigger, queue").replace(
          `import { client } from "./trigger";`,
          `import { client } from "./trigger";\n${declaration}`,
        );
        expect(rewrite(source), declaration).toContain("the v2 shared concurrency limit `sharedLimit` is gone");
      }
    });

    it("reads the enabled shorthand from a top-level const boolean", () => {
      const withEnabled = (declaration: string): string =>
        rewrite(job(`  id: "e", name: "E", version: "1", enabled, trigger: eventTrigger({ name: "e" }), run: async () => 1,`).replace(`import { client } from "./trigger";`, `import { client } from "./trigger";\n${declaration}`)) ?? "";
      expect(withEnabled("const enabled = true;")).not.toContain(TODO);
      expect(withEnabled("const enabled = false;")).toContain(`${TODO} v2 job was disabled: delete the task or leave it untriggered`);
      expect(withEnabled("let enabled = true;")).toContain(`${TODO} v2 job was enabled only when \`enabled\` is true`);
    });

    it("leaves TODOs for enabled expressions and logLevel", () => {
      const output = rewrite(job(`  id: "l", name: "L", version: "1", enabled: isProd(), logLevel: "debug", trigger: eventTrigger({ name: "l" }), run: async () => 1,`)) ?? "";
      expect(output).toContain(`${TODO} v2 job was enabled only when \`isProd()\` is true: tasks cannot be disabled, delete the task or leave it untriggered`);
      expect(output).toContain(`${TODO} set logLevel in trigger.config.ts: tasks have no per-task log level https://trigger.dev/docs/config/config-file`);
      expect(output).not.toContain("logLevel:");
    });

    it("keeps a spread and unknown keys, marking the spread", () => {
      const output = rewrite(job(`  ...defaults,\n  id: "s",\n  name: "S",\n  version: "1",\n  machine: "small-1x",\n  trigger: eventTrigger({ name: "s" }),\n  run: async () => 1,`));
      expect(output).toContain(`  run: async () => 1,\n  ${TODO} check that this holds task options, not v2 job options https://trigger.dev/docs/tasks/overview\n  ...defaults,\n  machine: "small-1x",\n});`);
    });

    it("keeps comments of dropped options", () => {
      const output = rewrite(job(`  id: "c",\n  name: "C",\n  // bump on every release\n  version: "1",\n  trigger: eventTrigger({ name: "c" }),\n  run: async () => 1,`));
      expect(output).toContain(`  description: "C",\n  // bump on every release\n  retry: { maxAttempts: 3 },`);
    });
  });

  describe("triggers", () => {
    it("turns an eventTrigger schema into schemaTask and keeps a typed payload as written", () => {
      const output = rewrite(job(`  id: "e", name: "E", version: "1",\n  trigger: eventTrigger({ name: "e", schema: Payload }),\n  run: async (payload, io, ctx) => payload.id,`));
      expect(output).toContain(`export const e = schemaTask({\n  id: "e",\n  description: "E",\n  schema: Payload,\n  retry: { maxAttempts: 3 },\n  run: async (payload) => payload.id,\n});`);
      const typed = rewrite(job(`  id: "t", name: "T", version: "1",\n  trigger: eventTrigger({ name: "t" }),\n  run: async (payload: { id: string }) => payload.id,`));
      expect(typed).toContain(`run: async (payload: { id: string }) => payload.id,`);
    });

    it("adds no type annotation in a JavaScript file", () => {
      const output = migrate(job(EVENT_JOB), 4, "jobs/receipt.js");
      expect(output).toContain(`  run: async (payload) => {\n    return { id: payload.orderId };\n  },`);
    });

    it("leaves a TODO for an event filter the events transform did not turn into a guard", () => {
      const output = rewrite(job(`  id: "f", name: "F", version: "1",\n  trigger: eventTrigger({ name: "f", filter: { kind: [{ $startsWith: "a" }] } }),\n  run: async () => 1,`));
      expect(output).toContain(`${TODO} the v2 event filter is gone: check the payload at the start of run and return early when it does not match`);
    });

    it("maps invokeTrigger({ schema }) to schemaTask and invokeTrigger() to task", () => {
      expect(rewrite(job(`  id: "i", name: "I", version: "1", trigger: invokeTrigger({ schema: S }), run: async (p) => p,`, "invokeTrigger"))).toContain("export const i = schemaTask({");
      expect(rewrite(job(`  id: "i", name: "I", version: "1", trigger: invokeTrigger(), run: async (p) => p,`, "invokeTrigger"))).toContain("export const i = task({");
    });

    it("turns cronTrigger into schedules.task with maxDuration and payload.ts into payload.timestamp", () => {
      const output = rewrite(job(`  id: "c", name: "C", version: "1",\n  trigger: cronTrigger({ cron: "0 9 * * 1" }),\n  run: async (payload, io, ctx) => [payload.ts, payload.lastTimestamp, ctx.run.id],`, "cronTrigger"));
      expect(output).toContain(`export const c = schedules.task({
  id: "c",
  description: "C",
  cron: "0 9 * * 1",
  retry: { maxAttempts: 3 },
  maxDuration: 300,
  run: async (payload, { ctx }) => [payload.timestamp, payload.lastTimestamp, ctx.run.id],
});`);
    });

    it("turns intervalTrigger into the equivalent cron, or the nearest with a TODO", () => {
      const exact = rewrite(job(`  id: "i", name: "I", version: "1", trigger: intervalTrigger({ seconds: 3600 }), run: async ({ ts }) => ts,`, "intervalTrigger"));
      expect(exact).toContain(`cron: "0 * * * *",`);
      expect(exact).toContain(`run: async ({ timestamp: ts }) => ts,`);
      expect(exact).not.toContain(TODO);
      const near = rewrite(job(`  id: "i", name: "I", version: "1", trigger: intervalTrigger({ seconds: 50 }), run: async () => 1,`, "intervalTrigger"));
      expect(near).toContain(`${TODO} the v2 job ran every 50 seconds, which no cron repeats evenly: this cron runs every 1 minute, adjust it https://trigger.dev/docs/tasks/scheduled`);
      expect(near).toContain(`cron: "* * * * *",`);
    });

    it("writes a computed cron in the file's quote style", () => {
      const output = rewrite(job(`  id: 'i', name: 'I', version: '1', trigger: intervalTrigger({ seconds: 900 }), run: async () => 1,`, "intervalTrigger").replace(/"/g, "'"));
      expect(output).toContain(`cron: '*/15 * * * *',`);
    });

    it("explains what replaces integration, HTTP endpoint, dynamic and notification triggers", () => {
      const source = `import { DynamicTrigger, missingConnectionNotification } from "@trigger.dev/sdk";
import { client, github, slack } from "./trigger";
const endpoint = client.defineHttpEndpoint({ id: "hook", source: "x.com", verify: async () => ({ success: true }) });
const dynamic = new DynamicTrigger(client, { id: "dyn", event: {}, source: {} });
const schedule = client.defineDynamicSchedule({ id: "sched" });
client.defineJob({ id: "a", name: "A", version: "1", trigger: github.triggers.repo({ owner: "o", repo: "r" }), run: async (payload) => payload });
client.defineJob({ id: "b", name: "B", version: "1", trigger: endpoint.onRequest(), run: async (request) => request.url });
client.defineJob({ id: "c", name: "C", version: "1", trigger: dynamic, run: async (payload) => payload });
client.defineJob({ id: "d", name: "D", version: "1", trigger: schedule, run: async (payload) => payload.ts });
client.defineJob({ id: "e", name: "E", version: "1", trigger: missingConnectionNotification([slack]), run: async (payload) => payload });
`;
      const output = rewrite(source) ?? "";
      expect(output).toContain(`${TODO} the v2 trigger \`github.triggers.repo(...)\` has no task API equivalent: register the webhook with the provider's own SDK`);
      expect(output).toContain(`${TODO} the v2 trigger \`endpoint.onRequest(...)\` has no task API equivalent: receive the request in your own route handler`);
      expect(output).toContain(`${TODO} the v2 trigger \`dynamic\` has no task API equivalent: register the webhook yourself`);
      expect(output).toContain(`${TODO} the v2 dynamic schedule \`schedule\` is now a schedules.task without a cron: attach schedules at runtime with schedules.create`);
      expect(output).toContain(`export const d = schedules.task({`);
      expect(output).toContain(`run: async (payload) => payload.timestamp`);
      expect(output).toContain(`${TODO} the v2 trigger \`missingConnectionNotification(...)\` has no task API equivalent: integrations and their connection notifications are gone: delete this task`);
    });
  });

  describe("run", () => {
    it("drops io and an unused ctx, and renames a ctx parameter with another name", () => {
      expect(rewrite(job(`  id: "r", name: "R", version: "1", trigger: eventTrigger({ name: "r" }), run: async (payload, io, _ctx) => 1,`))).toContain(`run: async (payload: any) => 1,`);
      expect(rewrite(job(`  id: "r", name: "R", version: "1", trigger: eventTrigger({ name: "r" }), run: async (payload, io, context) => context.run.id,`))).toContain(
        `run: async (payload: any, { ctx: context }) => context.run.id,`,
      );
    });

    it("renames ctx.job.id and ctx.organization.title, and marks ctx members that are gone", () => {
      const output = rewrite(job(`  id: "r", name: "R", version: "1", trigger: eventTrigger({ name: "r" }),
  run: async (payload, io, ctx) => {
    const ids = [ctx.job.id, ctx.organization.title, ctx.environment.slug];
    return ctx.event.name;
  },`));
      expect(output).toContain(`const ids = [ctx.task.id, ctx.organization.name, ctx.environment.slug];`);
      expect(output).toContain(`    ${TODO} ctx.event is gone: there are no events in the task API: read what you need from the payload https://trigger.dev/docs/guides/use-cases/upgrading-from-v2\n    return ctx.event.name;`);
    });

    it("does not touch a ctx that shadows the run's parameter", () => {
      const output = rewrite(job(`  id: "r", name: "R", version: "1", trigger: eventTrigger({ name: "r" }), run: async (payload, io, ctx) => [1].map((ctx) => ctx.job.id),`));
      expect(output).toContain(`run: async (payload: any) => [1].map((ctx) => ctx.job.id),`);
    });

    it("keeps remaining io uses visible with a TODO on run (io could not migrate them)", () => {
      const output = rewrite(job(`  id: "r", name: "R", version: "1", integrations: { openai }, trigger: eventTrigger({ name: "r" }),
  run: async (payload, io, ctx) => {
    await io.store.job.set("k", "v", 1);
    return io.openai.models.list("models");
  },`));
      expect(output).toContain(`  ${TODO} the v2 io parameter is gone: rewrite the 2 remaining io uses in this run (integrations: openai), each marked below https://trigger.dev/docs/guides/use-cases/upgrading-from-v2
  run: async (payload: any) => {
    await io.store.job.set("k", "v", 1);`);
    });

    it("marks a run that is not written inline", () => {
      const output = rewrite(job(`  id: "r", name: "R", version: "1", trigger: eventTrigger({ name: "r" }), run: doRun,`));
      expect(output).toContain(`  ${TODO} run now receives (payload, { ctx }) instead of (payload, io, ctx): update this function https://trigger.dev/docs/tasks/overview\n  run: doRun,`);
    });

    it("keeps the method form of run", () => {
      expect(rewrite(job(`  id: "r", name: "R", version: "1", trigger: eventTrigger({ name: "r" }),\n  async run(payload, io, ctx) {\n    return ctx.run.id;\n  },`))).toContain(
        `  async run(payload: any, { ctx }) {\n    return ctx.run.id;\n  },`,
      );
    });
  });

  describe("onSuccess / onFailure", () => {
    const HOOKS = `  id: "h", name: "H", version: "1", trigger: eventTrigger({ name: "h" }),
  onSuccess: async (notification) => {
    console.log(notification.output, notification.job.id, notification.invocation.payload);
  },
  onFailure(notification) {
    console.log(notification);
  },
  run: async () => 1,`;

    it("uses the single-object hook form on target 4", () => {
      const output = rewrite(job(HOOKS), 4);
      expect(output).toContain(`  onSuccess: async ({ payload, ctx, output }) => {
    console.log(output, ctx.task.id, payload);
  },
  onFailure({ payload, ctx, error }) {
    console.log({ payload, ctx, error });
  },
  run: async () => 1,`);
    });

    it("uses the positional, async hook form on target 3", () => {
      const output = rewrite(job(HOOKS), 3);
      expect(output).toContain(`  onSuccess: async (payload, output, { ctx }) => {
    console.log(output, ctx.task.id, payload);
  },
  async onFailure(payload, error, { ctx }) {
    console.log({ payload, ctx, error });
  },`);
    });

    it("marks notification fields the task API does not have", () => {
      const output = rewrite(job(`  id: "h", name: "H", version: "1", trigger: eventTrigger({ name: "h" }),
  onFailure: async (notification) => {
    console.log(notification.statuses, notification.error);
  },
  run: async () => 1,`));
      expect(output).toContain(`  onFailure: async ({ error }) => {
    ${TODO} notification.statuses has no task API equivalent in onFailure: rewrite it with payload, ctx or error https://trigger.dev/docs/tasks/overview#lifecycle-functions`);
    });
  });

  describe("line endings", () => {
    it("writes the new task with the file's CRLF line endings", () => {
      const output = migrate(job(EVENT_JOB).replace(/\n/g, "\r\n")) ?? "";
      expect(output).toContain("export const sendReceipt = task({\r\n  id: \"send-receipt\",\r\n");
      expect(output.replace(/\r\n/g, "")).not.toContain("\n");
    });
  });

  describe("idempotency", () => {
    it("changes nothing when run again on its own output", () => {
      const once = migrate(job(EVENT_JOB.replace(`"send-receipt"`, `"Send.Receipt"`).replace("version", `enabled: false,\n  version`))) ?? "";
      expect(once).toContain(TODO);
      expect(migrate(once)).toBeNull();
    });
  });
});

describe("intervalToCron", () => {
  it.each([
    [60, "* * * * *"],
    [900, "*/15 * * * *"],
    [1800, "*/30 * * * *"],
    [3600, "0 * * * *"],
    [6 * 3600, "0 */6 * * *"],
    [86_400, "0 0 * * *"],
    [7 * 86_400, "0 0 * * 0"],
  ])("maps %i seconds exactly to %s", (seconds, cron) => {
    expect(intervalToCron(seconds)).toEqual({ cron, exact: true, seconds });
  });

  it.each([
    [20, "* * * * *", 60],
    [50, "* * * * *", 60],
    [90, "*/2 * * * *", 120],
    [7 * 60, "*/6 * * * *", 360],
    [90 * 60, "0 */2 * * *", 7200],
    [2_592_000, "0 0 1 * *", 2_592_000],
  ])("maps %i seconds to the nearest schedule %s (every %i s), not exactly", (seconds, cron, every) => {
    expect(intervalToCron(seconds)).toEqual({ cron, exact: false, seconds: every });
  });

  it("only writes crons that parse", () => {
    for (const seconds of [20, 45, 60, 61, 90, 600, 3000, 3600, 5400, 43_200, 86_400, 100_000, 604_800, 2_592_000]) {
      expect(() => CronExpressionParser.parse(intervalToCron(seconds).cron), String(seconds)).not.toThrow();
    }
  });

  it("describes durations in the largest whole unit", () => {
    expect([describeSeconds(90), describeSeconds(120), describeSeconds(60), describeSeconds(7200), describeSeconds(86_400)]).toEqual(["90 seconds", "2 minutes", "1 minute", "2 hours", "1 day"]);
  });
});

describe("task names and ids", () => {
  it("kebab-cases ids and leaves kebab-case ids alone", () => {
    expect([kebabCaseId("Event Example"), kebabCaseId("eventExample"), kebabCaseId("event.example"), kebabCaseId("send_email")]).toEqual([
      "event-example",
      "event-example",
      "event-example",
      "send-email",
    ]);
    expect(normalizedTaskId("event-example-1")).toBe("event-example-1");
    expect(normalizedTaskId("📆")).toBe("📆");
  });

  it("camel-cases ids into valid, non-reserved identifiers", () => {
    expect([camelCaseName("event-example-1"), camelCaseName("1st-job"), camelCaseName("delete"), camelCaseName("📆")]).toEqual(["eventExample1", "task1stJob", "deleteTask", "migrated"]);
  });

  it("allocates names that avoid taken names and each other", () => {
    const names = new NameAllocator(new Set(["a"]));
    expect([names.allocate("a"), names.allocate("a"), names.allocate("b"), names.allocate("fetch")]).toEqual(["aTask", "aTask2", "b", "fetchTask"]);
  });
});
