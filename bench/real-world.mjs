#!/usr/bin/env node
/**
 * The CLI on real v2 code (e.g. the trigger.dev repo's `references/` and `examples/`):
 *   node bench/real-world.mjs <dir> [--target 4|3] [--exclude <relative path>]... [--keep] [--no-build]
 * Runs the BUILT CLI (`--json --force`) on a copy of <dir> in the OS temp dir (the CLI writes),
 * then measures the result: v2 jobs found and converted, files changed/unchanged/skipped/errors,
 * TODOs by kind, what our `recommended` lint config still reports, which migrated task-API files
 * type-check against the real SDK types, and whether a second run changes nothing.
 * Prints a markdown table, then one JSON summary. Never copies anything into this repository.
 */
import { spawnSync } from "node:child_process";
import { cpSync, existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, symlinkSync, unlinkSync } from "node:fs";
import { tmpdir } from "node:os";
import { basename, dirname, join, relative, resolve, sep } from "node:path";
import { fileURLToPath } from "node:url";
import { parseArgs } from "node:util";
import { parse } from "@babel/parser";
import tsParser from "@typescript-eslint/parser";
import { Linter } from "eslint";
import ts from "typescript";

const root = join(dirname(fileURLToPath(import.meta.url)), "..");
const cli = join(root, "dist/src/cli/bin.js");
const nodeModules = join(root, "node_modules");
const CODE_FILE = /\.(ts|tsx|mts|cts|js|jsx|mjs|cjs)$/;
const TS_FILE = /\.(ts|tsx|mts|cts)$/;
const LINT_RULES_OF_INTEREST = ["trigger-dev/no-v2-imports", "trigger-dev/no-define-job", "trigger-dev/no-io-object"];
/** 3.x types come from the `trigger-sdk-v3` npm alias (3.3.17), as in tests/helpers/typecheck.ts. */
const TARGET3_PATHS = {
  "@trigger.dev/sdk/v3": [join(nodeModules, "trigger-sdk-v3/dist/esm/v3/index.d.ts")],
  "@trigger.dev/sdk": [join(nodeModules, "trigger-sdk-v3/dist/esm/index.d.ts")],
};

function usage(message) {
  console.error(`real-world: ${message}\nusage: node bench/real-world.mjs <dir> [--target 4|3] [--exclude <relative path>]... [--keep] [--no-build]`);
  process.exit(2);
}

let args;
try {
  args = parseArgs({
    allowPositionals: true,
    options: {
      target: { type: "string", default: "4" },
      exclude: { type: "string", multiple: true, default: [] },
      keep: { type: "boolean", default: false },
      "no-build": { type: "boolean", default: false },
    },
  });
} catch (error) {
  usage(error.message);
}
const [input] = args.positionals;
if (!input || args.positionals.length > 1) usage("give exactly one directory");
if (!existsSync(input) || !statSync(input).isDirectory()) usage(`not a directory: ${input}`);
if (args.values.target !== "3" && args.values.target !== "4") usage(`--target must be 3 or 4, got "${args.values.target}"`);
const target = Number(args.values.target);

// The dist is loaded only after a possible rebuild: other work may have changed the sources.
ensureFreshBuild(args.values["no-build"]);
const { isTaskApiSource, isTriggerDevSource, isV2OnlyPackage, isV2SdkSource } = await import(join(root, "dist/src/catalog/packages.js"));
const { isV2OnlyExport, TASK_API_EXPORTS } = await import(join(root, "dist/src/catalog/exports.js"));
const { TODO_MARKER } = await import(join(root, "dist/src/catalog/markers.js"));
const { findTodoMarkers } = await import(join(root, "dist/src/codemod/todo.js"));
const plugin = (await import(join(root, "dist/src/index.js"))).default;

// ---------------------------------------------------------------------------------------------
// Build, copy, run

function newestSourceMtime(directory) {
  let newest = 0;
  for (const entry of readdirSync(directory, { withFileTypes: true })) {
    const path = join(directory, entry.name);
    if (entry.isDirectory()) newest = Math.max(newest, newestSourceMtime(path));
    else if (entry.name.endsWith(".ts")) newest = Math.max(newest, statSync(path).mtimeMs);
  }
  return newest;
}

