/** RuleTester wired to vitest, parsing TypeScript (and TSX when a case sets `filename: "x.tsx"`). */
import * as vitest from "vitest";
import { RuleTester } from "@typescript-eslint/rule-tester";
import parser from "@typescript-eslint/parser";

RuleTester.afterAll = vitest.afterAll;
RuleTester.describe = vitest.describe;
RuleTester.it = vitest.it;
RuleTester.itOnly = vitest.it.only;

/** A tester for one target major (set through settings, as users do). */
export function ruleTesterFor(target: 3 | 4): RuleTester {
  return new RuleTester({
    languageOptions: { parser, parserOptions: { ecmaFeatures: { jsx: true } } },
    settings: { "trigger-dev": { sdkVersion: target } },
  });
}

export { RuleTester };
