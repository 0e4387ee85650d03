/**
 * The cheap text test that runs before any parsing (parsing is most of the cost, and most files
 * of a real repo have nothing to do with Trigger.dev). A file is a candidate when it names a
 * `@trigger.dev/*` module or calls a v2 client method such as `defineJob` (a job file may import
 * its client from a local module); anything else cannot hold v2 code.
 */
import { V2_CLIENT_METHODS, V2_JOB_METHODS } from "../catalog/exports.js";
import { TODO_MARKER } from "../catalog/markers.js";
import { TRIGGER_SCOPE } from "../catalog/packages.js";
import { escapeRegExp } from "../regexp.js";


// One compiled alternation scans a file once; a loop of `includes` scanned it once per needle
// (measured on 5,000 files: about 5x slower).
// V2_JOB_METHODS: a route may invoke a job it imports from a local file (`job.invoke(...)`).
const CANDIDATE = new RegExp(`${escapeRegExp(TRIGGER_SCOPE)}|\\.(?:${[...V2_CLIENT_METHODS, ...V2_JOB_METHODS].map(escapeRegExp).join("|")})`);

export function mightNeedMigration(text: string): boolean {
  return CANDIDATE.test(text);
}

/**
 * Candidates above this size are skipped, not parsed (the runner and the project index alike).
 * recast needs about 600 MB and 10 s a megabyte (a 5 MB file: 3 GB and 50 s, near V8's heap
 * limit, whose overflow kills the whole run uncatchably). Job files are kilobytes; Biome caps at 1 MiB too.
 */
export const MAX_CANDIDATE_BYTES = 1024 * 1024;

/** Files that fail the pre-filter are still counted for `--check` when they hold a marker. */
export function mightHoldTodoMarker(text: string): boolean {
  return text.includes(TODO_MARKER);
}
