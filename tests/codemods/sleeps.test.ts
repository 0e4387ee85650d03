import jscodeshift from "jscodeshift";
import { describe, expect, it } from "vitest";
import { migration as imports } from "../../codemods/imports.js";
import { TRANSFORMS } from "../../codemods/index.js";
import sleepsTransform, { migration as sleeps } from "../../codemods/sleeps.js";
import type { SdkMajor } from "../../src/catalog/packages.js";
import { migrateSource } from "../../src/codemod/pipeline.js";

function migrate(source: string, target: SdkMajor = 4): string {
  return migrateSource(source, "trigger/example.ts", [sleeps], target).output ?? source;
}

/** A task file whose run body is `body` (indented by 4 spaces), with optional module-level code. */
function taskFile(body: string, preamble = ""): string {
  return `import { task } from "@trigger.dev/sdk";
${preamble}
export const example = task({
  id: "example",
  run: async (payload: { ms: number }) => {
${body}
  },
});
`;
}

/** A v2 job with one sleep: define-job makes it a task in the same run, then sleeps may rewrite it. */
const v2JobFile = `import { invokeTrigger } from "@trigger.dev/sdk";
import { client } from "./client";
export const example = client.defineJob({
  id: "example",
  name: "Example",
  version: "1",
  trigger: invokeTrigger(),
  run: async (payload: { ms: number }, io) => {
    await io.logger.info("start");
    await new Promise((r) => setTimeout(r, 1000));
  },
});
`;

function runBody(output: string): string {
  const start = output.indexOf("}) => {\n") + "}) => {\n".length;
  return output.slice(start, output.lastIndexOf("\n  },\n});"));
}

