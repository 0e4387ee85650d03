#!/usr/bin/env node
/**
 * A/B of two builds of the migration pipeline on the same files, alternating, in one run:
 *   node bench/ab-pipeline.mjs <distA> <distB> <file-or-dir>... [--rounds 5]
 * Each round migrates every given file (the v2 candidates of a repo: pass a repo directory and
 * the CLI's own pre-filter picks them) once per build, each in a fresh process, and reports the
 * median CPU and wall seconds per build. Used to check that a performance fix helps.
 */
import { spawnSync } from "node:child_process";
import { readdirSync, readFileSync, statSync } from "node:fs";
import { join, resolve } from "node:path";
import { parseArgs } from "node:util";
import { median } from "./measure.mjs";

const { values, positionals } = parseArgs({ allowPositionals: true, options: { rounds: { type: "string", default: "5" }, child: { type: "string" } } });

if (values.child) {
  const dist = resolve(values.child);
  const { migrateSource } = await import(join(dist, "src/codemod/pipeline.js"));
  const { TRANSFORMS } = await import(join(dist, "codemods/index.js"));
  const { mightNeedMigration } = await import(join(dist, "src/cli/prefilter.js"));
  const files = positionals.flatMap((path) => (statSync(path).isDirectory() ? readdirSync(path, { recursive: true }).map((p) => join(path, p)) : [path]));
  const texts = files.filter((f) => /\.tsx?$/.test(f)).map((f) => [f, readFileSync(f, "utf8")]).filter(([, t]) => mightNeedMigration(t));
  const started = performance.now();
  const cpu = process.cpuUsage();
  for (const [file, text] of texts) migrateSource(text, file, TRANSFORMS, 4);
  const used = process.cpuUsage(cpu);
  console.log(JSON.stringify({ files: texts.length, seconds: (performance.now() - started) / 1000, cpuSeconds: (used.user + used.system) / 1e6 }));
  process.exit(0);
}

const [a, b, ...inputs] = positionals;
const samples = { [a]: [], [b]: [] };
for (let round = 0; round < Number(values.rounds); round++) {
  for (const dist of [a, b]) {
    const result = spawnSync(process.execPath, [new URL(import.meta.url).pathname, "--child", dist, ...inputs], { encoding: "utf8" });
    if (result.status !== 0) throw new Error(result.stderr);
    samples[dist].push(JSON.parse(result.stdout));
  }
}
for (const [dist, list] of Object.entries(samples)) {
  console.log(`${dist}: ${list[0].files} files, median ${median(list.map((s) => s.seconds)).toFixed(2)} s migrating, ${median(list.map((s) => s.cpuSeconds)).toFixed(2)} s CPU migrating`);
}
