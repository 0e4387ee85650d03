/**
 * Applying and showing a project plan. Writes are atomic (an edit replaces its file in one
 * rename; a create never overwrites); `.env*` edits are shown by reason only, never as a diff.
 */
import { unlinkSync, writeFileSync } from "node:fs";
import { writeFileAtomic } from "../cli/atomic-write.js";
import type { ProjectPlan } from "./files.js";

export interface PlanProblem {
  path: string;
  message: string;
}

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
  for (const removal of plan.deletes) attempt(removal.path, () => unlinkSync(removal.path));
  return problems;
}

export function isEmptyPlan(plan: ProjectPlan): boolean {
  return plan.creates.length + plan.deletes.length + plan.edits.length + plan.notes.length === 0;
}

/** The human lines for the summary: what was (or would be) created, deleted and edited, then next steps. */
export function describeProjectPlan(plan: ProjectPlan, shown: (path: string) => string, applied: boolean): string[] {
  const verb = (done: string, would: string): string => (applied ? done : would);
  return [
    ...plan.creates.map((create) => `${verb("created", "would create")} ${shown(create.path)}: ${create.reason}`),
    ...plan.deletes.map((removal) => `${verb("deleted", "would delete")} ${shown(removal.path)}: ${removal.reason}`),
    ...plan.edits.map((edit) => `${verb("edited", "would edit")} ${shown(edit.path)}: ${edit.reason}`),
    ...plan.notes.map((note) => `next: ${note}`),
  ];
}

/** The plan for `--json` (no file contents for sensitive edits). */
export function projectPlanJson(plan: ProjectPlan, shown: (path: string) => string): unknown {
  return {
    creates: plan.creates.map((create) => ({ path: shown(create.path), reason: create.reason })),
    deletes: plan.deletes.map((removal) => ({ path: shown(removal.path), reason: removal.reason })),
    edits: plan.edits.map((edit) => ({ path: shown(edit.path), reason: edit.reason })),
    notes: plan.notes,
  };
}
