import { join } from "node:path";
import { globSync } from "tinyglobby";
import { beforeAll, describe, expect, it } from "vitest";
import { buildProjectIndex } from "../../src/project/build.js";
import type { ProjectIndex } from "../../src/project/types.js";
import { REPO } from "./helpers.js";

const ROOT = join(REPO, "fixtures/project-v2");
const at = (path: string): string => join(ROOT, path);

describe("the project index of fixtures/project-v2", () => {
  let index: ProjectIndex;
  let files: string[];

  beforeAll(() => {
    files = globSync("**/*.ts", { cwd: ROOT, absolute: true });
    index = buildProjectIndex(files);
  });

  it("is plain JSON data (it crosses to worker threads)", () => {
    expect(JSON.parse(JSON.stringify(index))).toEqual(index);
  });

  it("loads only the files whose text can matter, plus the barrel that re-exports jobs", () => {
    expect(index.stats.files).toBe(files.length);
    expect(index.stats.loaded).toBeLessThan(files.length);
    // 8 jobs, 5 routes, the client, the integrations file and the jobs/index.ts barrel; not lib/* nor concurrency.ts.
    expect(index.stats.loaded).toBe(16);
  });

  it("lists every v2 job with the name and id define-job gives it, its trigger, events, schema and filter", () => {
    const byName = new Map(index.jobs.map((job) => [job.exportName, job]));
    expect([...byName.keys()].sort()).toEqual([
      "checkoutRecovery",
      "createBillingCustomer",
      "enterpriseInvoiceAlert",
      "generateInvoice",
      "handlePlanUpgrade",
      "monthlyBillingRun",
      "trialEndingReminder",
      "welcomeSequence",
    ]);
    expect(byName.get("createBillingCustomer")).toMatchObject({
      file: at("src/jobs/billing/create-customer.ts"),
      taskId: "billing-create-customer",
      trigger: "event",
      events: ["user.created"],
      hasSchema: true,
      exported: true,
      filter: { spec: { plan: ["pro", "enterprise"] } },
    });
    expect(byName.get("enterpriseInvoiceAlert")?.filter?.spec).toEqual({ status: ["open"], customer: { plan: ["enterprise"], region: ["eu"] } });
    expect(byName.get("generateInvoice")).toMatchObject({ trigger: "invoke", events: [], hasSchema: true });
    expect(byName.get("monthlyBillingRun")).toMatchObject({ trigger: "cron", hasSchema: false });
  });

  it("resolves each send to its listeners: two, one or none", () => {
    const targetsOf = (file: string, line: number): string[] | undefined =>
      index.sends.find((send) => send.file === at(file) && send.line === line)?.targets.map((target) => target.exportName).sort();
    expect(targetsOf("src/app/api/signup/route.ts", 22)).toEqual(["createBillingCustomer", "welcomeSequence"]);
    expect(targetsOf("src/app/api/signup/route.ts", 39)).toEqual(["trialEndingReminder"]);
    expect(targetsOf("src/jobs/billing/generate-invoice.ts", 47)).toEqual(["enterpriseInvoiceAlert"]);
    expect(targetsOf("src/jobs/users/welcome-sequence.ts", 43)).toEqual([]);
    expect(index.sends.find((send) => send.file === at("src/jobs/users/welcome-sequence.ts"))).toMatchObject({ kind: "sendEvent", via: "io", events: ["user.welcome.completed"] });
    expect(index.sends.find((send) => send.file === at("src/app/api/admin/import-users/route.ts"))).toMatchObject({ kind: "sendEvents", via: "client", events: ["user.created"] });
  });

  it("resolves job.invoke through path aliases and relative imports with symbol resolution", () => {
    const invokes = index.sends.filter((send) => send.via === "job").map((send) => [send.file.slice(ROOT.length + 1), send.kind, send.targets[0]?.taskId]);
    expect(invokes.sort()).toEqual([
      ["src/app/api/invoices/route.ts", "invoke", "billing-generate-invoice"],
      ["src/jobs/billing/monthly-billing-run.ts", "batchInvokeAndWaitForCompletion", "billing-generate-invoice"],
      ["src/jobs/users/plan-upgraded.ts", "invokeAndWaitForCompletion", "billing-generate-invoice"],
    ]);
  });

  it("finds the v2 client file and the adapter route", () => {
    expect(index.clientFiles).toEqual([at("src/trigger/client.ts")]);
    expect(index.adapterFiles).toEqual([at("src/app/api/trigger/route.ts")]);
  });
});

describe("the project index on look-alikes", () => {
  it("ignores sendEvent and invoke on objects that are not v2 clients or jobs", () => {
    const files = new Map([
      ["/virtual/a.ts", 'import { analytics } from "./analytics";\nanalytics.sendEvent({ name: "x" });\nconst lambda = { invoke: (p: unknown) => p };\nlambda.invoke({});\n'],
      ["/virtual/analytics.ts", "export const analytics = { sendEvent(e: unknown) { return e; } };\n"],
    ]);
    const index = buildProjectIndex([...files.keys()], { readText: (path) => files.get(path) });
    expect(index.sends).toEqual([]);
    expect(index.jobs).toEqual([]);
  });
});

describe("the project index names jobs the way define-job does", () => {
  it("names `const x = new Job({...}).attachToClient(client)` after its variable and ignores defineJob calls without a run", async () => {
    const { mkdtempSync, writeFileSync } = await import("node:fs");
    const { tmpdir } = await import("node:os");
    const dir = mkdtempSync(join(tmpdir(), "index-attach-"));
    const file = join(dir, "jobs.ts");
    writeFileSync(
      file,
      [
        `import { Job, eventTrigger } from "@trigger.dev/sdk";`,
        `import { client } from "./client";`,
        `export const attached = new Job({ id: "on-signup", name: "On signup", version: "1", trigger: eventTrigger({ name: "signup" }), run: async () => {} }).attachToClient(client);`,
        `queue.defineJob({ id: "not-a-job", trigger: "x" });`,
        ``,
      ].join("\n"),
    );
    const index = buildProjectIndex([file]);
    expect(index.jobs.map((job) => job.exportName)).toEqual(["attached"]);
  });
});
