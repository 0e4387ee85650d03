#!/usr/bin/env node
/**
 * `npm run bench`: everything measured side by side in one run, medians of several alternating
 * runs with peak memory (the machine drifts ±30% between runs; compare within a run only).
 *   node bench/run.mjs [--files 5000] [--runs 3] [--growth] [--growth-runs 1] [--index-files 20000] [--skip-index]
 * Prints markdown tables; also writes bench/.out/last.json and bench/.out/last.md.
 */
import { spawnSync } from "node:child_process";
import { existsSync, mkdirSync, readdirSync, rmSync, writeFileSync } from "node:fs";
import { cpus, tmpdir } from "node:os";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import { parseArgs } from "node:util";
import { generateRepo } from "./generate.mjs";
import { median, runOnce } from "./measure.mjs";

const here = dirname(fileURLToPath(import.meta.url));
const root = join(here, "..");
const { values } = parseArgs({
  options: {
    files: { type: "string", default: "5000" },
    runs: { type: "string", default: "3" },
    growth: { type: "boolean", default: false },
    "growth-runs": { type: "string", default: "1" },
    // ESLint is by far the slowest contender (about 70 files/s here): growth stops measuring it past this size.
    "growth-eslint-max": { type: "string", default: "5000" },
    "index-files": { type: "string", default: "20000" },
    "skip-index": { type: "boolean", default: false },
  },
});
const files = Number(values.files);
const runs = Number(values.runs);
const node = process.execPath;
const cli = join(root, "dist/src/cli/bin.js");
if (!existsSync(cli)) {
  console.error("bench: dist/ is missing; run `npm run bench` (it builds first)");
  process.exit(2);
}

/** The native ast-grep binary: the npm wrapper adds a Node start-up to every run when its postinstall did not run. */
function astGrepBinary() {
  const scope = join(root, "node_modules/@ast-grep");
  for (const entry of existsSync(scope) ? readdirSync(scope) : []) {
    const binary = join(scope, entry, "ast-grep");
    if (entry.startsWith("cli-") && existsSync(binary)) return binary;
  }
  return join(root, "node_modules/.bin/ast-grep");
}
const sg = astGrepBinary();
const AST_GREP_PATTERN = 'import { $$$A } from "@trigger.dev/sdk"';
const AST_GREP_REWRITE = 'import { $$$A } from "@trigger.dev/sdk/v3"';

const out = [];
const log = (line = "") => {
  console.log(line);
  out.push(line);
};

/** Contenders, each a thunk returning one runOnce() result. ESLint ones can be left out (growth). */
function contenders(repo, { eslint = true, clientRepo } = {}) {
  const list = {
    floor: () => runOnce(node, [join(here, "floor.mjs"), repo]),
    cli: () => runOnce(node, [cli, repo, "--dry", "--force"]),
    ...(clientRepo ? { cliWithClient: () => runOnce(node, [cli, clientRepo, "--dry", "--force"]) } : {}),
    cliOneThread: () => runOnce(node, [cli, repo, "--dry", "--force", "--cpus", "1"]),
    cliNoProject: () => runOnce(node, [cli, repo, "--dry", "--force", "--no-project"]),
    // ast-grep picks one language per run: .ts then .tsx, timed as one (peak = the larger child).
    // Like grep it exits 1 when nothing matched (the .tsx files hold no Trigger.dev import).
    astGrep: () =>
      runOnce("/bin/sh", [
        "-c",
        `for lang in ts tsx; do "$0" run --pattern "$1" --rewrite "$2" --lang $lang "$3" || [ $? -eq 1 ] || exit 2; done`,
        sg,
        AST_GREP_PATTERN,
        AST_GREP_REWRITE,
        repo,
      ]),
  };
  if (eslint) {
    list.eslintBaseline = () => runOnce(node, [join(here, "eslint-run.mjs"), "baseline", repo]);
    list.eslintRecommended = () => runOnce(node, [join(here, "eslint-run.mjs"), "recommended", repo]);
  }
  return list;
}

