/**
 * Runs the CLI in-process against throwaway directories under os.tmpdir(), and provides two tiny
 * transforms so the CLI can be tested on its own, whatever state the real transforms are in.
 */
import { execFileSync } from "node:child_process";
import type { EventEmitter } from "node:events";
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { dirname, join } from "node:path";
import { afterEach } from "vitest";
import { addTodo } from "../../src/codemod/todo.js";
import type { MigrationContext, MigrationTransform } from "../../src/codemod/transform.js";
import { main, type CliIo } from "../../src/cli/main.js";

export interface CliRun {
  code: number;
  stdout: string;
  stderr: string;
}

export interface RunOptions {
  cwd: string;
  transforms?: readonly MigrationTransform[] | "registry";
  env?: Record<string, string | undefined>;
  stdoutIsTTY?: boolean;
  stderrIsTTY?: boolean;
  signals?: EventEmitter;
}

/** `main(argv, io)` with captured output; by default with the fake transforms below. */
export async function runCli(argv: readonly string[], options: RunOptions): Promise<CliRun> {
  let stdout = "";
  let stderr = "";
  const io: CliIo = {
    stdout: { write: (text: string) => (stdout += text), isTTY: options.stdoutIsTTY ?? false },
    stderr: { write: (text: string) => (stderr += text), isTTY: options.stderrIsTTY ?? false },
    cwd: options.cwd,
    env: options.env ?? {},
  };
  const transforms = options.transforms === "registry" ? undefined : (options.transforms ?? FAKE_TRANSFORMS);
  const code = await main(argv, io, { transforms, signals: options.signals });
  return { code, stdout, stderr };
}

const created: string[] = [];
afterEach(() => {
  for (const directory of created.splice(0)) rmSync(directory, { recursive: true, force: true });
});

/** A fresh directory with the given files (strings are written as UTF-8, Buffers as bytes). */
export function makeProject(files: Record<string, string | Buffer>): string {
  const root = mkdtempSync(join(tmpdir(), "tv3m-cli-"));
  created.push(root);
  writeFiles(root, files);
  return root;
}

export function writeFiles(root: string, files: Record<string, string | Buffer>): void {
  for (const [path, content] of Object.entries(files)) {
    mkdirSync(dirname(join(root, path)), { recursive: true });
    writeFileSync(join(root, path), content);
  }
}

export function read(root: string, path: string): string {
  return readFileSync(join(root, path), "utf8");
}

export function bytes(root: string, path: string): Buffer {
  return readFileSync(join(root, path));
}

export function git(root: string, ...args: string[]): string {
  return execFileSync("git", ["-c", "user.name=test", "-c", "user.email=test@example.com", "-c", "commit.gpgsign=false", ...args], {
    cwd: root,
    encoding: "utf8",
    stdio: ["ignore", "pipe", "pipe"],
  });
}

/** A git repository whose files are all committed (a clean work tree). */
export function makeRepo(files: Record<string, string | Buffer>): string {
  const root = makeProject(files);
  git(root, "init", "-q");
  git(root, "add", "-A");
  git(root, "commit", "-q", "-m", "initial", "--allow-empty");
  return root;
}

/** A v2 job file the fake `define-job` rewrites. */
export const V2_JOB = `import { eventTrigger } from "@trigger.dev/sdk";
import { client } from "./trigger";

client.defineJob({ id: "hello", run: async () => {} });
`;

export const V2_JOB_MIGRATED = `import { eventTrigger } from "@trigger.dev/sdk";
import { client } from "./trigger";

task({ id: "hello", run: async () => {} });
`;

/** Trigger.dev code with nothing left to migrate. */
export const TASK_FILE = `import { task } from "@trigger.dev/sdk";

export const hello = task({ id: "hello", run: async () => {} });
`;

function fakeDefineJob(onApply?: (ctx: MigrationContext) => void): MigrationTransform {
  return {
    name: "define-job",
    description: "client.defineJob(...) -> task(...)",
    mightApply: (source) => source.includes("defineJob"),
    apply(ctx) {
      onApply?.(ctx);
      const { j, root } = ctx;
      const calls = root.find(j.CallExpression, { callee: { type: "MemberExpression", property: { name: "defineJob" } } });
      calls.forEach((path) => {
        path.node.callee = j.identifier("task");
      });
      return calls.length > 0;
    },
  };
}

/** Leaves a TODO above every `io.createStatus(...)` call, as the real `io` transform does. */
const fakeTodo: MigrationTransform = {
  name: "io",
  description: "marks io.createStatus for a human",
  mightApply: (source) => source.includes("createStatus"),
  apply({ j, root }) {
    let changed = false;
    root.find(j.CallExpression, { callee: { property: { name: "createStatus" } } }).forEach((path) => {
      changed = addTodo(j, path, "replace io.createStatus with metadata", "https://trigger.dev/docs/runs/metadata") || changed;
    });
    return changed;
  },
};

export const FAKE_TRANSFORMS: readonly MigrationTransform[] = [fakeTodo, fakeDefineJob()];

/** The fake transforms with a hook that runs inside `define-job` (to record the target, throw, ...). */
export function fakeTransformsWith(onApply: (ctx: MigrationContext) => void): readonly MigrationTransform[] {
  return [fakeTodo, fakeDefineJob(onApply)];
}
