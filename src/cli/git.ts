/**
 * The safety check before writing: refuse when a target's git work tree has uncommitted changes,
 * so the migration lands as one reviewable, revertable diff. Checked from each target's own git
 * root (a path may live in another repository than the cwd); a path outside any repository, or a
 * machine without git, is fine.
 */
import { execFileSync } from "node:child_process";
import { existsSync, statSync } from "node:fs";
import { dirname, resolve } from "node:path";

export interface DirtyWorkTree {
  root: string;
  /** `git status --porcelain` lines (untracked files count: a migration could not be undone there). */
  changes: string[];
}

export function findDirtyWorkTrees(paths: readonly string[], cwd: string): DirtyWorkTree[] {
  const roots = new Set<string>();
  for (const path of paths) {
    const absolute = resolve(cwd, path);
    if (!existsSync(absolute)) continue;
    const directory = statSync(absolute).isDirectory() ? absolute : dirname(absolute);
    const root = git(directory, ["rev-parse", "--show-toplevel"]);
    if (root !== undefined) roots.add(root.trim());
  }
  const dirty: DirtyWorkTree[] = [];
  for (const root of roots) {
    const status = git(root, ["status", "--porcelain"]);
    const changes = (status ?? "").split("\n").filter((line) => line.trim() !== "");
    if (changes.length > 0) dirty.push({ root, changes });
  }
  return dirty;
}

/** stdout of a git command, or undefined when it fails (not a repository, git missing). */
function git(directory: string, args: readonly string[]): string | undefined {
  try {
    return execFileSync("git", ["-C", directory, ...args], { encoding: "utf8", stdio: ["ignore", "pipe", "ignore"] });
  } catch {
    return undefined;
  }
}
