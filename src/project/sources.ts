/**
 * The project index's first, cheap stage (no TypeScript): read every file once, keep the few whose
 * text can matter (prefilter.ts), and decide whether the run needs symbol resolution at all.
 * Loading ts-morph costs about 0.3 s of CPU before it does anything, and resolution is only
 * needed when code crosses files: a send or an invoke to resolve, a v2 client or adapter route to
 * plan. A project whose v2 files only define jobs (the files this run converts are then the whole
 * story) never loads it.
 */
import { readFileSync } from "node:fs";
import { resolve } from "node:path";
import { V2_ADAPTER_FACTORIES, V2_JOB_METHODS } from "../catalog/exports.js";
import { MAX_CANDIDATE_BYTES } from "../cli/prefilter.js";
import { parserForFile } from "../codemod/parser.js";
import { mightMatterToIndex } from "./prefilter.js";
import type { ProjectIndex } from "./types.js";

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
  /** True when a candidate's text sends, invokes, or names a v2 client or adapter factory. */
  needsResolution: boolean;
  started: number;
}

const escape = (text: string): string => text.replace(/[.*+?^${}()|[\]\\/]/g, "\\$&");
const ADAPTER_FACTORY_NAMES = [...new Set(Object.values(V2_ADAPTER_FACTORIES).flat())];

/**
 * What only ts-morph can answer: the receivers of sends and invokes, who imports a client or an
 * adapter route. Each alternative is a necessary condition of the matching fact in extract.ts.
 */
const NEEDS_RESOLUTION = new RegExp(
  ["sendEvent", "TriggerClient", `\\.(?:${V2_JOB_METHODS.map(escape).join("|")})\\b`, `\\b(?:${ADAPTER_FACTORY_NAMES.map(escape).join("|")})\\b`].join("|"),
);

export function readProjectSources(files: readonly string[], options: ReadSourcesOptions = {}): ProjectSources {
  const started = performance.now();
  const readText = options.readText ?? readUtf8;
  const texts = new Map<string, string>();
  const candidates = new Set<string>();
  let needsResolution = false;
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
    if (!needsResolution && NEEDS_RESOLUTION.test(text)) needsResolution = true;
  }
  return { offered: files.length, texts, candidates, needsResolution, started };
}

/**
 * The index of a project that needs no resolution: nothing sends, invokes or constructs a v2
 * client, so there is nothing to resolve, and the job files are the files define-job converts
 * (the plan reads them from the run: `jobsFromRun`).
 */
export function indexWithoutResolution(sources: ProjectSources): ProjectIndex {
  return {
    schemaVersion: 1,
    jobs: [],
    jobsFromRun: true,
    sends: [],
    clientFiles: [],
    adapterFiles: [],
    stats: { files: sources.offered, loaded: 0, ms: Math.round(performance.now() - sources.started) },
  };
}

function readUtf8(path: string): string | undefined {
  try {
    return readFileSync(path, "utf8");
  } catch {
    return undefined;
  }
}
