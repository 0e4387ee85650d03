#!/usr/bin/env node
/**
 * Synthetic repo generator for the benchmarks: N files (default 5,000) of realistic TS/TSX, a share
 * of which (default 5%) use Trigger.dev v2. Deterministic (seeded), so runs compare like with like.
 *
 *   node bench/generate.mjs <outDir> [--files 5000] [--v2-share 0.05] [--seed 1]
 */
import { mkdirSync, rmSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { parseArgs } from "node:util";

/** Mulberry32: a tiny seeded PRNG. */
function rng(seed) {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const words = ["user", "invoice", "order", "payment", "report", "account", "session", "product", "cart", "team", "project", "ticket"];

function serviceFile(r, i) {
  const w = words[Math.floor(r() * words.length)];
  const W = w[0].toUpperCase() + w.slice(1);
  const lines = [
    `import { z } from "zod";`,
    `import { db } from "../lib/db";`,
    `import { logger as appLogger } from "../lib/logger";`,
    ``,
    `export const ${W}Schema${i} = z.object({ id: z.string(), email: z.string().email(), createdAt: z.date() });`,
    `export type ${W}${i} = z.infer<typeof ${W}Schema${i}>;`,
    ``,
  ];
  const fns = 6 + Math.floor(r() * 6);
  for (let f = 0; f < fns; f++) {
    lines.push(
      `export async function ${w}Step${f}(input: ${W}${i}, options: { retries?: number } = {}): Promise<${W}${i} | undefined> {`,
      `  const started = Date.now();`,
      `  const existing = await db.${w}.findUnique({ where: { id: input.id } });`,
      `  if (!existing) {`,
      `    appLogger.warn("missing ${w}", { id: input.id, step: ${f} });`,
      `    return undefined;`,
      `  }`,
      `  for (let attempt = 0; attempt < (options.retries ?? 3); attempt++) {`,
      `    try {`,
      `      const updated = { ...existing, email: input.email.toLowerCase() };`,
      `      await db.${w}.update({ where: { id: input.id }, data: updated });`,
      `      return updated;`,
      `    } catch (error) {`,
      `      appLogger.error("update failed", { error, attempt, elapsed: Date.now() - started });`,
      `    }`,
      `  }`,
      `  return existing;`,
      `}`,
      ``,
    );
  }
  return lines.join("\n");
}

function componentFile(r, i) {
  const w = words[Math.floor(r() * words.length)];
  const W = w[0].toUpperCase() + w.slice(1);
  const lines = [`import { useState, useEffect } from "react";`, `import type { ReactNode } from "react";`, ``];
  const comps = 3 + Math.floor(r() * 4);
  for (let c = 0; c < comps; c++) {
    lines.push(
      `export function ${W}Panel${i}_${c}({ title, children }: { title: string; children?: ReactNode }) {`,
      `  const [open, setOpen] = useState(false);`,
      `  const [items, setItems] = useState<string[]>([]);`,
      `  useEffect(() => {`,
      `    const timer = setTimeout(() => setItems((prev) => [...prev, title]), 250);`,
      `    return () => clearTimeout(timer);`,
      `  }, [title]);`,
      `  return (`,
      `    <section className="panel">`,
      `      <h2 onClick={() => setOpen(!open)}>{title}</h2>`,
      `      {open && <ul>{items.map((item) => <li key={item}>{item}</li>)}</ul>}`,
      `      {children}`,
      `    </section>`,
      `  );`,
      `}`,
      ``,
    );
  }
  return lines.join("\n");
}

function v2JobFile(r, i) {
  const kind = Math.floor(r() * 4);
  const trigger = [
    `eventTrigger({ name: "event.${i}", schema: z.object({ userId: z.string(), plan: z.string() }) })`,
    `cronTrigger({ cron: "0 ${i % 24} * * *" })`,
    `intervalTrigger({ seconds: 900 })`,
    `invokeTrigger({ schema: z.object({ userId: z.string() }) })`,
  ][kind];
  const factory = ["eventTrigger", "cronTrigger", "intervalTrigger", "invokeTrigger"][kind];
  return [
    `import { ${factory} } from "@trigger.dev/sdk";`,
    `import { z } from "zod";`,
    `import { client } from "../trigger";`,
    `import { db } from "../lib/db";`,
    ``,
    `export const job${i} = client.defineJob({`,
    `  id: "job-${i}",`,
    `  name: "Job ${i}",`,
    `  version: "1.0.0",`,
    `  trigger: ${trigger},`,
    `  run: async (payload, io, ctx) => {`,
    `    await io.logger.info("starting", { runId: ctx.run.id });`,
    `    const user = await io.runTask("load-user", async () => {`,
    `      return db.user.findUnique({ where: { id: "u-${i}" } });`,
    `    });`,
    `    await io.wait("cool-down", 300);`,
    `    await io.logger.info("done", { user });`,
    `    return { ok: true };`,
    `  },`,
    `});`,
    ``,
  ].join("\n");
}

/** The v2 client the job files import (`../trigger`): a real v2 app always has one. */
const CLIENT_FILE = `import { TriggerClient } from "@trigger.dev/sdk";

export const client = new TriggerClient({
  id: "synthetic-app",
  apiKey: process.env.TRIGGER_API_KEY,
});
`;

/**
 * `client`: also write src/trigger.ts, the v2 client every job imports. Off by default (the
 * numbers of earlier runs were taken without it); with it, the CLI's project plan loads
 * TypeScript to plan the client's removal, which a real v2 app always needs.
 */
export function generateRepo(outDir, { files = 5000, v2Share = 0.05, seed = 1, client = false } = {}) {
  const r = rng(seed);
  rmSync(outDir, { recursive: true, force: true });
  const v2Count = Math.round(files * v2Share);
  const perDir = 200;
  let bytes = 0;
  for (let i = 0; i < files; i++) {
    const dir = join(outDir, "src", `pkg${Math.floor(i / perDir)}`);
    if (i % perDir === 0) mkdirSync(dir, { recursive: true });
    // Spread the v2 files evenly through the tree.
    const isV2 = v2Count > 0 && i % Math.max(1, Math.floor(files / v2Count)) === 0 && i / Math.floor(files / v2Count) < v2Count;
    const tsx = !isV2 && r() < 0.3;
    const text = isV2 ? v2JobFile(r, i) : tsx ? componentFile(r, i) : serviceFile(r, i);
    bytes += text.length;
    writeFileSync(join(dir, `file${i}.${tsx ? "tsx" : "ts"}`), text);
  }
  if (client) {
    writeFileSync(join(outDir, "src", "trigger.ts"), CLIENT_FILE);
    bytes += CLIENT_FILE.length;
  }
  writeFileSync(join(outDir, "package.json"), JSON.stringify({ name: "synthetic", private: true, dependencies: { "@trigger.dev/sdk": "^2.3.18" } }, null, 2));
  return { files, v2Files: v2Count, bytes };
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const { values, positionals } = parseArgs({ allowPositionals: true, options: { files: { type: "string" }, "v2-share": { type: "string" }, seed: { type: "string" }, client: { type: "boolean" } } });
  const out = positionals[0];
  if (!out) {
    console.error("usage: node bench/generate.mjs <outDir> [--files N] [--v2-share 0.05] [--seed 1] [--client]");
    process.exit(2);
  }
  const result = generateRepo(out, { files: Number(values.files ?? 5000), v2Share: Number(values["v2-share"] ?? 0.05), seed: Number(values.seed ?? 1), client: Boolean(values.client) });
  console.log(JSON.stringify(result));
}
