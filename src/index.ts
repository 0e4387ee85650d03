/**
 * The ESLint plugin (flat config only). Usage:
 *   import triggerDev from "trigger-v3-migrate";
 *   export default defineConfig([{ plugins: { "trigger-dev": triggerDev }, extends: ["trigger-dev/recommended"] }]);
 * or spread `triggerDev.configs.recommended` into the config array.
 */
import type { TSESLint } from "@typescript-eslint/utils";
import { rules } from "../rules/index.js";
import { PLUGIN_NAMESPACE, rulesForConfig, type ConfigName } from "./configs.js";
import { packageInfo } from "./package-info.js";

type PluginRules = typeof rules;

export interface TriggerDevPlugin {
  meta: { name: string; version: string; namespace: string };
  rules: PluginRules;
  configs: Record<ConfigName, TSESLint.FlatConfig.Config>;
}

const plugin: TriggerDevPlugin = {
  meta: { name: packageInfo.name, version: packageInfo.version, namespace: PLUGIN_NAMESPACE },
  rules,
  configs: {} as Record<ConfigName, TSESLint.FlatConfig.Config>,
};

for (const name of ["recommended", "strict", "all"] as const) {
  plugin.configs[name] = {
    name: `${PLUGIN_NAMESPACE}/${name}`,
    plugins: { [PLUGIN_NAMESPACE]: plugin as unknown as TSESLint.FlatConfig.Plugin },
    rules: rulesForConfig(rules, name),
  };
}

export default plugin;
export { rules };
export type { TriggerDevSettings } from "./eslint/target.js";
