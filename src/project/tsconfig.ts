/**
 * Compiler options for the project index: those of the nearest tsconfig.json (its `paths` and
 * `baseUrl` make `@/lib/x` and `@jobs/x` resolve), read without enumerating the project's files
 * (the index chooses its files itself), plus what keeps the index cheap: no lib files, no types.
 */
import { dirname, join } from "node:path";
import { ts } from "ts-morph";

export interface TsconfigInfo {
  /** Absolute path of the tsconfig.json, or undefined when none was found. */
  path: string | undefined;
  options: ts.CompilerOptions;
}

/** Options that make resolution and symbol lookup work without loading anything we did not add. */
const INDEX_OPTIONS: ts.CompilerOptions = {
  noLib: true,
  types: [],
  allowJs: true,
  noEmit: true,
  incremental: false,
  composite: false,
  skipLibCheck: true,
};

const DEFAULT_OPTIONS: ts.CompilerOptions = {
  target: ts.ScriptTarget.ES2022,
  module: ts.ModuleKind.ESNext,
  moduleResolution: ts.ModuleResolutionKind.Bundler,
  jsx: ts.JsxEmit.Preserve,
};

/** tsconfig.json wins over jsconfig.json in the same folder, as in TypeScript's own lookup. */
const CONFIG_NAMES = ["tsconfig.json", "jsconfig.json"];

/** Finds and reads tsconfig.json (or jsconfig.json) files, once per directory. */
export class TsconfigLocator {
  private readonly nearest = new Map<string, string | undefined>();
  private readonly parsed = new Map<string, ts.CompilerOptions>();

  /** The nearest tsconfig.json or jsconfig.json at or above `dir`. */
  find(dir: string): string | undefined {
    const cached = this.nearest.get(dir);
    if (cached !== undefined || this.nearest.has(dir)) return cached;
    // A JavaScript project (Next.js without TypeScript) declares its `@/*` alias in jsconfig.json.
    const candidate = CONFIG_NAMES.map((name) => join(dir, name)).find((path) => ts.sys.fileExists(path));
    let found: string | undefined;
    if (candidate) found = candidate;
    else {
      const parent = dirname(dir);
      found = parent === dir ? undefined : this.find(parent);
    }
    this.nearest.set(dir, found);
    return found;
  }

  /** The options for a file: its nearest tsconfig's (with `extends` followed), or defaults. */
  forFile(file: string): TsconfigInfo {
    const path = this.find(dirname(file));
    if (!path) return { path, options: { ...DEFAULT_OPTIONS, ...INDEX_OPTIONS } };
    let options = this.parsed.get(path);
    if (!options) {
      options = readOptions(path);
      this.parsed.set(path, options);
    }
    return { path, options };
  }
}

function readOptions(path: string): ts.CompilerOptions {
  const read = ts.readConfigFile(path, ts.sys.readFile);
  if (read.error) return { ...DEFAULT_OPTIONS, ...INDEX_OPTIONS };
  // readDirectory returns nothing: the `include` globs would otherwise walk the whole project.
  const host: ts.ParseConfigHost = { ...ts.sys, useCaseSensitiveFileNames: ts.sys.useCaseSensitiveFileNames, readDirectory: () => [] };
  const parsed = ts.parseJsonConfigFileContent(read.config, host, dirname(path), undefined, path);
  const options = { ...parsed.options, ...INDEX_OPTIONS };
  // Plugins, build info and declaration output are irrelevant to symbol lookup.
  delete options["plugins"];
  delete options.tsBuildInfoFile;
  delete options.declaration;
  // `paths` without `baseUrl` resolve from the tsconfig's directory.
  if (options.paths && !options.baseUrl) options.pathsBasePath = dirname(path);
  return options;
}