function ensureFreshBuild(skip) {
  const built = existsSync(cli) ? statSync(cli).mtimeMs : 0;
  const sources = Math.max(...["src", "rules", "codemods"].map((d) => newestSourceMtime(join(root, d))));
  if (skip || sources <= built) return;
  console.error("real-world: sources are newer than dist, running `npm run build`...");
  const build = spawnSync("npm", ["run", "build"], { cwd: root, encoding: "utf8" });
  // tsc still emits when a file someone is editing has type errors; the run goes on, with a warning.
  if (build.status !== 0) console.error(`real-world: build reported errors (measuring what was emitted):\n${(build.stdout + build.stderr).slice(-1500)}`);
}

function copyTree(source, excludes) {
  const copy = join(mkdtempSync(join(tmpdir(), "trigger-real-world-")), basename(resolve(source)));
  cpSync(source, copy, { recursive: true, filter: (path) => !path.split(sep).includes("node_modules") });
  for (const exclude of excludes) rmSync(join(copy, exclude), { recursive: true, force: true });
  return copy;
}

function runCli(directory) {
  const started = performance.now();
  const result = spawnSync(process.execPath, [cli, ".", "--json", "--force", "--target", String(target)], { cwd: directory, encoding: "utf8", maxBuffer: 512 * 1024 * 1024 });
  const seconds = (performance.now() - started) / 1000;
  let report;
  try {
    report = JSON.parse(result.stdout);
  } catch {
    console.error(`real-world: the CLI printed no JSON (exit ${result.status}):\n${result.stderr.slice(0, 3000)}`);
    process.exit(1);
  }
  return { report, exitCode: result.status, seconds, stderr: result.stderr };
}

// ---------------------------------------------------------------------------------------------
// Files and ASTs

function codeFiles(directory) {
  const found = [];
  for (const entry of readdirSync(directory, { withFileTypes: true })) {
    const path = join(directory, entry.name);
    if (entry.isDirectory()) {
      if (entry.name !== "node_modules" && entry.name !== ".git") found.push(...codeFiles(path));
    } else if (CODE_FILE.test(entry.name) && !/\.d\.[cm]?ts$/.test(entry.name)) found.push(path);
  }
  return found.sort();
}

function parseCode(text, path) {
  const jsx = !/\.(ts|mts|cts)$/.test(path);
  try {
    return parse(text.replace(/^\uFEFF/, ""), {
      sourceType: "unambiguous",
      errorRecovery: true,
      allowAwaitOutsideFunction: true,
      plugins: ["typescript", "decorators-legacy", ...(jsx ? ["jsx"] : [])],
    });
  } catch {
    return undefined;
  }
}

function walk(node, visit) {
  if (!node || typeof node.type !== "string") return;
  visit(node);
  for (const key of Object.keys(node)) {
    if (key === "loc" || key === "leadingComments" || key === "trailingComments" || key === "innerComments") continue;
    const value = node[key];
    if (Array.isArray(value)) for (const item of value) walk(item, visit);
    else if (value && typeof value === "object") walk(value, visit);
  }
}

const keyName = (property) => property.key?.name ?? property.key?.value;
const objectHasKeys = (node, keys) => node?.type === "ObjectExpression" && keys.every((k) => node.properties.some((p) => keyName(p) === k));
const memberPropertyName = (callee) => (callee?.type === "MemberExpression" || callee?.type === "OptionalMemberExpression" ? callee.property?.name : undefined);

/** v2 jobs by shape: `<x>.defineJob({ id, run, ... })` and `new Job(<client>?, { id, run, ... })`. */
function isV2Job(node) {
  if (node.type === "CallExpression" && memberPropertyName(node.callee) === "defineJob") return objectHasKeys(node.arguments.at(-1), ["id", "run"]);
  if (node.type === "NewExpression" && node.callee.type === "Identifier" && node.callee.name === "Job") return objectHasKeys(node.arguments.at(-1), ["id", "run"]);
  return false;
}

/** Task definitions: `task({ id, run })`, `schemaTask(...)`, `schedules.task(...)`. */
function isTaskDefinition(node) {
  if (node.type !== "CallExpression" || !objectHasKeys(node.arguments[0], ["id"])) return false;
  const { callee } = node;
  if (callee.type === "Identifier") return callee.name === "task" || callee.name === "schemaTask";
  return memberPropertyName(callee) === "task" && callee.object?.type === "Identifier" && callee.object.name === "schedules";
}

