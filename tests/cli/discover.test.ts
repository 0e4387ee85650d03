import { mkdirSync, symlinkSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { discoverFiles } from "../../src/cli/discover.js";
import { git, makeProject, makeRepo, read, runCli, V2_JOB, V2_JOB_MIGRATED } from "./harness.js";

function found(root: string, paths: string[] = ["."], ignorePatterns: string[] = []): string[] {
  const { files } = discoverFiles(paths, { cwd: root, ignorePatterns });
  return files.map((file) => file.slice(root.length + 1));
}

describe("file discovery", () => {
  it("finds every source extension and skips .d.ts and other files", () => {
    const root = makeProject({
      "a.ts": "",
      "b.tsx": "",
      "c.mts": "",
      "d.cts": "",
      "e.js": "",
      "f.jsx": "",
      "g.mjs": "",
      "h.cjs": "",
      "types.d.ts": "",
      "types.d.mts": "",
      "readme.md": "",
      "data.json": "{}",
    });
    expect(found(root)).toEqual(["a.ts", "b.tsx", "c.mts", "d.cts", "e.js", "f.jsx", "g.mjs", "h.cjs"]);
  });

  it("always skips node_modules, even without a .gitignore", () => {
    const root = makeProject({ "src/a.ts": "", "node_modules/pkg/index.js": "", "src/node_modules/x/y.ts": "" });
    expect(found(root)).toEqual(["src/a.ts"]);
  });

  it("skips dot directories unless one is named on the command line", () => {
    const root = makeProject({ "src/a.ts": "", ".next/server/page.js": "", ".trigger/out.mjs": "" });
    expect(found(root)).toEqual(["src/a.ts"]);
    expect(found(root, [".trigger"])).toEqual([".trigger/out.mjs"]);
  });

  it("respects the repository's .gitignore files, from the git root down, when scanning a subdirectory", () => {
    const root = makeRepo({
      ".gitignore": "generated/\n*.gen.ts\n",
      "app/.gitignore": "legacy.ts\n!keep.gen.ts\n",
      "app/jobs/a.ts": "",
      "app/jobs/generated/b.ts": "",
      "app/jobs/c.gen.ts": "",
      "app/jobs/keep.gen.ts": "",
      "app/legacy.ts": "",
      "app/jobs/legacy.ts": "",
    });
    expect(found(root, ["app"])).toEqual(["app/jobs/a.ts", "app/jobs/keep.gen.ts"]);
    expect(found(join(root, "app"), ["jobs"])).toEqual(["jobs/a.ts", "jobs/keep.gen.ts"]);
  });

  it("respects a .gitignore outside a git repository, from the path given down", () => {
    const root = makeProject({ ".gitignore": "dist/\n", "src/a.ts": "", "dist/a.js": "" });
    expect(found(root)).toEqual(["src/a.ts"]);
  });

  it("skips what --ignore-pattern names, relative to the current directory", () => {
    const root = makeProject({ "src/a.ts": "", "src/legacy/b.ts": "", "src/c.generated.ts": "", "other/legacy/d.ts": "" });
    expect(found(root, ["."], ["src/legacy/", "*.generated.ts"])).toEqual(["other/legacy/d.ts", "src/a.ts"]);
  });

  it("applies the ignore rules to files named on the command line too", () => {
    const root = makeProject({ ".gitignore": "*.gen.ts\n", "a.gen.ts": "", "b.ts": "", "node_modules/x.ts": "" });
    expect(found(root, ["a.gen.ts", "b.ts", "node_modules/x.ts"])).toEqual(["b.ts"]);
  });

  it("does not follow symbolic links, so a link loop ends", () => {
    const root = makeProject({ "src/a.ts": "" });
    symlinkSync(root, join(root, "src/loop"));
    mkdirSync(join(root, "src/nested"));
    symlinkSync(join(root, "src"), join(root, "src/nested/up"));
    expect(found(root)).toEqual(["src/a.ts"]);
  });

  it("lists a file once when it is named twice", () => {
    const root = makeProject({ "src/a.ts": "" });
    expect(found(root, ["src", "src/a.ts", "."])).toEqual(["src/a.ts"]);
  });

  it("reports command-line paths that do not exist", () => {
    const root = makeProject({ "src/a.ts": "" });
    expect(discoverFiles(["src", "nope"], { cwd: root, ignorePatterns: [] }).missing).toEqual(["nope"]);
  });

  it("reports command-line paths that the ignore rules skip", () => {
    const root = makeProject({ ".gitignore": "build/\n", "build/a.ts": "", "src/b.ts": "" });
    expect(discoverFiles(["build", "src"], { cwd: root, ignorePatterns: [] }).ignored).toEqual(["build"]);
  });
});

describe("the CLI over an ignored tree", () => {
  it("migrates tracked jobs and leaves ignored and node_modules files alone", async () => {
    const root = makeRepo({ ".gitignore": "dist/\n", "jobs/a.ts": V2_JOB, "dist/a.js": V2_JOB, "node_modules/lib/a.js": V2_JOB });
    git(root, "status"); // the repo is clean: dist/ and node_modules/ are ignored or committed
    const result = await runCli(["--force"], { cwd: root });
    expect(result.code).toBe(0);
    expect(read(root, "jobs/a.ts")).toBe(V2_JOB_MIGRATED);
    expect(read(root, "dist/a.js")).toBe(V2_JOB);
    expect(read(root, "node_modules/lib/a.js")).toBe(V2_JOB);
    expect(result.stdout).toMatch(/scanned\s+1\n/);
  });

  it("warns when a path named on the command line is ignored", async () => {
    const root = makeProject({ ".gitignore": "dist/\n", "dist/a.js": V2_JOB });
    const result = await runCli(["dist"], { cwd: root });
    expect(result.code).toBe(0);
    expect(result.stderr).toBe("trigger-v3-migrate: dist: ignored (.gitignore, --ignore-pattern or node_modules)\n");
    expect(read(root, "dist/a.js")).toBe(V2_JOB);
  });
});
