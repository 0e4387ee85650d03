import { describe, expect, it } from "vitest";
import { migration as imports } from "../../codemods/imports.js";
import type { SdkMajor } from "../../src/catalog/packages.js";
import { migrateSource } from "../../src/codemod/pipeline.js";

function migrate(source: string, target: SdkMajor = 4, path = "trigger/example.ts"): string | null {
  return migrateSource(source, path, [imports], target).output;
}

const USES_LOGGER_AND_WAIT = `export const t = task({ id: "t", run: async () => {
  logger.info("x");
  await wait.for({ seconds: 1 });
} });
`;

describe("imports transform", () => {
  describe("adding task API imports", () => {
    it("merges unbound names into the existing import from the target path, keeping its order", () => {
      const output = migrate(`import { task } from "@trigger.dev/sdk";\n${USES_LOGGER_AND_WAIT}`);
      expect(output).toBe(`import { task, logger, wait } from "@trigger.dev/sdk";\n${USES_LOGGER_AND_WAIT}`);
    });

    it("adds a new import after the last import, in the file's quote style", () => {
      const output = migrate(`import { z } from 'zod';\nimport { OpenAI } from '@trigger.dev/openai';\nconst openai = new OpenAI({ id: 'o' });\n${USES_LOGGER_AND_WAIT}`);
      expect(output).toBe(
        `import { z } from 'zod';\nimport { OpenAI } from '@trigger.dev/openai';\nimport { logger, task, wait } from '@trigger.dev/sdk';\nconst openai = new OpenAI({ id: 'o' });\n${USES_LOGGER_AND_WAIT}`,
      );
    });

    it("imports from @trigger.dev/sdk/v3 on target 3, never into the v2 root import", () => {
      const output = migrate(`import { TriggerClient } from "@trigger.dev/sdk";\nexport const client = new TriggerClient({ id: "x" });\n${USES_LOGGER_AND_WAIT}`, 3);
      expect(output).toContain(`import { TriggerClient } from "@trigger.dev/sdk";\nimport { logger, task, wait } from "@trigger.dev/sdk/v3";\n`);
    });

    it("on target 4 merges into an existing /v3 import and moves it to the root path", () => {
      const output = migrate(`import { task } from "@trigger.dev/sdk/v3";\n${USES_LOGGER_AND_WAIT}`);
      expect(output).toBe(`import { task, logger, wait } from "@trigger.dev/sdk";\n${USES_LOGGER_AND_WAIT}`);
    });

    it("does not add a name that is bound locally or already imported under an alias", () => {
      const source = `import { task, logger as log } from "@trigger.dev/sdk";\nconst wait = { for: async (_: unknown) => {} };\nfunction f(logger: Console) { logger.info("x"); }\n${USES_LOGGER_AND_WAIT.replace(`logger.info("x");`, `log.info("x");`)}`;
      expect(migrate(source)).toBeNull();
    });

    it("adds a require to a CommonJS file", () => {
      const output = migrate(`const { task } = require("@trigger.dev/sdk");\n${USES_LOGGER_AND_WAIT}`, 4, "trigger/example.js");
      expect(output).toBe(`const { task, logger, wait } = require("@trigger.dev/sdk");\n${USES_LOGGER_AND_WAIT}`);
    });

    it("writes a new require on one line, in the file's quote style", () => {
      const output = migrate(`const { Slack } = require('@trigger.dev/slack');\nmodule.exports = { Slack };\n${USES_LOGGER_AND_WAIT}`, 4, "trigger/example.cjs");
      expect(output).toBe(`const { Slack } = require('@trigger.dev/slack');\nconst { logger, task, wait } = require('@trigger.dev/sdk');\nmodule.exports = { Slack };\n${USES_LOGGER_AND_WAIT}`);
      const replaced = migrate(`const { eventTrigger } = require('@trigger.dev/sdk/v3');\n${USES_LOGGER_AND_WAIT}`, 3, "trigger/example.cjs");
      expect(replaced).toBe(`const { logger, task, wait } = require('@trigger.dev/sdk/v3');\n${USES_LOGGER_AND_WAIT}`);
    });

    it("spreads a require over several lines only when one line would pass 100 columns", () => {
      const names = ["batch", "logger", "metadata", "retry", "runs", "schedules", "schemaTask", "task", "tasks", "wait"];
      const uses = `${names.map((name) => `${name};`).join("\n")}\n`;
      const output = migrate(`const { Slack } = require("@trigger.dev/slack");\nmodule.exports = { Slack };\n${uses}`, 4, "trigger/example.js");
      expect(`const { ${names.join(", ")} } = require("@trigger.dev/sdk");`.length).toBeGreaterThan(100);
      expect(output).toBe(`const { Slack } = require("@trigger.dev/slack");\nconst {\n${names.map((name) => `  ${name},\n`).join("")}} = require("@trigger.dev/sdk");\nmodule.exports = { Slack };\n${uses}`);
    });

    it("does not take JSX attribute names or intrinsic tags for uses of task API names", () => {
      const source = `import { TriggerProvider } from "@trigger.dev/react";\nexport const A = () => <TriggerProvider publicApiKey="pk"><wait task="x" /></TriggerProvider>;\n`;
      expect(migrate(source, 4, "app/page.tsx")).toBeNull();
    });
  });

  describe("removing v2 imports", () => {
    it("removes unused v2 specifiers and the declarations they leave empty, keeping side-effect imports", () => {
      const source = `import { TriggerClient, eventTrigger, Job } from "@trigger.dev/sdk";
import { Slack } from "@trigger.dev/slack";
import type { IOWithIntegrations } from "@trigger.dev/sdk";
import "./instrumentation";
export const client = new TriggerClient({ id: "x" });
`;
      expect(migrate(source)).toBe(`import { TriggerClient } from "@trigger.dev/sdk";\nimport "./instrumentation";\nexport const client = new TriggerClient({ id: "x" });\n`);
    });

    it("keeps a v2 import that is still referenced, also from a type position", () => {
      const source = `import type { TriggerContext } from "@trigger.dev/sdk";\nimport { eventTrigger } from "@trigger.dev/sdk";\nexport function f(ctx: TriggerContext) { return ctx; }\n`;
      expect(migrate(source)).toBe(`import type { TriggerContext } from "@trigger.dev/sdk";\nexport function f(ctx: TriggerContext) { return ctx; }\n`);
    });

    it.each([
      ["a parameter decorator", `import { InjectTriggerDevClient } from "@trigger.dev/nestjs";\nclass S { constructor(@InjectTriggerDevClient() private readonly client: unknown) {} }\n`],
      ["a class decorator", `import { TriggerJob } from "@trigger.dev/nestjs";\n@TriggerJob({ id: "x" })\nexport class S {}\n`],
      ["a property decorator", `import { InjectTriggerDevClient } from "@trigger.dev/nestjs";\nexport class S { @InjectTriggerDevClient() client: unknown; }\n`],
      ["a typeof type", `import { Slack } from "@trigger.dev/slack";\nexport type SlackIntegration = typeof Slack;\n`],
      ["a type annotation", `import { TriggerClient } from "@trigger.dev/sdk";\nexport let client: TriggerClient | undefined;\n`],
      ["a generic type argument", `import type { IOWithIntegrations } from "@trigger.dev/sdk";\nexport const ios: Array<IOWithIntegrations<{}>> = [];\n`],
    ])("keeps a v2 import used only in %s", (_name, body) => {
      const source = `import { eventTrigger } from "@trigger.dev/sdk";\n${body}`;
      expect(migrate(source)).toBe(body);
    });

    it("keeps a v2 import used only as a JSX element or member tag", () => {
      const source = `import { eventTrigger } from "@trigger.dev/sdk";\nimport { TriggerProvider } from "@trigger.dev/react";\nimport * as v2 from "@trigger.dev/react";\nexport const A = () => <TriggerProvider publicApiKey="pk"><v2.TriggerProvider publicApiKey="pk" /></TriggerProvider>;\n`;
      expect(migrate(source, 4, "app/page.tsx")).toBe(source.replace(`import { eventTrigger } from "@trigger.dev/sdk";\n`, ""));
    });

    it("still removes a v2 import whose name is only a JSX attribute or an intrinsic tag", () => {
      const source = `import { TriggerProvider } from "@trigger.dev/react";\nimport { z } from "zod";\nexport const A = () => <div TriggerProvider="x"><triggerProvider /></div>;\nexport const s = z.string();\n`;
      expect(migrate(source, 4, "app/page.tsx")).toBe(source.replace(`import { TriggerProvider } from "@trigger.dev/react";\n`, ""));
    });

    it("keeps the file header comment when the first import goes", () => {
      const output = migrate(`// Jobs for the shop\nimport { eventTrigger } from "@trigger.dev/sdk";\nimport { z } from "zod";\nexport const s = z.string();\n`);
      expect(output).toBe(`// Jobs for the shop\nimport { z } from "zod";\nexport const s = z.string();\n`);
    });

    it("never removes unused task API names (they are the user's)", () => {
      expect(migrate(`import { task, logger } from "@trigger.dev/sdk";\nexport const x = 1;\n`)).toBeNull();
    });

    it("removes unused v2 names from a require", () => {
      const output = migrate(`const { Job, eventTrigger, TriggerClient } = require("@trigger.dev/sdk");\nmodule.exports = new TriggerClient({ id: "x" });\n`, 4, "trigger/client.js");
      expect(output).toBe(`const { TriggerClient } = require("@trigger.dev/sdk");\nmodule.exports = new TriggerClient({ id: "x" });\n`);
    });
  });

  describe("where the task API import goes", () => {
    it.each([
      [4, "@trigger.dev/sdk"],
      [3, "@trigger.dev/sdk/v3"],
    ] as const)("takes the place of a v2 SDK import it empties, on target %d", (target, path) => {
      const output = migrate(`import { eventTrigger } from "@trigger.dev/sdk";\nimport { z } from "zod";\nimport { client } from "./client";\n${USES_LOGGER_AND_WAIT}`, target);
      expect(output).toBe(`import { logger, task, wait } from "${path}";\nimport { z } from "zod";\nimport { client } from "./client";\n${USES_LOGGER_AND_WAIT}`);
    });

    it("merges into an existing task API import rather than refilling an emptied one", () => {
      const output = migrate(`import { eventTrigger } from "@trigger.dev/sdk";\nimport { z } from "zod";\nimport { task } from "@trigger.dev/sdk";\n${USES_LOGGER_AND_WAIT}`);
      expect(output).toBe(`import { z } from "zod";\nimport { task, logger, wait } from "@trigger.dev/sdk";\n${USES_LOGGER_AND_WAIT}`);
    });

    it("adds a new declaration right after the last @trigger.dev import", () => {
      const output = migrate(`import { z } from "zod";\nimport type { RetryOptions } from "@trigger.dev/sdk";\nimport { db } from "./db";\nexport const retry: RetryOptions = {};\n${USES_LOGGER_AND_WAIT}`);
      expect(output).toBe(
        `import { z } from "zod";\nimport type { RetryOptions } from "@trigger.dev/sdk";\nimport { logger, task, wait } from "@trigger.dev/sdk";\nimport { db } from "./db";\nexport const retry: RetryOptions = {};\n${USES_LOGGER_AND_WAIT}`,
      );
    });
  });

  describe("directives", () => {
    it("keeps a directive and the blank line after it when the first import is refilled", () => {
      const output = migrate(`"use server";\n\nimport { eventTrigger } from "@trigger.dev/sdk";\nimport { client } from "./client";\n\n${USES_LOGGER_AND_WAIT}`);
      expect(output).toBe(`"use server";\n\nimport { logger, task, wait } from "@trigger.dev/sdk";\nimport { client } from "./client";\n\n${USES_LOGGER_AND_WAIT}`);
    });

    it("prints a directive once, as written, when an import is added or removed", () => {
      const added = migrate(`'use server';\n\nimport type { RetryOptions } from "@trigger.dev/sdk";\nimport { client } from "./client";\n\nexport const r: RetryOptions = {};\n${USES_LOGGER_AND_WAIT}`);
      expect(added).toMatch(/^'use server';\n\nimport type \{ RetryOptions \} from "@trigger.dev\/sdk";\nimport \{ logger, task, wait \} from "@trigger.dev\/sdk";\n/);
      const removed = migrate(`"use client";\n\nimport { z } from "zod";\nimport { Slack } from "@trigger.dev/slack";\n\nexport const s = z.string();\n`);
      expect(removed).toBe(`"use client";\n\nimport { z } from "zod";\n\nexport const s = z.string();\n`);
    });

    it("puts a new require after a 'use strict' directive when the file has no require to follow", () => {
      const output = migrate(`"use strict";\n\nconst { eventTrigger } = require("@trigger.dev/sdk");\n\n${USES_LOGGER_AND_WAIT}`, 4, "trigger/example.cjs");
      expect(output).toMatch(/^"use strict";\n\nconst \{ logger, task, wait \} = require\("@trigger.dev\/sdk"\);\n/);
    });
  });

  describe("Deno npm: specifiers", () => {
    it.each([
      [4, "npm:@trigger.dev/sdk", "npm:@trigger.dev/sdk"],
      [3, "npm:@trigger.dev/sdk", "npm:@trigger.dev/sdk/v3"],
      [4, "npm:@trigger.dev/sdk@2.3.18", "npm:@trigger.dev/sdk@^4.8.3"],
      [3, "npm:@trigger.dev/sdk@2.3.18", "npm:@trigger.dev/sdk@^3.3.17/v3"],
    ] as const)("on target %d turns an emptied %s import into %s", (target, from, to) => {
      const output = migrate(`import { eventTrigger } from "${from}";\n${USES_LOGGER_AND_WAIT}`, target);
      expect(output).toBe(`import { logger, task, wait } from "${to}";\n${USES_LOGGER_AND_WAIT}`);
    });

    it("merges into an npm: task API import already there and removes npm: v2 integration imports", () => {
      const output = migrate(`import { Slack } from "npm:@trigger.dev/slack@2.3.18";\nimport { task } from "npm:@trigger.dev/sdk@4";\n${USES_LOGGER_AND_WAIT}`);
      expect(output).toBe(`import { task, logger, wait } from "npm:@trigger.dev/sdk@4";\n${USES_LOGGER_AND_WAIT}`);
    });
  });

  describe("target 3 root imports", () => {
    it("moves a root import whose names are all task API names to /v3", () => {
      expect(migrate(`import { task, logger } from "@trigger.dev/sdk";\nexport const t = task({ id: "t", run: async () => logger.info("x") });\n`, 3)).toBe(
        `import { task, logger } from "@trigger.dev/sdk/v3";\nexport const t = task({ id: "t", run: async () => logger.info("x") });\n`,
      );
    });

    it("merges such names into an existing /v3 import", () => {
      const output = migrate(`import { wait } from "@trigger.dev/sdk/v3";\nimport { task } from "@trigger.dev/sdk";\nexport const t = task({ id: "t", run: async () => wait.for({ seconds: 1 }) });\n`, 3);
      expect(output).toBe(`import { wait, task } from "@trigger.dev/sdk/v3";\nexport const t = task({ id: "t", run: async () => wait.for({ seconds: 1 }) });\n`);
    });

    it("leaves a root import that still holds v2 names", () => {
      expect(migrate(`import { TriggerClient } from "@trigger.dev/sdk";\nexport const c = new TriggerClient({ id: "x" });\n`, 3)).toBeNull();
    });
  });

  describe("files that do not need it", () => {
    it("changes nothing in already-migrated code", () => {
      expect(migrate(`import { logger, task, wait } from "@trigger.dev/sdk";\n${USES_LOGGER_AND_WAIT}`)).toBeNull();
      expect(migrate(`import { logger, task, wait } from "@trigger.dev/sdk/v3";\n${USES_LOGGER_AND_WAIT}`, 3)).toBeNull();
    });

    it("never imports into a file without a Trigger.dev import", () => {
      expect(migrate(`import { z } from "zod";\n${USES_LOGGER_AND_WAIT}`)).toBeNull();
      expect(imports.mightApply(USES_LOGGER_AND_WAIT)).toBe(false);
    });

    it("is idempotent", () => {
      const first = migrate(`import { eventTrigger } from "@trigger.dev/sdk";\nimport { task } from "@trigger.dev/sdk/v3";\n${USES_LOGGER_AND_WAIT}`);
      expect(first).not.toBeNull();
      expect(migrate(first!)).toBeNull();
    });
  });
});
