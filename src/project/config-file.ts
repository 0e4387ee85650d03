/**
 * The `trigger.config.ts` a migrated project needs (trigger-facts.md 2.7): `defineConfig` from the
 * target's path, a `project` ref (env var or a placeholder under a TODO), the required
 * `maxDuration`, `dirs` where the tasks are, and the project's default retry policy.
 */
import { dirname, relative, sep } from "node:path";
import { TRIGGER_DOCS_URLS } from "../catalog/docs.js";
import { todoComment } from "../catalog/markers.js";
import { taskApiImportPath, type SdkMajor } from "../catalog/packages.js";
import { DEFAULT_MAX_DURATION_SECONDS, DEFAULT_RETRY } from "../catalog/tasks.js";

export const CONFIG_FILE_NAMES: readonly string[] = ["trigger.config.ts", "trigger.config.mts", "trigger.config.js", "trigger.config.mjs"];

/** Environment variable read for the project ref (the Trigger.dev CLI's own name for it). */
export const PROJECT_REF_ENV = "TRIGGER_PROJECT_REF";
const PROJECT_REF_PLACEHOLDER = "proj_replace_me";

export function triggerConfigText(target: SdkMajor, dirs: readonly string[]): string {
  const retry = Object.entries(DEFAULT_RETRY)
    .map(([key, value]) => `${key}: ${JSON.stringify(value)}`)
    .join(", ");
  return [
    `import { defineConfig } from "${taskApiImportPath(target)}";`,
    "",
    "export default defineConfig({",
    `  // ${todoComment(`set ${PROJECT_REF_ENV} or replace the placeholder with your project ref (dashboard: Project settings)`, TRIGGER_DOCS_URLS.config)}`,
    `  project: process.env.${PROJECT_REF_ENV} ?? "${PROJECT_REF_PLACEHOLDER}",`,
    "  // Compute-time limit for every run, in seconds (required); a task can set its own.",
    `  maxDuration: ${DEFAULT_MAX_DURATION_SECONDS},`,
    `  dirs: [${dirs.map((dir) => JSON.stringify(dir)).join(", ")}],`,
    "  retries: {",
    "    enabledInDev: false,",
    `    default: { ${retry} },`,
    "  },",
    "});",
    "",
  ].join("\n");
}

/**
 * `dirs` for the config, relative to its folder: the folder holding every task when there is
 * one below the project root, else each task folder.
 */
export function taskDirs(projectRoot: string, taskFiles: readonly string[]): string[] {
  const folders = [...new Set(taskFiles.map((file) => dirname(file)))];
  if (folders.length === 0) return [];
  let common = folders[0]!;
  while (!folders.every((folder) => folder === common || folder.startsWith(`${common}${sep}`))) {
    const parent = dirname(common);
    if (parent === common) break;
    common = parent;
  }
  const chosen = common !== projectRoot && common.startsWith(`${projectRoot}${sep}`) ? [common] : folders;
  return chosen.map((folder) => `./${relative(projectRoot, folder).split(sep).join("/")}`).sort();
}
