/**
 * The project index: what the whole-project migration knows about v2 jobs and the places that
 * start them. Plain, JSON-serialisable data only (no ts-morph nodes): it is built once in the main
 * thread and handed to every worker thread through `workerData`.
 */

/** How a v2 job was triggered. `other`: webhooks, integrations, dynamic triggers, HTTP endpoints. */
export type IndexedTriggerKind = "event" | "invoke" | "cron" | "interval" | "other";

/**
 * A v2 `eventTrigger` filter as data: each key holds the allowed values, or a nested filter.
 * Only filters made of literal arrays and nested objects are representable; others are `text` only.
 */
export type FilterValue = readonly (string | number | boolean | null)[];
export interface EventFilterSpec {
  [key: string]: FilterValue | EventFilterSpec;
}

export interface IndexedFilter {
  /** The filter as data when every value is a literal array or a nested object of those. */
  spec?: EventFilterSpec;
  /** The source text (for TODO messages when `spec` is missing). */
  text: string;
}

/** Where a job will live after the migration and how code can name it. */
export interface JobRef {
  /** Absolute path of the file that defines the job. */
  file: string;
  /** The name `define-job` gives the task: the variable name, else the id in camelCase. */
  exportName: string;
  /** The task id `define-job` writes (the v2 id, kebab-cased when it was not). */
  taskId: string;
}

export interface IndexedJob extends JobRef {
  /** The v2 `id` as written (undefined when it is not a string literal). */
  id: string | undefined;
  /** True when the job's variable is exported (or define-job will export it). */
  exported: boolean;
  trigger: IndexedTriggerKind;
  /** Event names an `eventTrigger` listens to (empty for other triggers or dynamic names). */
  events: string[];
  hasSchema: boolean;
  filter?: IndexedFilter;
  /** 1-based line of the `defineJob` / `new Job` call. */
  line: number;
}

/** The v2 calls that start jobs. */
export type SendKind = "sendEvent" | "sendEvents" | "invoke" | "invokeAndWaitForCompletion" | "batchInvokeAndWaitForCompletion";

export interface IndexedSend {
  file: string;
  /** 1-based line and 0-based column of the call expression's start (as Babel reports it). */
  line: number;
  column: number;
  kind: SendKind;
  /**
   * `client` (a v2 TriggerClient), `io` (a job's io parameter), `job` (a job object), or
   * `unresolved`: a send whose receiver leads nowhere the index can see (an import it cannot
   * resolve, such as an alias without tsconfig `paths`); the events transform then judges it
   * as it would without an index, instead of leaving it silently.
   */
  via: "client" | "io" | "job" | "unresolved";
  /** Static event names sent (sendEvent/sendEvents); undefined when a name is not a literal. */
  events?: string[];
  /** The jobs this call starts: the listeners of its events, or the invoked job. */
  targets: JobRef[];
}

export interface ProjectIndex {
  schemaVersion: 1;
  jobs: IndexedJob[];
  /**
   * True when the index did not resolve anything (no file sends, invokes or constructs a v2 client
   * or adapter, so ts-morph was never loaded): `jobs` is empty and the job files are the files the
   * run's define-job transform converted.
   */
  jobsFromRun?: true;
  sends: IndexedSend[];
  /** Files that construct a v2 `TriggerClient` (`new TriggerClient({ id, ... })`). */
  clientFiles: string[];
  /** Files that call a v2 adapter factory (`createAppRoute(client)`, `createMiddleware(client)`...). */
  adapterFiles: string[];
  stats: IndexStats;
}

export interface IndexStats {
  /** Files offered to the index. */
  files: number;
  /** Files that passed the text pre-filter and were loaded into ts-morph. */
  loaded: number;
  /** Wall time in milliseconds. */
  ms: number;
}
