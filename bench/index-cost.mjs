#!/usr/bin/env node
/**
 * What the project index costs on a large repo: generates a synthetic repo (bench/generate.mjs,
 * 20,000 files by default, 5% v2 jobs) plus a v2 client and route files that send events to and
 * invoke those jobs, then builds the index in a fresh process and prints a table row:
 * wall time, peak RSS, and how many files the pre-filter let into ts-morph. The baseline row
 * (read every file, nothing else) is the floor the index is compared with.
 *
 *   npm run build && node bench/index-cost.mjs [--files 20000] [--v2-share 0.05] [--keep] [--dist <built dir>]
 */
import { spawnSync } from "node:child_process";
import { mkdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import { parseArgs } from "node:util";
import { generateRepo } from "./generate.mjs";

const here = dirname(fileURLToPath(import.meta.url));
const { values } = parseArgs({
  options: { files: { type: "string" }, "v2-share": { type: "string" }, keep: { type: "boolean" }, child: { type: "string" }, dir: { type: "string" }, dist: { type: "string" } },
});

if (values.child) {
  // Child mode: measure one thing in a fresh process.
  const { globSync } = await import("tinyglobby");
  const files = globSync("**/*.{ts,tsx}", { cwd: values.dir, absolute: true, ignore: ["**/node_modules/**"] });
  let peak = process.memoryUsage().rss;
  const sample = () => (peak = Math.max(peak, process.memoryUsage().rss));
  const started = performance.now();
  let loaded = files.length;
  let sends = 0;
  let jobs = 0;
  if (values.child === "read") {
    for (const file of files) {
      readFileSync(file, "utf8");
      sample();
    }
  } else {
    const { buildProjectIndex } = await import(join(values.dist ?? join(here, "../dist"), "src/project/build.js"));
    const index = buildProjectIndex(files, {
      readText: (path) => {
        sample();
        return readFileSync(path, "utf8");
      },
    });
    loaded = index.stats.loaded;
    sends = index.sends.length;
    jobs = index.jobs.length;
  }
  sample();
  const seconds = (performance.now() - started) / 1000;
  // maxRSS (KiB) also sees peaks between samples (ts-morph work happens after the reads).
  const peakMiB = Math.max(peak / 2 ** 20, process.resourceUsage().maxRSS / 1024);
  process.stdout.write(JSON.stringify({ files: files.length, loaded, jobs, sends, seconds, peakMiB }));
  process.exit(0);
}

const fileCount = Number(values.files ?? 20000);
const v2Share = Number(values["v2-share"] ?? 0.05);
const out = join(here, ".out", "index-cost");
const generated = generateRepo(out, { files: fileCount, v2Share });
addWiring(out, generated);

const measure = (mode) => {
  const result = spawnSync(process.execPath, [fileURLToPath(import.meta.url), "--child", mode, "--dir", out, ...(values.dist ? ["--dist", values.dist] : [])], { encoding: "utf8", maxBuffer: 16 * 1024 * 1024 });
  if (result.status !== 0) {
    process.stderr.write(result.stderr);
    process.exit(1);
  }
  return JSON.parse(result.stdout);
};

const rows = [
  ["read every file (floor)", measure("read")],
  ["project index (pre-filter + ts-morph)", measure("index")],
];
console.log(`| work (${fileCount.toLocaleString("en")} files, ${Math.round(v2Share * 100)}% v2) | seconds | files/s | peak MiB | loaded into ts-morph | jobs | sends |`);
console.log("|---|---|---|---|---|---|---|");
for (const [label, r] of rows) {
  console.log(`| ${label} | ${r.seconds.toFixed(2)} | ${Math.round(r.files / r.seconds).toLocaleString("en")} | ${Math.round(r.peakMiB)} | ${r.loaded.toLocaleString("en")} | ${r.jobs} | ${r.sends} |`);
}
if (!values.keep) rmSync(out, { recursive: true, force: true });

/**
 * The generator writes jobs only; a real app also has the client they import (`src/trigger.ts`)
 * and routes that send their events and invoke them (one route per ten jobs).
 */
function addWiring(root, { files }) {
  writeFileSync(
    join(root, "src", "trigger.ts"),
    'import { TriggerClient } from "@trigger.dev/sdk";\n\nexport const client = new TriggerClient({ id: "synthetic", apiKey: process.env.TRIGGER_API_KEY });\n',
  );
  const routes = join(root, "src", "routes");
  mkdirSync(routes, { recursive: true });
  const jobFiles = [];
  for (let i = 0; i < files; i++) {
    const path = join(root, "src", `pkg${Math.floor(i / 200)}`, `file${i}.ts`);
    try {
      if (readFileSync(path, "utf8").includes("defineJob")) jobFiles.push({ i, pkg: Math.floor(i / 200) });
    } catch {
      // a .tsx component file
    }
  }
  for (let r = 0; r * 10 < jobFiles.length; r++) {
    const group = jobFiles.slice(r * 10, r * 10 + 10);
    const lines = ['import { client } from "../trigger";', ...group.map(({ i, pkg }) => `import { job${i} } from "../pkg${pkg}/file${i}";`), "", "export async function POST(body: { userId: string }) {"];
    for (const { i } of group) {
      lines.push(`  await client.sendEvent({ name: "event.${i}", payload: { userId: body.userId, plan: "pro" } });`);
      lines.push(`  await job${i}.invoke({ userId: body.userId });`);
    }
    lines.push("}", "");
    writeFileSync(join(routes, `route${r}.ts`), lines.join("\n"));
  }
}
