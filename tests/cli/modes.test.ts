import { describe, expect, it } from "vitest";
import { bytes, fakeTransformsWith, makeProject, makeRepo, read, runCli, TASK_FILE, V2_JOB, V2_JOB_MIGRATED } from "./harness.js";

const ESCAPE = "\u001b[";
const WITH_TODO = `import { client } from "@trigger.dev/sdk";
await io.createStatus("progress", {});
`;

describe("--dry", () => {
  it("prints a unified diff and writes nothing", async () => {
    const root = makeRepo({ "jobs/hello.ts": V2_JOB, "jobs/done.ts": TASK_FILE });
    const before = bytes(root, "jobs/hello.ts");
    const result = await runCli(["--dry"], { cwd: root });
    expect(result.code).toBe(0);
    expect(result.stdout).toContain(
      [
        "--- a/jobs/hello.ts",
        "+++ b/jobs/hello.ts",
        "@@ -1,4 +1,4 @@",
        ' import { eventTrigger } from "@trigger.dev/sdk";',
        ' import { client } from "./trigger";',
        " ",
        '-client.defineJob({ id: "hello", run: async () => {} });',
        '+task({ id: "hello", run: async () => {} });',
      ].join("\n"),
    );
    expect(result.stdout).not.toContain("jobs/done.ts");
    expect(result.stdout).toContain("trigger-v3-migrate (dry run: nothing written)");
    expect(result.stdout).toMatch(/would change 1\n/);
    expect(bytes(root, "jobs/hello.ts").equals(before)).toBe(true);
  });

  it("colours the diff on a terminal", async () => {
    const root = makeProject({ "hello.ts": V2_JOB });
    const result = await runCli(["--dry"], { cwd: root, stdoutIsTTY: true });
    expect(result.stdout).toContain(`${ESCAPE}31m-client.defineJob(`);
    expect(result.stdout).toContain(`${ESCAPE}32m+task(`);
  });

  it("does not colour on a terminal when NO_COLOR is set", async () => {
    const root = makeProject({ "hello.ts": V2_JOB });
    const result = await runCli(["--dry"], { cwd: root, stdoutIsTTY: true, env: { NO_COLOR: "1" } });
    expect(result.stdout).toContain("-client.defineJob(");
    expect(result.stdout).not.toContain(ESCAPE);
  });

  it("does not colour when stdout is a pipe", async () => {
    const root = makeProject({ "hello.ts": V2_JOB });
    const result = await runCli(["--dry"], { cwd: root, stdoutIsTTY: false });
    expect(result.stdout).not.toContain(ESCAPE);
  });
});

describe("--check", () => {
  it("exits 0 when nothing would change and no TODO marker is left", async () => {
    const root = makeRepo({ "jobs/done.ts": TASK_FILE, "lib/util.ts": "export const one = 1;\n" });
    const result = await runCli(["--check"], { cwd: root });
    expect(result.code).toBe(0);
    expect(result.stdout).toContain("Nothing to migrate.");
  });

  it("exits 1 when a file would change, and writes nothing", async () => {
    const root = makeRepo({ "jobs/hello.ts": V2_JOB, "jobs/done.ts": TASK_FILE });
    const result = await runCli(["--check"], { cwd: root });
    expect(result.code).toBe(1);
    expect(result.stdout).toMatch(/would change 1\n/);
    expect(read(root, "jobs/hello.ts")).toBe(V2_JOB);
  });

  it("exits 1 when a TODO marker is left, even in a file the pre-filter skips", async () => {
    const marked = "// TODO(trigger-v3-migrate): move this to a task https://trigger.dev/docs\nexport const later = 1;\n";
    const root = makeRepo({ "jobs/done.ts": TASK_FILE, "lib/later.ts": marked });
    const result = await runCli(["--check", "--json"], { cwd: root });
    expect(result.code).toBe(1);
    const report = JSON.parse(result.stdout) as { files: { path: string; status: string; todos: unknown[] }[] };
    expect(report.files.find((file) => file.path === "lib/later.ts")).toEqual({
      path: "lib/later.ts",
      status: "unchanged",
      transforms: [],
      todos: [{ line: 1, message: "move this to a task https://trigger.dev/docs", code: "export const later = 1;" }],
    });
  });
});

