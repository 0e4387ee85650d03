import { describe, expect, it } from "vitest";
import { mightHoldTodoMarker, mightNeedMigration } from "../../src/cli/prefilter.js";

describe("the pre-filter", () => {
  it("keeps a file that imports or requires any @trigger.dev package", () => {
    expect(mightNeedMigration('import { eventTrigger } from "@trigger.dev/sdk";')).toBe(true);
    expect(mightNeedMigration("const { createAppRoute } = require('@trigger.dev/nextjs');")).toBe(true);
  });

  it("keeps a job file whose client comes from a local module", () => {
    expect(mightNeedMigration('import { client } from "@/trigger";\nclient.defineJob({ id: "x" });')).toBe(true);
    expect(mightNeedMigration("await client\n  .sendEvent({ name: 'user.created' });")).toBe(true);
  });

  it("drops a file with nothing Trigger.dev in it", () => {
    expect(mightNeedMigration('import { z } from "zod";\nexport const defineJobLater = 1;\nwindow.dispatchEvent(new Event("x"));')).toBe(false);
    expect(mightNeedMigration("const trigger = '@trigger/dev';")).toBe(false);
  });

  it("notices a TODO marker even in a file it drops", () => {
    const text = "// TODO(trigger-v3-migrate): finish me\nexport {};";
    expect(mightNeedMigration(text)).toBe(false);
    expect(mightHoldTodoMarker(text)).toBe(true);
  });
});
