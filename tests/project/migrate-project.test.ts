/**
 * Whole-project migration, end to end through the CLI's main() and the real registry, on copies
 * of fixtures/project-v2 (several folders, tsconfig path aliases, two listeners of one event,
 * sends from routes and from jobs, invoke / invokeAndWaitForCompletion / batchInvoke..., an event
 * nobody listens to, flat and nested filters) and fixtures/sample-v2-app.
 */
import { existsSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { beforeAll, describe, expect, it } from "vitest";
import { V2_ONLY_EXPORTS } from "../../src/catalog/exports.js";
import { TODO_MARKER } from "../../src/catalog/markers.js";
import { isV2OnlyPackage } from "../../src/catalog/packages.js";
import { copyFixture, runCli, snapshotTree, sourceTexts, typeCheck, type Diagnostic } from "./helpers.js";

/** TODO texts the events transform writes when it could not use the index. */
const INDEX_MISS_TODOS = [/run trigger-v3-migrate on the whole project/, /not a literal/, /different names/, /v2 run results had/];

function markers(texts: ReadonlyMap<string, string>): { file: string; line: number; text: string }[] {
  const found: { file: string; line: number; text: string }[] = [];
  for (const [file, text] of texts) {
    text.split("\n").forEach((line, index) => {
      if (line.includes(TODO_MARKER)) found.push({ file, line: index + 1, text: line.trim() });
    });
  }
  return found;
}

describe("migrating fixtures/project-v2 as a whole project", () => {
  let dir: string;
  let first: { code: number; stdout: string; stderr: string };

  beforeAll(async () => {
    dir = copyFixture("project-v2");
    first = await runCli(dir, ["."]);
  });

  it("exits 0 and reports the project files it created and deleted", () => {
    expect(first.stderr).toBe("");
    expect(first.code).toBe(0);
    expect(first.stdout).toContain("created trigger.config.ts");
    expect(first.stdout).toContain("deleted src/trigger/client.ts");
    expect(first.stdout).toContain("deleted src/app/api/trigger/route.ts");
  });

  it("turns a two-listener event into one typed batch.trigger with the event id as idempotency key", () => {
    const signup = readFileSync(join(dir, "src/app/api/signup/route.ts"), "utf8");
    expect(signup).toContain('import type { createBillingCustomer } from "../../../jobs/billing/create-customer";');
    expect(signup).toContain('import type { welcomeSequence } from "../../../jobs/users/welcome-sequence";');
    expect(signup).toContain("await batch.trigger<typeof createBillingCustomer | typeof welcomeSequence>([{");
    expect(signup).toContain('id: "billing-create-customer",\n    payload: userCreatedPayload,');
    expect(signup).toContain("idempotencyKey: `user-created-${user.id}`");
    expect(signup).toContain("delay: new Date(trialEndsAt.getTime() - 2 * 24 * 60 * 60 * 1000)");
    expect(signup).not.toContain("client");
  });

  it("maps deliverAfter seconds to a delay string and keeps single-listener sends typed", () => {
    const checkout = readFileSync(join(dir, "src/app/api/billing/checkout/route.ts"), "utf8");
    expect(checkout).toContain('await tasks.trigger<typeof checkoutRecovery>(\n      "billing-checkout-recovery",');
    expect(checkout).toContain('delay: "300s"');
    expect(checkout).toContain('await tasks.trigger<typeof handlePlanUpgrade>("users-plan-upgraded", {');
  });

  it("keeps sendEvents' events in their variable and triggers every listener per event", () => {
    const imports = readFileSync(join(dir, "src/app/api/admin/import-users/route.ts"), "utf8");
    expect(imports).toContain("const events = created.map((user) => ({");
    expect(imports).toContain("await batch.trigger<typeof createBillingCustomer | typeof welcomeSequence>(events.flatMap(event => [{");
    expect(imports).toContain("idempotencyKey: event.id");
    expect(imports).toContain("eventIds: events.map((e) => e.id)");
  });

  it("rewrites invoke, invokeAndWaitForCompletion and batchInvokeAndWaitForCompletion on the job binding", () => {
    expect(readFileSync(join(dir, "src/app/api/invoices/route.ts"), "utf8")).toContain("const run = await generateInvoice.trigger({");
    const upgraded = readFileSync(join(dir, "src/jobs/users/plan-upgraded.ts"), "utf8");
    expect(upgraded).toContain("const result = await generateInvoice.triggerAndWait({");
    expect(upgraded).toContain('status: result.ok ? "SUCCESS" : "FAILURE",');
    const monthly = readFileSync(join(dir, "src/jobs/billing/monthly-billing-run.ts"), "utf8");
    expect(monthly).toContain("const runs = (await generateInvoice.batchTriggerAndWait(chunk.map((customer) => ({");
    expect(monthly).toContain("})))).runs;");
    expect(monthly).not.toContain("timeoutInSeconds");
  });

  it("turns flat and nested eventTrigger filters into guards at the top of run", () => {
    const customer = readFileSync(join(dir, "src/jobs/billing/create-customer.ts"), "utf8");
    expect(customer).toContain('if (!(["pro", "enterprise"] as unknown[]).includes(payload.plan)) {\n      return;\n    }');
    const alert = readFileSync(join(dir, "src/jobs/billing/enterprise-invoice-alert.ts"), "utf8");
    expect(alert).toContain(
      'if (!(["open"] as unknown[]).includes(payload.status) || !(["enterprise"] as unknown[]).includes(payload.customer?.plan) || !(["eu"] as unknown[]).includes(payload.customer?.region)) {',
    );
    expect(alert).not.toMatch(/filter\s*:/);
  });

  it("turns the shared v2 concurrency limit into a queue", () => {
    const concurrency = readFileSync(join(dir, "src/trigger/concurrency.ts"), "utf8");
    expect(concurrency).toContain('export const paymentsApiLimit = queue({\n  name: "payments-api",\n  concurrencyLimit: 5\n});');
    expect(concurrency).not.toContain("client");
  });

  it("writes trigger.config.ts for SDK 4 with the task folder, maxDuration and the default retry", () => {
    const config = readFileSync(join(dir, "trigger.config.ts"), "utf8");
    expect(config).toContain('import { defineConfig } from "@trigger.dev/sdk";');
    expect(config).toContain('project: process.env.TRIGGER_PROJECT_REF ?? "proj_replace_me",');
    expect(config).toContain("maxDuration: 300,");
    expect(config).toContain('dirs: ["./src/jobs"],');
    expect(config).toContain("default: { maxAttempts: 3, factor: 2, minTimeoutInMs: 1000, maxTimeoutInMs: 10000, randomize: true },");
  });

  it("leaves an events TODO only where no task listens (user.welcome.completed), with the call kept as a comment", () => {
    const found = markers(sourceTexts(dir));
    expect(found.filter((marker) => INDEX_MISS_TODOS.some((pattern) => pattern.test(marker.text)))).toEqual([]);
    const noListener = found.filter((marker) => marker.text.includes("no task in this project listens to"));
    expect(noListener.map((marker) => [marker.file, marker.text.includes('"user.welcome.completed"')])).toEqual([["src/jobs/users/welcome-sequence.ts", true]]);
    const welcome = readFileSync(join(dir, "src/jobs/users/welcome-sequence.ts"), "utf8");
    expect(welcome).toContain('    // await io.sendEvent("welcome-completed", {\n    //   name: "user.welcome.completed",');
  });

  it("type-checks against the real @trigger.dev/sdk 4.x types except under other transforms' TODO markers and v2 integration imports", () => {
    const texts = sourceTexts(dir);
    const underMarker = (diagnostic: Diagnostic): boolean => {
      const lines = (texts.get(diagnostic.file) ?? "").split("\n");
      // A marker sits above the statement it is about; a statement spans a few lines at most.
      return lines.slice(Math.max(0, diagnostic.line - 13), diagnostic.line).some((line) => line.includes(TODO_MARKER));
    };
    const v2Integration = (diagnostic: Diagnostic): boolean => diagnostic.code === 2307 && /'(@trigger\.dev\/[^']+)'/.test(diagnostic.message) && isV2OnlyPackage(/'(@trigger\.dev\/[^']+)'/.exec(diagnostic.message)![1]!);
    const diagnostics = typeCheck(dir);
    const unexplained = diagnostics.filter((diagnostic) => !underMarker(diagnostic) && !v2Integration(diagnostic));
    expect(unexplained.map((d) => `${d.file}:${d.line} TS${d.code} ${d.message.split("\n")[0]}`)).toEqual([]);
    // Every file the events transform rewired is clean, not just explained.
    const rewired = ["src/app/api/signup/route.ts", "src/app/api/billing/checkout/route.ts", "src/app/api/admin/import-users/route.ts", "src/app/api/invoices/route.ts", "src/jobs/users/plan-upgraded.ts", "src/jobs/billing/monthly-billing-run.ts", "src/trigger/concurrency.ts", "trigger.config.ts"];
    expect(diagnostics.filter((d) => rewired.includes(d.file))).toEqual([]);
  });

  it("changes nothing on a second run", async () => {
    const before = snapshotTree(dir);
    const second = await runCli(dir, ["."]);
    expect(second.code).toBe(0);
    expect(snapshotTree(dir)).toEqual(before);
    expect(second.stdout).toMatch(/changed\s+0\n/);
  });
});

