/**
 * The project step that removes the v2 client and adapter routes, through the CLI's main() on
 * small temp projects: it removes only what nothing references any more (scope analysis, not
 * names), never the imports the transforms added, never a file something still needs; every
 * output re-parses, a second run changes nothing, and --print / --dry show what a write does.
 */
import { existsSync, mkdirSync, mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { dirname, join } from "node:path";
import { describe, expect, it } from "vitest";
import { findParseProblem } from "../../src/cli/reparse.js";
import { runCli, snapshotTree, sourceTexts, typeCheck } from "./helpers.js";

const TSCONFIG = JSON.stringify({ compilerOptions: { target: "ES2022", module: "esnext", moduleResolution: "bundler", strict: false, noEmit: true, jsx: "preserve", skipLibCheck: true }, include: ["**/*.ts", "**/*.tsx"] });
const PACKAGE = JSON.stringify({ name: "app", private: true, dependencies: { "@trigger.dev/sdk": "2.3.18" } });
const CLIENT_TODO = "TODO(trigger-v3-migrate): the v2 TriggerClient is gone";
const ADAPTER_TODO = "// TODO(trigger-v3-migrate): the v2 adapter route was removed";

function project(files: Record<string, string>): string {
  const dir = mkdtempSync(join(tmpdir(), "client-adapter-"));
  for (const [name, text] of Object.entries({ "package.json": PACKAGE, "tsconfig.json": TSCONFIG, ...files })) {
    mkdirSync(dirname(join(dir, name)), { recursive: true });
    writeFileSync(join(dir, name), text);
  }
  return dir;
}

const read = (dir: string, name: string): string => readFileSync(join(dir, name), "utf8");

/** Runs the CLI (write), checks every source file re-parses, then that a second run changes nothing. */
async function migrateTwice(dir: string): Promise<{ stdout: string; stderr: string }> {
  const first = await runCli(dir, ["."]);
  expect(first.stderr).toBe("");
  expect(first.code).toBe(0);
  for (const [file, text] of sourceTexts(dir)) expect(findParseProblem(text, join(dir, file)), file).toBeUndefined();
  const before = snapshotTree(dir);
  const second = await runCli(dir, ["."]);
  expect(second.code).toBe(0);
  expect(snapshotTree(dir), "a second run changed a file").toEqual(before);
  return first;
}

/** Diagnostics that mean a removal went too far: a name or module binding left without its declaration. */
function missingNames(dir: string): string[] {
  return typeCheck(dir)
    .filter((diagnostic) => [2304, 2552, 2448, 2454].includes(diagnostic.code))
    .map((diagnostic) => `${diagnostic.file}:${diagnostic.line} TS${diagnostic.code} ${diagnostic.message}`);
}

describe("a file that declares the v2 client next to its jobs", () => {
  const repro = `import { TriggerClient, eventTrigger } from "@trigger.dev/sdk";
import { Resend } from "@trigger.dev/resend";
const client = new TriggerClient({ id: "app" });
const resend = new Resend({ id: "r" });
const dyn = client.defineDynamicSchedule({ id: "d" });
client.defineJob({ id: "mail", name: "M", version: "1", trigger: eventTrigger({ name: "m" }), run: async (p, io) => { await io.logger.info("hi"); } });
`;

  it("keeps the client a remaining client.defineDynamicSchedule uses, under a TODO naming that call, and every import still used", async () => {
    const dir = project({ "src/jobs.ts": repro });
    await migrateTwice(dir);
    const output = read(dir, "src/jobs.ts");
    expect(output).toMatch(/^import \{ [^}]*\bTriggerClient\b[^}]*\} from "@trigger\.dev\/sdk";$/m);
    expect(output).toMatch(/^import \{ [^}]*\btask\b[^}]*\} from "@trigger\.dev\/sdk";$/m);
    expect(output).toMatch(/^import \{ [^}]*\blogger\b[^}]*\} from "@trigger\.dev\/sdk";$/m);
    expect(output).toContain('import { Resend } from "@trigger.dev/resend";');
    expect(output).toContain("const resend = new Resend(");
    expect(output).toContain(`// ${CLIENT_TODO}: tasks need no client (the SDK reads TRIGGER_SECRET_KEY); remove this once nothing uses it (still used: client.defineDynamicSchedule) https://trigger.dev/docs/guides/use-cases/upgrading-from-v2\nconst client = new TriggerClient({ id: "app" });`);
    expect(output).toContain('const dyn = client.defineDynamicSchedule({ id: "d" });');
    expect(output).toContain("export const mail = task({");
  });

  it("removes the client and its import once nothing uses it, keeps an integration still used, and leaves no double blank line", async () => {
    const dir = project({
      "src/welcome.ts": `import { TriggerClient, eventTrigger } from "@trigger.dev/sdk";
import { Resend } from "@trigger.dev/resend";

export const client = new TriggerClient({ id: "app", apiKey: process.env.TRIGGER_API_KEY });

export const resend = new Resend({ id: "resend", apiKey: process.env.RESEND_API_KEY });

client.defineJob({
  id: "welcome",
  name: "Welcome",
  version: "1.0.0",
  trigger: eventTrigger({ name: "user.created" }),
  integrations: { resend },
  run: async (payload, io) => {
    await io.resend.emails.send("send", { to: "a@b.c", from: "x@y.z", subject: "hi", text: "t" });
    await io.logger.info("welcome");
  },
});
`,
    });
    const { stdout } = await migrateTwice(dir);
    expect(stdout).toContain("edited src/welcome.ts: v2 TriggerClient removed");
    const output = read(dir, "src/welcome.ts");
    expect(output).not.toContain("TriggerClient");
    expect(output).not.toContain(CLIENT_TODO);
    expect(output).toMatch(/^import \{ Resend \} from "[^"]+";$/m);
    expect(output).toContain("export const resend = new Resend(");
    expect(output).toMatch(/resend\.emails\.send\(/);
    expect(output).toMatch(/^import \{ [^}]*\btask\b[^}]*\} from "@trigger\.dev\/sdk";$/m);
    expect(output).toContain("export const welcome = task({");
    expect(output).not.toMatch(/\n\s*\n\s*\n/);
    expect(missingNames(dir)).toEqual([]);
  });

  it("keeps an import the migrated code still uses in a type position, and ignores a shadowing parameter of the same name", async () => {
    const dir = project({
      "src/trigger.ts": `import { TriggerClient } from "@trigger.dev/sdk";
export const client = new TriggerClient({ id: "app" });
export function runsOf(client: TriggerClient) {
  return client.getRuns();
}
`,
    });
    await migrateTwice(dir);
    expect(read(dir, "src/trigger.ts")).toBe(`import { TriggerClient } from "@trigger.dev/sdk";
export function runsOf(client: TriggerClient) {
  return client.getRuns();
}
`);
  });

  it("keeps a client that `typeof client` still names", async () => {
    const dir = project({
      "src/trigger.ts": `import { TriggerClient } from "@trigger.dev/sdk";
const client = new TriggerClient({ id: "app" });
export type AppClient = typeof client;
`,
    });
    await migrateTwice(dir);
    const output = read(dir, "src/trigger.ts");
    expect(output).toContain(`${CLIENT_TODO}: tasks need no client (the SDK reads TRIGGER_SECRET_KEY); remove this once nothing uses it (still used: 1 other reference to client)`);
    expect(output).toContain('const client = new TriggerClient({ id: "app" });');
  });
});

