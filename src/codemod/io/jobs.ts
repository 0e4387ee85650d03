/**
 * The io transform's view of the file's v2 jobs (recognised by src/codemod/v2-jobs.ts): the
 * `run` function, the name of its `io` parameter (the run's second parameter, never the bare
 * name `io`) and the `integrations` map that names `io.<key>`.
 */
import type { ASTPath, Collection, JSCodeshift } from "jscodeshift";
import { type AstNode, findProperty, isNode, propertyName } from "../ast-helpers.js";
import type { CodemodImportTracker } from "../import-tracker.js";
import { findV2JobSites } from "../v2-jobs.js";

export interface V2Job {
  /** Path of the `run` function (arrow, function expression or method). */
  run: ASTPath;
  /** Local name of the run's second parameter. */
  ioName: string;
  /** `integrations: { key: value }`: io key -> the value's identifier name (undefined when not an identifier). */
  integrations: ReadonlyMap<string, string | undefined>;
}

/** Every v2 job in the file whose run has an identifier `io` parameter. */
export function findIoJobs(j: JSCodeshift, root: Collection, tracker: CodemodImportTracker): V2Job[] {
  return findV2JobSites(j, root, tracker).flatMap((site) => {
    const ioParam = site.run ? ((site.run.node as unknown as AstNode)["params"] as AstNode[])[1] : undefined;
    if (!site.run || ioParam?.type !== "Identifier") return [];
    return [{ run: site.run, ioName: ioParam["name"] as string, integrations: integrationMap(site.optionsPath.node as unknown as AstNode) }];
  });
}

function integrationMap(options: AstNode): Map<string, string | undefined> {
  const map = new Map<string, string | undefined>();
  const integrations = findProperty(options, "integrations");
  const value = integrations?.["value"];
  if (!isNode(value) || value.type !== "ObjectExpression") return map;
  for (const property of value["properties"] as AstNode[]) {
    const key = propertyName(property);
    if (key === undefined) continue;
    const bound = property["value"];
    map.set(key, isNode(bound) && bound.type === "Identifier" ? (bound["name"] as string) : undefined);
  }
  return map;
}
