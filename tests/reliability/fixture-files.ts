/** Every TypeScript fixture we wrote, with the target its expectations assume. */
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { globSync } from "tinyglobby";
import type { SdkMajor } from "../../src/catalog/packages.js";
import { PACKAGE_ROOT } from "../../src/package-info.js";

export interface FixtureFile {
  /** Relative to the package root. */
  path: string;
  absolute: string;
  text: string;
}

export function fixtureFiles(patterns: string[]): FixtureFile[] {
  return globSync(patterns, { cwd: PACKAGE_ROOT, dot: true, ignore: ["**/node_modules/**"] })
    .sort()
    .map((path) => ({ path, absolute: join(PACKAGE_ROOT, path), text: readFileSync(join(PACKAGE_ROOT, path), "utf8") }));
}

/** `.target3.output.ts` expectations were written for SDK 3; everything else for 4. */
export function targetOfOutput(path: string): SdkMajor {
  return /\.target3\.output\.[a-z]+$/.test(path) ? 3 : 4;
}
