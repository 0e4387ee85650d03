/**
 * What the events transform leaves behind, with and without the project index: sends nothing
 * listens to are commented out line by line (never lost, wherever they sit), and leftover calls
 * on a traced v2 client get one TODO each naming their replacement.
 */
import jscodeshift from "jscodeshift";
import { describe, expect, it } from "vitest";
import transform from "../../codemods/events.js";
import { TRANSFORMS } from "../../codemods/index.js";
import { migrateSource } from "../../src/codemod/pipeline.js";
import { buildProjectIndex } from "../../src/project/build.js";
import { parseError } from "../helpers/output-checks.js";

const ROOT = "/virtual-app";
const NO_LISTENER_TODO =
  '// TODO(trigger-v3-migrate): no task in this project listens to "nobody" (the task API has no events): trigger the task that should handle it with tasks.trigger("<task-id>", payload), or delete this call https://trigger.dev/docs/triggering';

/** Migrates in-memory files as one project (index first, then the full registry); unchanged files map to null. */
function migrateProject(files: Record<string, string>): Map<string, string | null> {
  const paths = Object.keys(files).map((name) => `${ROOT}/${name}`);
  const index = buildProjectIndex(paths, { readText: (path) => files[path.slice(ROOT.length + 1)] });
  return new Map(Object.entries(files).map(([name, text]) => [name, migrateSource(text, `${ROOT}/${name}`, TRANSFORMS, 4, index).output]));
}

/** The output of one file, then a second project run over every output changes nothing. */
function migrateTwice(files: Record<string, string>, name: string): string {
  const first = migrateProject(files);
  const outputs = Object.fromEntries([...first].map(([file, output]) => [file, output ?? files[file]!]));
  const second = migrateProject(outputs);
  expect([...second.values()], "a second run changed a file").toEqual([...second.keys()].map(() => null));
  const output = first.get(name);
  expect(output).toBeTypeOf("string");
  expect(parseError(output!, `${ROOT}/${name}`)).toBeUndefined();
  return output!;
}

function runStandalone(source: string, path = "app/route.ts"): string | null {
  const result = transform({ path, source }, { jscodeshift, j: jscodeshift, stats: () => {}, report: () => {} }, { target: "4" });
  return typeof result === "string" ? result : null;
}

const clientFile = `import { TriggerClient } from "@trigger.dev/sdk";\nexport const client = new TriggerClient({ id: "app", apiKey: process.env.TRIGGER_API_KEY });\n`;

describe("sends nothing in the project listens to", () => {
  it("comments out two sends that end a one-line run, each on its own lines and in order", () => {
    const job = `import { eventTrigger } from "@trigger.dev/sdk";
import { client } from "../trigger/client";
client.defineJob({ id: "j", name: "J", version: "1", trigger: eventTrigger({ name: "m" }), run: async (p, io) => { await io.logger.info("a"); await io.sendEvent("x", { name: "nobody" }); await io.sendEvent("y", { name: "nobody" }); } });
`;
    const output = migrateTwice({ "trigger/client.ts": clientFile, "jobs/j.ts": job }, "jobs/j.ts");
    // The statements shared one line: recast sets each commented block off with a blank line.
    expect(output).toContain(`  run: async (p: any) => {
    logger.info("a");

    ${NO_LISTENER_TODO}
    // await io.sendEvent("x", { name: "nobody" });

    ${NO_LISTENER_TODO}
    // await io.sendEvent("y", { name: "nobody" });
  },
});
`);
  });

  it("comments out two sends that end a multi-line run in place, keeping the spacing around them", () => {
    const job = `import { eventTrigger } from "@trigger.dev/sdk";
import { client } from "../trigger/client";

client.defineJob({
  id: "j",
  name: "J",
  version: "1",
  trigger: eventTrigger({ name: "m" }),
  run: async (p, io) => {
    await io.logger.info("a");
    await io.sendEvent("x", { name: "nobody" });
    await io.sendEvent("y", { name: "nobody" });
  },
});
`;
    const output = migrateTwice({ "trigger/client.ts": clientFile, "jobs/j.ts": job }, "jobs/j.ts");
    expect(output).toContain(`  run: async (p: any) => {
    logger.info("a");
    ${NO_LISTENER_TODO}
    // await io.sendEvent("x", { name: "nobody" });
    ${NO_LISTENER_TODO}
    // await io.sendEvent("y", { name: "nobody" });
  },
});
`);
  });

  it("keeps every line of a multi-line send verbatim, with its own comments, first, alone in a block or at the top level", () => {
    const route = `import { client } from "../trigger/client";

export async function POST(flag: boolean) {
  // Tell the world.
  await client.sendEvent({
    name: "nobody",
    payload: \`line one
  line two\`,
  }); // fire and forget
  if (flag) {
    await client.sendEvent({ name: "nobody" });
  }
  return flag;
}

await client.sendEvent({ name: "nobody" });
`;
    const output = migrateTwice({ "trigger/client.ts": clientFile, "app/route.ts": route }, "app/route.ts");
    expect(output).toBe(`import { client } from "../trigger/client";

export async function POST(flag: boolean) {
  // Tell the world.
  ${NO_LISTENER_TODO}
  // await client.sendEvent({
  //   name: "nobody",
  //   payload: \`line one
  //   line two\`,
  // }); // fire and forget
  if (flag) {
    ${NO_LISTENER_TODO}
    // await client.sendEvent({ name: "nobody" });
  }
  return flag;
}

${NO_LISTENER_TODO}
// await client.sendEvent({ name: "nobody" });
`);
  });
});

