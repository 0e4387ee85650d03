/**
 * Properties of the whole pipeline over every fixture we have, on both targets:
 * migrating twice changes nothing more than migrating once, and a file with no v2 code
 * (an expected output, a leave-alone case, a helper module) comes back untouched (null).
 */
import { describe, expect, it } from "vitest";
import { TRANSFORMS } from "../../codemods/index.js";
import { mightNeedMigration } from "../../src/cli/prefilter.js";
import { migrateSource } from "../../src/codemod/pipeline.js";
import { fixtureFiles, targetOfOutput } from "./fixture-files.js";

const inputs = fixtureFiles([
  "fixtures/codemods/**/*.input.*",
  "fixtures/sample-v2-app/**/*.{ts,tsx,mts,cts,js,jsx,mjs,cjs}",
  "fixtures/project-v2/**/*.{ts,tsx,mts,cts,js,jsx,mjs,cjs}",
]);
const outputs = fixtureFiles(["fixtures/codemods/**/*.output.*"]);

describe("migrating twice", () => {
  it("covers every fixture input", () => {
    expect(inputs.length).toBeGreaterThan(40);
  });

  for (const target of [3, 4] as const) {
    it(`changes nothing the first run did not, for every fixture input on target ${target}`, () => {
      const unstable: string[] = [];
      let changed = 0;
      for (const file of inputs) {
        const once = migrateSource(file.text, file.absolute, TRANSFORMS, target).output;
        if (once === null) continue;
        changed++;
        const twice = migrateSource(once, file.absolute, TRANSFORMS, target).output;
        if (twice !== null) unstable.push(file.path);
      }
      expect(unstable).toEqual([]);
      expect(changed).toBeGreaterThan(20);
    });
  }
});

describe("files without v2 code", () => {
  it("come out untouched: every expected output, on the target it was written for", () => {
    const touched = outputs.filter((file) => migrateSource(file.text, file.absolute, TRANSFORMS, targetOfOutput(file.path)).output !== null).map((file) => file.path);
    expect(touched).toEqual([]);
  });

  it("come out untouched: every leave-alone input and plain module", () => {
    // A case whose expected output equals its input is a leave-alone case by definition.
    const unchangedInputs = inputs.filter((file) => {
      const expected = outputs.find((output) => output.path === file.path.replace(".input.", ".output."));
      // Otherwise: a module that names no Trigger.dev package and calls no v2 client or job method.
      return expected ? expected.text === file.text : !mightNeedMigration(file.text);
    });
    expect(unchangedInputs.length).toBeGreaterThan(3);
    const touched = unchangedInputs.filter((file) => migrateSource(file.text, file.absolute, TRANSFORMS, 4).output !== null).map((file) => file.path);
    expect(touched).toEqual([]);
  });
});
