import jscodeshift, { type ASTPath } from "jscodeshift";
import { describe, expect, it } from "vitest";
import { CodemodImportTracker } from "../../src/codemod/import-tracker.js";
import type { CodemodParser } from "../../src/codemod/parser.js";
import { TRACKER_CASES } from "../helpers/import-tracker-cases.js";

interface Probe {
  refs: string[];
  sources: string[];
  matchesWaitFor: number[];
  tracker: CodemodImportTracker;
}

/** Parses `code` and resolves the callee of every call and `new` expression through the tracker. */
function probe(code: string, parser: CodemodParser = "ts"): Probe {
  const j = jscodeshift.withParser(parser);
  const root = j(code);
  const tracker = CodemodImportTracker.collect(j, root);
  const found: { line: number; column: number; ref: string; source: string }[] = [];
  const matchesWaitFor: number[] = [];
  const visit = (path: ASTPath): void => {
    const callee = path.get("callee") as ASTPath;
    const start = (path.node as { loc?: { start: { line: number; column: number } } | null }).loc?.start;
    const line = start?.line ?? 0;
    if (tracker.matches(callee, ["wait", "for"])) matchesWaitFor.push(line);
    const reference = tracker.resolve(callee);
    if (!reference) return;
    found.push({ line, column: start?.column ?? 0, ref: `${line}:${reference.path.join(".")}`, source: reference.binding.source });
  };
  root.find(j.CallExpression).forEach(visit);
  root.find(j.NewExpression).forEach(visit);
  found.sort((a, b) => a.line - b.line || a.column - b.column);
  return { refs: found.map((f) => f.ref), sources: found.map((f) => f.source), matchesWaitFor: matchesWaitFor.sort((a, b) => a - b), tracker };
}

/** The TypeScript-only syntax of a case removed, so the babel (JS) parser can read it too. */
function isPlainJs(code: string): boolean {
  return !/:\s*[A-Z({]|\bas\b|\btype\b|declare |: \(|: boolean|: string/.test(code);
}

describe("CodemodImportTracker", () => {
  for (const testCase of TRACKER_CASES) {
    it(testCase.name, () => {
      expect(probe(testCase.code).refs).toEqual(testCase.expected);
    });
  }

  const jsCases = TRACKER_CASES.filter((c) => isPlainJs(c.code));
  it("has plain-JS cases to run through the babel parser", () => {
    expect(jsCases.length).toBeGreaterThanOrEqual(5);
  });
  for (const testCase of jsCases) {
    it(`${testCase.name} (babel parser, .js files)`, () => {
      expect(probe(testCase.code, "babel").refs).toEqual(testCase.expected);
    });
  }

  it("reads the same references through the tsx parser", () => {
    const { refs } = probe(
      `import { task } from "@trigger.dev/sdk";
const view = <div onClick={() => task({ id: "a", run: async () => {} })} />;`,
      "tsx",
    );
    expect(refs).toEqual(["2:task"]);
  });

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
    expect(matchesWaitFor).toEqual([3, 4]);
  });

  it("finds the local name of an export and the statement that declares it", () => {
    const { tracker } = probe(`import { z } from "zod";
import { logger as log } from "@trigger.dev/sdk";
log.info("x");`);
    expect(tracker.localNameOf("logger", (source) => source === "@trigger.dev/sdk")).toBe("log");
    expect(tracker.localNameOf("logger", (source) => source === "@trigger.dev/sdk/v3")).toBeUndefined();
    expect(tracker.bindings.map((b) => b.statement.node.type)).toEqual(["ImportDeclaration"]);
  });

  it("has no bindings in a file that only imports types or other packages", () => {
    expect(probe(`import type { Task } from "@trigger.dev/sdk";\nimport { z } from "zod";\nz.string();`).tracker.hasBindings).toBe(false);
    expect(probe(`import { task } from "@trigger.dev/sdk";`).tracker.hasBindings).toBe(true);
  });
});
