/**
 * ESLint over a directory with either one core rule (`baseline`: no-debugger, so ESLint still walks
 * every tree) or that rule plus our `recommended` config (`recommended`).
 *   node bench/eslint-run.mjs <baseline|recommended> <dir>
 */
import { ESLint } from "eslint";
import tsParser from "@typescript-eslint/parser";
import plugin from "../dist/src/index.js";

const [mode, dir] = process.argv.slice(2);
const config = [
  { files: ["**/*.{ts,tsx}"], languageOptions: { parser: tsParser, parserOptions: { ecmaFeatures: { jsx: true } } }, rules: { "no-debugger": "error" } },
  ...(mode === "recommended" ? [{ files: ["**/*.{ts,tsx}"], ...plugin.configs.recommended, settings: { "trigger-dev": { sdkVersion: 4 } } }] : []),
];
const eslint = new ESLint({ cwd: dir, overrideConfigFile: true, overrideConfig: config, cache: false });
const results = await eslint.lintFiles(["src"]);
const problems = results.reduce((n, r) => n + r.messages.length, 0);
console.log(JSON.stringify({ files: results.length, problems }));
