/**
 * Two tasks in different files may share an export name (`export const notify` in a.ts and
 * b.ts); a send both listen to must name each through its own `import type`, or `typeof notify`
 * would point at one task for both ids (and the call would not type-check).
 */
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { makeProject, runCli } from "../cli/harness.js";

const job = (suffix: string): string => `import { eventTrigger } from "@trigger.dev/sdk";
import { client } from "../trigger";

export const notify = client.defineJob({
  id: "notify-${suffix}",
  name: "Notify ${suffix}",
  version: "1.0.0",
  trigger: eventTrigger({ name: "user.created" }),
  run: async (payload, io) => {
    await io.logger.info("hi");
  },
});
`;

describe("listeners that share an export name", () => {
  it("get one type import each, under distinct local names", async () => {
    const root = makeProject({
      "package.json": '{ "name": "app" }\n',
      "src/trigger.ts": `import { TriggerClient } from "@trigger.dev/sdk";\nexport const client = new TriggerClient({ id: "app" });\n`,
      "src/jobs/a.ts": job("a"),
      "src/jobs/b.ts": job("b"),
      "src/app/signup.ts": `import { client } from "../trigger";\n\nexport async function signup(id: string) {\n  await client.sendEvent({ name: "user.created", payload: { id } });\n}\n`,
    });
    const result = await runCli(["--force", "src"], { cwd: root, transforms: "registry" });
    expect(result.code).toBe(0);
    const signup = readFileSync(join(root, "src/app/signup.ts"), "utf8");
    expect(signup).toContain('import type { notify } from "../jobs/a";');
    expect(signup).toMatch(/import type \{ notify as (\w+) \} from "\.\.\/jobs\/b";/);
    const alias = /import type \{ notify as (\w+) \}/.exec(signup)![1]!;
    expect(signup).toContain(`batch.trigger<typeof notify | typeof ${alias}>`);
  });
});