describe("a client file another file still uses", () => {
  it("keeps the client file, the client and the importer's import while a client.getRuns() remains, and says so", async () => {
    const dir = project({
      "src/trigger/client.ts": `import { TriggerClient } from "@trigger.dev/sdk";\n\nexport const client = new TriggerClient({ id: "app", apiKey: process.env.TRIGGER_API_KEY });\n`,
      "src/app/runs.ts": `import { client } from "../trigger/client";\n\nexport async function listRuns() {\n  return client.getRuns();\n}\n`,
    });
    const { stdout } = await migrateTwice(dir);
    expect(existsSync(join(dir, "src/trigger/client.ts"))).toBe(true);
    expect(stdout).toContain("edited src/trigger/client.ts: v2 TriggerClient still used: marked");
    expect(read(dir, "src/trigger/client.ts")).toBe(
      `import { TriggerClient } from "@trigger.dev/sdk";\n\n// ${CLIENT_TODO}: tasks need no client (the SDK reads TRIGGER_SECRET_KEY); remove this once nothing uses it (still used: imported by 1 file) https://trigger.dev/docs/guides/use-cases/upgrading-from-v2\nexport const client = new TriggerClient({ id: "app", apiKey: process.env.TRIGGER_API_KEY });\n`,
    );
    expect(read(dir, "src/app/runs.ts")).toContain('import { client } from "../trigger/client";');
    expect(read(dir, "src/app/runs.ts")).toContain("return client.getRuns();");
  });

  it("deletes a client-only file once its last importer's jobs became tasks", async () => {
    const dir = project({
      "src/trigger/client.ts": `import { TriggerClient } from "@trigger.dev/sdk";\n\nexport const client = new TriggerClient({ id: "app" });\n`,
      "src/jobs/hello.ts": `import { eventTrigger } from "@trigger.dev/sdk";\nimport { client } from "../trigger/client";\n\nclient.defineJob({ id: "hello", name: "Hello", version: "1", trigger: eventTrigger({ name: "hello" }), run: async (payload, io) => {\n  await io.logger.info("hi");\n} });\n`,
    });
    const { stdout } = await migrateTwice(dir);
    expect(stdout).toContain("deleted src/trigger/client.ts");
    expect(existsSync(join(dir, "src/trigger/client.ts"))).toBe(false);
    expect(read(dir, "src/jobs/hello.ts")).not.toContain("../trigger/client");
  });

  it("keeps a file that still exports something else, removing only the client", async () => {
    const dir = project({
      "src/trigger/client.ts": `import { TriggerClient } from "@trigger.dev/sdk";\n\nexport const client = new TriggerClient({ id: "app" });\n\nexport const APP_NAME = "app";\n`,
      "src/jobs/hello.ts": `import { eventTrigger } from "@trigger.dev/sdk";\nimport { client, APP_NAME } from "../trigger/client";\n\nclient.defineJob({ id: "hello", name: APP_NAME, version: "1", trigger: eventTrigger({ name: "hello" }), run: async (payload, io) => {\n  await io.logger.info("hi");\n} });\n`,
    });
    await migrateTwice(dir);
    expect(read(dir, "src/trigger/client.ts")).toBe(`export const APP_NAME = "app";\n`);
    expect(read(dir, "src/jobs/hello.ts")).toContain('import { APP_NAME } from "../trigger/client";');
  });
});