describe("--print", () => {
  it("prints each changed file in full, writes nothing, and sends the summary to stderr", async () => {
    const root = makeRepo({ "jobs/hello.ts": V2_JOB });
    // --no-project: the fake define-job converts a call no real index would call a job, so the
    // project step would add a trigger.config.ts to the preview (end-to-end.test.ts covers it).
    const result = await runCli(["--print", "--no-project", "jobs/hello.ts"], { cwd: root });
    expect(result.code).toBe(0);
    expect(result.stdout).toBe(V2_JOB_MIGRATED);
    expect(result.stderr).toContain("trigger-v3-migrate (print run: nothing written)");
    expect(read(root, "jobs/hello.ts")).toBe(V2_JOB);
  });

  it("puts a header above each file when several were scanned", async () => {
    const root = makeProject({ "a.ts": V2_JOB, "b.ts": V2_JOB });
    const result = await runCli(["--print", "--no-project"], { cwd: root });
    expect(result.stdout).toBe(`==> a.ts <==\n${V2_JOB_MIGRATED}==> b.ts <==\n${V2_JOB_MIGRATED}`);
  });
});

describe("--json", () => {
  it("prints one JSON document with the schema version, per-file status, transforms, TODOs and next steps", async () => {
    const root = makeProject({
      "package.json": JSON.stringify({ dependencies: { "@trigger.dev/sdk": "^2.3.18", "@trigger.dev/nextjs": "^2.3.18" } }),
      "jobs/hello.ts": V2_JOB,
      "jobs/status.ts": WITH_TODO,
      "app/api/trigger/route.ts": 'import { createAppRoute } from "@trigger.dev/nextjs";\nimport { client } from "@/trigger";\nexport const { POST, dynamic } = createAppRoute(client);\n',
      "lib/util.ts": "export const one = 1;\n",
      "lib/broken.ts": 'import "@trigger.dev/sdk";\nclient.defineJob({\n  b: 1\n  c: 2 });\n',
    });
    const result = await runCli(["--json", "--force"], { cwd: root });
    expect(result.code).toBe(1);
    expect(result.stderr).toBe('lib/broken.ts:4:3: Unexpected token, expected ","\n');
    const report = JSON.parse(result.stdout) as Record<string, unknown>;
    expect(report).toMatchObject({
      schemaVersion: 1,
      tool: { name: "trigger-v3-migrate" },
      mode: "write",
      written: true,
      interrupted: false,
      target: "detect",
      transforms: ["io", "define-job"],
      summary: { scanned: 5, changed: 2, unchanged: 2, skipped: 0, errors: 1, todos: 1 },
    });
    expect(typeof (report["summary"] as { durationMs: unknown }).durationMs).toBe("number");
    expect(report["files"]).toEqual([
      // The project plan deletes the adapter route, which only served the v2 client.
      { path: "app/api/trigger/route.ts", status: "unchanged", target: 4, transforms: [], todos: [], deleted: true },
      { path: "jobs/hello.ts", status: "changed", target: 4, transforms: ["define-job"], todos: [] },
      {
        path: "jobs/status.ts",
        status: "changed",
        target: 4,
        transforms: ["io"],
        todos: [{ line: 2, message: "replace io.createStatus with metadata https://trigger.dev/docs/runs/metadata", code: 'await io.createStatus("progress", {});' }],
      },
      { path: "lib/broken.ts", status: "error", target: 4, transforms: [], todos: [], error: { kind: "parse", message: 'Unexpected token, expected ","', line: 4, column: 3 } },
      { path: "lib/util.ts", status: "unchanged", transforms: [], todos: [] },
    ]);
    expect(report["nextSteps"]).toEqual({
      removePackages: [{ name: "@trigger.dev/nextjs" }],
      addPackages: ["@trigger.dev/sdk@^4.8.3"],
      addDevPackages: ["@trigger.dev/build", "trigger.dev"],
      taskDirectories: ["./jobs"],
      // The project plan created trigger.config.ts, so `init` is not a step any more.
      commands: ["npx trigger.dev@latest dev"],
    });
  });

  it("includes the diff of each changed file with --dry and no colour codes", async () => {
    const root = makeProject({ "hello.ts": V2_JOB });
    const result = await runCli(["--json", "--dry"], { cwd: root, stdoutIsTTY: true });
    const report = JSON.parse(result.stdout) as { mode: string; written: boolean; files: { diff?: string }[] };
    expect(report.mode).toBe("dry");
    expect(report.written).toBe(false);
    expect(report.files[0]!.diff).toContain('-client.defineJob({ id: "hello", run: async () => {} });\n+task({ id: "hello", run: async () => {} });');
    expect(result.stdout).not.toContain(ESCAPE);
  });

  it("prints nothing but the document on stdout", async () => {
    const root = makeProject({ "hello.ts": V2_JOB });
    const result = await runCli(["--json", "--dry"], { cwd: root });
    expect(() => JSON.parse(result.stdout) as unknown).not.toThrow();
    expect(result.stderr).toBe("");
  });
});