function importsOf(ast) {
  const imports = [];
  for (const statement of ast.program.body) {
    if (statement.type !== "ImportDeclaration" && !(statement.type === "ExportNamedDeclaration" && statement.source)) continue;
    const typeOnly = statement.importKind === "type" || statement.exportKind === "type";
    const names = (statement.specifiers ?? [])
      .filter((s) => s.type === "ImportSpecifier" || s.type === "ExportSpecifier")
      .filter((s) => s.importKind !== "type" && s.exportKind !== "type")
      .map((s) => (s.imported ?? s.local).name ?? (s.imported ?? s.local).value);
    imports.push({ source: statement.source.value, names: typeOnly ? [] : names });
  }
  walk(ast.program, (node) => {
    if (node.type === "CallExpression" && node.arguments[0]?.type === "StringLiteral" && ((node.callee.type === "Identifier" && node.callee.name === "require") || node.callee.type === "Import")) {
      imports.push({ source: node.arguments[0].value, names: [] });
    }
  });
  return imports;
}

function scanFile(path) {
  const text = readFileSync(path, "utf8");
  const ast = parseCode(text, path);
  const scan = { path, text, parses: ast !== undefined, v2Jobs: 0, tasks: 0, imports: [] };
  if (!ast) return scan;
  walk(ast.program, (node) => {
    if (isV2Job(node)) scan.v2Jobs++;
    if (isTaskDefinition(node)) scan.tasks++;
  });
  scan.imports = importsOf(ast);
  return scan;
}

function scanTree(directory) {
  return new Map(codeFiles(directory).map((path) => [relative(directory, path), scanFile(path)]));
}

/**
 * Task code worth type-checking: it defines tasks or imports the task API, and imports nothing v2
 * (the rule of tests/helpers/output-checks.ts `isTaskApiCode`, widened to files that define tasks
 * without importing them, so a lost import shows up as a type error instead of hiding the file).
 */
function isTaskApiCode(scan) {
  const trigger = scan.imports.filter((i) => isTriggerDevSource(i.source));
  if (scan.tasks === 0 && !trigger.some((i) => isTaskApiSource(i.source, target))) return false;
  return trigger.every((i) => !isV2OnlyPackage(i.source) && !isV2SdkSource(i.source, target) && !i.names.some(isV2OnlyExport));
}

// ---------------------------------------------------------------------------------------------
// TODOs by kind

/** Ordered: the first pattern that matches names the kind; unknown messages fall back to their first words. */
const TODO_KINDS = [
  [/^the v2 trigger .* has no task API equivalent/, () => "trigger with no task API equivalent"],
  [/^io\.\w+ is now `\w+` \(was the v2 integration/, () => "io.<integration> -> official SDK client"],
  [/^io\.\w+ is now `\w+`/, () => "io.<unknown integration> -> SDK client"],
  [/^"@trigger\.dev\/[\w-]+" is a v2 integration/, () => "v2 integration package import"],
  [/^`\w+` is now the official .* v2-only call shape/, () => "integration call with a v2-only shape"],
  [/^set logLevel in trigger\.config\.ts/, () => "logLevel -> trigger.config.ts"],
  [/^set TRIGGER_PROJECT_REF/, () => "trigger.config.ts project ref"],
  [/^the task API has no events: this event's name or shape is not a literal/, () => "sendEvent with a non-literal event"],
  [/^the v2 io parameter is gone/, () => "io uses left in run (summary marker)"],
  [/^replace (io\.\w+)/, (m) => m[1]],
  [/^(io\.\w+)/, (m) => m[1]],
  [/^the io\.runTask callback/, () => "io.runTask callback uses its task parameter"],
  [/^(ctx\.\w+)/, (m) => m[1]],
  [/^the task id changed/, () => "task id renamed (callers by id)"],
  [/^define this task at the top level/, () => "task not at top level"],
  [/^no task in this project listens to/, () => "sendEvent with no listening task"],
  [/^the v2 dynamic schedule/, () => "dynamic schedule"],
  [/^the v2 job ran every \d+ seconds/, () => "interval not expressible as cron"],
  [/^v2 job was disabled/, () => "disabled job"],
  [/^v2 invoke callbackUrl/, () => "invoke callbackUrl"],
  [/^the v2 TriggerClient is gone/, () => "TriggerClient left over (project step)"],
  [/^the v2 adapter route was removed/, () => "adapter route removed (project step)"],
];

function todoKind(message) {
  for (const [pattern, name] of TODO_KINDS) {
    const match = pattern.exec(message);
    if (match) return name(match);
  }
  const words = message
    .replace(/https?:\/\/\S+/g, "")
    .replace(/`[^`]*`|"[^"]*"/g, "<x>")
    .replace(/\d+/g, "<n>")
    .split(/\s+/)
    .filter(Boolean);
  return `other: ${words.slice(0, 6).join(" ")}`;
}

function countBy(items, keyOf) {
  const counts = new Map();
  for (const item of items) counts.set(keyOf(item), (counts.get(keyOf(item)) ?? 0) + 1);
  return Object.fromEntries([...counts].sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : 1)));
}

// ---------------------------------------------------------------------------------------------
// Lint and type-check

function lintTree(scans) {
  const linter = new Linter({ configType: "flat" });
  const byRule = {};
  const locations = [];
  let files = 0;
  for (const [path, scan] of scans) {
    const config = {
      ...plugin.configs.recommended,
      // A catch-all `**/*` alone does not count as a match in flat config: name the extensions.
      files: ["**/*.{ts,tsx,mts,cts,js,jsx,mjs,cjs}"],
      languageOptions: { parser: tsParser, sourceType: "module", ecmaVersion: "latest", parserOptions: { ecmaFeatures: { jsx: !/\.(ts|mts|cts)$/.test(path) } } },
      settings: { "trigger-dev": { sdkVersion: target } },
    };
    const messages = linter.verify(scan.text, [config], { filename: path });
    if (messages.length > 0) files++;
    for (const message of messages) {
      const rule = message.ruleId ?? "parse error";
      byRule[rule] = (byRule[rule] ?? 0) + 1;
      if (LINT_RULES_OF_INTEREST.includes(rule)) locations.push(`${path}:${message.line} ${rule.replace("trigger-dev/", "")}`);
    }
  }
  return { filesWithProblems: files, byRule, locations };
}