describe("an adapter route", () => {
  const client = `import { TriggerClient } from "@trigger.dev/sdk";\n\nexport const client = new TriggerClient({ id: "app" });\n`;

  it("loses the adapter and its imports, keeps its other handler, and gets the TODO after the last import", async () => {
    const dir = project({
      "src/trigger.ts": client,
      "src/app/api/trigger/route.ts": `import { createAppRoute } from "@trigger.dev/nextjs";
import { client } from "@/trigger";
import { NextResponse } from "next/server";

export const { POST, dynamic } = createAppRoute(client);

export async function GET() {
  return NextResponse.json({ ok: true });
}
`,
      "tsconfig.json": JSON.stringify({ compilerOptions: { baseUrl: ".", paths: { "@/*": ["./src/*"] } } }),
    });
    const { stdout } = await migrateTwice(dir);
    expect(read(dir, "src/app/api/trigger/route.ts")).toBe(`import { NextResponse } from "next/server";

${ADAPTER_TODO}: tasks run on Trigger.dev, start them locally with npx trigger.dev@latest dev https://trigger.dev/docs/guides/use-cases/upgrading-from-v2

export async function GET() {
  return NextResponse.json({ ok: true });
}
`);
    expect(stdout).toContain("deleted src/trigger.ts");
  });

  it("is only marked when other code still calls what the adapter created", async () => {
    const route = `import { createAppRoute } from "@trigger.dev/nextjs";
import { client } from "@/trigger";

const { POST: handle } = createAppRoute(client);

export async function POST(request: Request) {
  return handle(request);
}
`;
    const dir = project({ "src/trigger.ts": client, "src/app/api/trigger/route.ts": route, "tsconfig.json": JSON.stringify({ compilerOptions: { baseUrl: ".", paths: { "@/*": ["./src/*"] } } }) });
    await migrateTwice(dir);
    expect(read(dir, "src/app/api/trigger/route.ts")).toBe(
      route.replace("const { POST: handle }", "// TODO(trigger-v3-migrate): this v2 adapter is still used here: tasks run on Trigger.dev and need no endpoint in your app; remove it and what uses it https://trigger.dev/docs/guides/use-cases/upgrading-from-v2\nconst { POST: handle }"),
    );
    expect(existsSync(join(dir, "src/trigger.ts"))).toBe(true);
  });
});

