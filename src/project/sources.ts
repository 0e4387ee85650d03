/**
 * The project index's first, cheap stage (no TypeScript): read every file once, keep the few whose
 * text can matter (prefilter.ts), and decide whether the run needs symbol resolution at all.
 * Loading ts-morph costs about 0.3 s of CPU before it does anything, and resolution is only
 * needed when a call crosses files: a send or an invoke whose receiver and listeners must be
 * found. Without one, the v2 client and adapter files are found with a Babel parse of the few
 * files that name them, and the job files are the files this run's define-job converts.
 */
import { readFileSync } from "node:fs";
import { resolve } from "node:path";
import { V2_ADAPTER_FACTORY_NAMES, V2_JOB_METHODS } from "../catalog/exports.js";
import { MAX_CANDIDATE_BYTES } from "../cli/prefilter.js";
import { parserForFile } from "../codemod/parser.js";
import { mightMatterToIndex } from "./prefilter.js";
import type { ProjectIndex } from "./types.js";
import { readV2FileKinds } from "./v2-file-kinds.js";
import { escapeRegExp } from "../regexp.js";

export interface ReadSourcesOptions {
  /** Where file text comes from (default: the file system, as UTF-8). */
  readText?: (path: string) => string | undefined;
  /** Called with every text read, so the CLI's per-file run can reuse it instead of reading the file again. */
  onRead?: (path: string, text: string) => void;
  /** The CLI's size cap (--max-file-size): bigger files are not candidates. */
  maxBytes?: number;
}

export interface ProjectSources {
  /** How many files were offered. */
  offered: number;
  /** Every readable source file's text, by absolute path. */
  texts: Map<string, string>;
  /** The files whose text can matter to the index. */
  candidates: Set<string>;
  /** True when a candidate's text sends or invokes: only ts-morph can resolve those. */
  needsResolution: boolean;
  /** Candidates that name a v2 client or an adapter factory. */
  v2FileHints: string[];
  started: number;
}


/** What only ts-morph can answer: the receiver of a send or an invoke (a necessary condition of extract.ts's sends). */
const SENDS = new RegExp(["sendEvent", `\\.(?:${V2_JOB_METHODS.map(escapeRegExp).join("|")})\\b`].join("|"));
/** Files that may construct a v2 client or call an adapter factory (read with Babel when nothing sends). */
const V2_FILE_HINT = new RegExp(["TriggerClient", `\\b(?:${V2_ADAPTER_FACTORY_NAMES.map(escapeRegExp).join("|")})\\b`].join("|"));

export function readProjectSources(files: readonly string[], options: ReadSourcesOptions = {}): ProjectSources {
  const started = performance.now();
  const readText = options.readText ?? readUtf8;
  const texts = new Map<string, string>();
  const candidates = new Set<string>();
  let needsResolution = false;
  const v2FileHints: string[] = [];
  for (const input of files) {
    const path = resolve(input);
    if (!parserForFile(path)) continue;
    const text = readText(path);
    if (text === undefined) continue;
    texts.set(path, text);
    options.onRead?.(path, text);
    // Same cap as the per-file run: the runner skips such a file, and ts-morph would spend minutes on it.
    if (!mightMatterToIndex(text) || text.length > (options.maxBytes ?? MAX_CANDIDATE_BYTES)) continue;
    candidates.add(path);
    if (!needsResolution && SENDS.test(text)) needsResolution = true;
    if (V2_FILE_HINT.test(text)) v2FileHints.push(path);
  }
  return { offered: files.length, texts, candidates, needsResolution, v2FileHints, started };
}

/**
 * The index of a project that needs no resolution: nothing sends or invokes, so the client and
 * adapter files are all there is to find (with Babel), and the job files are the files
 * define-job converts (the plan reads them from the run: `jobsFromRun`).
 */
export function indexWithoutResolution(sources: ProjectSources): ProjectIndex {
  const clientFiles: string[] = [];
  const adapterFiles: string[] = [];
  for (const path of sources.v2FileHints) {
    const kinds = readV2FileKinds(sources.texts.get(path)!, path);
    if (kinds?.constructsClient) clientFiles.push(path);
    if (kinds?.callsAdapter) adapterFiles.push(path);
  }
  return {
    schemaVersion: 1,
    jobs: [],
    jobsFromRun: true,
    sends: [],
    clientFiles: clientFiles.sort(),
    adapterFiles: adapterFiles.sort(),
    stats: { files: sources.offered, loaded: 0, ms: Math.round(performance.now() - sources.started) },
  };
}

export function readUtf8(path: string): string | undefined {
  try {
    return readFileSync(path, "utf8");
  } catch {
    return undefined;
  }
}
