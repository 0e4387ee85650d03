/**
 * Ctrl-C in the middle of a big write run: the built CLI (worker pool and all) gets SIGINT once
 * the first files have been rewritten. Afterwards every file must be exactly its original or
 * exactly its migration, and no temporary file may be left behind.
 */
import { execFileSync, spawn } from "node:child_process";
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { TRANSFORMS } from "../../codemods/index.js";
import { migrateSource } from "../../src/codemod/pipeline.js";
import { PACKAGE_ROOT } from "../../src/package-info.js";
// @ts-expect-error -- plain JavaScript bench script, no declarations
import { generateRepo } from "../../bench/generate.mjs";

const BIN = join(PACKAGE_ROOT, "dist/src/cli/bin.js");
const FILES = 1500;

interface Snapshot {
  text: string;
  mtimeMs: number;
}

function listFiles(directory: string): string[] {
  return (readdirSync(directory, { recursive: true }) as string[]).map((path) => join(directory, path)).filter((path) => statSync(path).isFile());
}

const roots: string[] = [];

/** A fresh repo of FILES v2 job files for each run. */
function generatedRepo(): string {
  const root = mkdtempSync(join(tmpdir(), "tv3m-interrupt-"));
  roots.push(root);
  (generateRepo as (dir: string, options: { files: number; v2Share: number }) => unknown)(root, { files: FILES, v2Share: 1 });
  return root;
}

beforeAll(() => {
  // `.ci/run` builds first; a bare `npx vitest` may not have.
  if (!existsSync(BIN)) execFileSync("npx", ["tsc", "-p", "tsconfig.build.json"], { cwd: PACKAGE_ROOT, stdio: "ignore" });
});

afterAll(() => {
  for (const root of roots) rmSync(root, { recursive: true, force: true });
});

describe("an interrupted write run", () => {
  // The 1,500 small files (about 1 MB) stay under the pool's default threshold: run both paths.
  it.each([
    ["in one thread", {}],
    ["in the worker pool", { TRIGGER_V3_MIGRATE_POOL_MIN_BYTES: "0" }],
  ])("leaves every file either original or fully migrated, and no temporary files (%s)", async (_path, env) => {
    const root = generatedRepo();
    const sources = listFiles(join(root, "src"));
    expect(sources).toHaveLength(FILES);
    const before = new Map<string, Snapshot>(sources.map((path) => [path, { text: readFileSync(path, "utf8"), mtimeMs: statSync(path).mtimeMs }]));

    const child = spawn(process.execPath, [BIN, ".", "--force", "--target", "4", "--cpus", "2"], { cwd: root, stdio: ["ignore", "pipe", "pipe"], env: { ...process.env, ...env } });
    let stderr = "";
    child.stderr.on("data", (chunk: Buffer) => (stderr += chunk.toString()));
    child.stdout.resume();
    const exited = new Promise<number | null>((resolve) => child.on("exit", (code) => resolve(code)));

    // Interrupt as soon as a few files have been rewritten: writes are then in full flow.
    let signalled = false;
    const poll = setInterval(() => {
      let written = 0;
      for (const [path, snapshot] of before) {
        try {
          if (statSync(path).mtimeMs !== snapshot.mtimeMs) written++;
        } catch {
          // mid-rename on some file systems: counted on the next poll
        }
        if (written >= 5) break;
      }
      if (written >= 5 && !signalled) {
        signalled = true;
        child.kill("SIGINT");
      }
    }, 10);
    const code = await exited;
    clearInterval(poll);

    expect(signalled, `the run ended before any file was written:\n${stderr}`).toBe(true);
    expect(code).toBe(130);
    expect(stderr).not.toMatch(/^\s+at .+[:(]/m);

    const changed: string[] = [];
    for (const [path, snapshot] of before) {
      const now = readFileSync(path, "utf8");
      if (now === snapshot.text) continue;
      changed.push(path);
      const expected = migrateSource(snapshot.text, path, TRANSFORMS, 4).output;
      expect(now, `${path} is neither original nor migrated`).toBe(expected);
    }
    expect(changed.length).toBeGreaterThan(0);
    expect(changed.length, "the run was stopped before the end").toBeLessThan(FILES);

    const leftovers = listFiles(root).filter((path) => path.endsWith(".tmp") || !/\.(ts|tsx|json)$/.test(path));
    expect(leftovers).toEqual([]);
  });
});
