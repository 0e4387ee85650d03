/**
 * Which npm packages and import paths belong to which Trigger.dev API.
 * Source: trigger-facts.md section 0 (SDK package.json exports at 2.3.18, 3.3.17, 4.0.0, 4.8.3).
 */

/** The SDK package. Its root path is v2 on SDK 2.x/3.x and the task API on 4.x. */
export const SDK_PACKAGE = "@trigger.dev/sdk";

/** The task API subpath: the only task-API path on 3.x, a deprecated alias on 4.x. */
export const SDK_V3_PATH = "@trigger.dev/sdk/v3";

/** The `/v3` subpath on its own, for rewriting a specifier that keeps its `npm:` prefix and version. */
export const SDK_V3_SUBPATH = SDK_V3_PATH.slice(SDK_PACKAGE.length);

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

/** A Trigger.dev module specifier taken apart: `npm:@trigger.dev/sdk@2.3.18/v3`. */
export interface TriggerSourceParts {
  /** `npm:` or empty. */
  prefix: string;
  /** `@trigger.dev/sdk`. */
  packageName: string;
  /** The version or range after `@` (`2.3.18`, `^4`), or undefined when unpinned. */
  version: string | undefined;
  /** `/v3` or empty. */
  subpath: string;
}

const TRIGGER_SOURCE = /^(npm:)?(@trigger\.dev\/[^/@]+)(?:@([^/]*))?(\/.*)?$/;

/** The parts of a `@trigger.dev/*` specifier (plain, `npm:`, version-pinned); undefined for anything else. */
export function triggerSourceParts(source: string): TriggerSourceParts | undefined {
  const match = TRIGGER_SOURCE.exec(source);
  if (!match) return undefined;
  return { prefix: match[1] ?? "", packageName: match[2]!, version: match[3], subpath: match[4] ?? "" };
}

/**
 * The plain package path a module specifier names: Deno's `npm:` prefix and a version pin go
 * (`npm:@trigger.dev/sdk@2.3.18/v3` -> `@trigger.dev/sdk/v3`). Every source predicate below
 * reads specifiers through this, so the import trackers, rules and transforms all treat an
 * `npm:` specifier like the plain one. Non-Trigger.dev specifiers come back unchanged.
 */
export function normalizeTriggerSource(source: string): string {
  const parts = triggerSourceParts(source);
  return parts ? parts.packageName + parts.subpath : source;
}

/** True for any `@trigger.dev/*` module specifier (also `npm:@trigger.dev/*`, version-pinned or not). */
export function isTriggerDevSource(source: string): boolean {
  return normalizeTriggerSource(source).startsWith(TRIGGER_SCOPE);
}

/** True for `@trigger.dev/sdk` and its subpaths. */
export function isSdkSource(source: string): boolean {
  const path = normalizeTriggerSource(source);
  return path === SDK_PACKAGE || path.startsWith(`${SDK_PACKAGE}/`);
}

/** True when the whole module is v2 whatever the target (adapters, integrations, old CLI). */
export function isV2OnlyPackage(source: string): boolean {
  const path = normalizeTriggerSource(source);
  if (V2_ONLY_PACKAGE_SET.has(path)) return true;
  const slash = path.indexOf("/", TRIGGER_SCOPE.length);
  return slash !== -1 && V2_ONLY_PACKAGE_SET.has(path.slice(0, slash));
}

/**
 * Does this path expose the task API on the given target?
 * 3.x: only `/v3`. 4.x: the root and the deprecated `/v3` alias.
 */
export function isTaskApiSource(source: string, target: SdkMajor): boolean {
  const path = normalizeTriggerSource(source);
  if (path === SDK_V3_PATH) return true;
  return target === 4 && path === SDK_PACKAGE;
}

/** Does this path expose the v2 API on the given target? (root on 3.x; nothing on 4.x) */
export function isV2SdkSource(source: string, target: SdkMajor): boolean {
  return target === 3 && normalizeTriggerSource(source) === SDK_PACKAGE;
}

/** Where migrated code imports the task API from. */
export function taskApiImportPath(target: SdkMajor): string {
  return target === 3 ? SDK_V3_PATH : SDK_PACKAGE;
}

/**
 * The task API path written in the form of a specifier the file already uses, so a Deno file
 * keeps importing through `npm:`. Decision on versions: an unpinned specifier stays unpinned
 * (`npm:@trigger.dev/sdk/v3`); a pin of another major (a v2 `@2.3.18`) becomes the target's
 * range from SDK_RANGE_FOR_TARGET (`npm:@trigger.dev/sdk@^4.8.3`), since an unpinned `npm:`
 * import resolves to the newest major, which on target 3 is the wrong one; a pin of the target
 * major is kept. `like` that is not an SDK specifier lends only its `npm:` prefix.
 */
export function taskApiImportPathLike(target: SdkMajor, like: string | undefined): string {
  const path = taskApiImportPath(target);
  const parts = like === undefined ? undefined : triggerSourceParts(like);
  if (!parts?.prefix) return path;
  const subpath = path.slice(SDK_PACKAGE.length);
  if (parts.packageName !== SDK_PACKAGE || parts.version === undefined) return `${parts.prefix}${SDK_PACKAGE}${subpath}`;
  const major = /\d+/.exec(parts.version)?.[0];
  const version = major === undefined || Number(major) === target ? parts.version : SDK_RANGE_FOR_TARGET[target];
  return `${parts.prefix}${SDK_PACKAGE}@${version}${subpath}`;
}

/**
 * The same specifier pointing at another subpath of its package, prefix and version kept:
 * `withTriggerSubpath("npm:@trigger.dev/sdk@3.3.17", "/v3")` -> `npm:@trigger.dev/sdk@3.3.17/v3`,
 * `withTriggerSubpath("npm:@trigger.dev/sdk@4/v3", "")` -> `npm:@trigger.dev/sdk@4`.
 * Undefined for a specifier outside the `@trigger.dev` scope. Callers decide whether the pinned
 * version has that subpath (see pinnedMajor).
 */
export function withTriggerSubpath(source: string, subpath: string): string | undefined {
  const parts = triggerSourceParts(source);
  if (!parts) return undefined;
  const version = parts.version === undefined ? "" : `@${parts.version}`;
  return `${parts.prefix}${parts.packageName}${version}${subpath}`;
}

/**
 * The major a specifier pins (`npm:@trigger.dev/sdk@^3.3.17` -> 3, `@4/v3` -> 4); undefined when
 * unpinned or the pin names no number (`@latest`). A pin outranks the file's target: the root of
 * a 4.x pin is the task API even on target 3, and a 2.x pin has no `/v3` path.
 */
export function pinnedMajor(source: string): number | undefined {
  const version = triggerSourceParts(source)?.version;
  const major = version === undefined ? undefined : /\d+/.exec(version)?.[0];
  return major === undefined ? undefined : Number(major);
}