describe("sleeps transform", () => {
  it.each([
    ["await new Promise((resolve) => setTimeout(resolve, 5000));", "await wait.for({ seconds: 5 });"],
    ["await new Promise((r) => setTimeout(() => r(), 60 * 1000));", "await wait.for({ minutes: 1 });"],
    ["await new Promise<void>(function (done) {\n      setTimeout(done, 7200000);\n    });", "await wait.for({ hours: 2 });"],
  ])("turns `%s` inside a run into `%s`", (sleep, expected) => {
    expect(runBody(migrate(taskFile(`    ${sleep}`)))).toBe(`    ${expected}`);
  });

  it("turns timers/promises setTimeout into wait.for and drops the import it no longer needs", () => {
    const source = `import { setTimeout as sleep } from "node:timers/promises";\n${taskFile("    await sleep(120000);")}`;
    expect(migrate(source)).toBe(taskFile("    await wait.for({ minutes: 2 });"));
  });

  it("keeps a timers/promises import that other code still uses", () => {
    const source = `import { setTimeout } from "timers/promises";\nexport const pause = () => setTimeout(10);\n${taskFile("    await setTimeout(3000);")}`;
    const output = migrate(source);
    expect(output).toContain(`import { setTimeout } from "timers/promises";`);
    expect(runBody(output)).toBe("    await wait.for({ seconds: 3 });");
  });

  it("follows local sleep helpers to the delay at the call site", () => {
    const helpers = `const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));
function delay(ms: number) {
  return new Promise((resolve) => setTimeout(resolve, ms));
}
const pause = () => new Promise((resolve) => setTimeout(resolve, 10000));`;
    const output = migrate(taskFile("    await sleep(5000);\n    await delay(86400000);\n    await pause();", helpers));
    expect(runBody(output)).toBe("    await wait.for({ seconds: 5 });\n    await wait.for({ days: 1 });\n    await wait.for({ seconds: 10 });");
    expect(output).toContain(helpers);
  });

  it.each([
    ["a delay that is not whole seconds", "    await new Promise((resolve) => setTimeout(resolve, 1500));"],
    ["a delay that is not a constant", "    await new Promise((resolve) => setTimeout(resolve, payload.ms));"],
    ["a zero delay (a yield, not a sleep)", "    await new Promise((resolve) => setTimeout(resolve, 0));"],
    ["a sleep inside a nested callback", "    await Promise.all([1, 2].map(async () => new Promise((r) => setTimeout(r, 1000))));"],
    ["a sleep whose value is used", "    const done = await new Promise((r) => setTimeout(r, 1000));"],
    ["a timer that is not awaited", "    setTimeout(() => console.log(1), 1000);"],
    ["a shadowed setTimeout", "    const setTimeout = (f: () => void, ms: number) => f();\n    await new Promise<void>((r) => setTimeout(r, 1000));"],
    ["a run that declares its own wait", "    const wait = 1;\n    await new Promise((r) => setTimeout(r, 1000));"],
  ])("leaves %s alone", (_name, body) => {
    const source = taskFile(body);
    expect(migrate(source)).toBe(source);
  });

  it("leaves sleeps outside task runs alone: plain functions and lifecycle hooks", () => {
    const source = `import { task } from "@trigger.dev/sdk";
export async function backoff() {
  await new Promise((resolve) => setTimeout(resolve, 5000));
}
export const example = task({
  id: "example",
  onFailure: async () => {
    await new Promise((resolve) => setTimeout(resolve, 5000));
  },
  run: async () => {},
});
`;
    expect(migrate(source)).toBe(source);
  });

  it("leaves a file whose module-level `wait` is not the SDK's alone", () => {
    const source = taskFile("    await new Promise((r) => setTimeout(r, 1000));", "const wait = (ms: number) => ms;");
    expect(migrate(source)).toBe(source);
  });

  it("ignores a `task` from another package", () => {
    const source = `import { task } from "gulp";\ntask({ id: "x", run: async () => { await new Promise((r) => setTimeout(r, 1000)); } });\n`;
    expect(migrate(source)).toBe(source);
  });

  it("recognises a bare task() the imports transform has yet to import, and schedules.task from /v3", () => {
    const bare = `export const t = task({ id: "t", run: async () => {\n  await new Promise((r) => setTimeout(r, 2000));\n} });\n`;
    expect(migrate(bare)).toContain("await wait.for({ seconds: 2 });");
    const scheduled = `import { schedules } from "@trigger.dev/sdk/v3";\nexport const s = schedules.task({ id: "s", cron: "0 * * * *", run: async () => {\n  await new Promise((r) => setTimeout(r, 2000));\n} });\n`;
    expect(migrate(scheduled, 3)).toContain("await wait.for({ seconds: 2 });");
  });

  it("gets wait imported by the imports transform and is idempotent", () => {
    const first = migrateSource(v2JobFile, "trigger/example.ts", TRANSFORMS, 4).output;
    expect(first).toContain(`import { logger, task, wait } from "@trigger.dev/sdk";`);
    expect(first).toContain("await wait.for({ seconds: 1 });");
    expect(migrateSource(first!, "trigger/example.ts", TRANSFORMS, 4).output).toBeNull();
  });

  describe("in a pipeline with other transforms", () => {
    it("rewrites the sleeps of a file an earlier transform migrated from v2 in the same run", () => {
      expect(migrateSource(v2JobFile, "trigger/example.ts", TRANSFORMS, 4).applied).toEqual(["io", "define-job", "sleeps", "imports"]);
    });

    it("leaves a file already on the task API byte-identical (nothing earlier changed it)", () => {
      const source = taskFile("    await new Promise((r) => setTimeout(r, 20000));");
      expect(migrateSource(source, "trigger/example.ts", TRANSFORMS, 4)).toMatchObject({ output: null, applied: [] });
      expect(migrateSource(source, "trigger/example.ts", [sleeps, imports], 4).output).toBeNull();
    });

    it("still rewrites every task file when it is the only transform selected (--transform sleeps)", () => {
      const source = taskFile("    await new Promise((r) => setTimeout(r, 20000));");
      expect(runBody(migrateSource(source, "trigger/example.ts", [sleeps], 4).output!)).toBe("    await wait.for({ seconds: 20 });");
    });

    it("still rewrites every task file as a standalone jscodeshift transform (jscodeshift -t sleeps.js)", () => {
      const source = taskFile("    await new Promise((r) => setTimeout(r, 20000));");
      const output = sleepsTransform({ path: "trigger/example.ts", source }, { jscodeshift, j: jscodeshift, stats: () => {}, report: () => {} }, {});
      expect(typeof output === "string" ? runBody(output) : output).toBe("    await wait.for({ seconds: 20 });");
    });
  });

  it("only considers files that mention setTimeout", () => {
    expect(sleeps.mightApply(`import { task } from "@trigger.dev/sdk";`)).toBe(false);
    expect(sleeps.mightApply(`setTimeout(r, 1000)`)).toBe(true);
  });
});