describe("previews of the project step", () => {
  const files = {
    "src/trigger.ts": `import { TriggerClient } from "@trigger.dev/sdk";\n\nexport const client = new TriggerClient({ id: "app" });\n\nexport const APP_NAME = "app";\n`,
    "src/jobs/hello.ts": `import { eventTrigger } from "@trigger.dev/sdk";\nimport { client } from "../trigger";\n\nclient.defineJob({ id: "hello", name: "Hello", version: "1", trigger: eventTrigger({ name: "hello" }), run: async (payload, io) => {\n  await io.logger.info("hi");\n} });\n`,
  };

  it("--print shows the final text of every file a write would write, the project step's edits and new files included", async () => {
    const written = project(files);
    await runCli(written, ["."]);
    const previewed = project(files);
    const result = await runCli(previewed, [".", "--print"]);
    expect(result.code).toBe(0);
    const sections = new Map(
      result.stdout
        .split(/^==> (.+) <==\n/m)
        .slice(1)
        .reduce<[string, string][]>((pairs, part, index, parts) => (index % 2 === 0 ? [...pairs, [part, parts[index + 1]!]] : pairs), []),
    );
    expect([...sections.keys()].sort()).toEqual(["src/jobs/hello.ts", "src/trigger.ts", "trigger.config.ts"]);
    for (const [path, text] of sections) expect(text, path).toBe(read(written, path));
    expect(snapshotTree(previewed).get("src/trigger.ts")).toBe(files["src/trigger.ts"]);
  });

  it("--dry heads a new file's diff with /dev/null and shows the project step's edits", async () => {
    const dir = project(files);
    const result = await runCli(dir, [".", "--dry"]);
    expect(result.code).toBe(0);
    expect(result.stdout).toContain("--- /dev/null\n+++ b/trigger.config.ts\n@@ -0,0 +1,");
    expect(result.stdout).toContain('--- a/src/trigger.ts\n+++ b/src/trigger.ts\n@@ -1,5 +1,1 @@\n-import { TriggerClient } from "@trigger.dev/sdk";\n-\n-export const client = new TriggerClient({ id: "app" });\n-\n export const APP_NAME = "app";');
    expect(existsSync(join(dir, "trigger.config.ts"))).toBe(false);
  });

  it("--dry shows a file the plan deletes as a diff to /dev/null", async () => {
    const dir = project({ ...files, "src/trigger.ts": `import { TriggerClient } from "@trigger.dev/sdk";\n\nexport const client = new TriggerClient({ id: "app" });\n` });
    const result = await runCli(dir, [".", "--dry"]);
    expect(result.stdout).toContain('--- a/src/trigger.ts\n+++ /dev/null\n@@ -1,3 +0,0 @@\n-import { TriggerClient } from "@trigger.dev/sdk";');
    expect(result.stdout).toContain("would delete src/trigger.ts");
  });
});
