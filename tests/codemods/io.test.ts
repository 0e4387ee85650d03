import { describe, expect, it } from "vitest";
import { migration as imports } from "../../codemods/imports.js";
import { migration as io } from "../../codemods/io.js";
import type { SdkMajor } from "../../src/catalog/packages.js";
import { migrateSource } from "../../src/codemod/pipeline.js";

/** Runs io (and optionally imports) on a file; returns the new text, or the input when unchanged. */
function migrate(source: string, options: { withImports?: boolean; target?: SdkMajor; path?: string } = {}): string {
  const transforms = options.withImports ? [io, imports] : [io];
  return migrateSource(source, options.path ?? "jobs/example.ts", transforms, options.target ?? 4).output ?? source;
}

/** A v2 job whose run body is `body` (indented by 4 spaces). */
function job(body: string, extra = ""): string {
  return `import { eventTrigger } from "@trigger.dev/sdk";
import { client } from "../trigger";

client.defineJob({
  id: "example",
  name: "Example",
  version: "1.0.0",
  trigger: eventTrigger({ name: "example" }),${extra}
  run: async (payload, io, ctx) => {
${body}
  },
});
`;
}

/** The run body of a migrated `job(...)`. */
function runBody(output: string): string {
  const start = output.indexOf("ctx) => {\n") + "ctx) => {\n".length;
  return output.slice(start, output.lastIndexOf("\n  },\n});"));
}