function measureAll(repo, label, rounds, options) {
  const list = contenders(repo, options);
  const samples = Object.fromEntries(Object.keys(list).map((k) => [k, []]));
  for (let i = 0; i < rounds; i++) {
    // Alternate contenders inside each round so drift hits all of them alike.
    for (const [name, run] of Object.entries(list)) {
      const result = run();
      // The CLI exits 0 (nothing to report) or 1; anything else is a failed measurement.
      if (result.status !== 0 && !(name.startsWith("cli") && result.status === 1)) {
        console.error(`${label} ${name}: exit ${result.status}\n${result.stderr.slice(0, 2000)}`);
        process.exitCode = 1;
      }
      samples[name].push(result);
    }
  }
  const summary = {};
  for (const [name, list] of Object.entries(samples)) {
    summary[name] = {
      seconds: median(list.map((r) => r.seconds)),
      cpuSeconds: median(list.map((r) => r.cpuSeconds ?? NaN)),
      peakMiB: median(list.map((r) => r.peakMiB ?? NaN)),
      all: list.map((r) => r.seconds),
    };
  }
  return summary;
}

/** ESLint's own per-rule table (TIMING=all), our rules only, plus their total in ms. */
function ruleTimings(repo) {
  const result = spawnSync(node, [join(here, "eslint-run.mjs"), "recommended", repo], {
    env: { ...process.env, TIMING: "all" },
    encoding: "utf8",
    maxBuffer: 64 * 1024 * 1024,
  });
  const lines = result.stdout.split("\n").filter((line) => line.includes("trigger-dev/") || line.startsWith("Rule"));
  const totalMs = lines.filter((line) => line.includes("trigger-dev/")).reduce((sum, line) => sum + Number(line.split("|")[1]?.trim() ?? 0), 0);
  return { table: lines.join("\n"), totalMs };
}

const fmt = (s) => s.toFixed(2);
const mib = (m) => (Number.isFinite(m) ? m.toFixed(0) : "n/a");
const ratio = (a, b) => `${(a / b).toFixed(2)}x`;

const workDir = join(tmpdir(), "trigger-v3-migrate-bench");
mkdirSync(workDir, { recursive: true });
const repo = join(workDir, `repo-${files}`);
const generated = generateRepo(repo, { files });
// The same repo plus the v2 client file its jobs import: the project plan then loads TypeScript.
const clientRepo = join(workDir, `repo-${files}-client`);
generateRepo(clientRepo, { files, client: true });
const started = Date.now();
log(`# trigger-v3-migrate bench: ${files} files (${generated.v2Files} v2, ${(generated.bytes / 2 ** 20).toFixed(1)} MiB), median of ${runs} runs`);
log(`${new Date().toISOString().slice(0, 10)}, ${cpus().length} cores (${cpus()[0]?.model ?? "?"}), node ${process.version}\n`);

