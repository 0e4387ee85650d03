/** The target SDK major for the file being linted, from settings or detection. */
import type { TSESLint } from "@typescript-eslint/utils";
import type { SdkMajor } from "../catalog/packages.js";
import { parseTargetSetting, sharedTargetDetector } from "../target/detect.js";

export const SETTINGS_KEY = "trigger-dev";

export interface TriggerDevSettings {
  /** `"detect"` (default): installed SDK, else declared range, else 4. */
  sdkVersion?: 3 | 4 | "detect";
}

type AnyRuleContext = Readonly<TSESLint.RuleContext<string, readonly unknown[]>>;

export function targetForContext(context: AnyRuleContext): SdkMajor {
  const settings = context.settings[SETTINGS_KEY] as TriggerDevSettings | undefined;
  const setting = parseTargetSetting(settings?.sdkVersion) ?? "detect";
  if (setting === 3 || setting === 4) return setting;
  const filename = context.filename;
  // Virtual files (`<input>`, RuleTester) have no directory to look in: use the cwd.
  const path = filename && !filename.startsWith("<") ? filename : `${context.cwd}/file.ts`;
  return sharedTargetDetector.resolve(path, setting).major;
}
