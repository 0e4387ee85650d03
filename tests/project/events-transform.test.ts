/** The events transform on its own (standalone jscodeshift use: no project index, same-file listeners only). */
import jscodeshift from "jscodeshift";
import { describe, expect, it } from "vitest";
import transform, { migration } from "../../codemods/events.js";
import { TRANSFORMS } from "../../codemods/index.js";
import { migrateSource } from "../../src/codemod/pipeline.js";

function run(source: string, path = "jobs/example.ts"): string | null {
  const result = transform({ path, source }, { jscodeshift, j: jscodeshift, stats: () => {}, report: () => {} }, { target: "4" });
  return typeof result === "string" ? result : null;
}

const header = `import { eventTrigger, invokeTrigger } from "@trigger.dev/sdk";\nimport { client } from "./client";\n`;

describe("events without a project index", () => {
  it("triggers a listener defined in the same file, typed by its variable", () => {
    const output = run(`${header}
export const onSignup = client.defineJob({
  id: "on-signup", name: "On signup", version: "1",
  trigger: eventTrigger({ name: "user.created" }),
  run: async (payload, io) => {},
});
export const other = client.defineJob({
  id: "other", name: "Other", version: "1",
  trigger: invokeTrigger(),
  run: async (payload, io) => {
    await io.sendEvent("k", { name: "user.created", payload: { id: 1 }, id: "evt-1" }, { deliverAfter: 60 });
    await onSignup.invoke("key", { id: 2 }, { idempotencyKey: "x", accountId: "a" });
  },
});
`);
    expect(output).toContain(`await tasks.trigger<typeof onSignup>("on-signup", { id: 1 }, {`);
    expect(output).toContain(`idempotencyKey: "evt-1",`);
    expect(output).toContain(`delay: "60s"`);
    expect(output).toContain(`await onSignup.trigger({ id: 2 }, {\n      idempotencyKey: "x"\n    });`);
    expect(output).toContain(`import { eventTrigger, invokeTrigger, tasks } from "@trigger.dev/sdk";`);
  });

  it("leaves a TODO (and the call) for an event no job in the file listens to", () => {
    const output = run(`${header}
export async function POST() {
  await client.sendEvent({ name: "elsewhere", payload: {} });
}
`);
    expect(output).toContain(`  // TODO(trigger-v3-migrate): the task API has no events and no task in this file listens to "elsewhere": run trigger-v3-migrate on the whole project to rewire it, or call yourTask.trigger(payload) https://trigger.dev/docs/triggering\n  await client.sendEvent({ name: "elsewhere", payload: {} });`);
    expect(run(output!)).toBeNull();
  });

  it("writes no generics and no type import in JavaScript files", () => {
    const output = run(
      `import { eventTrigger } from "@trigger.dev/sdk";
export const a = client.defineJob({ id: "a", name: "A", version: "1", trigger: eventTrigger({ name: "e" }), run: async (payload, io) => {
  await io.sendEvent("k", { name: "e", payload });
} });
`,
      "jobs/a.js",
    );
    expect(output).toContain(`await tasks.trigger("a", payload);`);
  });

  it("guards run with the filter and removes it, and a second run changes nothing", () => {
    const output = run(`${header}
export const vip = client.defineJob({
  id: "vip", name: "VIP", version: "1",
  trigger: eventTrigger({ name: "order.paid", filter: { tier: ["gold", "platinum"], "shipping-country": ["DE"], total: [100, 200] } }),
  run: async (order, io) => order.id,
});
`);
    expect(output).toContain(`  trigger: eventTrigger({\n    name: "order.paid"\n  }),`);
    expect(output).toContain(
      `  run: async (order, io) => {\n    // The v2 eventTrigger filter { tier: ["gold", "platinum"], "shipping-country": ["DE"], total: [100, 200] }: v2 started no run for other payloads, this task returns early instead.\n    if (!(["gold", "platinum"] as unknown[]).includes(order.tier) || !(["DE"] as unknown[]).includes(order["shipping-country"]) || !([100, 200] as unknown[]).includes(order.total)) {\n      return;\n    }\n    return order.id;\n  },`,
    );
    expect(run(output!)).toBeNull();
  });

  it("keeps a content filter it cannot express (define-job reports it)", () => {
    const source = `${header}
export const a = client.defineJob({
  id: "a", name: "A", version: "1",
  trigger: eventTrigger({ name: "e", filter: { email: [{ $endsWith: "@acme.test" }] } }),
  run: async (payload, io) => {},
});
`;
    expect(run(source)).toBeNull();
  });

  it("leaves look-alikes alone: sendEvent on an analytics client and invoke on a non-job", () => {
    const source = `import { analytics } from "./analytics";
analytics.sendEvent("signup", { plan: "pro" });
lambda.invoke({ FunctionName: "x" });
`;
    expect(migration.mightApply(source)).toBe(true);
    expect(run(source)).toBeNull();
  });

  it("names new Job({...}).attachToClient(client) after its variable, the name define-job keeps", () => {
    const source = `import { Job, eventTrigger, invokeTrigger } from "@trigger.dev/sdk";
import { client } from "./client";
const onSignup = new Job({
  id: "on-signup", name: "On signup", version: "1",
  trigger: eventTrigger({ name: "user.created" }),
  run: async (payload, io) => {},
}).attachToClient(client);
export const other = client.defineJob({
  id: "other", name: "Other", version: "1",
  trigger: invokeTrigger(),
  run: async (payload, io) => {
    await io.sendEvent("k", { name: "user.created", payload: { id: 1 } });
    await onSignup.invoke("key", { id: 2 });
  },
});
`;
    const output = run(source);
    expect(output).toContain(`await tasks.trigger<typeof onSignup>("on-signup", { id: 1 });`);
    expect(output).toContain(`await onSignup.trigger({ id: 2 });`);
    // The whole pipeline: define-job's task takes that same name, so the generic names a real task.
    const migrated = migrateSource(source, "jobs/example.ts", TRANSFORMS, 4).output;
    expect(migrated).toContain(`export const onSignup = task({\n  id: "on-signup",`);
    expect(migrated).toContain(`await tasks.trigger<typeof onSignup>("on-signup", { id: 1 });`);
  });

  it("hands out a bare job's name after an attachToClient job as define-job does (the assigned job takes none)", () => {
    const source = `import { Job, eventTrigger, invokeTrigger } from "@trigger.dev/sdk";
import { client } from "./client";
const mailer = new Job({ id: "welcome", name: "Welcome", version: "1", trigger: eventTrigger({ name: "a" }), run: async () => {} }).attachToClient(client);
client.defineJob({ id: "Welcome", name: "Welcome again", version: "1", trigger: eventTrigger({ name: "b" }), run: async () => {} });
export const sender = client.defineJob({ id: "sender", name: "Sender", version: "1", trigger: invokeTrigger(), run: async (payload, io) => {
  await io.sendEvent("k", { name: "b", payload: {} });
} });
`;
    const migrated = migrateSource(source, "jobs/example.ts", TRANSFORMS, 4).output;
    expect(migrated).toContain(`export const mailer = task({`);
    expect(migrated).toContain(`export const welcome = task({`);
    expect(migrated).toContain(`await tasks.trigger<typeof welcome>("welcome", {});`);
  });

  it("takes only v2 jobs as listeners: a defineJob with a traced eventTrigger but no run is none", () => {
    const source = `${header}
export const half = client.defineJob({ id: "half", trigger: eventTrigger({ name: "user.created" }) });
export async function POST() {
  await client.sendEvent({ name: "user.created", payload: {} });
}
`;
    const output = run(source);
    expect(output).not.toContain("typeof half");
    expect(output).toContain(`  // TODO(trigger-v3-migrate): the task API has no events and no task in this file listens to "user.created"`);
  });

  it("turns client.defineConcurrencyLimit({ id, limit }) into a queue", () => {
    const output = run(`import { client } from "./client";\nexport const limit = client.defineConcurrencyLimit({ id: "api", limit: 5 });\n`, "trigger/limits.ts");
    expect(output).toBe(`import { client } from "./client";\nimport { queue } from "@trigger.dev/sdk";\nexport const limit = queue({\n  name: "api",\n  concurrencyLimit: 5\n});\n`);
  });
});