describe("--dry on fixtures/project-v2", () => {
  it("writes nothing and shows the diffs, the new config and the deletions", async () => {
    const dir = copyFixture("project-v2");
    const before = snapshotTree(dir);
    const result = await runCli(dir, [".", "--dry", "--update-deps", "--update-env"]);
    expect(result.code).toBe(0);
    expect(snapshotTree(dir)).toEqual(before);
    expect(result.stdout).toContain("+  await batch.trigger<typeof createBillingCustomer | typeof welcomeSequence>([{");
    expect(result.stdout).toContain('+import { defineConfig } from "@trigger.dev/sdk";');
    expect(result.stdout).toContain("would create trigger.config.ts");
    expect(result.stdout).toContain("would delete src/trigger/client.ts");
    expect(result.stdout).toContain("would delete src/app/api/trigger/route.ts");
    expect(result.stdout).toContain("would edit package.json: dependencies updated (--update-deps)");
    expect(result.stdout).toContain("would edit .env: environment variables renamed (--update-env)");
  });

  it("never prints a value from .env files", async () => {
    const dir = copyFixture("project-v2");
    const env = readFileSync(join(dir, ".env"), "utf8");
    const values = env
      .split("\n")
      .map((line) => line.split("=").slice(1).join("="))
      .filter((value) => value.length > 3);
    const result = await runCli(dir, [".", "--dry", "--update-env"]);
    for (const value of values) expect(result.stdout + result.stderr).not.toContain(value);
  });
});

