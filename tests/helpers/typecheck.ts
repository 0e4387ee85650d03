/**
 * Type-checks migrated files against the REAL SDK types in one TypeScript program per target:
 * 4.x is `@trigger.dev/sdk` 4.8.3; 3.x maps `@trigger.dev/sdk/v3` to the `trigger-sdk-v3`
 * alias (3.3.17) through `paths`. The files go to a temp dir with a written tsconfig.json (so a
 * failure can be reproduced with `npx tsc -p <dir>`) and a node_modules symlink to ours, which
 * lets TypeScript resolve packages through their `exports` like a real project.
 */
import { existsSync, mkdirSync, mkdtempSync, rmSync, symlinkSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { dirname, join, relative } from "node:path";
import ts from "typescript";
import { SDK_RANGE_FOR_TARGET, type SdkMajor } from "../../src/catalog/packages.js";
import { REPO_ROOT } from "./fixture-cases.js";
import { linesUnderTodo } from "./output-checks.js";

const NODE_MODULES = join(REPO_ROOT, "node_modules");

/** Where the 3.3.17 types live (the `trigger-sdk-v3` npm alias). */
const TARGET3_PATHS: Record<string, string[]> = {
  "@trigger.dev/sdk/v3": [join(NODE_MODULES, "trigger-sdk-v3/dist/esm/v3/index.d.ts")],
  "@trigger.dev/sdk": [join(NODE_MODULES, "trigger-sdk-v3/dist/esm/index.d.ts")],
};

/** The SDK types per target, for the Deno `npm:` specifiers the imports transform writes (unpinned or pinned to the target's range). */
const SDK_TYPES: Record<SdkMajor, { root: string; v3: string }> = {
  4: { root: join(NODE_MODULES, "@trigger.dev/sdk/dist/esm/v3/index.d.ts"), v3: join(NODE_MODULES, "@trigger.dev/sdk/dist/esm/v3/index.d.ts") },
  3: { root: join(NODE_MODULES, "trigger-sdk-v3/dist/esm/index.d.ts"), v3: join(NODE_MODULES, "trigger-sdk-v3/dist/esm/v3/index.d.ts") },
};

function npmSpecifierPaths(target: SdkMajor): Record<string, string[]> {
  const { root, v3 } = SDK_TYPES[target];
  const pinned = `npm:@trigger.dev/sdk@${SDK_RANGE_FOR_TARGET[target]}`;
  return { "npm:@trigger.dev/sdk": [root], "npm:@trigger.dev/sdk/v3": [v3], [pinned]: [root], [`${pinned}/v3`]: [v3] };
}

export interface TypeCheckInput {
  /** Path inside the project dir, e.g. `define-job/event-trigger.ts`. */
  path: string;
  text: string;
}

export interface TypeCheckOptions {
  /** Use this directory (already holding the files' neighbours) instead of a fresh temp dir. */
  dir?: string;
  /** Extra `paths` (e.g. a project's `@/*` alias), relative to `dir`. */
  paths?: Record<string, string[]>;
  /** Ignore unresolved relative/`@/` imports (default true: a fixture output is a lone file). */
  ignoreUnresolvedLocal?: boolean;
}

export interface TypeCheckResult {
  dir: string;
  /** Diagnostics per input path (`line:col TS<code> message`); empty when the file is clean. */
  diagnostics: Map<string, string[]>;
}

/** Fixture outputs are single files: their relative and `@/` imports cannot resolve, by design. */
function isLocalSpecifier(specifier: string): boolean {
  return specifier.startsWith(".") || specifier.startsWith("@/") || specifier.startsWith("~/");
}

function unresolvedLocalImport(diagnostic: ts.Diagnostic): boolean {
  if (diagnostic.code !== 2307 && diagnostic.code !== 2792) return false;
  const match = /Cannot find module '([^']+)'/.exec(ts.flattenDiagnosticMessageText(diagnostic.messageText, "\n"));
  return match?.[1] !== undefined && isLocalSpecifier(match[1]);
}

export function typeCheck(files: readonly TypeCheckInput[], target: SdkMajor, options: TypeCheckOptions = {}): TypeCheckResult {
  const dir = options.dir ?? mkdtempSync(join(tmpdir(), `trigger-typecheck-${target}-`));
  for (const file of files) {
    const path = join(dir, file.path);
    mkdirSync(dirname(path), { recursive: true });
    writeFileSync(path, file.text);
  }
  if (!existsSync(join(dir, "node_modules"))) symlinkSync(NODE_MODULES, join(dir, "node_modules"), "dir");
  const tsconfig = {
    compilerOptions: {
      strict: true,
      target: "ES2022",
      lib: ["ES2023", "DOM"],
      module: "ESNext",
      moduleResolution: "bundler",
      esModuleInterop: true,
      skipLibCheck: true,
      noEmit: true,
      jsx: "preserve",
      // `process.env` is everywhere in task code; @types/node is the only ambient package we load.
      typeRoots: [join(NODE_MODULES, "@types")],
      types: ["node"],
      baseUrl: ".",
      paths: { ...(target === 3 ? TARGET3_PATHS : {}), ...npmSpecifierPaths(target), ...options.paths },
    },
    files: files.map((f) => f.path),
  };
  const configPath = join(dir, "tsconfig.json");
  writeFileSync(configPath, `${JSON.stringify(tsconfig, null, 2)}\n`);

  const parsed = ts.getParsedCommandLineOfConfigFile(configPath, {}, { ...ts.sys, onUnRecoverableConfigFileDiagnostic: (d) => { throw new Error(ts.flattenDiagnosticMessageText(d.messageText, "\n")); } });
  if (!parsed) throw new Error(`cannot read ${configPath}`);
  if (parsed.errors.length > 0) throw new Error(parsed.errors.map((d) => ts.flattenDiagnosticMessageText(d.messageText, "\n")).join("\n"));
  const program = ts.createProgram({ rootNames: parsed.fileNames, options: parsed.options });

  const diagnostics = new Map<string, string[]>();
  for (const file of files) {
    const sourceFile = program.getSourceFile(join(dir, file.path));
    if (!sourceFile) {
      diagnostics.set(file.path, ["not part of the program"]);
      continue;
    }
    // Same exemption as lint: the line right under a TODO marker is left for a human to finish.
    const excused = linesUnderTodo(file.text);
    const found = [...program.getSyntacticDiagnostics(sourceFile), ...program.getSemanticDiagnostics(sourceFile)]
      .filter((d) => options.ignoreUnresolvedLocal === false || !unresolvedLocalImport(d))
      .flatMap((d) => {
        const { line, character } = sourceFile.getLineAndCharacterOfPosition(d.start ?? 0);
        return excused.has(line + 1) ? [] : [`${line + 1}:${character + 1} TS${d.code} ${ts.flattenDiagnosticMessageText(d.messageText, " ")}`];
      });
    diagnostics.set(file.path, found);
  }
  return { dir, diagnostics };
}

/** Set TRIGGER_KEEP_TYPECHECK=1 to keep the temp projects and rerun `npx tsc -p <dir>` by hand. */
export const KEEP_TYPECHECK_DIRS = process.env["TRIGGER_KEEP_TYPECHECK"] === "1";

/** Removes a temp project this module created (never a caller's own `dir`). */
export function cleanUp(result: TypeCheckResult): void {
  if (KEEP_TYPECHECK_DIRS || !relative(tmpdir(), result.dir).match(/^trigger-typecheck-/)) return;
  rmSync(result.dir, { recursive: true, force: true });
}
