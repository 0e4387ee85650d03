#!/usr/bin/env node
// `npm run demo` (after the build): the codemod over the bundled v2 sample app, then the plugin
// over the result. 1) a dry run printing the diff and summary, 2) a real run on a temp copy,
// 3) lint before/after with the `recommended` config, showing that no v2 API is left, and the
// project files the run created (trigger.config.ts) and deleted (the v2 client and its route).
import { spawnSync } from "node:child_process";
import { cpSync, existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync } from "node:fs";
import { tmpdir } from "node:os";
import { dirname, join, relative, sep } from "node:path";
import { fileURLToPath } from "node:url";
import pc from "picocolors";

const root = join(dirname(fileURLToPath(import.meta.url)), "..");
const bin = join(root, "dist/src/cli/bin.js");
const sampleApp = join(root, "fixtures/sample-v2-app");
const V2_RULES = ["trigger-dev/no-v2-imports", "trigger-dev/no-define-job", "trigger-dev/no-io-object"];
const TODO_MARKER = "TODO(trigger-v3-migrate)";
const SOURCE_GLOBS = ["**/*.ts", "**/*.tsx", "**/*.js", "**/*.jsx", "**/*.mjs", "**/*.cjs"];

function heading(step, text) {
  console.log(`\n${pc.bold(pc.cyan(`━━ ${step} ${text}`))}`);
}

function fail(message, code = 1) {
  console.error(pc.red(`✖ ${message}`));
  process.exit(code);
}

/** Runs the built CLI with our terminal; returns its exit code, failing the demo on a crash. */
function runCli(args, cwd) {
  console.log(pc.dim(`$ trigger-v3-migrate ${args.join(" ")}`));
  const result = spawnSync(process.execPath, [bin, ...args], { cwd, stdio: "inherit" });
  if (result.error) fail(`could not start the CLI: ${result.error.message}`);
  if (result.signal) fail(`the CLI was killed by ${result.signal}`);
  // 0 = done, 1 = some files had errors (reported above); anything else is a crash or bad usage.
  if (result.status !== 0 && result.status !== 1) fail(`the CLI exited with code ${result.status}`, result.status ?? 1);
  if (result.status === 1) console.log(pc.yellow("! the CLI reported errors in some files (see above)"));
  return result.status;
}

async function lintApp(dir, plugin, parser) {
  const { ESLint } = await import("eslint");
  const eslint = new ESLint({
    cwd: dir,
    overrideConfigFile: true,
    overrideConfig: [
      { ...plugin.configs.recommended, files: SOURCE_GLOBS },
      { files: SOURCE_GLOBS, languageOptions: { parser, sourceType: "module", ecmaVersion: "latest" }, settings: { "trigger-dev": { sdkVersion: 4 } } },
    ],
  });
  // "." lints every file some config's `files` matches (a glob matching nothing would throw).
  const results = await eslint.lintFiles(["."]);
  const problems = results.flatMap((result) => result.messages.map((message) => ({ ...message, file: relative(dir, result.filePath) })));
  const todos = results.reduce((count, result) => count + readFileSync(result.filePath, "utf8").split(TODO_MARKER).length - 1, 0);
  return { problems, todos, files: results.length };
}

/** Every file under a folder, relative and "/"-separated (node_modules left out). */
function filesIn(dir) {
  return readdirSync(dir, { recursive: true })
    .filter((entry) => !entry.split(sep).includes("node_modules") && statSync(join(dir, entry)).isFile())
    .map((entry) => entry.split(sep).join("/"))
    .sort();
}

/** What the CLI's project plan did to the copy: files it created and deleted. */
function projectChanges(original, migrated) {
  const before = new Set(filesIn(original));
  const after = new Set(filesIn(migrated));
  return { created: [...after].filter((path) => !before.has(path)), deleted: [...before].filter((path) => !after.has(path)) };
}