function linesUnderTodo(text) {
  const lines = text.split(/\r?\n/);
  const covered = new Set();
  lines.forEach((line, index) => {
    if (!line.includes(TODO_MARKER)) return;
    let next = index + 1;
    while (next < lines.length && /^\s*(\/\/|\/\*|\*)/.test(lines[next] ?? "")) next++;
    covered.add(next + 1);
  });
  return covered;
}

/** "Cannot find module 'x'" for a package that is simply not installed here (not ours, not relative). */
function missingThirdPartyModule(diagnostic) {
  if (diagnostic.code !== 2307 && diagnostic.code !== 2792) return false;
  const specifier = /Cannot find module '([^']+)'/.exec(ts.flattenDiagnosticMessageText(diagnostic.messageText, "\n"))?.[1];
  return specifier !== undefined && !specifier.startsWith(".") && !specifier.startsWith("/") && !isTriggerDevSource(specifier);
}

/** `Cannot find name 'logger'` for a task-API export, or an implicit any in a callback left untyped by it. */
function isMissingTaskApiName(diagnostic) {
  if (diagnostic.code === 7006 || diagnostic.code === 7031) return true;
  const name = /^Cannot find name '([^']+)'/.exec(ts.flattenDiagnosticMessageText(diagnostic.messageText, "\n"))?.[1];
  return (diagnostic.code === 2304 || diagnostic.code === 2552) && name !== undefined && TASK_API_EXPORTS[target].has(name);
}

