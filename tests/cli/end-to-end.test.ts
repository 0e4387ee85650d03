/**
 * The CLI with the real transform registry over fixtures/sample-v2-app, copied into a fresh git
 * repository: the acceptance run a user would do.
 */
import { cpSync, readdirSync, readFileSync } from "node:fs";
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
  files: { path: string; status: string; transforms: string[]; todos: { line: number; message: string; code: string }[] }[];
  nextSteps: { removePackages: { name: string }[]; taskDirectories: string[] };
}

describe("the CLI over the sample v2 app", () => {
  it("migrates every job, writes only code that parses, and leaves other files byte-identical", async () => {
    const root = copySample();
    const before = new Map(sourceFiles(root).map((path) => [path, readFileSync(join(root, path))]));
    const result = await runCli(["--json"], { cwd: root, transforms: "registry" });
    expect(result.stderr).toBe("");
    expect(result.code).toBe(0);
    const report = JSON.parse(result.stdout) as JsonReport;
    expect(report.summary.errors).toBe(0);

    const changed = report.files.filter((file) => file.status === "changed").map((file) => file.path);
    for (const job of ["welcome-email", "nightly-report", "invoice-sync", "status-heartbeat", "summarize-ticket", "abandoned-checkout"]) {
      expect(changed).toContain(`jobs/${job}.ts`);
    }
    for (const [path, bytes] of before) {
      const now = readFileSync(join(root, path));
      if (changed.includes(path)) {
        expect(findParseProblem(now.toString("utf8"), path)).toBeUndefined();
        expect(now.toString("utf8")).not.toMatch(/\.defineJob\(/);
      } else {
        expect(now.equals(bytes), `${path} should be byte-identical`).toBe(true);
      }
    }
    expect(readFileSync(join(root, "lib/db.ts")).equals(before.get("lib/db.ts")!)).toBe(true);
    expect(report.nextSteps.removePackages.map((p) => p.name)).toEqual(expect.arrayContaining(["@trigger.dev/nextjs", "@trigger.dev/openai"]));
    expect(report.nextSteps.taskDirectories).toEqual(["./jobs"]);

    // Every TODO the summary counts is a real marker line in the written file.
    for (const file of report.files) {
      const lines = readFileSync(join(root, file.path), "utf8").split(/\r?\n/);
      for (const todo of file.todos) expect(lines[todo.line - 1]).toContain(`TODO(trigger-v3-migrate): ${todo.message}`);
    }
    expect(report.summary.todos).toBe(report.files.reduce((sum, file) => sum + file.todos.length, 0));
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
