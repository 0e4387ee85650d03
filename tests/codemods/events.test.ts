import { describe, expect, it } from "vitest";
import { TRANSFORMS } from "../../codemods/index.js";
import { migrateSource } from "../../src/codemod/pipeline.js";

function migrate(source: string, path = "src/trigger/limits.ts"): string | null {
  return migrateSource(source, path, TRANSFORMS, 4).output;
}

describe("events transform: defineConcurrencyLimit", () => {
  it("puts the queue import on its own line in a file with no import at all", () => {
    const output = migrate(`const shared = client.defineConcurrencyLimit({ id: "shared", limit: 3 });\n`);
    expect(output).toBe(`import { queue } from "@trigger.dev/sdk";\nconst shared = queue({\n  name: "shared",\n  concurrencyLimit: 3\n});\n`);
  });

  it("keeps the comments written on the v2 options where they were", () => {
    const output = migrate(
      `import { client } from "./client";\n\nexport const shared = client.defineConcurrencyLimit({\n  // one group for the mail provider\n  id: "mail",\n  limit: 3, // the provider's cap\n});\n`,
    );
    expect(output).toBe(
      `import { client } from "./client";\nimport { queue } from "@trigger.dev/sdk";\n\nexport const shared = queue({\n  // one group for the mail provider\n  name: "mail",\n  concurrencyLimit: 3, // the provider's cap\n});\n`,
    );
  });

  it("renames a shorthand id and limit in place when the object carries a comment", () => {
    const output = migrate(`import { client } from "./client";\nconst id = "x", limit = 2;\nexport const shared = client.defineConcurrencyLimit({ id, /* from config */ limit });\n`);
    expect(output).toContain(`export const shared = queue({ name: id, /* from config */ concurrencyLimit: limit });`);
  });
});

describe("events transform: sendEvent", () => {
  const JOB = `import { eventTrigger } from "@trigger.dev/sdk";
import { client } from "./trigger";

export const welcome = client.defineJob({
  id: "welcome",
  name: "Welcome",
  version: "1.0.0",
  trigger: eventTrigger({ name: "user.created" }),
  run: async (payload, io) => {
    await io.logger.info("hi");
  },
});
`;

  it("keeps the comments written in the v2 event above the call that replaces it", () => {
    const output = migrate(
      `${JOB}
export async function signup(id: string) {
  await client.sendEvent({
    id: \`signup-\${id}\`, // dedupes a retried signup
    name: "user.created", /* the v2 event */
    payload: { id },
  });
}
`,
      "src/jobs/welcome.ts",
    );
    expect(output).toContain(`  // dedupes a retried signup
  /* the v2 event */
  await tasks.trigger<typeof welcome>("welcome", { id }, {`);
    // Run again: nothing moves twice.
    expect(migrate(output!, "src/jobs/welcome.ts")).toBeNull();
  });
});
