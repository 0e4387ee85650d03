/**
 * A small worker_threads pool for big runs. Workers cost a few hundred milliseconds each to start
 * (each loads jscodeshift and the transforms) and give about 1.3x on two cores, so the CLI only
 * starts one when enough source passed the pre-filter (see `shouldUsePool`). Batches are small so
 * the cores stay balanced; when asked to stop, the pool sends nothing new and waits for the batches
 * in flight, so every write that started also finishes.
 */
import { existsSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { Worker } from "node:worker_threads";
import type { FileReport, MigrationJob } from "./runner.js";
import type { WorkerRequest, WorkerResponse, WorkerSetup } from "./worker.js";

/**
 * Below this much candidate source (bytes that passed the pre-filter) one thread is faster than
 * starting workers: each worker loads jscodeshift and the transforms again, and two cores give at
 * most about 1.3x. Work is proportional to source size, not file count: 1,000 small v2 files
 * (630 KB) took 6.3 s on one thread and 7.5 s with the pool on 2 cores (bench/README.md).
 */
export const POOL_MIN_BYTES = 4 * 1024 * 1024;

const BATCH_SIZE = 8;

export interface PoolHooks {
  onReport(report: FileReport): void;
  shouldStop(): boolean;
}

/** The compiled worker next to this module; absent when running from TypeScript sources. */
export function workerScript(): URL | undefined {
  const url = new URL("./worker.js", import.meta.url);
  return existsSync(fileURLToPath(url)) ? url : undefined;
}

/** `candidateBytes`: the total length of the texts that passed the pre-filter. */
export function shouldUsePool(candidateBytes: number, cpus: number, minBytes = POOL_MIN_BYTES): boolean {
  return cpus > 1 && candidateBytes >= minBytes;
}

export function runPool(jobs: readonly MigrationJob[], size: number, script: URL, setup: WorkerSetup, hooks: PoolHooks): Promise<void> {
  const queue = [...jobs];
  return new Promise((resolve) => {
    let live = 0;
    const finish = (): void => {
      if (live > 0) return;
      // Every worker is gone (crashed ones included): whatever is still queued was never run.
      if (!hooks.shouldStop()) for (const job of queue.splice(0)) hooks.onReport(notProcessed(job, "no worker thread left"));
      resolve();
    };
    const workerCount = Math.max(1, Math.min(size, Math.ceil(jobs.length / BATCH_SIZE)));
    for (let index = 0; index < workerCount; index++) {
      const worker = new Worker(script, { workerData: setup });
      live++;
      let inFlight: MigrationJob[] = [];
      let closed = false;
      const close = (): void => {
        if (closed) return;
        closed = true;
        live--;
        void worker.terminate();
        finish();
      };
      const sendNext = (): void => {
        if (hooks.shouldStop() || queue.length === 0) return close();
        inFlight = queue.splice(0, BATCH_SIZE);
        const request: WorkerRequest = { jobs: inFlight };
        worker.postMessage(request);
      };
      worker.on("message", (response: WorkerResponse) => {
        inFlight = [];
        for (const report of response.reports) hooks.onReport(report);
        sendNext();
      });
      worker.on("error", (error) => {
        for (const job of inFlight.splice(0)) hooks.onReport(notProcessed(job, `worker thread failed: ${error.message}`));
        close();
      });
      worker.on("exit", () => {
        for (const job of inFlight.splice(0)) hooks.onReport(notProcessed(job, "worker thread exited"));
        close();
      });
      sendNext();
    }
  });
}

function notProcessed(job: MigrationJob, message: string): FileReport {
  return { path: job.path, target: job.target, status: "error", transforms: [], todos: [], v2Packages: [], error: { kind: "transform", message } };
}
