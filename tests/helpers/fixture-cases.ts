/**
 * Finds the codemod fixture pairs: `fixtures/codemods/<transform>/<case>.input.<ext>` with
 * `<case>.output.<ext>` (target 4) and optionally `<case>.target3.output.<ext>` (target 3).
 * New cases are picked up by dropping files in; nothing is listed by hand.
 */
import { existsSync, readdirSync, readFileSync, statSync } from "node:fs";
import { join, relative } from "node:path";
import { fileURLToPath } from "node:url";
import type { SdkMajor } from "../../src/catalog/packages.js";

export const REPO_ROOT = fileURLToPath(new URL("../../", import.meta.url));
export const CODEMOD_FIXTURES = join(REPO_ROOT, "fixtures/codemods");
export const SAMPLE_APP = join(REPO_ROOT, "fixtures/sample-v2-app");

const INPUT = /^(?<name>.+)\.input\.(?<ext>tsx?|jsx?|mts|cts|mjs|cjs)$/;

export interface ExpectedOutput {
  target: SdkMajor;
  path: string;
  /** The expected text; equal to the input for a leave-alone case. */
  text: string;
}

export interface FixtureCase {
  /** `<transform>/<case>`, for test names. */
  id: string;
  transform: string;
  name: string;
  ext: string;
  inputPath: string;
  input: string;
  expected: ExpectedOutput[];
  /** Problems with the pair itself (e.g. a missing output file), reported by the harness. */
  problems: string[];
}

/** Every fixture case under `fixtures/codemods/`, sorted for stable test names. */
export function discoverFixtureCases(root = CODEMOD_FIXTURES): FixtureCase[] {
  if (!existsSync(root)) return [];
  const cases: FixtureCase[] = [];
  for (const transform of readdirSync(root).sort()) {
    const dir = join(root, transform);
    if (!statSync(dir).isDirectory()) continue;
    const files = new Set(readdirSync(dir));
    for (const file of [...files].sort()) {
      const match = INPUT.exec(file);
      if (!match?.groups) continue;
      const { name, ext } = match.groups as { name: string; ext: string };
      const inputPath = join(dir, file);
      const problems: string[] = [];
      const expected: ExpectedOutput[] = [];
      const outputFile = `${name}.output.${ext}`;
      if (files.has(outputFile)) expected.push({ target: 4, path: join(dir, outputFile), text: readFileSync(join(dir, outputFile), "utf8") });
      else problems.push(`missing ${relative(REPO_ROOT, join(dir, outputFile))} (a leave-alone case needs a copy of its input)`);
      const target3File = `${name}.target3.output.${ext}`;
      if (files.has(target3File)) expected.push({ target: 3, path: join(dir, target3File), text: readFileSync(join(dir, target3File), "utf8") });
      cases.push({ id: `${transform}/${name}`, transform, name, ext, inputPath, input: readFileSync(inputPath, "utf8"), expected, problems });
    }
    // An output without an input is a renamed or orphaned case: it would silently never run.
    for (const file of files) {
      const output = /^(?<name>.+?)(?:\.target3)?\.output\.[a-z]+$/.exec(file);
      if (!output?.groups) continue;
      const hasInput = [...files].some((f) => f.startsWith(`${output.groups!["name"]}.input.`));
      if (!hasInput) {
        cases.push({ id: `${transform}/${file}`, transform, name: file, ext: "", inputPath: join(dir, file), input: "", expected: [], problems: [`${file} has no matching .input file`] });
      }
    }
  }
  return cases;
}