describe("io transform", () => {
  describe("io.logger and io.wait", () => {
    it("turns io.logger calls into logger calls and drops the await on them", () => {
      const output = migrate(job(`    await io.logger.info("Hello", { ctx });\n    io.logger.error("Oops");`));
      expect(runBody(output)).toBe(`    logger.info("Hello", { ctx });\n    logger.error("Oops");`);
    });

    it.each([
      ["30", "{ seconds: 30 }"],
      ["60 * 5", "{ minutes: 5 }"],
      ["3600", "{ hours: 1 }"],
      ["86400 * 2", "{ days: 2 }"],
      ["604800", "{ weeks: 1 }"],
      ["90", "{ seconds: 90 }"],
      ["payload.delay", "{ seconds: payload.delay }"],
    ])("turns io.wait(key, %s) into wait.for(%s)", (seconds, duration) => {
      const output = migrate(job(`    await io.wait("pause", ${seconds});`));
      expect(runBody(output)).toBe(`    await wait.for(${duration});`);
    });

    it("leaves io.wait with a TODO when the file has its own `wait`", () => {
      const output = migrate(job(`    await io.wait("pause", 5);`).replace(`import { client } from "../trigger";`, `import { client } from "../trigger";\nconst wait = { for: () => 1 };`));
      expect(runBody(output)).toBe(
        "    // TODO(trigger-v3-migrate): `wait` is declared locally, so io.wait was left as is: rename the local `wait` and use await wait.for({ seconds: n }) https://trigger.dev/docs/wait-for\n" +
          `    await io.wait("pause", 5);`,
      );
    });
  });

  describe("io.runTask", () => {
    it("inlines a statement callback without returns", () => {
      const output = migrate(job(`    // announce\n    await io.runTask("announce", async () => {\n      await fetch("https://example.com");\n    }, { name: "Announce" });`));
      expect(runBody(output)).toBe(`    // announce\n    await fetch("https://example.com");`);
    });

    it("inlines a declaration whose callback ends in its only return", () => {
      const output = migrate(job(`    const user = await io.runTask("load", async () => {\n      const response = await fetch("https://example.com/user");\n      return response.json();\n    });`));
      expect(runBody(output)).toBe(`    const response = await fetch("https://example.com/user");\n    const user = await response.json();`);
    });

    it("replaces an expression-bodied callback by its expression", () => {
      expect(runBody(migrate(job(`    const total = await io.runTask("sum", async () => 40 + 2);`)))).toBe("    const total = 40 + 2;");
      expect(runBody(migrate(job(`    const data = await io.runTask("get", async () => fetch("https://example.com"));`)))).toBe(
        `    const data = await fetch("https://example.com");`,
      );
    });

    it("calls the callback directly when it returns early", () => {
      const output = migrate(job(`    const size = await io.runTask("size", async () => {\n      if (payload.big) return "large";\n      return "small";\n    });`));
      expect(runBody(output)).toBe(`    const size = await (async () => {\n      if (payload.big) return "large";\n      return "small";\n    })();`);
    });

    it("inlines a returned runTask, keeping every return", () => {
      const output = migrate(job(`    return await io.runTask("result", async () => {\n      if (payload.big) return "large";\n      return "small";\n    });`));
      expect(runBody(output)).toBe(`    if (payload.big) return "large";\n    return "small";`);
    });

    it("calls the callback directly when inlining would shadow a name the run uses", () => {
      const output = migrate(job(`    const value = 1;\n    await io.runTask("clash", async () => {\n      const value = 2;\n      console.log(value);\n    });`));
      expect(runBody(output)).toBe(`    const value = 1;\n    await (async () => {\n      const value = 2;\n      console.log(value);\n    })();`);
    });

    it("reads the SDK 2.0 argument order (key, options, callback) and unwraps nested calls", () => {
      const output = migrate(job(`    await io.runTask("outer", { name: "Outer" }, async () => {\n      await io.runTask("inner", async () => {\n        await io.wait("settle", 2);\n      });\n    });`));
      expect(runBody(output)).toBe("    await wait.for({ seconds: 2 });");
    });

    it("turns the retry option into retry.onThrow with maxAttempts", () => {
      const output = migrate(job(`    const ok = await io.runTask("charge", async () => {\n      return charge();\n    }, { name: "Charge", retry: { limit: 5, factor: 2 } });`));
      expect(runBody(output)).toBe(`    const ok = await retry.onThrow(async () => {\n      return charge();\n    }, { maxAttempts: 5, factor: 2 });`);
    });

    it("leaves a callback that reads its v2 task parameter, with a TODO", () => {
      const output = migrate(job(`    await io.runTask("key", async (task) => {\n      await send(task.idempotencyKey);\n    });`));
      expect(runBody(output)).toContain("// TODO(trigger-v3-migrate): the io.runTask callback reads its v2 task parameter");
      expect(runBody(output)).toContain(`await io.runTask("key", async (task) => {`);
    });

    it("leaves options it cannot map and onError handlers, with a TODO each", () => {
      const delayed = migrate(job(`    await io.runTask("later", async () => send(), { delayUntil: new Date() });`));
      expect(runBody(delayed)).toContain("io.runTask option(s) delayUntil have no task API equivalent");
      const onError = migrate(job(`    await io.runTask("k", async () => send(), {}, () => ({ skipRetrying: true }));`));
      expect(runBody(onError)).toContain("io.runTask has an onError handler");
    });

    it("drops an unused task parameter and unwraps the callback's own io parameter", () => {
      const output = migrate(job(`    await io.runTask("k", async (task, io) => {\n      await io.logger.info("inside");\n    });`));
      expect(runBody(output)).toBe(`    logger.info("inside");`);
    });
  });

  describe("io.runTask whose result is unused", () => {
    it.each([
      ["an object literal", `{ status: "ok", id: payload.id, tags: ["a", 1], at: \`t\` }`],
      ["an identifier", "payload"],
      ["a property read", "payload.id"],
      ["an array of literals", `[1, "two", null]`],
      ["a typed literal", `{ ok: true } as const`],
    ])("drops a final return of %s", (_name, value) => {
      const output = migrate(job(`    await io.runTask("t", async () => {\n      await send();\n      return ${value};\n    });\n    done();`));
      expect(runBody(output)).toBe(`    await send();\n    done();`);
    });

    it("drops an expression body with no effect, and the whole statement with it", () => {
      const output = migrate(job(`    // acknowledge\n    await io.runTask("ack", async () => ({ acknowledged: true }));\n    done();`));
      expect(runBody(output)).toBe(`    // acknowledge\n    done();`);
    });

    it.each([
      ["a call, awaited as the task awaited it", "notify(payload)", "await notify(payload);"],
      ["an await, as written", "await notify(payload)", "await notify(payload);"],
      ["an assignment, without the parentheses and a useless await", "(last = `x`)", "last = `x`;"],
      ["a spread (it runs getters)", "{ ...payload }", "({ ...payload });"],
      ["a computed key that is not a literal", "{ [key()]: 1 }", "({ [key()]: 1 });"],
    ])("keeps a final return of %s", (_name, value, kept) => {
      const output = migrate(job(`    await io.runTask("t", async () => {\n      return ${value};\n    });`));
      // recast may spread a reprinted object literal over several lines: compare the tokens.
      expect(runBody(output).replace(/\s+/g, " ").trim()).toBe(kept);
    });
  });

  describe("io.try, io.backgroundFetch and io.random", () => {
    it("turns an awaited io.try statement into try/catch", () => {
      const output = migrate(job(`    await io.try(async () => {\n      await risky();\n    }, async (error) => {\n      console.error(error);\n    });`));
      expect(runBody(output)).toBe(`    try {\n      await risky();\n    } catch (error) {\n      console.error(error);\n    }`);
    });

    it("keeps io.try's semantics in one expression where a statement cannot hold it", () => {
      const output = migrate(job(`    const value = await io.try(async () => risky(), async () => null);`));
      expect(runBody(output)).toBe(
        "    const value = await (async () => {\n      try {\n        return await (async () => risky())();\n      } catch (error) {\n        return await (async () => null)();\n      }\n    })();",
      );
    });

    it("turns io.backgroundFetch into fetch that resolves to the parsed JSON, keeping the type argument", () => {
      const output = migrate(job(`    const data = await io.backgroundFetch<Item[]>("get", "https://example.com", { method: "GET" });`));
      expect(runBody(output)).toBe(`    const data = await fetch("https://example.com", { method: "GET" }).then((response) => response.json() as Promise<Item[]>);`);
    });

    it("leaves io.backgroundFetch with retry options, with a TODO", () => {
      const output = migrate(job(`    await io.backgroundFetch("get", url, {}, { retry: {} });`));
      expect(runBody(output)).toContain("io.backgroundFetch retry/timeout options: use retry.fetch");
    });

    it.each([
      [``, "Math.random()"],
      [`, { min: 1, max: 7, round: true }`, "Math.round(Math.random() * 6 + 1)"],
      [`, { min: -1, max: 1 }`, "Math.random() * 2 - 1"],
      [`, { max: payload.max }`, "Math.random() * payload.max"],
      [`, { min: payload.min, max: payload.max }`, "Math.random() * (payload.max - payload.min) + payload.min"],
    ])("turns io.random(key%s) into %s", (options, expected) => {
      expect(runBody(migrate(job(`    const n = await io.random("r"${options});`)))).toBe(`    const n = ${expected};`);
    });
  });

  describe("integrations", () => {
    const integrationJob = (body: string, construction = `new OpenAI({ id: "openai", ...shared })`) =>
      job(body, `\n  integrations: { openai, gh: githubClient },`).replace(
        `import { client } from "../trigger";`,
        `import { client } from "../trigger";\nimport { OpenAI } from "@trigger.dev/openai";\nconst openai = ${construction};`,
      );

    it("calls the client without the cache key, with one TODO per integration it cannot construct", () => {
      const output = migrate(integrationJob(`    const a = await io.openai.chat.completions.backgroundCreate("one", { model: "m" });\n    const b = await io.openai.chat.completions.create("two", { model: "m" });`));
      expect(runBody(output)).toBe(
        `    // TODO(trigger-v3-migrate): io.openai is now \`openai\` (was the v2 integration from "@trigger.dev/openai"): make \`openai\` the official "openai" client (e.g. \`import OpenAI from "openai"; const openai = new OpenAI()\`); calls take no cache key, check the method names https://trigger.dev/docs/guides/use-cases/upgrading-from-v2\n` +
          `    const a = await openai.chat.completions.create({ model: "m" });\n    const b = await openai.chat.completions.create({ model: "m" });`,
      );
      expect(output).toContain(`// TODO(trigger-v3-migrate): "@trigger.dev/openai" is a v2 integration`);
      expect(output).toContain(`const openai = new OpenAI({ id: "openai", ...shared });`);
    });

    it("uses the integrations map key and hands the client to an integration runTask", () => {
      const output = migrate(integrationJob(`    const stars = await io.gh.runTask("stars", async (octokit) => {\n      const { data } = await octokit.rest.repos.get({ owner: "o", repo: "r" });\n      return data.stargazers_count;\n    });`));
      expect(runBody(output)).toContain(`    const { data } = await gh.rest.repos.get({ owner: "o", repo: "r" });\n    const stars = await data.stargazers_count;`);
    });

    describe("official clients the catalog can construct", () => {
      const construction = `new OpenAI({ id: "openai", apiKey: process.env.OPENAI_API_KEY!, organization: "org-1" })`;

      it("constructs the official client from the same options and calls it without cache key or TODO", () => {
        const output = migrate(
          integrationJob(`    const a = await io.openai.chat.completions.backgroundCreate("one", { model: "m" });\n    const b = await io.openai.embeddings.create(\`two-\${payload.id}\`, { model: "m", input: "x" });`, construction),
        );
        expect(output).toContain(`import OpenAI from "openai";\nconst openai = new OpenAI({ apiKey: process.env.OPENAI_API_KEY!, organization: "org-1" });`);
        expect(output).not.toContain("@trigger.dev/openai");
        expect(runBody(output)).toBe(`    const a = await openai.chat.completions.create({ model: "m" });\n    const b = await openai.embeddings.create({ model: "m", input: "x" });`);
      });

      it.each([
        ["a legacy flat alias", `io.openai.createChatCompletion("k", { model: "m" })`, "io.openai.createChatCompletion"],
        ["a method whose v2 arguments differ", `io.openai.files.create("k", { file: "text", purpose: "assistants" })`, "io.openai.files.create"],
        ["a cache key that is not a literal", `io.openai.chat.completions.create(key, { model: "m" })`, "io.openai.chat.completions.create"],
      ])("keeps a TODO on %s", (_name, call, named) => {
        const output = migrate(integrationJob(`    const a = await ${call};`, construction));
        expect(runBody(output)).toMatch(
          new RegExp(`^    // TODO\\(trigger-v3-migrate\\): \`openai\` is now the official "openai" client, but ${named.replace(/\./g, "\\.")} was a v2-only call shape here: .+\n    const a = await openai\\.`),
        );
      });

      it("reads a Deno npm: integration import as the package and keeps the npm: prefix on the official one", () => {
        const output = migrate(integrationJob(`    const a = await io.openai.chat.completions.create("one", { model: "m" });`, construction).replace(`"@trigger.dev/openai"`, `"npm:@trigger.dev/openai@2.3.18"`));
        expect(output).toContain(`import OpenAI from "npm:openai";\nconst openai = new OpenAI({ apiKey: process.env.OPENAI_API_KEY!, organization: "org-1" });`);
        expect(runBody(output)).toBe(`    const a = await openai.chat.completions.create({ model: "m" });`);
      });

      it("drops v2 background options and empty request options, naming what was dropped in a TODO", () => {
        const output = migrate(integrationJob(`    const a = await io.openai.chat.completions.backgroundCreate("k", { model: "m" }, {}, { timeout: { durationInMs: 5000 }, retries: {} });`, construction));
        expect(runBody(output)).toBe(
          "    // TODO(trigger-v3-migrate): the v2 background option(s) timeout, retries of io.openai.chat.completions.backgroundCreate were dropped: `openai` makes a plain request; set its own request options (timeout in ms, maxRetries) if you need them https://trigger.dev/docs/guides/use-cases/upgrading-from-v2\n" +
            `    const a = await openai.chat.completions.create({ model: "m" });`,
        );
      });

      it("drops empty background options and keeps request options the official client takes, without a TODO", () => {
        const output = migrate(integrationJob(`    const a = await io.openai.chat.completions.backgroundCreate("k", { model: "m" }, { headers: { "x-a": "1" } }, {});`, construction));
        expect(runBody(output)).toBe(`    const a = await openai.chat.completions.create({ model: "m" }, { headers: { "x-a": "1" } });`);
      });

      it("names a background options argument that is not a literal", () => {
        const output = migrate(integrationJob(`    const a = await io.openai.chat.completions.backgroundCreate("k", { model: "m" }, {}, fetchOptions);`, construction));
        expect(runBody(output)).toContain("the v2 background option(s) `fetchOptions` of io.openai.chat.completions.backgroundCreate were dropped");
        expect(runBody(output)).toContain(`    const a = await openai.chat.completions.create({ model: "m" });`);
      });

      it("names the client after the constructed variable when the integrations key differs", () => {
        const output = migrate(integrationJob(`    const a = await io.ai.completions.create("one", { model: "m", prompt: "p" });`, construction).replace("integrations: { openai, gh: githubClient }", "integrations: { ai: openai }"));
        expect(runBody(output)).toBe(`    const a = await openai.completions.create({ model: "m", prompt: "p" });`);
      });

      it("rewrites a construction in a file without jobs, keeping its export and turning `.native` into the client", () => {
        const source = `import { OpenAI } from "@trigger.dev/openai";\nexport const openai = new OpenAI({\n  id: "openai",\n  apiKey: process.env.OPENAI_API_KEY!,\n});\nexport const models = () => openai.native.models.list();\n`;
        expect(migrate(source)).toBe(`import OpenAI from "openai";\nexport const openai = new OpenAI({\n  apiKey: process.env.OPENAI_API_KEY!,\n});\nexport const models = () => openai.models.list();\n`);
      });

      it("keeps the local name of an aliased import and the other names of the declaration", () => {
        const source = `import { OpenAI as OpenAIIntegration, type OpenAIRunTask } from "@trigger.dev/openai";\nexport const ai = new OpenAIIntegration({ id: "openai" });\nexport type Run = OpenAIRunTask;\n`;
        expect(migrate(source)).toBe(`import { type OpenAIRunTask } from "@trigger.dev/openai";\nimport OpenAIIntegration from "openai";\nexport const ai = new OpenAIIntegration({});\nexport type Run = OpenAIRunTask;\n`);
      });

      it.each([
        ["an option the official client does not take", `import { OpenAI } from "@trigger.dev/openai";\nexport const openai = new OpenAI({ id: "openai", timeoutSeconds: 5 });\n`],
        ["options that are not a literal", `import { OpenAI } from "@trigger.dev/openai";\nexport const openai = new OpenAI(options);\n`],
        ["the class also used as a type", `import { OpenAI } from "@trigger.dev/openai";\nexport const openai: OpenAI = new OpenAI({ id: "openai" });\n`],
        ["a client built inline instead of in a top-level variable", `import { OpenAI } from "@trigger.dev/openai";\nexport const clients = { openai: new OpenAI({ id: "openai" }) };\n`],
        ["a look-alike class from another package", `import { OpenAI } from "./my-openai";\nexport const openai = new OpenAI({ id: "openai" });\n`],
      ])("leaves a construction alone with %s", (_name, source) => {
        expect(migrate(source)).toBe(source);
      });
    });
  });

  describe("members without a mechanical replacement", () => {
    it("leaves io.sendEvent with the stable TODO the whole-project rewiring looks for", () => {
      const output = migrate(job(`    await io.sendEvent("send", { name: "user.created", payload });`));
      expect(runBody(output)).toBe(
        `    // TODO(trigger-v3-migrate): replace io.sendEvent with tasks.trigger("task-id", payload) or myTask.trigger(payload) https://trigger.dev/docs/triggering\n` +
          `    await io.sendEvent("send", { name: "user.created", payload });`,
      );
    });

    it("names the replacement of createStatus, waitForRequest and the store", () => {
      const output = migrate(job(`    await io.createStatus("s", { label: "x" });\n    await io.waitForRequest("r", async () => {});\n    await io.store.job.get("k", "key");`));
      expect(runBody(output)).toContain("replace io.createStatus with metadata.set(...)");
      expect(runBody(output)).toContain("replace io.waitForRequest with a wait token: wait.createToken()");
      expect(runBody(output)).toContain("replace io.store with your own storage");
    });

    it("marks an io object that is passed on", () => {
      expect(runBody(migrate(job(`    await helper(io);`)))).toContain("the v2 io object is passed on here");
    });
  });

  describe("scope", () => {
    it("never touches an `io` that is not the run's second parameter", () => {
      const source = `import { Server } from "socket.io";
import { task } from "@trigger.dev/sdk";
const io = new Server();
io.emit("hello");
export const t = task({ id: "t", run: async () => { io.logger.info("not trigger"); } });
`;
      expect(migrate(source)).toBe(source);
    });

    it("follows the io parameter by binding, not by name", () => {
      const output = migrate(job(`    await io.logger.info("trigger");\n    sockets.forEach((io) => io.logger.info("socket"));`).replace("payload, io, ctx", "payload, io, ctx"));
      expect(runBody(output)).toBe(`    logger.info("trigger");\n    sockets.forEach((io) => io.logger.info("socket"));`);
    });

    it("reads a run whose io parameter has another name", () => {
      const output = migrate(job(`    await tio.wait("w", 60);`).replace("payload, io, ctx", "payload, tio, ctx"));
      expect(output).toContain("await wait.for({ minutes: 1 });");
    });

    it("finds new Job(client, {...}) in a JavaScript file", () => {
      const source = `const { Job, eventTrigger } = require("@trigger.dev/sdk");\nnew Job(client, { id: "a", name: "A", version: "1", trigger: eventTrigger({ name: "a" }), run: async (payload, io) => {\n  await io.logger.info('hi');\n} });\n`;
      expect(migrate(source, { path: "jobs/a.js" })).toContain("  logger.info('hi');");
    });
  });

  describe("as a transform", () => {
    it("only considers files that can hold a v2 job", () => {
      expect(io.mightApply(`import { task } from "@trigger.dev/sdk"; io.logger.info("x");`)).toBe(false);
      expect(io.mightApply(`client.defineJob({})`)).toBe(true);
      expect(io.mightApply(`new Job(client, {})`)).toBe(true);
      expect(io.mightApply(`import { OpenAI } from "@trigger.dev/openai";`)).toBe(true);
    });

    it("changes nothing on a second run over its own output", () => {
      const first = migrate(job(`    await io.logger.info("a");\n    await io.sendEvent("s", { name: "x" });\n    const n = await io.random("r");`), { withImports: true });
      expect(migrateSource(first, "jobs/example.ts", [io, imports], 4).output).toBeNull();
    });

    it("gets its SDK names imported by the imports transform, per target", () => {
      const source = job(`    await io.logger.info("a");\n    await io.wait("w", 1);`);
      expect(migrate(source, { withImports: true })).toContain(`import { eventTrigger, logger, wait } from "@trigger.dev/sdk";`);
      expect(migrate(source, { withImports: true, target: 3 })).toContain(`import { logger, wait } from "@trigger.dev/sdk/v3";`);
    });

    it.each([
      ["a run without parameters", `client.defineJob({ id: "a", name: "a", version: "1", trigger: eventTrigger({ name: "a" }), run: async () => {} });`],
      ["an io parameter used bare", `client.defineJob({ id: "a", name: "a", version: "1", trigger: x, run: async (p, io) => io });`],
      ["a computed member", `client.defineJob({ id: "a", name: "a", version: "1", trigger: x, run: async (p, io) => { io[key]("x"); } });`],
      ["runTask without a callback", `client.defineJob({ id: "a", name: "a", version: "1", trigger: x, run: async (p, io) => { await io.runTask(); await io.wait(); } });`],
      ["spread options", `client.defineJob({ ...base, run: async (p, io) => { await io.logger.info("x"); } });`],
    ])("does not throw on %s", (_name, code) => {
      expect(() => migrate(`import { eventTrigger } from "@trigger.dev/sdk";\n${code}\n`)).not.toThrow();
    });
  });
});