const s = measureAll(repo, `${files}`, runs, { clientRepo });
const timing = ruleTimings(repo);
const pct = (a, b) => `${a >= b ? "+" : ""}${(((a - b) / b) * 100).toFixed(1)}%`;
const both = (a, b, target) => `${ratio(a.seconds, b.seconds)} wall, ${ratio(a.cpuSeconds, b.cpuSeconds)} CPU${target ? ` (target ${target})` : ""}`;
const rows = [
  ["floor: read all, parse + print the pre-filtered files (jscodeshift)", s.floor, ""],
  ["our CLI --dry (defaults: project index, pool from 4 MiB of candidates)", s.cli, `${both(s.cli, s.floor, "<= 1.5x")} floor`],
  ["our CLI --dry, same repo plus its v2 client file src/trigger.ts (TypeScript loads to plan its removal)", s.cliWithClient, `${both(s.cliWithClient, s.floor)} floor`],
  ["our CLI --dry --cpus 1 (no worker pool)", s.cliOneThread, `${both(s.cliOneThread, s.floor)} floor`],
  ["our CLI --dry --no-project (no project index or plan)", s.cliNoProject, `${both(s.cliNoProject, s.floor)} floor`],
  ["ast-grep 0.51, root-import rewrite, .ts + .tsx (dry)", s.astGrep, `CLI = ${both(s.cli, s.astGrep, "<= 2x")} ast-grep`],
  ["ESLint, no-debugger only", s.eslintBaseline, ""],
  [
    "ESLint, no-debugger + trigger-dev/recommended",
    s.eslintRecommended,
    `${pct(s.eslintRecommended.seconds, s.eslintBaseline.seconds)} wall, ${pct(s.eslintRecommended.cpuSeconds, s.eslintBaseline.cpuSeconds)} CPU (target < 10%); our rules' own time (TIMING): ${(timing.totalMs / 1000).toFixed(2)} s = ${((timing.totalMs / 1000 / s.eslintBaseline.cpuSeconds) * 100).toFixed(1)}% of baseline CPU`,
  ],
];
log("| work | median wall s | all runs wall s | median CPU s | files/s (wall) | peak MiB | ratio |\n|---|---|---|---|---|---|---|");
for (const [name, m, note] of rows) {
  log(`| ${name} | ${fmt(m.seconds)} | ${m.all.map(fmt).join(", ")} | ${fmt(m.cpuSeconds)} | ${(files / m.seconds).toFixed(0)} | ${mib(m.peakMiB)} | ${note} |`);
}
log("\nPer-rule ESLint timings (TIMING=all, one recommended run):\n```\n" + timing.table + "\n```");

const report = { date: new Date().toISOString(), node: process.version, cores: cpus().length, files, runs, results: s, ruleTimingMs: timing.totalMs, growth: [] };
if (values.growth) {
  const growthRuns = Number(values["growth-runs"]);
  const eslintMax = Number(values["growth-eslint-max"]);
  log(`\n## Growth (median of ${growthRuns}; ESLint up to ${eslintMax} files; CPU s, then CPU s per 1,000 files in brackets; wall s after the slash)`);
  log("| files | floor | CLI | CLI --cpus 1 | CLI --no-project | ast-grep | ESLint baseline | ESLint recommended | CLI peak MiB |\n|---|---|---|---|---|---|---|---|---|");
  for (const n of [1000, 5000, 10000, 20000]) {
    let g;
    if (n === files) g = s;
    else {
      const dir = join(workDir, `growth-${n}`);
      generateRepo(dir, { files: n });
      g = measureAll(dir, `${n}`, growthRuns, { eslint: n <= eslintMax });
      rmSync(dir, { recursive: true, force: true });
    }
    report.growth.push({ files: n, ...g });
    const cell = (m) => (m ? `${fmt(m.cpuSeconds)} (${fmt((m.cpuSeconds / n) * 1000)}) / ${fmt(m.seconds)}` : "not run");
    log(`| ${n} | ${cell(g.floor)} | ${cell(g.cli)} | ${cell(g.cliOneThread)} | ${cell(g.cliNoProject)} | ${cell(g.astGrep)} | ${cell(g.eslintBaseline)} | ${cell(g.eslintRecommended)} | ${mib(g.cli.peakMiB)} |`);
  }
}

const indexScript = join(here, "index-cost.mjs");
if (!values["skip-index"] && existsSync(indexScript)) {
  log(`\n## Whole-project index (${values["index-files"]} files)`);
  const result = spawnSync(node, [indexScript, "--files", values["index-files"]], { encoding: "utf8", maxBuffer: 16 * 1024 * 1024 });
  for (const line of result.stdout.trimEnd().split("\n")) log(line);
  if (result.status !== 0) {
    console.error(result.stderr);
    process.exitCode = 1;
  }
}
log(`\n(bench took ${((Date.now() - started) / 60000).toFixed(1)} min)`);

mkdirSync(join(here, ".out"), { recursive: true });
writeFileSync(join(here, ".out", "last.json"), JSON.stringify(report, null, 2));
writeFileSync(join(here, ".out", "last.md"), `${out.join("\n")}\n`);