describe("--no-project on fixtures/project-v2", () => {
  it("leaves a TODO at every cross-file send instead of guessing", async () => {
    const dir = copyFixture("project-v2");
    const result = await runCli(dir, [".", "--no-project"]);
    expect(result.code).toBe(0);
    const signup = readFileSync(join(dir, "src/app/api/signup/route.ts"), "utf8");
    expect(signup).toContain('no task in this file listens to "user.created"');
    expect(existsSync(join(dir, "trigger.config.ts"))).toBe(false);
  });
});

describe("the JSON next steps after --update-deps", () => {
  it("list no package to add or remove: package.json already says it", async () => {
    const dir = copyFixture("sample-v2-app");
    const result = await runCli(dir, [".", "--dry", "--json", "--update-deps"]);
    const report = JSON.parse(result.stdout) as { nextSteps: { removePackages: unknown[]; addPackages: unknown[]; addDevPackages: unknown[]; commands: string[] } };
    expect(report.nextSteps).toMatchObject({ removePackages: [], addPackages: [], addDevPackages: [], commands: ["npx trigger.dev@latest dev"] });
  });
});

describe("migrating fixtures/sample-v2-app", () => {
  it("ends with a trigger.config.ts and no v2 import outside a TODO-marked integration import", async () => {
    const dir = copyFixture("sample-v2-app");
    const result = await runCli(dir, [".", "--update-deps"]);
    expect(result.code).toBe(0);
    expect(existsSync(join(dir, "trigger.config.ts"))).toBe(true);
    expect(existsSync(join(dir, "trigger.ts"))).toBe(false);
    const leftovers: string[] = [];
    for (const [file, text] of sourceTexts(dir)) {
      const lines = text.split("\n");
      lines.forEach((line, index) => {
        const source = /^import .* from ["']([^"']+)["'];?$/.exec(line)?.[1];
        if (!source?.startsWith("@trigger.dev/")) return;
        const names = /\{([^}]*)\}/.exec(line)?.[1]?.split(",").map((name) => name.trim().split(/\s+as\s+/)[0]!) ?? [];
        const v2Names = names.filter((name) => V2_ONLY_EXPORTS.includes(name) || name === "TriggerClient");
        const markedIntegration = isV2OnlyPackage(source) && (lines[index - 1] ?? "").includes(TODO_MARKER);
        if ((isV2OnlyPackage(source) && !markedIntegration) || v2Names.length > 0) leftovers.push(`${file}: ${line}`);
      });
    }
    expect(leftovers).toEqual([]);
    const manifest = JSON.parse(readFileSync(join(dir, "package.json"), "utf8")) as { dependencies: Record<string, string>; devDependencies: Record<string, string> };
    expect(manifest.dependencies["@trigger.dev/sdk"]).toBe("^4.8.3");
    expect(manifest.dependencies["@trigger.dev/nextjs"]).toBeUndefined();
    expect(manifest.devDependencies["trigger.dev"]).toBe("^4.8.3");
  });
});
