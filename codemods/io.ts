/**
 * io: rewrites the v2 `io` object inside v2 job runs (it runs first, while jobs are still v2):
 * `io.logger` -> `logger`, `io.wait` -> `wait.for`, `io.runTask` -> plain code, `io.try` ->
 * try/catch, `io.backgroundFetch` -> `fetch`, `io.random` -> `Math.random`, integration calls ->
 * the official client without cache keys, and a TODO naming the replacement for everything else.
 */
import type { ASTPath } from "jscodeshift";
import { CodemodImportTracker } from "../src/codemod/import-tracker.js";
import { programOf } from "../src/codemod/import-editing.js";
import { findV2Jobs } from "../src/codemod/io/jobs.js";
import { rewriteJobIo } from "../src/codemod/io/rewrite.js";
import { toJscodeshift, type MigrationTransform } from "../src/codemod/transform.js";

export const migration: MigrationTransform = {
  name: "io",
  description: "Rewrites io.* calls inside v2 job runs (logger, wait, runTask, try, backgroundFetch, random, integrations)",
  mightApply(source) {
    // Only v2 jobs have an io parameter, and every v2 job is made by one of these two.
    return /defineJob|new\s+Job\b/.test(source);
  },
  apply({ j, root, target }) {
    const tracker = CodemodImportTracker.collect(j, root);
    const jobs = findV2Jobs(j, root, tracker);
    if (jobs.length === 0) return false;
    const file = root.get() as ASTPath;
    const programPath = (file.node as { type: string }).type === "Program" ? file : (file.get("program") as ASTPath);
    const context = { j, tracker, target, program: programOf(root), programPath };
    let changed = false;
    for (const job of jobs) {
      if (rewriteJobIo(context, job)) changed = true;
    }
    return changed;
  },
};

export default toJscodeshift(migration);
