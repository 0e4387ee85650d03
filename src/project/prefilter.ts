/**
 * Which files the project index loads into ts-morph. Loading is the expensive part (about 1.3 GB
 * for 5,000 files if everything went in), so a file is loaded only when its text can matter: it
 * names a Trigger.dev module, defines a job, sends an event or invokes a job, or it re-exports
 * a file that does (a `jobs/index.ts` barrel, needed to resolve `import { x } from "@/jobs"`).
 */
import { V2_JOB_METHODS } from "../catalog/exports.js";
import { TRIGGER_SCOPE } from "../catalog/packages.js";
import { escapeRegExp } from "../regexp.js";


// One alternation scans a file once (the CLI measured a loop of `includes` about 5x slower).
const MATTERS = new RegExp(
  [
    escapeRegExp(TRIGGER_SCOPE.slice(0, -1)), // "@trigger.dev" also matches `npm:@trigger.dev/sdk`
    "defineJob",
    "new Job\\(",
    "sendEvent",
    `\\.(?:${V2_JOB_METHODS.map(escapeRegExp).join("|")})\\(`,
  ].join("|"),
);

/** True when the file's own text can hold a v2 job, a send or an invoke. */
export function mightMatterToIndex(text: string): boolean {
  return MATTERS.test(text);
}

/** `export * from "x"`, `export { a } from "x"`, `export * as ns from "x"`. */
const RE_EXPORT = /\bexport\s+(?:type\s+)?(?:\*(?:\s+as\s+[\w$]+)?|\{[^}]*\})\s*from\s*["']([^"']+)["']/g;

/** The module specifiers a file re-exports from (cheap: a regex, no parse). */
export function reExportSpecifiers(text: string): string[] {
  if (!text.includes("export")) return [];
  return [...text.matchAll(RE_EXPORT)].map((match) => match[1]!);
}
