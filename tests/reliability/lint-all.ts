/**
 * Lints one text with the plugin's whole `all` config (TypeScript parser, JSX on), the way a user's
 * editor would. A rule that throws makes ESLint throw, so a crash surfaces as an exception here.
 */
import { Linter } from "eslint";
import tsParser from "@typescript-eslint/parser";
import plugin from "../../src/index.js";
import type { SdkMajor } from "../../src/catalog/packages.js";

export interface LintOutcome {
  /** The file did not parse (ESLint reports that as a fatal message, not a throw). */
  parseError: boolean;
  /** Rule ids of our rules that reported, one entry per report. */
  reports: string[];
}

const linter = new Linter({ configType: "flat", cwd: "/virtual" });

function configFor(target: SdkMajor): Linter.Config[] {
  return [
    {
      files: ["**/*.ts", "**/*.tsx", "**/*.mts", "**/*.cts"],
      languageOptions: { parser: tsParser as Linter.Parser, parserOptions: { ecmaFeatures: { jsx: true } } },
      linterOptions: { reportUnusedDisableDirectives: "off" },
      plugins: plugin.configs.all.plugins as Linter.Config["plugins"],
      rules: plugin.configs.all.rules as Linter.RulesRecord,
      settings: { "trigger-dev": { sdkVersion: target } },
    },
  ];
}

const CONFIGS: Record<SdkMajor, Linter.Config[]> = { 3: configFor(3), 4: configFor(4) };

/** `name` is a path relative to a virtual root (real paths under node_modules would be ignored). */
export function lintWithAll(text: string, name: string, target: SdkMajor): LintOutcome {
  const messages = linter.verify(text, CONFIGS[target], { filename: `/virtual/${name}` });
  return {
    parseError: messages.some((message) => message.fatal === true),
    reports: messages.filter((message) => message.ruleId?.startsWith("trigger-dev/")).map((message) => message.ruleId!),
  };
}

/** Rules that may fire on any file: secrets and markers need no Trigger.dev import. */
export const RULES_WITHOUT_IMPORT = new Set(["trigger-dev/no-hardcoded-secret-key", "trigger-dev/no-migration-todo"]);
