/**
 * The transform registry, loaded on demand: `--help` and `--version` stay fast, and the worker
 * threads load it by themselves (functions cannot be sent to a worker, names can).
 */
import type { MigrationTransform } from "../codemod/transform.js";

export async function loadTransforms(): Promise<readonly MigrationTransform[]> {
  const registry = await import("../../codemods/index.js");
  return registry.TRANSFORMS;
}

/** The named transforms in registry order (order matters), or the names nobody knows. */
export function selectTransforms(
  all: readonly MigrationTransform[],
  names: readonly string[],
): { ok: true; transforms: readonly MigrationTransform[] } | { ok: false; unknown: string[] } {
  if (names.length === 0) return { ok: true, transforms: all };
  const unknown = names.filter((name) => !all.some((t) => t.name === name));
  if (unknown.length > 0) return { ok: false, unknown };
  return { ok: true, transforms: all.filter((t) => names.includes(t.name)) };
}
