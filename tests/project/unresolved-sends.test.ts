/**
 * A send whose client the index cannot resolve (imported through an alias that has no tsconfig
 * `paths`) is judged as it would be without an index, never left silently as v2 code; a
 * `sendEvent` on a package's object stays untouched.
 */
import { existsSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { TsconfigLocator } from "../../src/project/tsconfig.js";
import { makeProject, runCli } from "../cli/harness.js";

const FILES = {
  "package.json": '{ "name": "app", "dependencies": { "@trigger.dev/sdk": "^2.3.18" } }\n',
  "src/trigger.ts": `import { TriggerClient } from "@trigger.dev/sdk";\n\nexport const client = new TriggerClient({ id: "app" });\n`,
  "src/jobs/welcome.ts": `import { eventTrigger } from "@trigger.dev/sdk";
import { client } from "@/trigger";

export const welcome = client.defineJob({
  id: "welcome",
  name: "Welcome",
  version: "1.0.0",
  trigger: eventTrigger({ name: "user.created" }),
  run: async (payload, io) => {
    await io.logger.info("hi");
  },
});
`,
  "src/app/signup.ts": `import { client } from "@/trigger";

export async function signup(id: string) {
  await client.sendEvent({ name: "user.created", payload: { id } });
}
`,
  "src/app/analytics.ts": `import { segment } from "segment";
import "@trigger.dev/sdk";

export async function track(id: string) {
  await segment.sendEvent({ name: "user.created", payload: { id } });
}
`,
};

describe("sends the index cannot resolve", () => {
  it("are migrated like without an index when the client comes from the app's own module", async () => {
    const root = makeProject(FILES);
    const result = await runCli(["--force", "src"], { cwd: root, transforms: "registry" });
    expect(result.code).toBe(0);
    const signup = readFileSync(join(root, "src/app/signup.ts"), "utf8");
    expect(signup).not.toContain("client.sendEvent");
    expect(signup).toMatch(/tasks\.trigger|TODO\(trigger-v3-migrate\)/);
  });

  it("never leave an import of a deleted client behind: an alias that names the client but resolves nowhere counts as an import of it", async () => {
    const root = makeProject(FILES);
    await runCli(["--force", "src"], { cwd: root, transforms: "registry" });
    const survivors = ["src/app/signup.ts", "src/jobs/welcome.ts"].map((path) => readFileSync(join(root, path), "utf8"));
    const clientLeft = existsSync(join(root, "src/trigger.ts"));
    // Either the client file stays, or nothing imports "@/trigger" any more.
    for (const text of survivors) if (!clientLeft) expect(text).not.toContain('"@/trigger"');
  });

  it("leave a package's sendEvent alone", async () => {
    const root = makeProject(FILES);
    await runCli(["--force", "src"], { cwd: root, transforms: "registry" });
    expect(readFileSync(join(root, "src/app/analytics.ts"), "utf8")).toBe(FILES["src/app/analytics.ts"]);
  });
});

describe("a JavaScript project's jsconfig.json", () => {
  it("is read for compiler options (paths) when the folder has no tsconfig.json", () => {
    const root = makeProject({ "jsconfig.json": '{ "compilerOptions": { "baseUrl": ".", "paths": { "@/*": ["./src/*"] } } }\n', "src/a.js": "" });
    const info = new TsconfigLocator().forFile(join(root, "src/a.js"));
    expect(info.path).toBe(join(root, "jsconfig.json"));
    expect(info.options.paths).toEqual({ "@/*": ["./src/*"] });
  });

  it("loses to a tsconfig.json in the same folder", () => {
    const root = makeProject({ "tsconfig.json": "{}\n", "jsconfig.json": "{}\n", "src/a.ts": "" });
    expect(new TsconfigLocator().forFile(join(root, "src/a.ts")).path).toBe(join(root, "tsconfig.json"));
  });

  it("resolves `@/trigger` through its paths, so the send is wired to the listening task", async () => {
    const root = makeProject({
      "package.json": '{ "name": "app" }\n',
      "jsconfig.json": '{ "compilerOptions": { "baseUrl": ".", "paths": { "@/*": ["./src/*"] } } }\n',
      "src/trigger.js": `import { TriggerClient } from "@trigger.dev/sdk";\n\nexport const client = new TriggerClient({ id: "app" });\n`,
      "src/jobs/welcome.js": FILES["src/jobs/welcome.ts"],
      "src/app/signup.js": `import { client } from "@/trigger";\n\nexport async function signup(id) {\n  await client.sendEvent({ name: "user.created", payload: { id } });\n}\n`,
    });
    const result = await runCli(["--force", "--json", "src"], { cwd: root, transforms: "registry" });
    expect(result.code).toBe(0);
    const report = JSON.parse(result.stdout) as { project: { index: { sends: number; unresolvedSends: number } } };
    expect(report.project.index).toMatchObject({ sends: 1, unresolvedSends: 0 });
    expect(readFileSync(join(root, "src/app/signup.js"), "utf8")).toContain(`tasks.trigger("welcome", { id })`);
    expect(existsSync(join(root, "src/trigger.js"))).toBe(false);
  });
});