describe("leftover calls on the v2 client", () => {
  it("marks calls on a client imported from the file the index knows constructs it", () => {
    const route = `import { client } from "../trigger/client.js";

export async function GET(runId: string) {
  const run = await client.getRun(runId);
  return run.status;
}
`;
    const output = migrateTwice({ "trigger/client.ts": clientFile, "app/route.ts": route }, "app/route.ts");
    expect(output).toBe(`import { client } from "../trigger/client.js";

export async function GET(runId: string) {
  // TODO(trigger-v3-migrate): \`client.getRun(...)\` is a v2 TriggerClient method and the task API has no such client: replace it with runs.retrieve(runId) https://trigger.dev/docs/guides/use-cases/upgrading-from-v2
  const run = await client.getRun(runId);
  return run.status;
}
`);
  });

  it("marks calls on a v2 client constructed in the same file, once, and not on the 4.5+ TriggerClient", () => {
    const source = `import { TriggerClient } from "@trigger.dev/sdk";
export const client = new TriggerClient({ id: "app" });
const api = new TriggerClient({ accessToken: "tr_pat_x" });
client.defineAuthResolver(slack, async () => ({ type: "apiKey", token: "t" }));
export const invoke = () => api.invokeJob("x", {});
`;
    const output = runStandalone(source);
    expect(output).toBe(`import { TriggerClient } from "@trigger.dev/sdk";
export const client = new TriggerClient({ id: "app" });
const api = new TriggerClient({ accessToken: "tr_pat_x" });
// TODO(trigger-v3-migrate): \`client.defineAuthResolver(...)\` is a v2 TriggerClient method and the task API has no such client: replace it with nothing (integrations are gone): give each official SDK client its credentials from environment variables https://trigger.dev/docs/guides/use-cases/upgrading-from-v2
client.defineAuthResolver(slack, async () => ({ type: "apiKey", token: "t" }));
export const invoke = () => api.invokeJob("x", {});
`);
    expect(runStandalone(output!)).toBeNull();
  });

  it("leaves calls alone when nothing proves the receiver is the v2 client (no index, no job on it)", () => {
    const source = `import { client } from "@/trigger";\nexport const runs = () => client.getRuns("report");\n`;
    expect(runStandalone(source)).toBeNull();
  });

  it("marks a defineConcurrencyLimit it cannot turn into a queue, and only that one", () => {
    const source = `import { TriggerClient } from "@trigger.dev/sdk";
const client = new TriggerClient({ id: "app" });
export const api = client.defineConcurrencyLimit({ id: "api", limit: 5 });
export const dynamic = client.defineConcurrencyLimit(options);
`;
    const output = runStandalone(source)!;
    expect(output).toContain(`export const api = queue({`);
    expect(output).toContain(
      "// TODO(trigger-v3-migrate): `client.defineConcurrencyLimit(...)` is a v2 TriggerClient method and the task API has no such client: replace it with queue({ name, concurrencyLimit }) on the task https://trigger.dev/docs/guides/use-cases/upgrading-from-v2\nexport const dynamic = client.defineConcurrencyLimit(options);",
    );
  });
});
