import { describe, expect, it } from "vitest";
import { parseSize } from "../../src/cli/args.js";
import { packageInfo } from "../../src/package-info.js";
import { FAKE_TRANSFORMS, makeProject, read, runCli, V2_JOB } from "./harness.js";

describe("command-line options", () => {
  it("rejects an unknown option with exit code 2 and one line naming it", async () => {
    const root = makeProject({ "job.ts": V2_JOB });
    const result = await runCli(["--frobnicate"], { cwd: root });
    expect(result.code).toBe(2);
    expect(result.stderr).toBe("trigger-v3-migrate: unknown option --frobnicate (see --help)\n");
    expect(result.stdout).toBe("");
    expect(read(root, "job.ts")).toBe(V2_JOB);
  });

  it("rejects a target other than 3 or 4", async () => {
    const result = await runCli(["--target", "2"], { cwd: makeProject({}) });
    expect(result.code).toBe(2);
    expect(result.stderr).toBe('trigger-v3-migrate: --target must be 3 or 4, got "2"\n');
  });

  it("rejects --cpus that is not a positive integer", async () => {
    const result = await runCli(["--cpus", "0"], { cwd: makeProject({}) });
    expect(result.code).toBe(2);
    expect(result.stderr).toBe('trigger-v3-migrate: --cpus must be a positive integer, got "0"\n');
  });

  it("rejects --max-file-size that is not a size", async () => {
    const result = await runCli(["--max-file-size", "big"], { cwd: makeProject({}) });
    expect(result.code).toBe(2);
    expect(result.stderr).toBe('trigger-v3-migrate: --max-file-size must be a size such as 512KiB, 4MiB or 2000000, got "big"\n');
  });

  it("skips a candidate above --max-file-size in one line naming the limit, and migrates it below", async () => {
    const padded = V2_JOB + `// ${"x".repeat(2000)}\n`;
    const root = makeProject({ "job.ts": padded });
    const skipped = await runCli(["--max-file-size", "1k", "--no-project"], { cwd: root });
    // Skipped, like a binary file: a warning, not an error (exit code 0).
    expect(skipped.code).toBe(0);
    expect(skipped.stderr).toContain("job.ts: skipped: larger than 1 KiB (generated code?); not parsed: migrate it by hand, or raise --max-file-size\n");
    expect(read(root, "job.ts")).toBe(padded);
    const migrated = await runCli(["--max-file-size", "4KiB", "--no-project"], { cwd: root });
    expect(migrated.code).toBe(0);
    expect(read(root, "job.ts")).not.toBe(padded);
  });

  it("rejects an option that is missing its value", async () => {
    const result = await runCli(["--target"], { cwd: makeProject({}) });
    expect(result.code).toBe(2);
    expect(result.stderr).toBe("trigger-v3-migrate: Option '--target <value>' argument missing\n");
  });

  it("rejects an unknown transform name and lists the known ones", async () => {
    const root = makeProject({ "job.ts": V2_JOB });
    const result = await runCli(["--transform", "define-job", "--transform", "nope"], { cwd: root });
    expect(result.code).toBe(2);
    expect(result.stderr).toBe('trigger-v3-migrate: unknown transform "nope"; known: io, define-job\n');
    expect(read(root, "job.ts")).toBe(V2_JOB);
  });

  it("rejects a path that does not exist", async () => {
    const result = await runCli(["src", "missing"], { cwd: makeProject({ "src/a.ts": "" }) });
    expect(result.code).toBe(2);
    expect(result.stderr).toBe("trigger-v3-migrate: no such file or directory: missing\n");
  });

  it("prints the usage with every option for --help", async () => {
    const result = await runCli(["--help"], { cwd: makeProject({}) });
    expect(result.code).toBe(0);
    for (const option of ["--dry", "--print", "--check", "--target", "--transform", "--list", "--ignore-pattern", "--cpus", "--max-file-size", "--json", "--force", "--help", "--version"]) {
      expect(result.stdout).toContain(option);
    }
  });

  it("prints the package version for --version", async () => {
    const result = await runCli(["--version"], { cwd: makeProject({}) });
    expect(result).toEqual({ code: 0, stdout: `${packageInfo.version}\n`, stderr: "" });
  });

  it("lists the transforms in the order they run for --list", async () => {
    const result = await runCli(["--list"], { cwd: makeProject({}) });
    expect(result.code).toBe(0);
    expect(result.stdout).toBe(
      ["Transforms, in the order they run:", "  io          marks io.createStatus for a human", "  define-job  client.defineJob(...) -> task(...)", ""].join("\n"),
    );
  });

  it("lists the transforms as JSON for --list --json", async () => {
    const result = await runCli(["--list", "--json"], { cwd: makeProject({}) });
    expect(result.code).toBe(0);
    expect(JSON.parse(result.stdout)).toEqual({
      schemaVersion: 1,
      transforms: FAKE_TRANSFORMS.map(({ name, description }) => ({ name, description })),
    });
  });

  it("runs only the transforms named with --transform", async () => {
    const root = makeProject({ "job.ts": `${V2_JOB}await io.createStatus("s", {});\n` });
    const result = await runCli(["--transform", "io", "--json", "--dry"], { cwd: root });
    const report = JSON.parse(result.stdout) as { transforms: string[]; files: { transforms: string[] }[] };
    expect(report.transforms).toEqual(["io"]);
    expect(report.files[0]!.transforms).toEqual(["io"]);
  });

  it("keeps registry order whatever order --transform names them in", async () => {
    const root = makeProject({ "job.ts": `${V2_JOB}await io.createStatus("s", {});\n` });
    const result = await runCli(["-t", "define-job", "-t", "io", "--json", "--dry"], { cwd: root });
    const report = JSON.parse(result.stdout) as { transforms: string[]; files: { transforms: string[] }[] };
    expect(report.transforms).toEqual(["io", "define-job"]);
    expect(report.files[0]!.transforms).toEqual(["io", "define-job"]);
  });
});

describe("parseSize", () => {
  it.each([
    ["2000000", 2_000_000],
    ["512k", 512 * 1024],
    ["512KiB", 512 * 1024],
    ["4MB", 4 * 1024 ** 2],
    ["1.5MiB", 1.5 * 1024 ** 2],
    [" 3 m ", 3 * 1024 ** 2],
  ])("reads %s", (text, bytes) => {
    expect(parseSize(text)).toBe(bytes);
  });

  it.each(["", "0", "-1", "1GB", "k", "1..5m", "ten"])("rejects %j", (text) => {
    expect(parseSize(text)).toBeUndefined();
  });
});
