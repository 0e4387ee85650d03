/**
 * Invariants over every codemod fixture, run through the FULL registry (the order users get):
 * the expected output is produced, a second run changes nothing, the result parses, lints clean
 * under `recommended` (except right under a TODO marker), and task-API outputs type-check against
 * the real SDK types (4.8.3; 3.3.17 for `<case>.target3.output.ts`), with the same TODO-marker
 * exemption. Then the same checks over the sample app migrated by the real CLI, plus: no v2 code
 * left at all, trigger.config.ts created, and a second CLI run changes nothing.
 */
import { cpSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync } from "node:fs";
import { tmpdir } from "node:os";
import { basename, join, sep } from "node:path";
import ts from "typescript";
import { afterAll, describe, expect, it } from "vitest";
import { TRANSFORMS } from "../../codemods/index.js";
import type { SdkMajor } from "../../src/catalog/packages.js";
import { main, type CliIo } from "../../src/cli/main.js";
import { migrateSource } from "../../src/codemod/pipeline.js";
import { parserForFile } from "../../src/codemod/parser.js";
import plugin from "../../src/index.js";
import { discoverFixtureCases, SAMPLE_APP, type FixtureCase } from "../helpers/fixture-cases.js";
import { blockingLintProblems, formatLintProblems, isTaskApiCode, lintRecommended, parseError } from "../helpers/output-checks.js";
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

/**
 * The sample app the way users migrate it: the CLI's own `main()` (in-process, `--force`: the
 * copy is not a git repository of its own) over a temp copy, with the project index and plan,
 * so trigger.config.ts is created and the v2 client file and its route are removed.
 */
interface CliJson {
  summary: { errors: number; changed: number };
  files: { path: string; target?: number }[];
  project?: { creates: unknown[]; deletes: { path: string }[]; edits: unknown[] };
}

async function runCliIn(dir: string, argv: readonly string[]): Promise<{ code: number; stdout: string; stderr: string; json: CliJson }> {
  let stdout = "";
  let stderr = "";
  const io: CliIo = { stdout: { write: (text: string) => (stdout += text) }, stderr: { write: (text: string) => (stderr += text) }, cwd: dir, env: {} };
  const code = await main(["--json", ...argv], io);
  return { code, stdout, stderr, json: JSON.parse(stdout) as CliJson };
}

/** Every file under a folder (relative path -> text). */
function snapshot(dir: string): Map<string, string> {
  const files = new Map<string, string>();
  for (const entry of readdirSync(dir, { recursive: true }) as string[]) {
    const path = join(dir, entry);
    if (statSync(path).isFile()) files.set(entry.split(sep).join("/"), readFileSync(path, "utf8"));
  }
  return files;
}

const SOURCE_FILE = /\.(ts|tsx|mts|cts|js|jsx|mjs|cjs)$/;
const TYPE_CHECKED = /\.(ts|tsx|mts|cts)$/;
/** The rules that find v2 code: no report of theirs is excused, not even under a TODO marker. */
const V2_RULES = ["trigger-dev/no-v2-imports", "trigger-dev/no-define-job", "trigger-dev/no-io-object"];
/** `next` is not installed here: the one export the app's routes use, declared. */
const NEXT_SERVER_STUB = {
  path: "next-server.stub.d.ts",
  text: 'declare module "next/server" {\n  export const NextResponse: { json(body: unknown, init?: ResponseInit): Response };\n}\n',
};

const sampleCopy = mkdtempSync(join(tmpdir(), "trigger-sample-app-"));
cpSync(SAMPLE_APP, sampleCopy, { recursive: true });
const firstRun = await runCliIn(sampleCopy, ["--force"]);
const migratedApp = snapshot(sampleCopy);

