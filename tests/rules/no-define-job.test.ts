import rule from "../../rules/no-define-job.js";
import { ruleTesterFor } from "../helpers/rule-tester.js";

const V2_JOB = `{
  id: "welcome-email",
  name: "Welcome email",
  version: "1.0.0",
  trigger: eventTrigger({ name: "user.created" }),
  run: async (payload, io, ctx) => {},
}`;

ruleTesterFor(4).run("no-define-job (target 4)", rule, {
  valid: [
    {
      name: "a local client object whose defineJob argument lacks the v2 shape is not v2",
      code: `const client = { defineJob: (o: object) => o };
client.defineJob({ id: "a", run: async () => {} });`,
    },
    {
      name: "a client imported from a local module is not v2 by its name alone",
      code: `import { client } from "@/trigger";
import { task } from "@trigger.dev/sdk";
client.defineJob({ id: "a" });
client.sendEvent({ name: "x" });`,
    },
    {
      name: "the 4.5+ TriggerClient constructed with an access token is not the v2 client",
      code: `import { TriggerClient } from "@trigger.dev/sdk";
const client = new TriggerClient({ accessToken: process.env.TRIGGER_SECRET_KEY });
await client.tasks.trigger("send-email", {});`,
    },
    {
      name: "sendEvent on an untraced client is not reported (a local analytics client)",
      code: `import { task } from "@trigger.dev/sdk";
import { analytics as client } from "./analytics.js";
client.sendEvent({ name: "signup" });`,
    },
    {
      name: "a TriggerClient from another package is not the Trigger.dev one",
      code: `import { TriggerClient } from "./my-client.js";
import { task } from "@trigger.dev/sdk";
const client = new TriggerClient({ id: "x" });
client.sendEvent({ name: "y" });`,
    },
    {
      name: "a local Job class is not the v2 Job",
      code: `import { task } from "@trigger.dev/sdk";
class Job { constructor(readonly o: object) {} }
new Job({ id: "a" });`,
    },
    {
      name: "a shadowed TriggerClient is not the Trigger.dev one",
      code: `import { TriggerClient } from "@trigger.dev/sdk";
export function make(TriggerClient: new (o: object) => unknown) { return new TriggerClient({ id: "x" }); }`,
    },
  ],
  invalid: [
    {
      name: "reports the v2 client construction and defineJob on it",
      code: `import { TriggerClient, eventTrigger } from "@trigger.dev/sdk";
const client = new TriggerClient({ id: "my-app", apiKey: process.env.TRIGGER_API_KEY });
client.defineJob({ id: "a", trigger: someTrigger, run: async () => {} });`,
      errors: [
        { messageId: "v2Client", line: 2, column: 16 },
        { messageId: "defineJob", line: 3, column: 1 },
      ],
    },
    {
      name: "reports sendEvent, sendEvents and the define* methods of a traced client",
      code: `import { TriggerClient } from "@trigger.dev/sdk";
export const client = new TriggerClient({ id: "my-app" });
await client.sendEvent({ name: "user.created", payload: {} });
await client.sendEvents([{ name: "a" }]);
const schedule = client.defineDynamicSchedule({ id: "s" });
const dynamic = client.defineDynamicTrigger({ id: "d", event: e, source: s });
const endpoint = client.defineHttpEndpoint({ id: "h", source: "x.com", verify: async () => ({ success: true }) });`,
      errors: [
        { messageId: "v2Client", line: 2, column: 23 },
        { messageId: "v2ClientMethod", line: 3, column: 7 },
        { messageId: "v2ClientMethod", line: 4, column: 7 },
        { messageId: "v2ClientMethod", line: 5, column: 18 },
        { messageId: "v2ClientMethod", line: 6, column: 17 },
        { messageId: "v2ClientMethod", line: 7, column: 18 },
      ],
    },
    {
      name: "reports defineJob on a client imported from a local module when the argument has the v2 shape",
      code: `import { eventTrigger } from "@trigger.dev/sdk";
import { client } from "@/trigger";
export const welcome = client.defineJob(${V2_JOB});`,
      errors: [{ messageId: "defineJob", line: 3, column: 24 }],
    },
    {
      name: "a v2-shaped defineJob proves the imported client is v2, so its sendEvent is reported too",
      code: `import { eventTrigger } from "@trigger.dev/sdk";
import { client } from "@/trigger";
await client.sendEvent({ name: "user.created" });
client.defineJob(${V2_JOB});`,
      errors: [
        { messageId: "v2ClientMethod", line: 3, column: 7 },
        { messageId: "defineJob", line: 4, column: 1 },
      ],
    },
    {
      name: "reports a defineJob whose trigger is a v2 trigger factory even without the full shape",
      code: `import { cronTrigger } from "@trigger.dev/sdk";
import { jobs } from "./jobs.js";
jobs.defineJob({ id: "nightly", trigger: cronTrigger({ cron: "0 0 * * *" }), run: async () => {} });`,
      errors: [{ messageId: "defineJob", line: 3, column: 1 }],
    },
    {
      name: "reports a v2-shaped defineJob in a file with no Trigger.dev import",
      code: `import { client } from "@/trigger";
import { githubTrigger } from "@/integrations";
client.defineJob({ id: "a", name: "A", version: "1", trigger: githubTrigger, run: async () => {} });`,
      errors: [{ messageId: "defineJob", line: 3, column: 1 }],
    },
    {
      name: "reports new Job in both the 2.3 and the 2.2 constructor forms",
      code: `import { Job, eventTrigger } from "@trigger.dev/sdk";
import { client } from "@/trigger";
new Job({ id: "a", name: "A", version: "1", trigger: eventTrigger({ name: "a" }), run: async () => {} });
new Job(client, { id: "b", name: "B", version: "1", trigger: eventTrigger({ name: "b" }), run: async () => {} });`,
      errors: [
        { messageId: "newJob", line: 3, column: 1 },
        { messageId: "newJob", line: 4, column: 1 },
      ],
    },
    {
      name: "reports a v2 client reached through a namespace import and a non-null assertion",
      code: `import * as sdk from "@trigger.dev/sdk";
const client = new sdk.TriggerClient({ id: "my-app" });
client!.sendEvent({ name: "a" });`,
      errors: [
        { messageId: "v2Client", line: 2, column: 16 },
        { messageId: "v2ClientMethod", line: 3, column: 1 },
      ],
    },
    {
      name: "reports defineJob chained straight onto the construction",
      code: `import { TriggerClient } from "@trigger.dev/sdk";
new TriggerClient({ id: "x" }).defineJob(options);`,
      errors: [
        { messageId: "defineJob", line: 2, column: 1 },
        { messageId: "v2Client", line: 2, column: 1 },
      ],
    },
    {
      name: "reports a defineJob whose trigger comes from a v2 integration instance",
      code: `import { Github, events } from "@trigger.dev/github";
import { client } from "@/trigger";
const github = new Github({ id: "github" });
client.defineJob({ id: "issue", trigger: github.triggers.repo({ event: events.onIssueOpened, owner: "o", repo: "r" }), run: async () => {} });`,
      errors: [{ messageId: "defineJob", line: 4, column: 1 }],
    },
  ],
});

ruleTesterFor(3).run("no-define-job (target 3)", rule, {
  valid: [
    {
      name: "a task-API task on the /v3 path is fine",
      code: `import { task } from "@trigger.dev/sdk/v3";
export const t = task({ id: "a", run: async () => {} });`,
    },
  ],
  invalid: [
    {
      name: "reports the v2 client and its defineJob the same way on SDK 3",
      code: `import { TriggerClient } from "@trigger.dev/sdk";
const client = new TriggerClient({ id: "my-app" });
client.defineJob(options);`,
      errors: [
        { messageId: "v2Client", line: 2, column: 16 },
        { messageId: "defineJob", line: 3, column: 1 },
      ],
    },
  ],
});
