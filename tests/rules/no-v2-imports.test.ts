import rule from "../../rules/no-v2-imports.js";
import { ruleTesterFor } from "../helpers/rule-tester.js";

ruleTesterFor(3).run("no-v2-imports (target 3)", rule, {
  valid: [
    {
      name: "the /v3 path is the task API on SDK 3",
      code: `import { task, logger, wait } from "@trigger.dev/sdk/v3";`,
    },
    {
      name: "the v3 packages are not v2",
      code: `import { useRealtimeRun } from "@trigger.dev/react-hooks";
import { additionalFiles } from "@trigger.dev/build/extensions/core";`,
    },
    {
      name: "a package outside the scope with a v2-looking name is ignored",
      code: `import { Job } from "bullmq";
import { eventTrigger } from "./triggers.js";`,
    },
    {
      name: "a require of the /v3 path is fine",
      code: `const { task } = require("@trigger.dev/sdk/v3");`,
    },
    {
      name: "a Deno npm: specifier of the /v3 path is the task API on SDK 3",
      code: `import { task } from "npm:@trigger.dev/sdk@3.3.17/v3";`,
    },
    {
      name: "the root of a 4.x pin is the task API whatever the target",
      code: `import { task } from "npm:@trigger.dev/sdk@^4.8.3";`,
    },
  ],
  invalid: [
    {
      name: "fixes a pinned Deno npm: root import to the /v3 path, keeping the prefix and version",
      code: `import { task, logger } from "npm:@trigger.dev/sdk@3.3.17";`,
      output: `import { task, logger } from "npm:@trigger.dev/sdk@3.3.17/v3";`,
      errors: [{ messageId: "v2Root", line: 1, column: 30 }],
    },
    {
      name: "fixes an unpinned npm: root import to the unpinned npm: /v3 path",
      code: `import { wait } from 'npm:@trigger.dev/sdk';`,
      output: `import { wait } from 'npm:@trigger.dev/sdk/v3';`,
      errors: [{ messageId: "v2Root", line: 1, column: 22 }],
    },
    {
      name: "reports a 2.x-pinned root import without fixing it, since 2.x has no /v3 path",
      code: `import { task } from "npm:@trigger.dev/sdk@2.3.18";`,
      output: null,
      errors: [{ messageId: "v2Root", line: 1, column: 22 }],
    },
    {
      name: "names the replacement of a v2-only package imported through npm: with a version",
      code: `import { OpenAI } from "npm:@trigger.dev/openai@2.3.18";`,
      output: null,
      errors: [{ messageId: "v2Package", line: 1, column: 24, data: { source: "npm:@trigger.dev/openai@2.3.18", replacement: "openai" } }],
    },
    {
      name: "autofixes a root import whose names all exist on the /v3 path",
      code: `import { task, logger } from "@trigger.dev/sdk";`,
      output: `import { task, logger } from "@trigger.dev/sdk/v3";`,
      errors: [{ messageId: "v2Root", line: 1, column: 30 }],
    },
    {
      name: "keeps single quotes when it fixes the path",
      code: `import { wait } from '@trigger.dev/sdk';`,
      output: `import { wait } from '@trigger.dev/sdk/v3';`,
      errors: [{ messageId: "v2Root", line: 1, column: 22 }],
    },
    {
      name: "fixes an aliased and a type-only root import of task-API names",
      code: `import { task as defineTask, type Context } from "@trigger.dev/sdk";`,
      output: `import { task as defineTask, type Context } from "@trigger.dev/sdk/v3";`,
      errors: [{ messageId: "v2Root", line: 1, column: 50 }],
    },
    {
      name: "does not fix a root import that also brings a v2-only name, and reports the name",
      code: `import { eventTrigger, logger } from "@trigger.dev/sdk";`,
      output: null,
      errors: [
        { messageId: "v2Name", line: 1, column: 10 },
        { messageId: "v2Root", line: 1, column: 38 },
      ],
    },
    {
      name: "does not fix retry: the v2 presets and v3 retry.onThrow are different objects",
      code: `import { retry, task } from "@trigger.dev/sdk";`,
      output: null,
      errors: [{ messageId: "v2Root", line: 1, column: 29 }],
    },
    {
      name: "does not fix a namespace import, whose used names are unknown",
      code: `import * as sdk from "@trigger.dev/sdk";`,
      output: null,
      errors: [{ messageId: "v2Root", line: 1, column: 22 }],
    },
    {
      name: "does not fix a side-effect import (the module that loads would change)",
      code: `import "@trigger.dev/sdk";`,
      output: null,
      errors: [{ messageId: "v2Root", line: 1, column: 8 }],
    },
    {
      name: "reports a root require on SDK 3 without fixing it",
      code: `const { task } = require("@trigger.dev/sdk");`,
      output: null,
      errors: [{ messageId: "v2Root", line: 1, column: 26 }],
    },
    {
      name: "reports the v2 TriggerClient import, its construction with v2 options, and the root path",
      code: `import { TriggerClient } from "@trigger.dev/sdk";
export const client = new TriggerClient({ id: "my-app", apiKey: process.env.TRIGGER_API_KEY });`,
      output: null,
      errors: [
        { messageId: "v2Client", line: 1, column: 10 },
        { messageId: "v2Root", line: 1, column: 31 },
      ],
    },
  ],
});

