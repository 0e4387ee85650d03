/**
 * Fuzzing with our own fixtures: 600 seeded mutants (tokens and lines deleted, duplicated,
 * swapped). Mutants that no longer parse (about 60%) are skipped; on every other one no rule may crash and
 * the migration pipeline may not throw. A failure lists the seeds that reproduce it.
 */
import jscodeshift from "jscodeshift";
import { describe, expect, it } from "vitest";
import { TRANSFORMS } from "../../codemods/index.js";
import { mightNeedMigration } from "../../src/cli/prefilter.js";
import { parserForFile } from "../../src/codemod/parser.js";
import { migrateSource } from "../../src/codemod/pipeline.js";
import { fixtureFiles } from "./fixture-files.js";
import { lintWithAll } from "./lint-all.js";
import { mutate, type Mutant } from "./mutate.js";

const MUTANTS = 600;
// Files with something to migrate, so most parsing mutants reach the transforms, not just the pre-filter.
const sources = fixtureFiles(["fixtures/**/*.ts", "fixtures/**/*.tsx"]).filter((file) => mightNeedMigration(file.text) && !file.path.includes(".output."));

function mutants(): { file: (typeof sources)[number]; mutant: Mutant }[] {
  return Array.from({ length: MUTANTS }, (_, seed) => {
    const file = sources[seed % sources.length]!;
    return { file, mutant: mutate(file.text, seed + 1) };
  });
}

const describeMutant = (path: string, mutant: Mutant, error: unknown): string =>
  `seed ${mutant.seed} (${path}: ${mutant.description}): ${(error as Error).message.split("\n")[0]}`;

describe("mutated fixtures", () => {
  it("have enough material to mutate", () => {
    expect(sources.length).toBeGreaterThan(30);
  });

  it("never crash a rule of the all config", () => {
    const crashes: string[] = [];
    let linted = 0;
    for (const { file, mutant } of mutants()) {
      try {
        if (!lintWithAll(mutant.text, file.path, mutant.seed % 2 === 0 ? 4 : 3).parseError) linted++;
      } catch (error) {
        crashes.push(describeMutant(file.path, mutant, error));
      }
    }
    expect(crashes).toEqual([]);
    // Enough mutants still parse for the run to prove something.
    expect(linted).toBeGreaterThan(200);
  });

  it("never make the migration pipeline throw when they parse", () => {
    const throws: string[] = [];
    let migrated = 0;
    for (const { file, mutant } of mutants()) {
      try {
        migrateSource(mutant.text, file.absolute, TRANSFORMS, mutant.seed % 2 === 0 ? 4 : 3);
        migrated++;
      } catch (error) {
        // Only a mutant the parser itself rejects may throw (the CLI reports those as parse errors).
        let parses = true;
        try {
          jscodeshift.withParser(parserForFile(file.absolute)!)(mutant.text.replace(/^\uFEFF/, ""));
        } catch {
          parses = false;
        }
        if (parses) throws.push(describeMutant(file.path, mutant, error));
      }
    }
    expect(throws).toEqual([]);
    expect(migrated).toBeGreaterThan(200);
  });
});
