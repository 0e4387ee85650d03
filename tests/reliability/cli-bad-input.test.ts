/**
 * The CLI (in-process, real transforms) over a tree of hostile files mixed with good v2 files:
 * every bad file is reported in one line and left byte-identical, every good one is migrated
 * exactly as the pipeline migrates it alone, and nothing prints a stack trace.
 */
import { symlinkSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { TRANSFORMS } from "../../codemods/index.js";
import { migrateSource } from "../../src/codemod/pipeline.js";
import { bytes, makeProject, runCli } from "../cli/harness.js";

const JOB = (id: string): string => `import { eventTrigger } from "@trigger.dev/sdk";
import { client } from "./trigger";

export const ${id.replace(/-(\w)/g, (_, c: string) => c.toUpperCase())} = client.defineJob({
  id: "${id}",
  name: "Job ${id}",
  version: "1.0.0",
  trigger: eventTrigger({ name: "${id}.requested" }),
  run: async (payload, io, ctx) => {
    await io.logger.info("starting", { runId: ctx.run.id });
    await io.wait("cool-down", 60);
    return { ok: true };
  },
});
`;

const IMPORT = `import { eventTrigger } from "@trigger.dev/sdk";\n`;

/** Good files: each holds a v2 job next to syntax that trips naive tooling. */
const GOOD: Record<string, string> = {
  "good/plain.ts": JOB("plain-job"),
  "good/crlf.ts": JOB("crlf-job").replace(/\n/g, "\r\n"),
  "good/bom.ts": `\uFEFF${JOB("bom-job")}`,
  "good/satisfies.ts": `${JOB("satisfies-job")}
type Settings = { retries: number };
export const settings = { retries: 3 } satisfies Settings;
`,
  "good/decorators.ts": `${JOB("decorated-job")}
function logged(target: unknown, key: string): void {
  void target;
  void key;
}
export class Service {
  @logged
  run(): number {
    return 1;
  }
}
`,
  "good/generics.ts": `${JOB("generic-job")}
export const identity = <T>(x: T): T => x;
export const pair = <A, B>(a: A, b: B): [A, B] => [a, b];
`,
  "good/component.tsx": `${JOB("component-job")}
export function Panel({ title }: { title: string }) {
  return <section className="panel"><h2>{title}</h2></section>;
}
`,
};

/** Bad files: each must be skipped (or reported) in one line that names it. */
function badFiles(): Record<string, Buffer> {
  const repeatedJobs: string[] = [IMPORT];
  for (let index = 0, size = 0; size < 5 * 1024 * 1024; index++) {
    const job = JOB(`big-${index}`).replace(IMPORT, "");
    repeatedJobs.push(job);
    size += job.length;
  }
  return {
    "bad/syntax-error.ts": Buffer.from(`${IMPORT}client.defineJob({ id: "broken", run: async ( => {} });\n`),
    "bad/binary.ts": Buffer.concat([Buffer.from(IMPORT), Buffer.from([0, 1, 2, 0, 255, 0])]),
    "bad/latin1.ts": Buffer.concat([Buffer.from(`${IMPORT}// caf`), Buffer.from([0xe9]), Buffer.from(" cr\u00e8me\n", "latin1")]),
    "bad/huge.ts": Buffer.from(repeatedJobs.join("")),
    "bad/deep-arrays.ts": Buffer.from(`${IMPORT}export const deep = ${"[".repeat(2000)}${"]".repeat(2000)};\n`),
    "bad/deep-blocks.ts": Buffer.from(`${IMPORT}export function deep(): void ${"{".repeat(2000)}${"}".repeat(2000)}\n`),
  };
}

const STACK_FRAME = /^\s+at .+[:(]/m;

describe("the CLI over hostile input", () => {
  it("skips every bad file in one line, leaves it byte-identical, migrates the good ones and exits 1", async () => {
    const bad = badFiles();
    const root = makeProject({ ...GOOD, ...bad, "empty.ts": "", "package.json": JSON.stringify({ dependencies: { "@trigger.dev/sdk": "^2.3.0" } }) });
    symlinkSync("..", join(root, "good", "loop"), "dir");

    const result = await runCli(["--force", "--target", "4", "."], { cwd: root, transforms: "registry" });

    expect(result.code).toBe(1);
    expect(result.stdout).not.toMatch(STACK_FRAME);
    expect(result.stderr).not.toMatch(STACK_FRAME);
    expect(result.stderr).not.toMatch(/RangeError|Maximum call stack/);
    const problemLines = result.stderr.split("\n").filter((line) => line.trim() !== "");
    for (const path of Object.keys(bad)) {
      const lines = problemLines.filter((line) => line.startsWith(path));
      expect(lines, `one line about ${path} in:\n${result.stderr}`).toHaveLength(1);
      expect(bytes(root, path).equals(bad[path]!), `${path} is byte-identical`).toBe(true);
    }
    // The loop is never followed (no path through it) and the empty file is no problem.
    expect(result.stderr).not.toContain("loop");
    expect(result.stderr).not.toContain("empty.ts");
    expect(bytes(root, "empty.ts").length).toBe(0);

    for (const [path, original] of Object.entries(GOOD)) {
      const expected = migrateSource(original, join(root, path), TRANSFORMS, 4).output;
      expect(expected, `${path} has something to migrate`).not.toBeNull();
      expect(bytes(root, path).toString("utf8"), `${path} is migrated`).toBe(expected);
    }
    expect(bytes(root, "good/crlf.ts").toString("utf8")).not.toMatch(/[^\r]\n/);
    expect(bytes(root, "good/bom.ts").subarray(0, 3).equals(Buffer.from([0xef, 0xbb, 0xbf]))).toBe(true);
  });
});
