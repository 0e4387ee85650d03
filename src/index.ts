/**
 * The ESLint plugin (flat config only). Usage:
 *   import triggerDev from "trigger-v3-migrate";
 *   export default defineConfig([{ plugins: { "trigger-dev": triggerDev }, extends: ["trigger-dev/recommended"] }]);
 * or spread `triggerDev.configs.recommended` into the config array.
 */
import type { Linter, Rule } from "eslint";
import { rules, type RuleName } from "../rules/index.js";
import { PLUGIN_NAMESPACE, rulesForConfig, type ConfigName } from "./configs.js";
import { packageInfo } from "./package-info.js";

export interface TriggerDevPlugin {
  meta: { name: string; version: string; namespace: string };
  /** ESLint's rule type: typescript-eslint's RuleModule types `create`'s context more strictly than ESLint's Plugin allows. */
  rules: Record<RuleName, Rule.RuleModule>;
  /** ESLint's own config type (eslint is a peer dependency), so a user's `eslint.config.ts` type-checks. */
  configs: Record<ConfigName, Linter.Config>;
}

const plugin: TriggerDevPlugin = {
  // `name` is the rule prefix, not the npm name (trigger-v3-migrate): eslint-doc-generator derives
  // the prefix of titles and config columns from meta.name (eslint-doc-generator#610, #816).
  meta: { name: PLUGIN_NAMESPACE, version: packageInfo.version, namespace: PLUGIN_NAMESPACE },
  rules: rules as unknown as Record<RuleName, Rule.RuleModule>,
  configs: {} as Record<ConfigName, Linter.Config>,
};

for (const name of ["recommended", "strict", "all"] as const) {
  plugin.configs[name] = {
    name: `${PLUGIN_NAMESPACE}/${name}`,
    plugins: { [PLUGIN_NAMESPACE]: plugin },
    rules: rulesForConfig(rules, name),
  };
}

// Only the default export (plus types): with more named value exports, `require()` of this ESM
// entry (Node >= 20.19) returns the namespace instead of the plugin, which is how
// eslint-doc-generator loads plugins. The rules are `plugin.rules` (or rules/index.js).
export default plugin;
export type { TriggerDevSettings } from "./eslint/target.js";
