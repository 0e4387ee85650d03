import jscodeshift from "jscodeshift";
import { describe, expect, it } from "vitest";
import type { AstNode } from "../../src/codemod/ast-helpers.js";
import { CodemodImportTracker } from "../../src/codemod/import-tracker.js";
import { findV2JobSites, type V2JobSite } from "../../src/codemod/v2-jobs.js";

function sites(source: string, parser: "ts" | "babel" = "ts"): V2JobSite[] {
  const j = jscodeshift.withParser(parser);
  const root = j(source);
  return findV2JobSites(j, root, CodemodImportTracker.collect(j, root));
}

/** The `id` of each job found, in order. */
function ids(source: string, parser: "ts" | "babel" = "ts"): unknown[] {
  return sites(source, parser).map((site) => {
    const id = ((site.optionsPath.node as unknown as AstNode)["properties"] as AstNode[]).find((p) => (p["key"] as AstNode)["name"] === "id");
    return (id?.["value"] as AstNode)["value"];
  });
}

const SDK = `import { eventTrigger, Job } from "@trigger.dev/sdk";\n`;
const FULL = `id: "full", name: "Full", version: "1", trigger: somewhere(), run: async () => {}`;
const TRACED = `id: "traced", trigger: eventTrigger({ name: "e" }), run: async () => {}`;

describe("finding v2 jobs (shared by the io and define-job transforms)", () => {
  describe("client.defineJob", () => {
    it("accepts options with every v2-required key, whatever the trigger", () => {
      expect(ids(`client.defineJob({ ${FULL} });`)).toEqual(["full"]);
    });

    it("accepts options whose trigger is traced to a v2 SDK factory, directly or through a top-level const", () => {
      expect(ids(`${SDK}client.defineJob({ ${TRACED} });`)).toEqual(["traced"]);
      expect(ids(`${SDK}const onEvent = eventTrigger({ name: "e" }) as const;\nclient.defineJob({ id: "via-const", trigger: onEvent, run: async () => {} });`)).toEqual(["via-const"]);
      expect(ids(`import { cronTrigger } from "npm:@trigger.dev/sdk@2.3.18";\nclient.defineJob({ id: "deno", trigger: cronTrigger({ cron: "0 * * * *" }), run: async () => {} });`)).toEqual(["deno"]);
    });

    it("rejects partial options whose trigger is not traced, and a look-alike factory", () => {
      expect(ids(`client.defineJob({ id: "a", trigger: eventTrigger({ name: "e" }), run: async () => {} });`)).toEqual([]);
      expect(ids(`import { eventTrigger } from "./my-triggers";\nclient.defineJob({ ${TRACED} });`)).toEqual([]);
    });

    it("needs exactly one object literal argument with id, trigger and run", () => {
      expect(ids(`client.defineJob({ ${FULL} }, extra);`)).toEqual([]);
      expect(ids(`client.defineJob(options);`)).toEqual([]);
      expect(ids(`${SDK}client.defineJob({ id: "no-run", name: "n", version: "1", trigger: eventTrigger({ name: "e" }) });`)).toEqual([]);
    });

    it("reads computed and type-wrapped receivers", () => {
      expect(ids(`client["defineJob"]({ ${FULL} });\n(client as any).defineJob({ ${FULL} });`)).toEqual(["full", "full"]);
    });
  });

  describe("new Job", () => {
    it("accepts the SDK's Job in both constructor forms, with the whole attachToClient call as the job", () => {
      const found = sites(`${SDK}new Job(client, { ${TRACED} });\nconst attached = new Job({ id: "attached", trigger: t, run: async () => {} }).attachToClient(client);`);
      expect(found).toHaveLength(2);
      expect(found[0]!.expressionPath).toBe(found[0]!.call);
      expect((found[1]!.expressionPath.node as unknown as AstNode).type).toBe("CallExpression");
      expect((found[1]!.call.node as unknown as AstNode).type).toBe("NewExpression");
    });

    it("accepts an untraced class only when it is named Job and the options have every v2-required key", () => {
      expect(ids(`new Job(client, { ${FULL} });`)).toEqual(["full"]);
      expect(ids(`new Job(client, { ${TRACED} });`)).toEqual([]);
      expect(ids(`new Task(client, { ${FULL} });`)).toEqual([]);
    });

    it("rejects a Job from another Trigger.dev package and more than two arguments", () => {
      expect(ids(`import { Job } from "@trigger.dev/nextjs";\nnew Job({ ${TRACED} });`)).toEqual([]);
      expect(ids(`${SDK}new Job(client, { ${TRACED} }, extra);`)).toEqual([]);
    });

    it("finds jobs in JavaScript files that require the SDK", () => {
      expect(ids(`const { Job, eventTrigger } = require("@trigger.dev/sdk");\nnew Job(client, { ${TRACED} });`, "babel")).toEqual(["traced"]);
    });
  });

  it("gives the run function, for arrows and methods alike", () => {
    const found = sites(`${SDK}client.defineJob({ ${TRACED} });\nclient.defineJob({ id: "m", trigger: eventTrigger({ name: "e" }), async run(payload, io) {} });\nclient.defineJob({ id: "x", trigger: eventTrigger({ name: "e" }), run: handler });`);
    expect(found.map((site) => (site.run?.node as unknown as AstNode | undefined)?.type)).toEqual(["ArrowFunctionExpression", "ObjectMethod", undefined]);
  });
});