function byRule(problems) {
  const counts = new Map();
  for (const problem of problems) counts.set(problem.ruleId ?? "parse error", (counts.get(problem.ruleId ?? "parse error") ?? 0) + 1);
  return [...counts].sort((a, b) => b[1] - a[1]).map(([rule, count]) => `    ${String(count).padStart(3)}  ${rule}`);
}

async function main() {
  if (!existsSync(bin)) fail("dist/src/cli/bin.js is missing: run `npm run build` first (or `npm run demo`, which builds).");
  const { default: plugin } = await import(join(root, "dist/src/index.js"));
  const { default: parser } = await import("@typescript-eslint/parser");

  heading("1/3", "Dry run over fixtures/sample-v2-app (nothing is written)");
  // --force: the fixture lives inside this repository's work tree, which may have local edits.
  runCli([relative(root, sampleApp), "--dry", "--force"], root);

  const workDir = mkdtempSync(join(tmpdir(), "trigger-v3-migrate-demo-"));
  const copy = join(workDir, "sample-v2-app");
  try {
    cpSync(sampleApp, copy, { recursive: true });
    heading("2/3", `Migrating a copy for real: ${copy}`);
    runCli([copy, "--force"], workDir);

    heading("3/3", "Linting with trigger-dev/recommended");
    const before = await lintApp(sampleApp, plugin, parser);
    const after = await lintApp(copy, plugin, parser);
    console.log(pc.bold(`Before: ${before.problems.length} v2 problems in the original app (${before.files} files linted)`));
    console.log(pc.dim(byRule(before.problems).join("\n")));
    console.log(pc.bold(`After: ${after.problems.length} problems in the migrated app (${after.files} files linted; ${after.todos} TODO markers to finish by hand)`));
    if (after.problems.length > 0) console.log(pc.dim(byRule(after.problems).join("\n")));

    const { created, deleted } = projectChanges(sampleApp, copy);
    console.log(pc.bold(`Project files: ${created.length} created, ${deleted.length} deleted`));
    for (const path of created) console.log(pc.dim(`    + ${path}`));
    for (const path of deleted) console.log(pc.dim(`    - ${path}`));

    const v2Left = after.problems.filter((problem) => V2_RULES.includes(problem.ruleId));
    if (v2Left.length > 0) {
      console.log(pc.red(pc.bold(`✖ ${v2Left.length} v2 API uses left after migration:`)));
      for (const problem of v2Left) console.log(pc.red(`    ${problem.file}:${problem.line}:${problem.column}  ${problem.ruleId}  ${problem.message}`));
      // Not a demo failure (the CLI ran); tests/invariants/fixtures.test.ts is where this fails the build.
    } else {
      console.log(pc.green(`✔ No v2 import, defineJob or io object left (${V2_RULES.map((rule) => rule.replace("trigger-dev/", "")).join(", ")}: 0).`));
    }
    const v2ClientLeft = filesIn(copy).filter((path) => /\.[mc]?[jt]sx?$/.test(path) && /\bnew\s+TriggerClient\s*\(/.test(readFileSync(join(copy, path), "utf8")));
    if (v2ClientLeft.length > 0) console.log(pc.red(pc.bold(`✖ the v2 TriggerClient is still constructed in ${v2ClientLeft.join(", ")}`)));
    else console.log(pc.green(`✔ No v2 TriggerClient left${deleted.length > 0 ? ` (${deleted.length} v2 file${deleted.length === 1 ? "" : "s"} deleted)` : ""}.`));
    if (created.includes("trigger.config.ts")) console.log(pc.green("✔ trigger.config.ts created."));
    else console.log(pc.red(pc.bold("✖ no trigger.config.ts was created")));
    if (after.todos > 0) console.log(pc.dim(`Find the markers with: grep -rn "${TODO_MARKER}" <your app>`));
  } finally {
    rmSync(workDir, { recursive: true, force: true });
  }
}

main().catch((error) => fail(error instanceof Error ? error.message : String(error)));
