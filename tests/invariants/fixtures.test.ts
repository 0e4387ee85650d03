/**
 * Invariants over every codemod fixture and the migrated sample app, run through the FULL
 * registry (the order users get): the expected output is produced, a second run changes
 * nothing, the result parses, lints clean under `recommended` (except right under a TODO
 * marker), and task-API outputs type-check against the real SDK types (4.8.3; 3.3.17 for
 * `<case>.target3.output.ts`), with the same TODO-marker exemption.
 */
import { cpSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { basename, join, relative } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { TRANSFORMS } from "../../codemods/index.js";
import type { SdkMajor } from "../../src/catalog/packages.js";
import { migrateSource } from "../../src/codemod/pipeline.js";
import { parserForFile } from "../../src/codemod/parser.js";
import plugin from "../../src/index.js";
import { TargetDetector } from "../../src/target/detect.js";
import { discoverFixtureCases, SAMPLE_APP, type FixtureCase } from "../helpers/fixture-cases.js";
import { blockingLintProblems, formatLintProblems, isTaskApiCode, parseError } from "../helpers/output-checks.js";
import { cleanUp, KEEP_TYPECHECK_DIRS, typeCheck, type TypeCheckResult } from "../helpers/typecheck.js";

const cases = discoverFixtureCases();

/** The text the pipeline produces for a case (null output means "unchanged"). */
function migrate(source: string, path: string, target: SdkMajor): string {
  return migrateSource(source, path, TRANSFORMS, target).output ?? source;
}

function typeCheckPath(fixture: FixtureCase): string {
  return `${fixture.transform}/${fixture.name}.${fixture.ext}`;
}

function isTypeCheckable(path: string, text: string, target: SdkMajor): boolean {
  return /\.(ts|tsx|mts|cts)$/.test(path) && isTaskApiCode(text, target);
}

/** One TypeScript program per target over every eligible expected output, built on first use. */
const typeChecks = new Map<SdkMajor, TypeCheckResult>();
function typeCheckFor(target: SdkMajor): TypeCheckResult {
  let result = typeChecks.get(target);
  if (!result) {
    const files = cases.flatMap((fixture) =>
      fixture.expected.filter((e) => e.target === target && isTypeCheckable(e.path, e.text, target)).map((e) => ({ path: typeCheckPath(fixture), text: e.text })),
    );
    result = typeCheck(files, target);
    typeChecks.set(target, result);
  }
  return result;
}

afterAll(() => {
  for (const result of typeChecks.values()) cleanUp(result);
});

describe("codemod fixtures", () => {
  it("are discovered under fixtures/codemods/<transform>/", () => {
    expect(cases.length).toBeGreaterThan(0);
  });

  for (const fixture of cases) {
    describe(fixture.id, () => {
      it("is a complete input/output pair", () => {
        expect(fixture.problems).toEqual([]);
      });

      for (const expected of fixture.expected) {
        const on = `on target ${expected.target}`;

        it(`migrates to ${basename(expected.path)} ${on}`, () => {
          expect(migrate(fixture.input, fixture.inputPath, expected.target)).toBe(expected.text);
        });

        it(`changes nothing when run again on its output ${on}`, () => {
          const output = migrate(fixture.input, fixture.inputPath, expected.target);
          // Compared as text (null means unchanged) so a failure shows what the second run changed.
          const again = migrateSource(output, expected.path, TRANSFORMS, expected.target).output;
          expect(again ?? output, "a second run changed the file").toBe(output);
        });

        it(`expected output parses ${on}`, () => {
          expect(parseError(expected.text, expected.path)).toBeUndefined();
        });

        it(`expected output passes the recommended lint config (except under TODO markers) ${on}`, () => {
          expect(formatLintProblems(blockingLintProblems(plugin, expected.text, expected.path, expected.target))).toBe("");
        });

        if (isTypeCheckable(expected.path, expected.text, expected.target)) {
          it(`expected output type-checks against the real SDK ${expected.target}.x types`, () => {
            const result = typeCheckFor(expected.target);
            const found = result.diagnostics.get(typeCheckPath(fixture));
            expect(found, `type errors (TRIGGER_KEEP_TYPECHECK=1 keeps ${result.dir} for tsc -p)`).toEqual([]);
          });
        }
      }
    });
  }
});

describe("the migrated sample v2 app", () => {
  const SOURCE_FILE = /\.(ts|tsx|mts|cts|js|jsx|mjs|cjs)$/;
  let copy: string;
  const migrated = new Map<string, { input: string; output: string; changed: boolean }>();

  function sourceFiles(dir: string): string[] {
    return readdirSync(dir).flatMap((entry) => {
      const path = join(dir, entry);
      if (entry === "node_modules") return [];
      if (statSync(path).isDirectory()) return sourceFiles(path);
      return SOURCE_FILE.test(entry) && parserForFile(path) ? [path] : [];
    });
  }

  beforeAll(() => {
    copy = mkdtempSync(join(tmpdir(), "trigger-sample-app-"));
    cpSync(SAMPLE_APP, copy, { recursive: true });
    const target = new TargetDetector({ warn: () => {} }).resolve(join(copy, "jobs/index.ts")).major;
    for (const path of sourceFiles(copy)) {
      const input = readFileSync(path, "utf8");
      const result = migrateSource(input, path, TRANSFORMS, target);
      if (result.output !== null) writeFileSync(path, result.output);
      migrated.set(relative(copy, path), { input, output: result.output ?? input, changed: result.output !== null });
    }
  });

  afterAll(() => {
    if (copy && !KEEP_TYPECHECK_DIRS) rmSync(copy, { recursive: true, force: true });
  });

  const appFiles = sourceFiles(SAMPLE_APP).map((path) => relative(SAMPLE_APP, path)).sort();
  const jobFiles = appFiles.filter((path) => path.startsWith("jobs/") && !path.endsWith("index.ts"));

  it("is a v2 app (declares SDK 2.x), so outside our repo its target is the default 4", () => {
    expect(new TargetDetector({ warn: () => {} }).resolve(join(copy, "jobs/index.ts"))).toEqual({ major: 4, source: "default" });
    expect(jobFiles.length).toBeGreaterThanOrEqual(5);
  });

  for (const file of appFiles) {
    describe(file, () => {
      it("parses after migration", () => {
        expect(parseError(migrated.get(file)!.output, file)).toBeUndefined();
      });

      it("passes the recommended lint config after migration (v2 leftovers only under TODO markers)", () => {
        expect(formatLintProblems(blockingLintProblems(plugin, migrated.get(file)!.output, file, 4))).toBe("");
      });

      it("changes nothing when migrated again", () => {
        const { output } = migrated.get(file)!;
        expect(migrateSource(output, join(copy, file), TRANSFORMS, 4).output ?? output, "a second run changed the file").toBe(output);
      });
    });
  }

  for (const file of jobFiles) {
    it(`${file} is rewritten into task-API code`, () => {
      const entry = migrated.get(file)!;
      expect(entry.changed).toBe(true);
      expect(isTaskApiCode(entry.output, 4), "still imports v2 code").toBe(true);
    });
  }

  describe("type-check of the migrated jobs", () => {
    let result: TypeCheckResult | undefined;
    const check = (): TypeCheckResult => {
      // The copy already holds lib/ and trigger.ts; only the task-API job files are roots.
      result ??= typeCheck(
        jobFiles.filter((file) => isTaskApiCode(migrated.get(file)!.output, 4)).map((file) => ({ path: file, text: migrated.get(file)!.output })),
        4,
        { dir: copy, paths: { "@/*": ["./*"] }, ignoreUnresolvedLocal: false },
      );
      return result;
    };

    for (const file of jobFiles) {
      it(`${file} type-checks against @trigger.dev/sdk 4.x`, () => {
        const { diagnostics, dir } = check();
        expect(diagnostics.get(file), `undefined: not task-API code; else type errors (TRIGGER_KEEP_TYPECHECK=1 keeps ${dir})`).toEqual([]);
      });
    }
  });
});