describe("the target SDK major", () => {
  it("passes --target to the transforms", async () => {
    const seen: number[] = [];
    const root = makeProject({ "hello.ts": V2_JOB });
    await runCli(["--dry", "--target", "3"], { cwd: root, transforms: fakeTransformsWith((ctx) => seen.push(ctx.target)) });
    expect(seen).toEqual([3]);
  });

  it("detects the target per file from the nearest package.json without --target", async () => {
    const seen: Record<string, number> = {};
    const root = makeProject({
      "v3/package.json": JSON.stringify({ dependencies: { "@trigger.dev/sdk": "^3.3.17" } }),
      "v3/hello.ts": V2_JOB,
      "v4/package.json": JSON.stringify({ dependencies: { "@trigger.dev/sdk": "^4.0.0" } }),
      "v4/hello.ts": V2_JOB,
    });
    await runCli(["--dry"], { cwd: root, transforms: fakeTransformsWith((ctx) => (seen[ctx.filePath.includes("/v3/") ? "v3" : "v4"] = ctx.target)) });
    expect(seen).toEqual({ v3: 3, v4: 4 });
  });
});

describe("the progress line", () => {
  it("is drawn on stderr when stderr is a terminal", async () => {
    const root = makeProject({ "hello.ts": V2_JOB });
    const result = await runCli(["--dry"], { cwd: root, stderrIsTTY: true });
    expect(result.stderr).toContain("migrating 1/1 hello.ts");
    expect(result.stderr.endsWith("\r\u001b[2K")).toBe(true);
  });

  it("is not drawn in CI, with --json, or when stderr is not a terminal", async () => {
    const root = makeProject({ "hello.ts": V2_JOB });
    expect((await runCli(["--dry"], { cwd: root, stderrIsTTY: true, env: { CI: "true" } })).stderr).toBe("");
    expect((await runCli(["--dry", "--json"], { cwd: root, stderrIsTTY: true })).stderr).toBe("");
    expect((await runCli(["--dry"], { cwd: root, stderrIsTTY: false })).stderr).toBe("");
  });
});

describe("a broken package.json", () => {
  it("is reported once on stderr and the default target is used", async () => {
    const seen: number[] = [];
    const root = makeProject({ "package.json": "{ not json", "a.ts": V2_JOB, "b.ts": V2_JOB });
    const result = await runCli(["--dry"], { cwd: root, transforms: fakeTransformsWith((ctx) => seen.push(ctx.target)) });
    expect(result.code).toBe(0);
    expect(result.stderr.split("\n").filter(Boolean)).toHaveLength(1);
    expect(result.stderr).toMatch(/^trigger-v3-migrate: ignoring .*package\.json: /);
    expect(seen).toEqual([4, 4]);
  });
});

describe("the next steps", () => {
  it("list the folders that now hold tasks, without nesting, for trigger.config.ts dirs", async () => {
    const root = makeProject({ "jobs/a.ts": V2_JOB, "jobs/billing/b.ts": V2_JOB, "src/trigger/c.ts": V2_JOB });
    const result = await runCli(["--json", "--dry"], { cwd: root });
    const report = JSON.parse(result.stdout) as { nextSteps: { taskDirectories: string[] } };
    expect(report.nextSteps.taskDirectories).toEqual(["./jobs", "./src/trigger"]);
  });

  it("name one common folder when tasks are spread over many", async () => {
    const files = Object.fromEntries(Array.from({ length: 7 }, (_, index) => [`src/pkg${index}/jobs/job.ts`, V2_JOB]));
    const result = await runCli(["--json", "--dry"], { cwd: makeProject(files) });
    const report = JSON.parse(result.stdout) as { nextSteps: { taskDirectories: string[] } };
    expect(report.nextSteps.taskDirectories).toEqual(["./src"]);
  });

  it("use the SDK range for the target the files were migrated to", async () => {
    const result = await runCli(["--json", "--dry", "--target", "3"], { cwd: makeProject({ "a.ts": V2_JOB }) });
    const report = JSON.parse(result.stdout) as { target: number; nextSteps: { addPackages: string[] } };
    expect(report.target).toBe(3);
    expect(report.nextSteps.addPackages).toEqual(["@trigger.dev/sdk@^3.3.17"]);
  });

  it("are empty when there is nothing to migrate", async () => {
    const result = await runCli(["--json"], { cwd: makeProject({ "a.ts": "export const a = 1;\n" }) });
    const report = JSON.parse(result.stdout) as { nextSteps: Record<string, unknown[]> };
    expect(Object.values(report.nextSteps).every((list) => list.length === 0)).toBe(true);
  });
});
