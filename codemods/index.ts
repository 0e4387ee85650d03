/**
 * The ordered registry. Order matters: `io` reads the v2 `io` parameter before `define-job`
 * rewrites `run(payload, io, ctx)` away; `sleeps` needs the `task()` form; `imports` runs last
 * to add and remove exactly what the others left in use.
 */
import type { MigrationTransform } from "../src/codemod/transform.js";
import { migration as defineJob } from "./define-job.js";
import { migration as events } from "./events.js";
import { migration as imports } from "./imports.js";
import { migration as io } from "./io.js";
import { migration as sleeps } from "./sleeps.js";

export const TRANSFORMS: readonly MigrationTransform[] = [
  // events first: it needs the v2 shapes (io parameter, eventTrigger filter) that io and define-job rewrite.
  events,
  io,
  defineJob,
  sleeps,
  imports,
];

export function transformByName(name: string): MigrationTransform | undefined {
  return TRANSFORMS.find((t) => t.name === name);
}
