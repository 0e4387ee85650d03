/**
 * Configs derived from rule metadata (a rule says whether it is recommended or strict), so a new
 * rule is one file plus one line in rules/index.ts, never three config edits.
 */
import type { TSESLint } from "@typescript-eslint/utils";
import type { TriggerRuleDocs } from "./eslint/create-rule.js";

export const PLUGIN_NAMESPACE = "trigger-dev";

export type ConfigName = "recommended" | "strict" | "all";

type RuleWithDocs = { meta: { docs?: TriggerRuleDocs; deprecated?: unknown } };

/** `{ "trigger-dev/<rule>": "error" }` for the rules that belong to a config. */
export function rulesForConfig(rules: Readonly<Record<string, RuleWithDocs>>, config: ConfigName): TSESLint.FlatConfig.Rules {
  const entries: [string, TSESLint.FlatConfig.RuleEntry][] = [];
  for (const [name, rule] of Object.entries(rules)) {
    const docs = rule.meta.docs;
    if (rule.meta.deprecated) continue;
    const included = config === "all" || (config === "recommended" ? docs?.recommended === true : docs?.recommended === true || docs?.strict === true);
    if (included) entries.push([`${PLUGIN_NAMESPACE}/${name}`, "error"]);
  }
  return Object.fromEntries(entries);
}
