/**
 * Which files a run looks at. A small directory walk rather than a glob plus a filter: it reads
 * each `.gitignore` as it enters a directory and never descends into an ignored one (a glob would
 * crawl `dist/` and `build/` only to throw them away). `node_modules` and `.git` are always
 * skipped, as are other dot directories unless named on the command line; symbolic links are not
 * followed, so link loops cannot happen and we never write through a link into another tree.
 */
import { existsSync, readdirSync, readFileSync, statSync } from "node:fs";
import { basename, dirname, isAbsolute, join, relative, resolve, sep } from "node:path";
import ignore, { type Ignore } from "ignore";
import { parserForFile } from "../codemod/parser.js";

export interface DiscoverOptions {
  /** Base for relative paths and for `--ignore-pattern`. */
  cwd: string;
  /** .gitignore-style patterns, relative to `cwd`. */
  ignorePatterns: readonly string[];
}

export interface Discovery {
  /** Absolute paths, sorted, without duplicates. */
  files: string[];
  /** Command-line paths that do not exist. */
  missing: string[];
  /** Command-line paths skipped by .gitignore, --ignore-pattern or node_modules (worth a warning). */
  ignored: string[];
}

const ALWAYS_SKIPPED_DIRECTORIES = new Set(["node_modules", ".git"]);

export function discoverFiles(paths: readonly string[], options: DiscoverOptions): Discovery {
  const rules = new IgnoreRules(options.cwd, options.ignorePatterns);
  const found = new Set<string>();
  const missing: string[] = [];
  const ignored: string[] = [];
  for (const path of paths) {
    const absolute = resolve(options.cwd, path);
    let stats;
    try {
      stats = statSync(absolute);
    } catch {
      missing.push(path);
      continue;
    }
    if (stats.isDirectory()) {
      // .gitignore files count from the git root down; outside a repo, from the cwd (or the path) down.
      const top = rules.gitRoot(absolute) ?? (isInside(absolute, options.cwd) ? options.cwd : absolute);
      if (rules.isIgnored(absolute, true, top)) ignored.push(path);
      else walk(absolute, top, rules, found);
    } else if (stats.isFile() && parserForFile(absolute)) {
      const top = rules.gitRoot(dirname(absolute)) ?? (isInside(absolute, options.cwd) ? options.cwd : dirname(absolute));
      if (rules.isIgnored(absolute, false, top)) ignored.push(path);
      else found.add(absolute);
    }
  }
  return { files: [...found].sort(), missing, ignored };
}

function walk(directory: string, top: string, rules: IgnoreRules, found: Set<string>): void {
  let entries;
  try {
    entries = readdirSync(directory, { withFileTypes: true });
  } catch {
    return; // unreadable directory: nothing we could migrate anyway
  }
  for (const entry of entries) {
    const path = join(directory, entry.name);
    if (entry.isDirectory()) {
      if (ALWAYS_SKIPPED_DIRECTORIES.has(entry.name) || entry.name.startsWith(".")) continue;
      if (!rules.isIgnored(path, true, top)) walk(path, top, rules, found);
    } else if (entry.isFile() && parserForFile(path) && !rules.isIgnored(path, false, top)) {
      found.add(path);
    }
  }
}

/** `.gitignore` files from `top` down, plus `--ignore-pattern`, plus `node_modules`. */
class IgnoreRules {
  private readonly gitignoreByDirectory = new Map<string, Ignore | null>();
  private readonly gitRootByDirectory = new Map<string, string | null>();
  private readonly patterns: Ignore | undefined;

  constructor(
    private readonly cwd: string,
    patterns: readonly string[],
  ) {
    this.patterns = patterns.length > 0 ? ignore().add([...patterns]) : undefined;
  }

  isIgnored(path: string, isDirectory: boolean, top: string): boolean {
    // Counted below `top` and below the cwd, so running from inside an installed package still works.
    // `relative` per file and base is not free: most paths cannot name node_modules at all.
    const inNodeModules = (base: string): boolean => path.includes("node_modules") && relative(base, path).split(sep).includes("node_modules");
    if (inNodeModules(top) || (isInside(path, this.cwd) && inNodeModules(this.cwd))) return true;
    if (this.patterns && this.patterns.ignores(toIgnorePath(this.relativeForPatterns(path), isDirectory))) return true;
    return path !== top && this.ignoredByGitignore(path, isDirectory, top);
  }

  /** `--ignore-pattern` is relative to the cwd; a path outside it is matched by its own name. */
  private relativeForPatterns(path: string): string {
    return isInside(path, this.cwd) ? relative(this.cwd, path) : basename(path);
  }

  /** Git semantics, simplified: the deepest `.gitignore` with an opinion on the path wins. */
  private ignoredByGitignore(path: string, isDirectory: boolean, top: string): boolean {
    const chain: string[] = [];
    for (let directory = dirname(path); ; directory = dirname(directory)) {
      chain.push(directory);
      if (directory === top || dirname(directory) === directory) break;
    }
    let ignored = false;
    for (const directory of chain.reverse()) {
      const rules = this.gitignoreIn(directory);
      if (!rules) continue;
      const verdict = rules.test(toIgnorePath(relative(directory, path), isDirectory));
      if (verdict.ignored) ignored = true;
      else if (verdict.unignored) ignored = false;
    }
    return ignored;
  }

  private gitignoreIn(directory: string): Ignore | null {
    let rules = this.gitignoreByDirectory.get(directory);
    if (rules === undefined) {
      rules = null;
      try {
        rules = ignore().add(readFileSync(join(directory, ".gitignore"), "utf8"));
      } catch {
        // no .gitignore here
      }
      this.gitignoreByDirectory.set(directory, rules);
    }
    return rules;
  }

  /** The nearest directory holding `.git` (a directory, or a file in worktrees and submodules). */
  gitRoot(directory: string): string | null {
    const cached = this.gitRootByDirectory.get(directory);
    if (cached !== undefined) return cached;
    let root: string | null;
    if (existsSync(join(directory, ".git"))) root = directory;
    else {
      const parent = dirname(directory);
      root = parent === directory ? null : this.gitRoot(parent);
    }
    this.gitRootByDirectory.set(directory, root);
    return root;
  }
}

function isInside(path: string, directory: string): boolean {
  const fromDirectory = relative(directory, path);
  return fromDirectory !== "" && fromDirectory !== ".." && !fromDirectory.startsWith(`..${sep}`) && !isAbsolute(fromDirectory);
}

function toIgnorePath(relativePath: string, isDirectory: boolean): string {
  const posix = relativePath.split(sep).join("/");
  return isDirectory ? `${posix}/` : posix;
}
