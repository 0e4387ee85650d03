import { writeFileSync } from "node:fs";
import { join } from "node:path";
import { pathToFileURL } from "node:url";
import { describe, expect, it } from "vitest";
import { POOL_MIN_BYTES, runPool, shouldUsePool } from "../../src/cli/pool.js";
import type { FileReport, MigrationJob } from "../../src/cli/runner.js";
import { makeProject } from "./harness.js";

/** A stand-in for the compiled worker: same protocol, no parsing; "crash" paths throw. */
const STUB_WORKER = `
import { parentPort, threadId, workerData } from "node:worker_threads";
parentPort.on("message", ({ jobs }) => {
  if (jobs.some((job) => job.path.includes("crash"))) throw new Error("boom");
  const reports = jobs.map((job) => ({ path: job.path, target: job.target, status: "changed", transforms: workerData.transformNames, todos: [], v2Packages: [], reason: String(threadId) }));
  parentPort.postMessage({ reports });
});
`;

function stubWorker(): URL {
  const path = join(makeProject({}), "stub-worker.mjs");
  writeFileSync(path, STUB_WORKER);
  return pathToFileURL(path);
}

function jobs(count: number, name = "file"): MigrationJob[] {
  return Array.from({ length: count }, (_, index) => ({ path: `/repo/${name}-${String(index).padStart(3, "0")}.ts`, text: "", target: 4 }));
}

const setup = { transformNames: ["io", "define-job"], options: { write: false, keepText: false } };

describe("when the worker pool starts", () => {
  it("starts only with more than one cpu and at least the threshold of candidate source", () => {
    expect(shouldUsePool(POOL_MIN_BYTES, 2)).toBe(true);
    expect(shouldUsePool(POOL_MIN_BYTES - 1, 2)).toBe(false);
    expect(shouldUsePool(100 * POOL_MIN_BYTES, 1)).toBe(false);
    expect(shouldUsePool(5, 4, 4)).toBe(true);
  });
});

describe("the worker pool", () => {
  it("reports every file exactly once, spread over several workers", async () => {
    const reports: FileReport[] = [];
    const input = jobs(60);
    await runPool(input, 3, stubWorker(), setup, { onReport: (r) => reports.push(r), shouldStop: () => false });
    expect(reports.map((r) => r.path).sort()).toEqual(input.map((j) => j.path));
    expect(reports.every((r) => r.status === "changed" && r.transforms.join() === "io,define-job")).toBe(true);
    expect(new Set(reports.map((r) => r.reason)).size).toBe(3);
  });

  it("sends no new work once asked to stop, but finishes the batches in flight", async () => {
    const reports: FileReport[] = [];
    await runPool(jobs(200), 2, stubWorker(), setup, { onReport: (r) => reports.push(r), shouldStop: () => reports.length > 0 });
    // Two workers each had one batch of 8 in flight when the first report arrived.
    expect(reports.length).toBeGreaterThanOrEqual(8);
    expect(reports.length).toBeLessThanOrEqual(16);
    expect(reports.every((r) => r.status === "changed")).toBe(true);
  });

  it("turns a crashed worker's batch into errors and lets the other workers finish the rest", async () => {
    const reports: FileReport[] = [];
    const input = [...jobs(1, "crash"), ...jobs(40)];
    await runPool(input, 2, stubWorker(), setup, { onReport: (r) => reports.push(r), shouldStop: () => false });
    expect(reports).toHaveLength(input.length);
    const failed = reports.filter((r) => r.status === "error");
    expect(failed).toHaveLength(8);
    expect(failed[0]!.error).toEqual({ kind: "transform", message: "worker thread failed: boom" });
  });

  it("reports the files no worker could take when every worker has crashed", async () => {
    const reports: FileReport[] = [];
    const input = jobs(30, "crash");
    await runPool(input, 2, stubWorker(), setup, { onReport: (r) => reports.push(r), shouldStop: () => false });
    expect(reports).toHaveLength(30);
    expect(reports.filter((r) => r.error?.message === "no worker thread left")).toHaveLength(14);
  });
});
