import { writeFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { makeProject, makeRepo, read, runCli, V2_JOB, V2_JOB_MIGRATED, writeFiles } from "./harness.js";

describe("the git work-tree check", () => {
  it("writes the migration in a clean repository", async () => {
    const root = makeRepo({ "jobs/hello.ts": V2_JOB });
    const result = await runCli([], { cwd: root });
    expect(result.code).toBe(0);
    expect(read(root, "jobs/hello.ts")).toBe(V2_JOB_MIGRATED);
  });

  it("refuses to write when a tracked file has uncommitted changes, and says how to proceed", async () => {
    const root = makeRepo({ "jobs/hello.ts": V2_JOB, "README.md": "# app\n" });
    writeFileSync(join(root, "README.md"), "# app, edited\n");
    const result = await runCli(["jobs"], { cwd: root });
    expect(result.code).toBe(2);
    expect(result.stderr.split("\n")).toHaveLength(2);
    expect(result.stderr).toMatch(/^trigger-v3-migrate: refusing to write: the git work tree at .+ \(1 uncommitted change\) is not clean; .*--dry.*--force\n$/);
    expect(result.stdout).toBe("");
    expect(read(root, "jobs/hello.ts")).toBe(V2_JOB);
  });

  it("counts an untracked file as uncommitted work", async () => {
    const root = makeRepo({ "jobs/hello.ts": V2_JOB });
    writeFiles(root, { "notes.txt": "draft\n" });
    const result = await runCli([], { cwd: root });
    expect(result.code).toBe(2);
    expect(read(root, "jobs/hello.ts")).toBe(V2_JOB);
  });

  it("writes anyway in a dirty repository with --force", async () => {
    const root = makeRepo({ "jobs/hello.ts": V2_JOB });
    writeFiles(root, { "notes.txt": "draft\n" });
    const result = await runCli(["--force"], { cwd: root });
    expect(result.code).toBe(0);
    expect(read(root, "jobs/hello.ts")).toBe(V2_JOB_MIGRATED);
  });

  it("does not check the work tree when nothing will be written (--dry, --check, --print)", async () => {
    const root = makeRepo({ "jobs/hello.ts": V2_JOB });
    writeFiles(root, { "notes.txt": "draft\n" });
    for (const mode of ["--dry", "--check", "--print"]) {
      const result = await runCli([mode], { cwd: root });
      expect(result.stderr).not.toContain("refusing");
      expect(read(root, "jobs/hello.ts")).toBe(V2_JOB);
    }
  });

  it("writes in a directory that is not a git repository", async () => {
    const root = makeProject({ "jobs/hello.ts": V2_JOB });
    const result = await runCli([], { cwd: root });
    expect(result.code).toBe(0);
    expect(read(root, "jobs/hello.ts")).toBe(V2_JOB_MIGRATED);
  });

  it("checks the target's repository, not the one the command runs from", async () => {
    const dirtyCwd = makeRepo({ "a.txt": "a\n" });
    writeFiles(dirtyCwd, { "a.txt": "changed\n" });
    const cleanTarget = makeRepo({ "jobs/hello.ts": V2_JOB });
    const allowed = await runCli([cleanTarget], { cwd: dirtyCwd });
    expect(allowed.code).toBe(0);
    expect(read(cleanTarget, "jobs/hello.ts")).toBe(V2_JOB_MIGRATED);

    const cleanCwd = makeProject({});
    const dirtyTarget = makeRepo({ "jobs/hello.ts": V2_JOB });
    writeFiles(dirtyTarget, { "untracked.ts": "export {};\n" });
    const refused = await runCli([join(dirtyTarget, "jobs")], { cwd: cleanCwd });
    expect(refused.code).toBe(2);
    expect(refused.stderr).toContain("refusing to write");
    expect(read(dirtyTarget, "jobs/hello.ts")).toBe(V2_JOB);
  });
});
