/** Command-line parsing: argv -> validated options, or one usage error (exit code 2). */
import { availableParallelism } from "node:os";
import { parseArgs } from "node:util";
import { MAX_CANDIDATE_BYTES } from "./prefilter.js";
import type { SdkMajor } from "../catalog/packages.js";

export interface CliOptions {
  paths: string[];
  /** True with --dry, --check or --print: nothing is written. */
  dry: boolean;
  print: boolean;
  check: boolean;
  /** Explicit target, else undefined (detected per file). */
  target: SdkMajor | undefined;
  /** Requested transform names in command-line order (validated later against the registry). */
  transforms: string[];
  list: boolean;
  ignorePatterns: string[];
  cpus: number;
  /** Candidates above this many bytes are skipped, not parsed (--max-file-size). */
  maxFileBytes: number;
  json: boolean;
  force: boolean;
  help: boolean;
  version: boolean;
  /** Whole-project migration (src/project): build the index first (off with --no-project). */
  project: boolean;
  /** --update-deps: edit package.json (else the summary lists the changes). */
  updateDeps: boolean;
  /** --update-env: rename v2 variables in .env* files (else the summary lists them). */
  updateEnv: boolean;
}

export type ParsedArgs = { ok: true; options: CliOptions } | { ok: false; error: string };

const OPTIONS = {
  dry: { type: "boolean", short: "d" },
  print: { type: "boolean", short: "p" },
  check: { type: "boolean" },
  target: { type: "string" },
  transform: { type: "string", short: "t", multiple: true },
  list: { type: "boolean" },
  "ignore-pattern": { type: "string", multiple: true },
  cpus: { type: "string" },
  "max-file-size": { type: "string" },
  json: { type: "boolean" },
  force: { type: "boolean" },
  help: { type: "boolean", short: "h" },
  version: { type: "boolean", short: "v" },
  "no-project": { type: "boolean" },
  "update-deps": { type: "boolean" },
  "update-env": { type: "boolean" },
} as const;

export const USAGE = `Usage: trigger-v3-migrate [paths...] [options]

Rewrites Trigger.dev v2 jobs (client.defineJob, io.*) into v3/v4 tasks. Default path: .

Options:
  -d, --dry                  write nothing; print a unified diff of what would change
  -p, --print                write nothing; print every changed file in full
      --check                write nothing; exit 1 when a file would change or a TODO marker remains
      --target <3|4>         SDK major to migrate to (default: detected per file from package.json)
  -t, --transform <name>     run only this transform (repeatable; registry order is kept)
      --list                 list the transforms and exit
      --ignore-pattern <p>   skip paths matching this .gitignore-style pattern (repeatable)
      --cpus <n>             worker threads for large runs (default: all cores; 1 = in-process)
      --max-file-size <size> skip candidates larger than this, e.g. 512KiB, 4MiB (default: 1MiB)
      --json                 print one JSON document (schemaVersion 1) on stdout
      --force                write even when the git work tree has uncommitted changes
      --no-project           migrate file by file (no project index: sends to other files get TODOs)
      --update-deps          edit package.json: SDK range, @trigger.dev/build + trigger.dev, drop v2 packages
      --update-env           rename TRIGGER_API_KEY to TRIGGER_SECRET_KEY in .env* files (values untouched)
  -h, --help                 show this help
  -v, --version              show the version

Exit codes: 0 done, 1 some files failed or --check found work, 2 bad usage or dirty work tree,
130 interrupted. Details: docs/cli.md`;

export function parseCliArgs(argv: readonly string[]): ParsedArgs {
  let parsed: ReturnType<typeof parseArgs<{ options: typeof OPTIONS; allowPositionals: true; strict: true; args: string[] }>>;
  try {
    parsed = parseArgs({ args: [...argv], options: OPTIONS, allowPositionals: true, strict: true });
  } catch (error) {
    return { ok: false, error: describeParseError(error) };
  }
  const { values, positionals } = parsed;

  let target: SdkMajor | undefined;
  if (values.target !== undefined) {
    if (values.target !== "3" && values.target !== "4") return { ok: false, error: `--target must be 3 or 4, got "${values.target}"` };
    target = values.target === "3" ? 3 : 4;
  }

  let cpus = availableParallelism();
  if (values.cpus !== undefined) {
    if (!/^[1-9]\d*$/.test(values.cpus)) return { ok: false, error: `--cpus must be a positive integer, got "${values.cpus}"` };
    cpus = Number(values.cpus);
  }

  let maxFileBytes = MAX_CANDIDATE_BYTES;
  if (values["max-file-size"] !== undefined) {
    const bytes = parseSize(values["max-file-size"]);
    if (bytes === undefined) return { ok: false, error: `--max-file-size must be a size such as 512KiB, 4MiB or 2000000, got "${values["max-file-size"]}"` };
    maxFileBytes = bytes;
  }

  return {
    ok: true,
    options: {
      paths: positionals.length > 0 ? positionals : ["."],
      dry: Boolean(values.dry),
      print: Boolean(values.print),
      check: Boolean(values.check),
      target,
      transforms: values.transform ?? [],
      list: Boolean(values.list),
      ignorePatterns: values["ignore-pattern"] ?? [],
      cpus,
      maxFileBytes,
      json: Boolean(values.json),
      force: Boolean(values.force),
      help: Boolean(values.help),
      version: Boolean(values.version),
      project: !values["no-project"],
      updateDeps: Boolean(values["update-deps"]),
      updateEnv: Boolean(values["update-env"]),
    },
  };
}

const SIZE_UNITS: Readonly<Record<string, number>> = { "": 1, b: 1, k: 1024, kb: 1024, kib: 1024, m: 1024 ** 2, mb: 1024 ** 2, mib: 1024 ** 2 };

/** `2000000`, `512k`, `512KiB`, `4MB`, `1.5MiB` -> bytes (binary units: a size cap, not a disk label). */
export function parseSize(text: string): number | undefined {
  const match = /^(\d+(?:\.\d+)?)\s*([a-z]*)$/i.exec(text.trim());
  const unit = match ? SIZE_UNITS[match[2]!.toLowerCase()] : undefined;
  if (!match || unit === undefined) return undefined;
  const bytes = Math.floor(Number(match[1]) * unit);
  return bytes > 0 ? bytes : undefined;
}

/** Whether this run may write files (every inspecting mode writes nothing). */
export function writesFiles(options: CliOptions): boolean {
  return !options.dry && !options.check && !options.print;
}

/** node:util's messages are long and mention internals; keep the first sentence. */
function describeParseError(error: unknown): string {
  const code = (error as { code?: string }).code;
  const message = error instanceof Error ? error.message : String(error);
  const option = /'([^']+)'/.exec(message)?.[1];
  if (code === "ERR_PARSE_ARGS_UNKNOWN_OPTION" && option) return `unknown option ${option} (see --help)`;
  if (code === "ERR_PARSE_ARGS_UNEXPECTED_POSITIONAL") return `unexpected argument (see --help)`;
  return message.split(". ")[0]!.replace(/\.$/, "");
}
