/**
 * The index resolves (and loads ts-morph) only when code crosses files: a project whose v2 files
 * only define jobs is migrated from the run's own results, with the same project plan.
 */
import { spawnSync } from "node:child_process";
import { existsSync, readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { PACKAGE_ROOT } from "../../src/package-info.js";
import { globSync } from "tinyglobby";
import { indexWithResolution } from "../../src/project/build.js";
import { indexWithoutResolution, readProjectSources } from "../../src/project/sources.js";
import { makeProject, runCli } from "../cli/harness.js";

const CRON_JOB = `import { cronTrigger } from "@trigger.dev/sdk";
import { client } from "../trigger";

export const nightly = client.defineJob({
  id: "nightly",
  name: "Nightly",
  version: "1.0.0",
  trigger: cronTrigger({ cron: "0 3 * * *" }),
  run: async (payload, io) => {
    await io.logger.info("ran");
  },
});
`;

const texts = (files: Record<string, string>) => {
  const paths = Object.keys(files).map((name) => `/virtual/${name}`);
  return readProjectSources(paths, { readText: (path) => files[path.slice("/virtual/".length)] });
};

describe("whether the index needs ts-morph", () => {
  it("does not when v2 files only define jobs", () => {
    expect(texts({ "jobs/nightly.ts": CRON_JOB, "lib/db.ts": "export const db = {};\n" }).needsResolution).toBe(false);
  });

  it.each([
    ["a send", `import { client } from "./trigger";\nawait client.sendEvent({ name: "x" });\n`],
    ["an invoke", `import { job } from "./jobs";\nimport "@trigger.dev/sdk";\nawait job.invoke({});\n`],
  ])("does for %s", (_kind, text) => {
    expect(texts({ "jobs/nightly.ts": CRON_JOB, "other.ts": text }).needsResolution).toBe(true);
  });

  it.each([
    ["a v2 client", `import { TriggerClient } from "@trigger.dev/sdk";\nexport const client = new TriggerClient({ id: "app" });\n`],
    ["an adapter route", `import { createAppRoute } from "@trigger.dev/nextjs";\nimport { client } from "@/trigger";\nexport const { POST } = createAppRoute(client);\n`],
  ])("does not for %s (Babel finds those)", (_kind, text) => {
    expect(texts({ "jobs/nightly.ts": CRON_JOB, "other.ts": text }).needsResolution).toBe(false);
  });

  it("looks only at files the index pre-filter keeps", () => {
    // Names a v2 client, but no Trigger.dev module, job or send: not a candidate, so no resolution.
    const sources = texts({ "jobs/nightly.ts": CRON_JOB, "notes.ts": "// the TriggerClient used to live here\nexport {};\n" });
    expect([...sources.candidates]).toEqual(["/virtual/jobs/nightly.ts"]);
    expect(sources.needsResolution).toBe(false);
  });
});

describe("client and adapter files without resolution", () => {
  it.each(["sample-v2-app", "project-v2"])("are the ones ts-morph finds, in fixtures/%s", (fixture) => {
    const root = join(PACKAGE_ROOT, "fixtures", fixture);
    const files = globSync("**/*.{ts,tsx}", { cwd: root, absolute: true, ignore: ["**/node_modules/**"] });
    const full = indexWithResolution(readProjectSources(files));
    const light = indexWithoutResolution(readProjectSources(files));
    expect(full.clientFiles.length + full.adapterFiles.length).toBeGreaterThan(0);
    expect(light.clientFiles).toEqual(full.clientFiles);
    expect(light.adapterFiles).toEqual(full.adapterFiles);
  });

  it("are not fooled by look-alikes: a local TriggerClient class, a non-v2 createAppRoute, a type-only import", () => {
    const sources = texts({
      "a.ts": `import "@trigger.dev/sdk";\nclass TriggerClient { constructor(_: unknown) {} }\nexport const client = new TriggerClient({ id: "x" });\n`,
      "b.ts": `import { createAppRoute } from "@trigger.dev/sdk";\nexport const r = createAppRoute(x);\n`,
      "c.ts": `import type { TriggerClient } from "@trigger.dev/sdk";\nexport const client = new TriggerClient({ id: "x" });\n`,
      "d.ts": `import { TriggerClient } from "@trigger.dev/sdk";\nexport const client = new TriggerClient({ unrelated: 1 });\n`,
    });
    const index = indexWithoutResolution(sources);
    expect(index.clientFiles).toEqual([]);
    expect(index.adapterFiles).toEqual([]);
  });
});

describe("a jobs-only project through the CLI", () => {
  it("creates trigger.config.ts from the files define-job converted, and reports that nothing was resolved", async () => {
    const root = makeProject({ "package.json": '{ "name": "app" }\n', "src/jobs/nightly.ts": CRON_JOB });
    const result = await runCli(["--json", "--force", "src"], { cwd: root, transforms: "registry" });
    expect(result.code).toBe(0);
    const report = JSON.parse(result.stdout) as { project: { index: { jobs: number | null; resolved: boolean; loaded: number }; creates: { path: string }[] } };
    expect(report.project.index).toMatchObject({ jobs: null, resolved: false, loaded: 0 });
    expect(report.project.creates.map((create) => create.path)).toEqual(["trigger.config.ts"]);
    expect(readFileSync(join(root, "trigger.config.ts"), "utf8")).toContain('dirs: ["./src/jobs"]');
  });

  it("never loads ts-morph (the built CLI, in its own process)", () => {
    const bin = join(PACKAGE_ROOT, "dist/src/cli/bin.js");
    if (!existsSync(bin)) throw new Error("run `npm run build` first: this test runs the built CLI");
    const root = makeProject({ "package.json": '{ "name": "app" }\n', "src/jobs/nightly.ts": CRON_JOB });
    // A preload that fails the run as soon as anything requires ts-morph or typescript.
    const guard = join(root, "guard.cjs");
    writeFileSync(guard, `const M = require("node:module"); const load = M._load; M._load = function (request, ...rest) { if (/^(ts-morph|typescript|@ts-morph\\/common)(\\/|$)/.test(request)) { process.stderr.write("LOADED " + request + "\\n"); process.exit(9); } return load.call(this, request, ...rest); };\n`);
    const run = spawnSync(process.execPath, ["--require", guard, bin, "--dry", "--force", "src"], { cwd: root, encoding: "utf8" });
    expect(run.stderr).not.toContain("LOADED");
    expect(run.status).toBe(0);
    expect(run.stdout).toContain("trigger.config.ts");
  });
});
