/**
 * io: rewrites the v2 `io` object inside v2 job runs (it runs first, while jobs are still v2):
 * `io.logger` -> `logger`, `io.wait` -> `wait.for`, `io.runTask` -> plain code, `io.try` ->
 * try/catch, `io.backgroundFetch` -> `fetch`, `io.random` -> `Math.random`, integration calls ->
 * the official client without cache keys, and a migration marker naming the replacement for everything else.
 * v2 integration constructions the catalog can map (`new OpenAI({ id, apiKey })` from
 * `@trigger.dev/openai`) become the official client's, in job files and in files of their own.
 */
import type { ASTPath } from "jscodeshift";
import { OFFICIAL_CLIENTS } from "../src/catalog/io.js";
import { CodemodImportTracker } from "../src/codemod/import-tracker.js";
import { liftDirectivesIfReprinted, programOf } from "../src/codemod/import-editing.js";
import { planIntegrationClients } from "../src/codemod/io/integration-clients.js";
import { rewriteJobIo } from "../src/codemod/io/rewrite.js";
import { findIoJobs } from "../src/codemod/io/jobs.js";
import { toJscodeshift, type MigrationTransform } from "../src/codemod/transform.js";

const MAPPED_PACKAGES = Object.keys(OFFICIAL_CLIENTS);

export const migration: MigrationTransform = {
  name: "io",
  description: "Rewrites io.* calls inside v2 job runs (logger, wait, runTask, try, backgroundFetch, random, integrations) and constructs official integration clients",
  mightApply(source) {
    // Only v2 jobs have an io parameter, and every v2 job is made by one of these two.
    return /defineJob|new\s+Job\b/.test(source) || MAPPED_PACKAGES.some((name) => source.includes(name));
  },
  apply({ j, root, target }) {
    const tracker = CodemodImportTracker.collect(j, root);
    const program = programOf(root);
    const clients = planIntegrationClients(j, root, program, tracker);
    const jobs = findIoJobs(j, root, tracker);
    const file = root.get() as ASTPath;
    const programPath = (file.node as { type: string }).type === "Program" ? file : (file.get("program") as ASTPath);
    const context = { j, tracker, target, program, programPath, officialClients: clients.officialClients };
    let changed = false;
    for (const job of jobs) {
      if (rewriteJobIo(context, job)) changed = true;
    }
    // After the jobs: the rewrite reads the v2 imports, and constructions sit outside job runs.
    if (clients.apply()) changed = true;
    if (changed) liftDirectivesIfReprinted(j, program);
    return changed;
  },
};

export default toJscodeshift(migration);
