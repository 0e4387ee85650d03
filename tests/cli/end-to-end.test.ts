/**
 * The CLI with the real transform registry over fixtures/sample-v2-app, copied into a fresh git
 * repository: the acceptance run a user would do.
 */
import { cpSync, existsSync, readdirSync, readFileSync } from "node:fs";
import { join, relative } from "node:path";
import { describe, expect, it } from "vitest";
import { findParseProblem } from "../../src/cli/reparse.js";
import { PACKAGE_ROOT } from "../../src/package-info.js";
import { git, makeProject, runCli } from "./harness.js";

const SAMPLE = join(PACKAGE_ROOT, "fixtures/sample-v2-app");

function copySample(): string {
  const root = makeProject({});
  cpSync(SAMPLE, root, { recursive: true });
  git(root, "init", "-q");
  git(root, "add", "-A");
  git(root, "commit", "-q", "-m", "v2 app");
  return root;
}

function sourceFiles(root: string): string[] {
  return (readdirSync(root, { recursive: true }) as string[]).filter((path) => /\.(ts|tsx)$/.test(path) && !path.includes("node_modules")).sort();
}

interface JsonReport {
  summary: { scanned: number; changed: number; errors: number; todos: number };
  files: { path: string; status: string; transforms: string[]; todos: { line: number; message: string; code: string }[]; deleted?: true }[];
  nextSteps: { removePackages: { name: string }[]; addPackages: string[]; taskDirectories: string[]; commands: string[] };
  project?: { applied: boolean; creates: { path: string }[]; deletes: { path: string }[]; edits: { path: string }[] };
}

/** The v2 client file and the adapter route that only served it: the project plan removes both. */
const V2_CLIENT_FILES = ["app/api/trigger/route.ts", "trigger.ts"];

