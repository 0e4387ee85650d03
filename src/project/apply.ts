/**
 * Applying and showing a project plan. Writes are atomic (an edit replaces its file in one
 * rename; a create never overwrites); `.env*` edits are shown by reason only, never as a diff.
 */
import { rmdirSync, unlinkSync, writeFileSync } from "node:fs";
import { dirname } from "node:path";
import { writeFileAtomic } from "../cli/atomic-write.js";
import type { PlanProblem, ProjectPlan } from "./files.js";
import { describeDependencyChanges } from "./package-json.js";

export type { PlanProblem } from "./files.js";

/** Edits sharing one reason beyond this many are shown as one line with a few of their paths. */
const EDITS_LISTED_ONE_BY_ONE = 3;

/** Applies the plan; returns the operations that failed (the rest is done). */
export function applyProjectPlan(plan: ProjectPlan): PlanProblem[] {
  const problems: PlanProblem[] = [];
  const attempt = (path: string, action: () => void): void => {
    try {
      action();
    } catch (error) {
      problems.push({ path, message: error instanceof Error ? error.message : String(error) });
    }
  };
  for (const create of plan.creates) attempt(create.path, () => writeFileSync(create.path, create.text, { flag: "wx" }));
  for (const edit of plan.edits) attempt(edit.path, () => writeFileAtomic(edit.path, edit.after));
  for (const removal of plan.deletes) {
    attempt(removal.path, () => unlinkSync(removal.path));
    removeIfEmpty(dirname(removal.path));
  }
  return problems;
}

/** `app/api/trigger/` once its route is gone: a folder left empty by a deletion goes too. */
function removeIfEmpty(directory: string): void {
  try {
    rmdirSync(directory);
  } catch {
    // Not empty (the usual case) or not ours to remove: leave it.
  }
}

export function isEmptyPlan(plan: ProjectPlan): boolean {
  return plan.creates.length + plan.deletes.length + plan.edits.length + plan.envRenames.length === 0 && plan.dependencies?.state !== "pending";
}

/** The human lines for the summary: what was (or would be) created, deleted and edited. */
export function describeProjectPlan(plan: ProjectPlan, shown: (path: string) => string, applied: boolean): string[] {
  const verb = (done: string, would: string): string => (applied ? done : would);
  const byReason = new Map<string, string[]>();
  for (const edit of plan.edits) byReason.set(edit.reason, [...(byReason.get(edit.reason) ?? []), shown(edit.path)]);
  const edits = [...byReason].flatMap(([reason, paths]) => {
    if (paths.length <= EDITS_LISTED_ONE_BY_ONE) return paths.map((path) => `${verb("edited", "would edit")} ${path}: ${reason}`);
    const named = `${paths.slice(0, EDITS_LISTED_ONE_BY_ONE).join(", ")} and ${paths.length - EDITS_LISTED_ONE_BY_ONE} more`;
    return [`${verb("edited", "would edit")} ${paths.length} files: ${reason} (${named})`];
  });
  return [
    ...plan.creates.map((create) => `${verb("created", "would create")} ${shown(create.path)}: ${create.reason}`),
    ...plan.deletes.map((removal) => `${verb("deleted", "would delete")} ${shown(removal.path)}: ${removal.reason}`),
    ...edits,
  ];
}

/** What is left to do in package.json, as a next step (undefined when nothing is). */
export function dependencyNote(plan: ProjectPlan, shown: (path: string) => string): string | undefined {
  const dependencies = plan.dependencies;
  if (dependencies?.state !== "pending") return undefined;
  return `${shown(dependencies.path)}: ${describeDependencyChanges(dependencies.changes)} (or rerun with --update-deps)`;
}

/** What is left to do in `.env*` files, one next step per variable (never a value). */
export function envNotes(plan: ProjectPlan, shown: (path: string) => string): string[] {
  const keyAdvice = "the v2 key does not work with the task API: use the secret key from your project's API keys page";
  return plan.envRenames.map(({ path, from, to, renamed }) =>
    renamed ? `${shown(path)}: ${from} was renamed to ${to}; set its value: ${keyAdvice}` : `${shown(path)}: rename ${from} to ${to} (or rerun with --update-env); ${keyAdvice}`,
  );
}

/** The plan for `--json` (no file contents for sensitive edits). */
export function projectPlanJson(plan: ProjectPlan, shown: (path: string) => string): unknown {
  const dependencies = dependencyNote(plan, shown);
  return {
    creates: plan.creates.map((create) => ({ path: shown(create.path), reason: create.reason })),
    deletes: plan.deletes.map((removal) => ({ path: shown(removal.path), reason: removal.reason })),
    edits: plan.edits.map((edit) => ({ path: shown(edit.path), reason: edit.reason })),
    notes: [...(dependencies ? [dependencies] : []), ...envNotes(plan, shown)],
  };
}
