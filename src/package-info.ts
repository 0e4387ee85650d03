/** This package's name and version, read from its package.json (works from src/ and dist/src/). */
import { existsSync, readFileSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";

function findPackageJson(start: string): string {
  let directory = start;
  for (;;) {
    const candidate = join(directory, "package.json");
    if (existsSync(candidate)) {
      const json = JSON.parse(readFileSync(candidate, "utf8")) as { name?: string };
      if (json.name === "trigger-v3-migrate") return candidate;
    }
    const parent = dirname(directory);
    if (parent === directory) throw new Error("trigger-v3-migrate: package.json not found");
    directory = parent;
  }
}

export const PACKAGE_ROOT = dirname(findPackageJson(dirname(fileURLToPath(import.meta.url))));

export const packageInfo = JSON.parse(readFileSync(join(PACKAGE_ROOT, "package.json"), "utf8")) as { name: string; version: string };