describe("the CLI over the sample v2 app", () => {
  it("migrates every job, creates trigger.config.ts, deletes the v2 client and its route, writes only code that parses, and leaves other files byte-identical", async () => {
    const root = copySample();
    const before = new Map(sourceFiles(root).map((path) => [path, readFileSync(join(root, path))]));
    const result = await runCli(["--json"], { cwd: root, transforms: "registry" });
    expect(result.stderr).toBe("");
    expect(result.code).toBe(0);
    const report = JSON.parse(result.stdout) as JsonReport;
    expect(report.summary.errors).toBe(0);

    expect(report.project?.applied).toBe(true);
    expect(report.project?.creates.map((create) => create.path)).toEqual(["trigger.config.ts"]);
    expect(report.project?.deletes.map((removal) => removal.path).sort()).toEqual(V2_CLIENT_FILES);
    const config = readFileSync(join(root, "trigger.config.ts"), "utf8");
    expect(findParseProblem(config, "trigger.config.ts")).toBeUndefined();
    expect(config).toContain('dirs: ["./jobs"],');
    for (const path of V2_CLIENT_FILES) {
      expect(existsSync(join(root, path)), `${path} should be deleted`).toBe(false);
      expect(report.files.find((file) => file.path === path)).toMatchObject({ deleted: true, todos: [] });
    }
    expect(existsSync(join(root, "app/api/trigger")), "the emptied route folder goes too").toBe(false);

    const edited = new Set(report.project?.edits.map((edit) => edit.path));
    const changed = report.files.filter((file) => file.status === "changed").map((file) => file.path);
    for (const job of ["welcome-email", "nightly-report", "invoice-sync", "status-heartbeat", "summarize-ticket", "abandoned-checkout"]) {
      expect(changed).toContain(`jobs/${job}.ts`);
    }
    for (const [path, bytes] of before) {
      if (V2_CLIENT_FILES.includes(path)) continue;
      const now = readFileSync(join(root, path));
      if (changed.includes(path) || edited.has(path)) {
        expect(findParseProblem(now.toString("utf8"), path)).toBeUndefined();
        expect(now.toString("utf8")).not.toMatch(/\.defineJob\(/);
      } else {
        expect(now.equals(bytes), `${path} should be byte-identical`).toBe(true);
      }
    }
    expect(readFileSync(join(root, "lib/db.ts")).equals(before.get("lib/db.ts")!)).toBe(true);
    expect(report.nextSteps.removePackages.map((p) => p.name)).toEqual(expect.arrayContaining(["@trigger.dev/nextjs", "@trigger.dev/openai"]));
    expect(report.nextSteps.taskDirectories).toEqual(["./jobs"]);
    // The plan created trigger.config.ts: `init` is no longer a step; package.json was left to the user.
    expect(report.nextSteps.commands).toEqual(["npx trigger.dev@latest dev"]);
    expect(report.nextSteps.addPackages).toEqual(["@trigger.dev/sdk@^4.8.3"]);

    // Every TODO the summary counts is a real marker line in the written file (after the plan's edits).
    for (const file of report.files.filter((entry) => !entry.deleted)) {
      const lines = readFileSync(join(root, file.path), "utf8").split(/\r?\n/);
      for (const todo of file.todos) expect(lines[todo.line - 1]).toContain(`TODO(trigger-v3-migrate): ${todo.message}`);
    }
    expect(report.summary.todos).toBe(report.files.reduce((sum, file) => sum + file.todos.length, 0));
  });

  it("with --no-project migrates the jobs file by file and keeps the v2 client, its route and the missing trigger.config.ts as they were", async () => {
    const root = copySample();
    const before = new Map(V2_CLIENT_FILES.map((path) => [path, readFileSync(join(root, path))]));
    const result = await runCli(["--json", "--no-project"], { cwd: root, transforms: "registry" });
    expect(result.stderr).toBe("");
    expect(result.code).toBe(0);
    const report = JSON.parse(result.stdout) as JsonReport;
    expect(report.project).toBeUndefined();
    expect(report.files.filter((file) => file.status === "changed").map((file) => file.path)).toContain("jobs/welcome-email.ts");
    for (const [path, bytes] of before) expect(readFileSync(join(root, path)).equals(bytes), `${path} should be byte-identical`).toBe(true);
    expect(existsSync(join(root, "trigger.config.ts"))).toBe(false);
  });

  it("lists in its next steps only what the project plan left to do", async () => {
    const plain = { NO_COLOR: "1" };
    const byDefault = await runCli([], { cwd: copySample(), transforms: "registry", env: plain });
    expect(byDefault.stdout).toContain("Project files:\n  created trigger.config.ts: ");
    expect(byDefault.stdout).toContain("  deleted trigger.ts: v2 TriggerClient: nothing imports it after the migration\n");
    expect(byDefault.stdout).toContain("  edited 8 files: unused import of the v2 client removed (app/api/checkout/route.ts, app/api/signup/route.ts, jobs/abandoned-checkout.ts and 5 more)\n");
    expect(byDefault.stdout).toMatch(/trigger\.config\.ts:4 {2}set TRIGGER_PROJECT_REF/);
    expect(byDefault.stdout).not.toContain("Create trigger.config.ts");
    expect(byDefault.stdout).toContain("Update package.json: set @trigger.dev/sdk to ^4.8.3, add @trigger.dev/build and trigger.dev as dev dependencies, remove @trigger.dev/nextjs and @trigger.dev/openai (or rerun with --update-deps)");
    expect(byDefault.stdout).toContain("Add the official packages that replace v2 integrations: openai (replaces @trigger.dev/openai)");

    const withFlags = await runCli(["--update-deps", "--update-env"], { cwd: copySample(), transforms: "registry", env: plain });
    expect(withFlags.stdout).toContain("edited package.json: dependencies updated (--update-deps)");
    expect(withFlags.stdout).not.toContain("Update package.json");
    expect(withFlags.stdout).toContain("Install what package.json now lists");
    expect(withFlags.stdout).toContain(".env.example: TRIGGER_API_KEY was renamed to TRIGGER_SECRET_KEY; set its value");

    const fileByFile = await runCli(["--no-project"], { cwd: copySample(), transforms: "registry", env: plain });
    expect(fileByFile.stdout).not.toContain("Project files:");
    expect(fileByFile.stdout).toContain('Create trigger.config.ts (`npx trigger.dev@latest init` writes one; maxDuration is required), with dirs: ["./jobs"]');
  });

  it("changes nothing on a second run, and --check then fails only for the TODO markers left", async () => {
    const root = copySample();
    await runCli(["--force"], { cwd: root, transforms: "registry" });
    const after = new Map(sourceFiles(root).map((path) => [path, readFileSync(join(root, path))]));

    const second = await runCli(["--json", "--force"], { cwd: root, transforms: "registry" });
    const report = JSON.parse(second.stdout) as JsonReport;
    expect(report.files.filter((file) => file.status === "changed").map((file) => file.path)).toEqual([]);
    for (const [path, bytes] of after) expect(readFileSync(join(root, path)).equals(bytes), `${relative(root, join(root, path))} changed on the second run`).toBe(true);

    const check = await runCli(["--check"], { cwd: root, transforms: "registry" });
    expect(check.code).toBe(report.summary.todos > 0 ? 1 : 0);
    expect(check.stdout).toMatch(/would change 0\n/);
  });

  it("shows the migration as a diff with --dry and writes nothing", async () => {
    const root = copySample();
    const before = new Map(sourceFiles(root).map((path) => [path, readFileSync(join(root, path))]));
    const result = await runCli(["--dry", "jobs/welcome-email.ts"], { cwd: root, transforms: "registry" });
    expect(result.code).toBe(0);
    expect(result.stdout).toContain("--- a/jobs/welcome-email.ts\n+++ b/jobs/welcome-email.ts\n");
    expect(result.stdout).toContain("-export const sendWelcomeEmail = client.defineJob({");
    for (const [path, bytes] of before) expect(readFileSync(join(root, path)).equals(bytes)).toBe(true);
  });
});
