import parser from "@typescript-eslint/parser";
import { ESLintUtils, type TSESTree } from "@typescript-eslint/utils";
import { Linter } from "eslint";
import { describe, expect, it } from "vitest";
import { TriggerImportTracker } from "../../src/eslint/import-tracker.js";
import { TRACKER_CASES } from "../helpers/import-tracker-cases.js";

interface Probe {
  refs: string[];
  sources: string[];
  hasBindings?: boolean;
  matchesWaitFor: string[];
  localLogger?: string;
}

/** Lints `code` with a probe rule that records what the tracker resolves for every callee. */
function probe(code: string): Probe {
  const result: Probe = { refs: [], sources: [], matchesWaitFor: [] };
  const rule = ESLintUtils.RuleCreator.withoutDocs({
    meta: { type: "problem", schema: [], messages: { ref: "{{path}}" } },
    defaultOptions: [],
    create(context) {
      const tracker = TriggerImportTracker.of(context);
      result.hasBindings = tracker.hasBindings;
      result.localLogger = tracker.localNameOf("logger", (source) => source.startsWith("@trigger.dev/sdk"));
      const visit = (node: TSESTree.CallExpression | TSESTree.NewExpression): void => {
        const reference = tracker.resolve(node.callee);
        if (tracker.matches(node.callee, ["wait", "for"])) result.matchesWaitFor.push(`${node.loc.start.line}`);
        if (!reference) return;
        result.sources.push(reference.binding.source);
        context.report({ node, messageId: "ref", data: { path: reference.path.join(".") } });
      };
      return { CallExpression: visit, NewExpression: visit };
    },
  });
  const linter = new Linter({ configType: "flat" });
  const messages = linter.verify(
    code,
    [
      {
        files: ["**/*.ts"],
        languageOptions: { parser, sourceType: "module", ecmaVersion: "latest" },
        // The Linter's plugin type is ESLint's own; typescript-eslint's rule is the same object at runtime.
        plugins: { probe: { rules: { refs: rule as unknown as import("eslint").Rule.RuleModule } } },
        rules: { "probe/refs": "error" },
      },
    ],
    { filename: "file.ts" },
  );
  const fatal = messages.find((m) => m.fatal);
  if (fatal) throw new Error(`probe could not parse the case: ${fatal.message}`);
  result.refs = messages.sort((a, b) => a.line - b.line || a.column - b.column).map((m) => `${m.line}:${m.message}`);
  return result;
}

describe("TriggerImportTracker (ESLint)", () => {
  for (const testCase of TRACKER_CASES) {
    it(testCase.name, () => {
      expect(probe(testCase.code).refs).toEqual(testCase.expected);
    });
  }

  it("reports the module specifier each reference was imported from", () => {
    const { sources } = probe(`import { task } from "@trigger.dev/sdk/v3";
const { wait } = require("@trigger.dev/sdk");
task({ id: "a", run: async () => {} });
wait.for({ seconds: 1 });`);
    expect(sources).toEqual(["@trigger.dev/sdk/v3", "@trigger.dev/sdk"]);
  });

  it("matches an exact export path and nothing shorter or longer", () => {
    const { matchesWaitFor } = probe(`import * as sdk from "@trigger.dev/sdk";
import { wait } from "@trigger.dev/sdk/v3";
sdk.wait.for({ seconds: 1 });
wait.for({ seconds: 1 });
wait.until({ date: new Date() });
sdk.wait.for.call(null, { seconds: 1 });`);
    expect(matchesWaitFor).toEqual(["3", "4"]);
  });

  it("finds the local name of an export for import fixes", () => {
    expect(probe(`import { logger as log } from "@trigger.dev/sdk";\nlog.info("x");`).localLogger).toBe("log");
    expect(probe(`import { logger } from "winston";\nlogger.info("x");`).localLogger).toBeUndefined();
  });

  it("has no bindings in a file that only imports types or other packages", () => {
    expect(probe(`import type { Task } from "@trigger.dev/sdk";\nimport { z } from "zod";\nz.string();`).hasBindings).toBe(false);
    expect(probe(`import { task } from "@trigger.dev/sdk";\ntask({ id: "a", run: async () => {} });`).hasBindings).toBe(true);
  });
});
