/**
 * A pool worker: loads the registry itself, then migrates the batches of files it is sent and
 * posts one report per file back. Writes happen here too (atomic, so an abandoned run leaves no
 * half-written file).
 */
import { parentPort, workerData } from "node:worker_threads";
import { loadTransforms, selectTransforms } from "./registry.js";
import { migrateFile, type FileReport, type MigrateOptions, type MigrationJob } from "./runner.js";

export interface WorkerSetup {
  transformNames: string[];
  options: MigrateOptions;
}

export interface WorkerRequest {
  jobs: MigrationJob[];
}

export interface WorkerResponse {
  reports: FileReport[];
}

const setup = workerData as WorkerSetup;
const selection = selectTransforms(await loadTransforms(), setup.transformNames);
if (!selection.ok) throw new Error(`unknown transforms in worker: ${selection.unknown.join(", ")}`);
const transforms = selection.transforms;

parentPort?.on("message", (request: WorkerRequest) => {
  const reports = request.jobs.map((job) => migrateFile(job, transforms, setup.options));
  const response: WorkerResponse = { reports };
  parentPort?.postMessage(response);
});