ruleTesterFor(4).run("no-v2-imports (target 4)", rule, {
  valid: [
    {
      name: "the root is the task API on SDK 4",
      code: `import { task, schedules, logger, wait, retry } from "@trigger.dev/sdk";`,
    },
    {
      name: "the 4.5+ TriggerClient with an access token is not the v2 client",
      code: `import { TriggerClient } from "@trigger.dev/sdk";
const client = new TriggerClient({ accessToken: process.env.TRIGGER_SECRET_KEY, baseURL: "https://api.trigger.dev" });`,
    },
    {
      name: "an imported TriggerClient that is never constructed is not reported",
      code: `import type { TriggerClient } from "@trigger.dev/sdk";
export function use(client: TriggerClient) { return client; }`,
    },
    {
      name: "a local Job class is not the v2 Job",
      code: `class Job {}
export const j = new Job();`,
    },
  ],
  invalid: [
    {
      name: "reports v2-only names on any target, one report per name",
      code: `import { eventTrigger, cronTrigger as cron, task } from "@trigger.dev/sdk";`,
      errors: [
        { messageId: "v2Name", line: 1, column: 10 },
        { messageId: "v2Name", line: 1, column: 24 },
      ],
    },
    {
      name: "reports v2-only type names imported with import type",
      code: `import type { IO, TriggerContext } from "@trigger.dev/sdk";`,
      errors: [
        { messageId: "v2Name", line: 1, column: 15 },
        { messageId: "v2Name", line: 1, column: 19 },
      ],
    },
    {
      name: "reports a v2 TriggerClient constructed with id, even on SDK 4",
      code: `import { TriggerClient } from "@trigger.dev/sdk";
export const client = new TriggerClient({ id: "my-app" });`,
      errors: [{ messageId: "v2Client", line: 1, column: 10 }],
    },
    {
      name: "reports a required v2 TriggerClient constructed with apiKey",
      code: `const { TriggerClient } = require("@trigger.dev/sdk");
const client = new TriggerClient({ apiKey: "x" });`,
      errors: [{ messageId: "v2Client", line: 1, column: 9 }],
    },
    {
      name: "reports an adapter package, which has no replacement",
      code: `import { createAppRoute } from "@trigger.dev/nextjs";`,
      errors: [{ messageId: "v2PackageRemove", line: 1, column: 32 }],
    },
    {
      name: "reports an integration package and names its official SDK",
      code: `import { OpenAI } from "@trigger.dev/openai";`,
      errors: [{ messageId: "v2Package", line: 1, column: 24 }],
    },
    {
      name: "reports subpaths of v2-only packages",
      code: `import { something } from "@trigger.dev/slack/dist/index.js";`,
      errors: [{ messageId: "v2Package", line: 1, column: 27 }],
    },
    {
      name: "reports require(), import() and export-from of v2-only packages",
      code: `const { createMiddleware } = require("@trigger.dev/express");
export async function load() { return import("@trigger.dev/react"); }
export * from "@trigger.dev/resend";
export { createAstroRoute } from "@trigger.dev/astro";`,
      errors: [
        { messageId: "v2PackageRemove", line: 1, column: 38 },
        { messageId: "v2Package", line: 2, column: 46 },
        { messageId: "v2Package", line: 3, column: 15 },
        { messageId: "v2PackageRemove", line: 4, column: 34 },
      ],
    },
    {
      name: "reports v2 names destructured from a require of the SDK",
      code: `const { intervalTrigger, task } = require("@trigger.dev/sdk");`,
      errors: [{ messageId: "v2Name", line: 1, column: 9 }],
    },
    {
      name: "reports v2 names destructured from an awaited import() of the SDK",
      code: `export async function load() { const { Job } = await import("@trigger.dev/sdk"); return Job; }`,
      errors: [{ messageId: "v2Name", line: 1, column: 40 }],
    },
    {
      name: "reports the old v2 CLI package",
      code: `import "@trigger.dev/cli";`,
      errors: [{ messageId: "v2Package", line: 1, column: 8 }],
    },
  ],
});
