/**
 * Every example in docs/rules/*.md is linted with its page's rule alone (default options):
 * a ```ts / ```tsx block under the "Incorrect" heading must be reported, one under "Correct" must
 * not. Target SDK 4, unless the block's first line is `// sdkVersion: 3`. New pages are picked up
 * automatically.
 */
import { readdirSync, readFileSync } from "node:fs";
import { basename, join } from "node:path";
import { fileURLToPath } from "node:url";
import parser from "@typescript-eslint/parser";
import { Linter } from "eslint";
import { describe, expect, it } from "vitest";
import plugin from "../src/index.js";

const DOCS_DIR = fileURLToPath(new URL("../docs/rules/", import.meta.url));
const NAMESPACE = "trigger-dev";

type Expectation = "incorrect" | "correct";

interface Example {
  expectation: Expectation;
  /** 1-based line of the opening fence in the page. */
  line: number;
  language: "ts" | "tsx";
  code: string;
  sdkVersion: 3 | 4;
}

const FENCE_OPEN = /^(`{3,})\s*(ts|tsx|typescript)\b/;
const HEADING = /^(#{1,6})\s+(.*)$/;

/** The ts/tsx blocks of a page under its "Incorrect" and "Correct" headings (sub-headings stay in the section). */
function extractExamples(markdown: string): Example[] {
  const examples: Example[] = [];
  const lines = markdown.split(/\r?\n/);
  let section: { expectation: Expectation; level: number } | undefined;
  for (let index = 0; index < lines.length; index++) {
    const line = lines[index]!;
    const heading = HEADING.exec(line);
    if (heading) {
      const level = heading[1]!.length;
      const text = heading[2]!;
      if (/\bincorrect\b/i.test(text)) section = { expectation: "incorrect", level };
      else if (/\bcorrect\b/i.test(text)) section = { expectation: "correct", level };
      else if (section && level <= section.level) section = undefined;
      continue;
    }
    const open = /^(`{3,}|~{3,})(.*)$/.exec(line);
    if (!open) continue;
    // Skip to the closing fence, whatever the block's language, so code is never read as headings.
    const fence = open[1]!;
    const start = index;
    const body: string[] = [];
    for (index++; index < lines.length && !lines[index]!.startsWith(fence); index++) body.push(lines[index]!);
    const typed = FENCE_OPEN.exec(line);
    if (!section || !typed) continue;
    const code = body.join("\n");
    examples.push({
      expectation: section.expectation,
      line: start + 1,
      language: typed[2] === "tsx" ? "tsx" : "ts",
      code,
      sdkVersion: /^\s*\/\/\s*sdkVersion:\s*3\s*$/.test(body[0] ?? "") ? 3 : 4,
    });
  }
  return examples;
}

function lint(ruleName: string, example: Example): Linter.LintMessage[] {
  const linter = new Linter({ configType: "flat" });
  const config: Linter.Config[] = [
    {
      files: ["**/*.ts", "**/*.tsx"],
      languageOptions: { parser, parserOptions: { ecmaFeatures: { jsx: example.language === "tsx" } } },
      plugins: { [NAMESPACE]: plugin },
      settings: { [NAMESPACE]: { sdkVersion: example.sdkVersion } },
      rules: { [`${NAMESPACE}/${ruleName}`]: "error" },
    },
  ];
  return linter.verify(example.code, config, { filename: `docs-example.${example.language}` });
}

const pages = readdirSync(DOCS_DIR)
  .filter((file) => file.endsWith(".md"))
  .sort();

describe("the docs examples", () => {
  it("there is at least one rule page to check", () => {
    expect(pages.length).toBeGreaterThan(0);
  });

  for (const page of pages) {
    const ruleName = basename(page, ".md");
    const ruleId = `${NAMESPACE}/${ruleName}`;
    const examples = extractExamples(readFileSync(join(DOCS_DIR, page), "utf8"));

    describe(`docs/rules/${page}`, () => {
      it("documents a rule of the plugin", () => {
        expect(Object.keys(plugin.rules)).toContain(ruleName);
      });

      it("has at least one incorrect and one correct example", () => {
        expect(examples.filter((e) => e.expectation === "incorrect").length).toBeGreaterThan(0);
        expect(examples.filter((e) => e.expectation === "correct").length).toBeGreaterThan(0);
      });

      if (!(ruleName in plugin.rules)) return;
      for (const example of examples) {
        const where = `the ${example.expectation} example at line ${example.line} (SDK ${example.sdkVersion})`;
        it(`${where} ${example.expectation === "incorrect" ? "is reported" : "is not reported"} by ${ruleId}`, () => {
          const messages = lint(ruleName, example);
          const fatal = messages.find((m) => m.fatal);
          expect(fatal?.message, "the example must parse").toBeUndefined();
          const reports = messages.filter((m) => m.ruleId === ruleId);
          if (example.expectation === "incorrect") expect(reports.length).toBeGreaterThan(0);
          else expect(reports.map((m) => `${m.line}:${m.column} ${m.message}`)).toEqual([]);
        });
      }
    });
  }
});

describe("extractExamples", () => {
  it("reads ts and tsx blocks under the incorrect and correct headings, with their SDK version", () => {
    const page = [
      "# Title",
      "## Rule details",
      "```ts",
      "ignored();",
      "```",
      "## ❌ Incorrect",
      "```ts",
      "bad();",
      "```",
      "### A sub-heading stays in the section",
      "```tsx",
      "// sdkVersion: 3",
      "<Bad />;",
      "```",
      "```js",
      "// not TypeScript: ignored",
      "```",
      "## ✅ Correct",
      "````ts",
      "```",
      "good();",
      "````",
      "## Options",
      "```ts",
      "ignored();",
      "```",
    ].join("\n");
    expect(extractExamples(page)).toEqual([
      { expectation: "incorrect", line: 7, language: "ts", code: "bad();", sdkVersion: 4 },
      { expectation: "incorrect", line: 11, language: "tsx", code: "// sdkVersion: 3\n<Bad />;", sdkVersion: 3 },
      { expectation: "correct", line: 19, language: "ts", code: "```\ngood();", sdkVersion: 4 },
    ]);
  });
});
