// The project's own lint: typescript-eslint for our sources, eslint-plugin-eslint-plugin for rules.
import eslintPlugin from "eslint-plugin-eslint-plugin";
import tseslint from "typescript-eslint";

export default tseslint.config(
  { ignores: ["dist/", "node_modules/", "fixtures/", "coverage/", "bench/.out/", ".tmp/"] },
  ...tseslint.configs.recommended,
  {
    files: ["rules/**/*.ts"],
    ...eslintPlugin.configs.recommended,
    rules: {
      ...eslintPlugin.configs.recommended.rules,
      // Our public contract is that every rule declares meta.defaultOptions (`[]` when it takes
      // none), so users and tools can read the defaults uniformly; this rule forbids the empty list.
      "eslint-plugin/require-meta-default-options": "off",
    },
  },
  {
    rules: {
      "@typescript-eslint/no-unused-vars": ["error", { argsIgnorePattern: "^_", varsIgnorePattern: "^_" }],
    },
  },
);
