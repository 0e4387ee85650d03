/**
 * The `all` config over large real trees we do not own: the TypeScript lib declarations and the
 * Trigger.dev SDK's own declarations (3.x and 4.x). No rule may crash, and on files that never
 * mention `@trigger.dev/` only the two import-free rules may report.
 */
import { readFileSync } from "node:fs";
import { join, relative } from "node:path";
import { globSync } from "tinyglobby";
import { describe, expect, it } from "vitest";
import { PACKAGE_ROOT } from "../../src/package-info.js";
import { lintWithAll, RULES_WITHOUT_IMPORT } from "./lint-all.js";

const TREES = ["node_modules/typescript/lib", "node_modules/@trigger.dev/sdk/dist", "node_modules/trigger-sdk-v3/dist"];

function filesOf(tree: string): string[] {
  return globSync(["**/*.ts", "**/*.tsx"], { cwd: join(PACKAGE_ROOT, tree), absolute: true }).sort();
}

describe("every rule over declaration files we do not own", () => {
  for (const tree of TREES) {
    for (const target of [3, 4] as const) {
      it(`never crashes and stays silent without a Trigger.dev import, ${tree} on target ${target}`, () => {
        const files = filesOf(tree);
        expect(files.length).toBeGreaterThan(20);
        const crashes: string[] = [];
        const unexpected: string[] = [];
        let linted = 0;
        for (const file of files) {
          const name = relative(join(PACKAGE_ROOT, "node_modules"), file);
          const text = readFileSync(file, "utf8");
          let outcome;
          try {
            outcome = lintWithAll(text, name, target);
          } catch (error) {
            crashes.push(`${name}: ${(error as Error).message.split("\n")[0]}`);
            continue;
          }
          expect(outcome.parseError, `${name} parses`).toBe(false);
          linted++;
          if (text.includes("@trigger.dev/")) continue;
          const stray = outcome.reports.filter((rule) => !RULES_WITHOUT_IMPORT.has(rule));
          if (stray.length > 0) unexpected.push(`${name}: ${[...new Set(stray)].join(", ")}`);
        }
        expect(crashes).toEqual([]);
        expect(unexpected).toEqual([]);
        expect(linted).toBe(files.length);
      });
    }
  }
});
