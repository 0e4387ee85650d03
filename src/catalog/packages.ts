/**
 * Which npm packages and import paths belong to which Trigger.dev API.
 * Source: trigger-facts.md section 0 (SDK package.json exports at 2.3.18, 3.3.17, 4.0.0, 4.8.3).
 */

/** The SDK package. Its root path is v2 on SDK 2.x/3.x and the task API on 4.x. */
export const SDK_PACKAGE = "@trigger.dev/sdk";

/** The task API subpath: the only task-API path on 3.x, a deprecated alias on 4.x. */
export const SDK_V3_PATH = "@trigger.dev/sdk/v3";

/** The scope every Trigger.dev package lives in. */
export const TRIGGER_SCOPE = "@trigger.dev/";

export type SdkMajor = 3 | 4;

/**
 * Packages that only ever shipped the v2 API, even at versions numbered 3.x
 * (the adapters were bumped to 3.0.0 only to sit beside the v3 SDK).
 */
export const V2_ONLY_PACKAGES: readonly string[] = [
  // framework adapters
  "@trigger.dev/nextjs",
  "@trigger.dev/express",
  "@trigger.dev/astro",
  "@trigger.dev/remix",
  "@trigger.dev/sveltekit",
  "@trigger.dev/hono",
  "@trigger.dev/nestjs",
  // v2 React hooks (replaced by @trigger.dev/react-hooks)
  "@trigger.dev/react",
  // integrations
  "@trigger.dev/airtable",
  "@trigger.dev/github",
  "@trigger.dev/linear",
  "@trigger.dev/openai",
  "@trigger.dev/plain",
  "@trigger.dev/replicate",
  "@trigger.dev/resend",
  "@trigger.dev/sendgrid",
  "@trigger.dev/shopify",
  "@trigger.dev/slack",
  "@trigger.dev/stripe",
  "@trigger.dev/supabase",
  "@trigger.dev/typeform",
  "@trigger.dev/integration-kit",
  // the old CLI (the current one is `trigger.dev`)
  "@trigger.dev/cli",
];

const V2_ONLY_PACKAGE_SET = new Set(V2_ONLY_PACKAGES);

/** What replaces a v2-only package, for messages and the summary's next steps. */
export const V2_PACKAGE_REPLACEMENTS: Readonly<Record<string, string>> = {
  "@trigger.dev/react": "@trigger.dev/react-hooks",
  "@trigger.dev/cli": "trigger.dev (npx trigger.dev@latest dev)",
  "@trigger.dev/openai": "openai",
  "@trigger.dev/resend": "resend",
  "@trigger.dev/slack": "@slack/web-api",
  "@trigger.dev/github": "octokit",
  "@trigger.dev/stripe": "stripe",
  "@trigger.dev/supabase": "@supabase/supabase-js",
  "@trigger.dev/sendgrid": "@sendgrid/mail",
  "@trigger.dev/linear": "@linear/sdk",
  "@trigger.dev/airtable": "airtable",
  "@trigger.dev/replicate": "replicate",
  "@trigger.dev/shopify": "@shopify/shopify-api",
  "@trigger.dev/plain": "@team-plain/typescript-sdk",
  "@trigger.dev/typeform": "@typeform/api-client",
};

/** Dev dependencies a migrated project needs (summary next steps, --update-deps). */
export const TASK_API_DEV_PACKAGES: readonly string[] = ["@trigger.dev/build", "trigger.dev"];

/** The SDK range to declare for each target major. */
export const SDK_RANGE_FOR_TARGET: Readonly<Record<SdkMajor, string>> = {
  3: "^3.3.17",
  4: "^4.8.3",
};

/** True for any `@trigger.dev/*` module specifier. */
export function isTriggerDevSource(source: string): boolean {
  return source.startsWith(TRIGGER_SCOPE);
}

/** True for `@trigger.dev/sdk` and its subpaths. */
export function isSdkSource(source: string): boolean {
  return source === SDK_PACKAGE || source.startsWith(`${SDK_PACKAGE}/`);
}

/** True when the whole module is v2 whatever the target (adapters, integrations, old CLI). */
export function isV2OnlyPackage(source: string): boolean {
  if (V2_ONLY_PACKAGE_SET.has(source)) return true;
  const slash = source.indexOf("/", TRIGGER_SCOPE.length);
  return slash !== -1 && V2_ONLY_PACKAGE_SET.has(source.slice(0, slash));
}

/**
 * Does this path expose the task API on the given target?
 * 3.x: only `/v3`. 4.x: the root and the deprecated `/v3` alias.
 */
export function isTaskApiSource(source: string, target: SdkMajor): boolean {
  if (source === SDK_V3_PATH) return true;
  return target === 4 && source === SDK_PACKAGE;
}

/** Does this path expose the v2 API on the given target? (root on 3.x; nothing on 4.x) */
export function isV2SdkSource(source: string, target: SdkMajor): boolean {
  return target === 3 && source === SDK_PACKAGE;
}

/** Where migrated code imports the task API from. */
export function taskApiImportPath(target: SdkMajor): string {
  return target === 3 ? SDK_V3_PATH : SDK_PACKAGE;
}