function typeCheck(directory, paths) {
  const result = { checked: paths.length, clean: 0, onlyMissingModules: 0, onlyUnderTodo: 0, onlyMissingSdkImport: 0, realErrors: 0, errorsByCode: {}, errorsByMessage: {}, failing: {} };
  if (paths.length === 0) return result;
  // A node_modules link at the copy's root lets TypeScript resolve the SDK through its `exports`.
  const link = join(directory, "node_modules");
  symlinkSync(nodeModules, link, "dir");
  try {
    const options = {
      strict: true,
      target: ts.ScriptTarget.ES2022,
      lib: ["lib.es2023.d.ts", "lib.dom.d.ts"],
      module: ts.ModuleKind.ESNext,
      moduleResolution: ts.ModuleResolutionKind.Bundler,
      esModuleInterop: true,
      skipLibCheck: true,
      noEmit: true,
      jsx: ts.JsxEmit.Preserve,
      experimentalDecorators: true,
      typeRoots: [join(nodeModules, "@types")],
      types: ["node"],
      baseUrl: directory,
      paths: target === 3 ? TARGET3_PATHS : {},
    };
    const program = ts.createProgram({ rootNames: paths.map((p) => join(directory, p)), options });
    for (const path of paths) {
      const sourceFile = program.getSourceFile(join(directory, path));
      if (!sourceFile) {
        result.realErrors++;
        result.failing[path] = ["not part of the program"];
        continue;
      }
      const excused = linesUnderTodo(sourceFile.text);
      const diagnostics = [...program.getSyntacticDiagnostics(sourceFile), ...program.getSemanticDiagnostics(sourceFile)];
      const missing = diagnostics.filter(missingThirdPartyModule);
      const rest = diagnostics.filter((d) => !missingThirdPartyModule(d));
      const lineOf = (d) => sourceFile.getLineAndCharacterOfPosition(d.start ?? 0).line + 1;
      const real = rest.filter((d) => !excused.has(lineOf(d)));
      if (diagnostics.length === 0) result.clean++;
      else if (rest.length === 0 && missing.length > 0) result.onlyMissingModules++;
      else if (real.length === 0) result.onlyUnderTodo++;
      else if (real.every(isMissingTaskApiName)) {
        // The SDK import is missing: every error is an unbound task-API name or the untyped callback that follows.
        result.onlyMissingSdkImport++;
        result.failing[path] = real.map((d) => `${lineOf(d)} TS${d.code} ${ts.flattenDiagnosticMessageText(d.messageText, " ").slice(0, 160)}`);
      } else {
        result.realErrors++;
        result.failing[path] = real.map((d) => `${lineOf(d)} TS${d.code} ${ts.flattenDiagnosticMessageText(d.messageText, " ").slice(0, 160)}`);
        for (const d of real) {
          result.errorsByCode[`TS${d.code}`] = (result.errorsByCode[`TS${d.code}`] ?? 0) + 1;
          const text = `TS${d.code} ${ts.flattenDiagnosticMessageText(d.messageText, " ").slice(0, 90)}`;
          result.errorsByMessage[text] = (result.errorsByMessage[text] ?? 0) + 1;
        }
      }
    }
  } finally {
    unlinkSync(link);
  }
  return result;
}

// ---------------------------------------------------------------------------------------------
// Measure

const copy = copyTree(input, args.values.exclude);
const before = scanTree(copy);
const first = runCli(copy);
const after = scanTree(copy);
const files = first.report.files;
const changedPaths = files.filter((f) => f.status === "changed").map((f) => f.path);
// Markers are counted in the files as the run left them: the project step (client and adapter
// removal) adds markers after the per-file reports were made.
const todos = [...after.values()].flatMap((scan) => findTodoMarkers(scan.text).map((t) => ({ ...t, path: relative(copy, scan.path) })));
const reportedTodos = first.report.summary.todos;

const sum = (scans, key) => [...scans.values()].reduce((total, scan) => total + scan[key], 0);
const taskApiFiles = changedPaths.filter((p) => after.has(p) && isTaskApiCode(after.get(p)));
const checkedTs = taskApiFiles.filter((p) => TS_FILE.test(p));
const lint = lintTree(after);
const types = typeCheck(copy, checkedTs);
const second = runCli(copy);
const projectChanges = (report) => {
  const p = report.project ?? {};
  return (p.creates?.length ?? 0) + (p.edits?.length ?? 0) + (p.deletes?.length ?? 0);
};