describe("the sample v2 app migrated by the CLI (trigger-v3-migrate --force over a copy)", () => {
  afterAll(() => {
    if (!KEEP_TYPECHECK_DIRS) rmSync(sampleCopy, { recursive: true, force: true });
  });

  const originalFiles = [...snapshot(SAMPLE_APP).keys()];
  const jobFiles = originalFiles.filter((path) => path.startsWith("jobs/") && SOURCE_FILE.test(path) && !path.endsWith("index.ts")).sort();
  const sourceFiles = [...migratedApp.keys()].filter((path) => SOURCE_FILE.test(path) && parserForFile(path)).sort();

  it("exits 0 with nothing on stderr and no file errors", () => {
    expect(firstRun.stderr).toBe("");
    expect(firstRun.code).toBe(0);
    expect(firstRun.json.summary.errors).toBe(0);
    expect(jobFiles.length).toBeGreaterThanOrEqual(5);
  });

  it("migrates to SDK 4: the app declares SDK 2.x, so outside our repo the default target applies", () => {
    const targets = new Set(firstRun.json.files.flatMap((file) => (file.target === undefined ? [] : [file.target])));
    expect([...targets]).toEqual([4]);
  });

  it("creates trigger.config.ts and removes the v2 client file and the adapter route that served it", () => {
    expect(migratedApp.has("trigger.config.ts")).toBe(true);
    expect(firstRun.json.project?.deletes.map((removal) => removal.path).sort()).toEqual(["app/api/trigger/route.ts", "trigger.ts"]);
    expect(migratedApp.has("trigger.ts")).toBe(false);
    expect(migratedApp.has("app/api/trigger/route.ts")).toBe(false);
  });

  for (const file of jobFiles) {
    it(`${file} is rewritten into task-API code`, () => {
      const text = migratedApp.get(file);
      expect(text).not.toBe(readFileSync(join(SAMPLE_APP, file), "utf8"));
      expect(isTaskApiCode(text ?? "", 4), "still imports v2 code").toBe(true);
    });
  }

  for (const file of sourceFiles) {
    describe(file, () => {
      const text = migratedApp.get(file)!;

      it("parses", () => {
        expect(parseError(text, file)).toBeUndefined();
      });

      it("passes the recommended lint config (except under TODO markers)", () => {
        expect(formatLintProblems(blockingLintProblems(plugin, text, file, 4))).toBe("");
      });

      it("has no v2 import or usage left, not even under a TODO marker", () => {
        const v2Left = lintRecommended(plugin, text, file, 4).filter((problem) => problem.ruleId !== null && V2_RULES.includes(problem.ruleId));
        expect(formatLintProblems(v2Left)).toBe("");
      });
    });
  }

  describe("type-check of the migrated app against @trigger.dev/sdk 4.x", () => {
    let result: TypeCheckResult | undefined;
    const checked = sourceFiles.filter((file) => TYPE_CHECKED.test(file));
    const check = (): TypeCheckResult => {
      // A separate project (the helper writes its own tsconfig.json) with the app's `paths` aliases.
      const appConfig = ts.readConfigFile(join(sampleCopy, "tsconfig.json"), ts.sys.readFile).config as { compilerOptions?: { paths?: Record<string, string[]> } };
      const files = [...checked.map((path) => ({ path, text: migratedApp.get(path)! })), NEXT_SERVER_STUB];
      result ??= typeCheck(files, 4, { paths: appConfig.compilerOptions?.paths ?? {}, ignoreUnresolvedLocal: false });
      return result;
    };
    afterAll(() => {
      if (result) cleanUp(result);
    });

    it("checks every remaining TypeScript file, trigger.config.ts included", () => {
      expect(checked).toContain("trigger.config.ts");
      expect(checked).toEqual(expect.arrayContaining(jobFiles));
    });

    for (const file of checked) {
      it(`${file} type-checks`, () => {
        const { diagnostics, dir } = check();
        expect(diagnostics.get(file), `type errors (TRIGGER_KEEP_TYPECHECK=1 keeps ${dir} for tsc -p)`).toEqual([]);
      });
    }
  });

  it("changes nothing when the CLI runs again", async () => {
    const second = await runCliIn(sampleCopy, ["--force"]);
    expect(second.code).toBe(0);
    expect(second.json.summary.changed).toBe(0);
    expect(second.json.project).toMatchObject({ creates: [], deletes: [], edits: [] });
    expect(snapshot(sampleCopy)).toEqual(migratedApp);
  });
});
