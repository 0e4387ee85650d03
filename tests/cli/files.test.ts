import { EventEmitter } from "node:events";
import { chmodSync, readdirSync, statSync, symlinkSync, lstatSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import type { MigrationTransform } from "../../src/codemod/transform.js";
import { bytes, fakeTransformsWith, makeProject, makeRepo, read, runCli, V2_JOB, V2_JOB_MIGRATED } from "./harness.js";

const BROKEN = `import { eventTrigger } from "@trigger.dev/sdk";
client.defineJob({
  id: "broken"
  run: async () => {},
});
`;

describe("a file that does not parse", () => {
  it("is reported in one line with its position, left byte-identical, while the good files are migrated (exit 1)", async () => {
    const root = makeRepo({ "jobs/a.ts": V2_JOB, "jobs/broken.ts": BROKEN, "jobs/z.ts": V2_JOB });
    const before = bytes(root, "jobs/broken.ts");
    const result = await runCli([], { cwd: root });
    expect(result.code).toBe(1);
    expect(result.stderr).toBe('jobs/broken.ts:4:3: Unexpected token, expected ","\n');
    expect(bytes(root, "jobs/broken.ts").equals(before)).toBe(true);
    expect(read(root, "jobs/a.ts")).toBe(V2_JOB_MIGRATED);
    expect(read(root, "jobs/z.ts")).toBe(V2_JOB_MIGRATED);
    expect(result.stdout).toMatch(/errors\s+1\n/);
  });
});

describe("line endings, byte order marks and final newlines", () => {
  it("keeps CRLF line endings and the BOM in a migrated file", async () => {
    const crlf = `\uFEFF${V2_JOB.replace(/\n/g, "\r\n")}`;
    const root = makeProject({ "hello.ts": crlf });
    const result = await runCli([], { cwd: root });
    expect(result.code).toBe(0);
    const written = read(root, "hello.ts");
    expect(written).toBe(`\uFEFF${V2_JOB_MIGRATED.replace(/\n/g, "\r\n")}`);
    expect(written.replace(/\r\n/g, "")).not.toContain("\n");
  });

  it("leaves unchanged CRLF, BOM and no-final-newline files byte-identical", async () => {
    const files = {
      "crlf.ts": 'import { task } from "@trigger.dev/sdk";\r\nexport const t = task({ id: "t", run: async () => {} });\r\n',
      "bom.ts": '\uFEFFimport { task } from "@trigger.dev/sdk";\nexport const t = 1;\n',
      "no-newline.ts": 'import { task } from "@trigger.dev/sdk";\nclient.defineJobs;',
    };
    const root = makeProject(files);
    const before = Object.fromEntries(Object.keys(files).map((path) => [path, bytes(root, path)]));
    const result = await runCli(["--json"], { cwd: root });
    expect(result.code).toBe(0);
    for (const path of Object.keys(files)) expect(bytes(root, path).equals(before[path]!)).toBe(true);
    expect((JSON.parse(result.stdout) as { summary: { unchanged: number } }).summary.unchanged).toBe(3);
  });

  it("keeps a missing final newline in a migrated file", async () => {
    const root = makeProject({ "hello.ts": V2_JOB.trimEnd() });
    await runCli([], { cwd: root });
    expect(read(root, "hello.ts")).toBe(V2_JOB_MIGRATED.trimEnd());
  });
});

describe("files that are not UTF-8 text", () => {
  it("skips a file with NUL bytes and one with invalid UTF-8, saying why, and exits 0", async () => {
    const binary = Buffer.concat([Buffer.from('import "@trigger.dev/sdk";\n'), Buffer.from([0, 1, 2])]);
    const latin1 = Buffer.concat([Buffer.from('import "@trigger.dev/sdk";\n// caf'), Buffer.from([0xe9]), Buffer.from("\n")]);
    const root = makeProject({ "binary.js": binary, "latin1.ts": latin1, "hello.ts": V2_JOB });
    const result = await runCli([], { cwd: root });
    expect(result.code).toBe(0);
    expect(result.stderr).toBe("binary.js: skipped: binary file (contains NUL bytes)\nlatin1.ts: skipped: not valid UTF-8\n");
    expect(bytes(root, "binary.js").equals(binary)).toBe(true);
    expect(bytes(root, "latin1.ts").equals(latin1)).toBe(true);
    expect(result.stdout).toMatch(/skipped\s+2\n/);
    expect(read(root, "hello.ts")).toBe(V2_JOB_MIGRATED);
  });
});

describe("the gate before writing", () => {
  it("never writes output that does not parse, and reports it as an error", async () => {
    const root = makeProject({ "hello.ts": V2_JOB });
    // A transform bug: an identifier with a space prints as code that cannot parse.
    const breaker = fakeTransformsWith(({ j, root: tree }) => {
      tree.find(j.ImportDeclaration).at(0).insertAfter(j.expressionStatement(j.identifier("not valid")));
    });
    const result = await runCli([], { cwd: root, transforms: breaker });
    expect(result.code).toBe(1);
    expect(result.stderr).toBe("hello.ts: the migrated code would not parse (Missing semicolon at 2:4); file left unchanged\n");
    expect(read(root, "hello.ts")).toBe(V2_JOB);
  });

  it("reports a transform that throws as an error in that file only", async () => {
    const root = makeProject({ "a.ts": V2_JOB, "b.ts": V2_JOB });
    const throwing = fakeTransformsWith(({ filePath }) => {
      if (filePath.endsWith("a.ts")) throw new Error("cannot handle this shape");
    });
    const result = await runCli([], { cwd: root, transforms: throwing });
    expect(result.code).toBe(1);
    expect(result.stderr).toBe("a.ts: a transform failed: cannot handle this shape\n");
    expect(read(root, "a.ts")).toBe(V2_JOB);
    expect(read(root, "b.ts")).toBe(V2_JOB_MIGRATED);
  });

  it("blames the transform, not the file, for a SyntaxError thrown while the input parses", async () => {
    const root = makeProject({ "a.ts": V2_JOB });
    const templating = fakeTransformsWith(({ j }) => {
      j("const = 1;"); // a transform building code from a broken snippet
    });
    const result = await runCli([], { cwd: root, transforms: templating });
    expect(result.code).toBe(1);
    expect(result.stderr).toBe("a.ts: a transform failed: Unexpected token (1:6)\n");
    expect(read(root, "a.ts")).toBe(V2_JOB);
  });
});

describe("writing", () => {
  it("keeps the file mode and leaves no temporary file behind", async () => {
    const root = makeProject({ "bin/hello.js": V2_JOB });
    chmodSync(join(root, "bin/hello.js"), 0o755);
    // --no-project: only the file's own write is under test (no trigger.config.ts next to it).
    await runCli(["--no-project"], { cwd: root });
    expect(read(root, "bin/hello.js")).toBe(V2_JOB_MIGRATED);
    expect(statSync(join(root, "bin/hello.js")).mode & 0o777).toBe(0o755);
    expect(readdirSync(join(root, "bin"))).toEqual(["hello.js"]);
  });

  it("writes through a symbolic link named on the command line, keeping the link", async () => {
    const root = makeProject({ "real/hello.ts": V2_JOB });
    symlinkSync(join(root, "real/hello.ts"), join(root, "link.ts"));
    await runCli(["link.ts"], { cwd: root });
    expect(lstatSync(join(root, "link.ts")).isSymbolicLink()).toBe(true);
    expect(read(root, "real/hello.ts")).toBe(V2_JOB_MIGRATED);
  });

  it("stops at Ctrl-C after the file in progress: that file is complete, later ones untouched (exit 130)", async () => {
    const signals = new EventEmitter();
    const root = makeProject({ "a.ts": V2_JOB, "b.ts": V2_JOB, "c.ts": V2_JOB });
    const interrupting: readonly MigrationTransform[] = fakeTransformsWith(() => {
      signals.emit("SIGINT");
    });
    const result = await runCli([], { cwd: root, transforms: interrupting, signals });
    expect(result.code).toBe(130);
    expect(read(root, "a.ts")).toBe(V2_JOB_MIGRATED);
    expect(read(root, "b.ts")).toBe(V2_JOB);
    expect(read(root, "c.ts")).toBe(V2_JOB);
    expect(readdirSync(root).sort()).toEqual(["a.ts", "b.ts", "c.ts"]);
    expect(result.stdout).toContain("interrupted");
    expect(signals.listenerCount("SIGINT")).toBe(0);
  });

  it("treats SIGTERM like Ctrl-C: the file in progress completes, later ones stay untouched", async () => {
    const signals = new EventEmitter();
    const root = makeProject({ "a.ts": V2_JOB, "b.ts": V2_JOB });
    const terminating: readonly MigrationTransform[] = fakeTransformsWith(() => {
      signals.emit("SIGTERM");
    });
    const result = await runCli([], { cwd: root, transforms: terminating, signals });
    expect(result.code).toBe(130);
    expect(read(root, "a.ts")).toBe(V2_JOB_MIGRATED);
    expect(read(root, "b.ts")).toBe(V2_JOB);
    expect(readdirSync(root).sort()).toEqual(["a.ts", "b.ts"]);
    expect(signals.listenerCount("SIGTERM")).toBe(0);
  });
});
