/**
 * A user's `eslint.config.ts`, type-checked by `npx tsc -p tsconfig.json --noEmit` (never run):
 * the plugin must fit ESLint's own config and plugin types in every documented form.
 */
import type { ESLint } from "eslint";
import { defineConfig } from "eslint/config";
import tseslint from "typescript-eslint";
import triggerDev, { type TriggerDevSettings } from "../../src/index.js";

const settings: TriggerDevSettings = { sdkVersion: "detect" };

export const asEslintPlugin: ESLint.Plugin = triggerDev;

export default defineConfig([
  ...tseslint.configs.recommended,
  {
    files: ["**/*.{ts,tsx}"],
    plugins: { "trigger-dev": triggerDev },
    extends: ["trigger-dev/recommended"],
    settings: { "trigger-dev": settings },
  },
  // A config object as such, spread with extra keys, or extended by object.
  triggerDev.configs.recommended,
  { ...triggerDev.configs.strict, files: ["src/trigger/**/*.ts"] },
  { files: ["scripts/**/*.ts"], extends: [triggerDev.configs.all] },
  {
    rules: {
      "trigger-dev/require-retry": ["error", { allowConfigDefault: true }],
      "trigger-dev/require-typed-trigger": "off",
    },
  },
]);
