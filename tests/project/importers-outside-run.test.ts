/**
 * The CLI run on part of a project (`trigger-v3-migrate jobs trigger.ts`) must not delete the v2
 * client while a file it was not asked to look at still imports it: importers are searched in
 * the whole project (the nearest package.json's folder, .gitignore respected), not only the run's files.
 */
import { cpSync, existsSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { PACKAGE_ROOT } from "../../src/package-info.js";
import { makeProject, runCli, writeFiles } from "../cli/harness.js";

const SAMPLE = join(PACKAGE_ROOT, "fixtures/sample-v2-app");
const OUTSIDE = `import { client } from "../trigger";\n\nexport const clientId = client.id;\n`;

function sampleWithOutsideImporter(): string {
  const root = makeProject({});
  cpSync(SAMPLE, root, { recursive: true });
  writeFiles(root, { "scripts/client-id.ts": OUTSIDE });
  return root;
}

describe("importers of the v2 client outside the run's paths", () => {
  it("keep the client (marked) when the run did not include them", async () => {
    const root = sampleWithOutsideImporter();
    const result = await runCli(["--force", "jobs", "app", "trigger.ts"], { cwd: root, transforms: "registry" });
    expect(result.code).toBe(0);
    expect(existsSync(join(root, "trigger.ts"))).toBe(true);
    expect(readFileSync(join(root, "trigger.ts"), "utf8")).toContain("TODO(trigger-v3-migrate)");
    expect(readFileSync(join(root, "scripts/client-id.ts"), "utf8")).toBe(OUTSIDE);
  });

  it("still let the client go when nothing anywhere imports it", async () => {
    const root = makeProject({});
    cpSync(SAMPLE, root, { recursive: true });
    const result = await runCli(["--force", "jobs", "app", "trigger.ts"], { cwd: root, transforms: "registry" });
    expect(result.code).toBe(0);
    expect(existsSync(join(root, "trigger.ts"))).toBe(false);
  });

  it("are read but never edited, even for an import that is already unused", async () => {
    const root = makeProject({});
    cpSync(SAMPLE, root, { recursive: true });
    const unused = `import { client } from "../trigger";\n\nexport const unrelated = 1;\n`;
    writeFiles(root, { "scripts/unused.ts": unused });
    const result = await runCli(["--force", "jobs", "app", "trigger.ts"], { cwd: root, transforms: "registry" });
    expect(result.code).toBe(0);
    expect(readFileSync(join(root, "scripts/unused.ts"), "utf8")).toBe(unused);
    expect(existsSync(join(root, "trigger.ts"))).toBe(true);
  });

  it("are not searched in ignored folders", async () => {
    const root = sampleWithOutsideImporter();
    writeFiles(root, { ".gitignore": "scripts/\n" });
    const result = await runCli(["--force", "jobs", "app", "trigger.ts"], { cwd: root, transforms: "registry" });
    expect(result.code).toBe(0);
    expect(existsSync(join(root, "trigger.ts"))).toBe(false);
  });
});
