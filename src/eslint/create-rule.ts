import { ESLintUtils } from "@typescript-eslint/utils";
import { ruleDocsUrl } from "../catalog/docs.js";

/** Docs metadata every rule of ours carries (read by configs.ts and eslint-doc-generator). */
export interface TriggerRuleDocs {
  description: string;
  /** In the `recommended` config (and so in `strict` and `all`). */
  recommended?: boolean;
  /** In the `strict` config (and `all`) but not `recommended`. */
  strict?: boolean;
  /** SDK majors the rule applies to, shown in its docs page. */
  sdkVersions?: readonly (3 | 4)[];
}

/** One rule creator: the docs URL is derived from the rule name, never typed by hand. */
export const createRule = ESLintUtils.RuleCreator<TriggerRuleDocs>((name) => ruleDocsUrl(name));