const summary = {
  input: resolve(input),
  excluded: args.values.exclude,
  target,
  tool: first.report.tool,
  v2JobsFound: { projectIndex: first.report.project?.index?.jobs ?? null, byShape: sum(before, "v2Jobs") },
  jobsConverted: sum(after, "tasks") - sum(before, "tasks"),
  v2JobsLeft: sum(after, "v2Jobs"),
  files: { scannedByCli: first.report.summary.scanned, codeFilesInTree: before.size, changed: first.report.summary.changed, unchanged: first.report.summary.unchanged, skipped: first.report.summary.skipped, errors: first.report.summary.errors },
  errors: files.filter((f) => f.status === "error").map((f) => ({ path: f.path, ...f.error })),
  skipped: files.filter((f) => f.status === "skipped").map((f) => ({ path: f.path, reason: f.reason })),
  project: first.report.project ? { creates: first.report.project.creates?.length ?? 0, edits: first.report.project.edits?.length ?? 0, deletes: first.report.project.deletes?.length ?? 0 } : null,
  outputsThatDoNotParse: changedPaths.filter((p) => after.has(p) && !after.get(p).parses),
  todos: { total: todos.length, reportedByCli: reportedTodos, byKind: countBy(todos, (t) => todoKind(t.message)) },
  lint: { filesWithProblems: lint.filesWithProblems, ofInterest: Object.fromEntries(LINT_RULES_OF_INTEREST.map((r) => [r, lint.byRule[r] ?? 0])), byRule: lint.byRule, locations: lint.locations },
  typeCheck: { taskApiFiles: taskApiFiles.length, notCheckedJs: taskApiFiles.length - checkedTs.length, ...types },
  idempotency: { changedOnSecondRun: second.report.summary.changed, projectChangesOnSecondRun: projectChanges(second.report), todosFirst: todos.length, todosSecond: [...scanTree(copy).values()].reduce((n, scan) => n + findTodoMarkers(scan.text).length, 0), changedFiles: second.report.files.filter((f) => f.status === "changed").map((f) => f.path) },
  seconds: { firstRun: round(first.seconds), secondRun: round(second.seconds), cliReportedMs: first.report.summary.durationMs },
  exitCodes: [first.exitCode, second.exitCode],
  changedFiles: changedPaths,
  copy: args.values.keep ? copy : null,
};
if (!args.values.keep) rmSync(dirname(copy), { recursive: true, force: true });

function round(n) {
  return Math.round(n * 100) / 100;
}

// ---------------------------------------------------------------------------------------------
// Print

const t = summary.typeCheck;
const rows = [
  ["v2 jobs found (project index / by shape)", `${summary.v2JobsFound.projectIndex ?? "-"} / ${summary.v2JobsFound.byShape}`],
  ["jobs converted (task/schemaTask/schedules.task added)", summary.jobsConverted],
  ["v2 jobs left (by shape)", summary.v2JobsLeft],
  ["files scanned / changed / unchanged / skipped / errors", `${summary.files.scannedByCli} / ${summary.files.changed} / ${summary.files.unchanged} / ${summary.files.skipped} / ${summary.files.errors}`],
  ["project files created / edited / deleted", summary.project ? `${summary.project.creates} / ${summary.project.edits} / ${summary.project.deletes}` : "-"],
  ["outputs that do not parse", summary.outputsThatDoNotParse.length],
  ["TODO markers in the files (reported in the CLI's JSON)", `${summary.todos.total} (${summary.todos.reportedByCli})`],
  ...Object.entries(summary.todos.byKind).map(([kind, n]) => [`  TODO: ${kind}`, n]),
  ["lint: no-v2-imports / no-define-job / no-io-object", LINT_RULES_OF_INTEREST.map((r) => summary.lint.ofInterest[r]).join(" / ")],
  ["lint: files with any problem (recommended)", summary.lint.filesWithProblems],
  ["task files (changed, define tasks or import the task API, no v2 import) / JS not type-checked", `${t.taskApiFiles} / ${t.notCheckedJs}`],
  ["type-check: clean / only missing 3rd-party modules / only under TODO / only a missing SDK import / other errors", `${t.clean} / ${t.onlyMissingModules} / ${t.onlyUnderTodo} / ${t.onlyMissingSdkImport} / ${t.realErrors}`],
  ["idempotency: files changed on 2nd run (project changes), TODO markers after 1st / 2nd", `${summary.idempotency.changedOnSecondRun} (${summary.idempotency.projectChangesOnSecondRun}), ${summary.idempotency.todosFirst} / ${summary.idempotency.todosSecond}`],
  ["time: 1st run / 2nd run (s)", `${summary.seconds.firstRun} / ${summary.seconds.secondRun}`],
];
console.log(`### ${basename(summary.input)} (target ${target})\n\n| measure | value |\n|---|---|`);
for (const [label, value] of rows) console.log(`| ${label} | ${value} |`);
if (t.realErrors > 0) {
  console.log(`\nType errors by code: ${Object.entries(t.errorsByCode).map(([c, n]) => `${c} x${n}`).join(", ")}\nMost frequent:`);
  for (const [message, n] of Object.entries(t.errorsByMessage).sort((a, b) => b[1] - a[1]).slice(0, 12)) console.log(`- ${n} x ${message}`);
}
console.log(`\n\`\`\`json\n${JSON.stringify(summary, null, 2)}\n\`\`\``);
