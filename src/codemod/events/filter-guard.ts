/**
 * `eventTrigger({ filter })` -> a guard at the top of the job's `run` that returns early when the
 * payload does not match, so the task does what the v2 job did (v2 never started a run for an
 * event its filter rejected). Runs while the job is still v2-shaped (before define-job) and
 * removes the `filter` property, so define-job never reports it. Filters that cannot be written
 * as a guard (content filters such as `$startsWith`, values that are not literals) stay where
 * they are, and define-job leaves its TODO.
 */
import type { JSCodeshift } from "jscodeshift";
import { type AstNode, isNode, literalValue, propertyName, unwrapExpression } from "../ast-helpers.js";
import { parseSnippet } from "../parsed-snippets.js";
import { leadingCopies, writtenComments } from "../written-comments.js";
import type { LocalJob } from "./local-jobs.js";

type Allowed = (string | number | boolean | null)[];
interface FilterTree {
  [key: string]: Allowed | FilterTree;
}

const IDENTIFIER = /^[A-Za-z_$][\w$]*$/;

/** Adds the guard for one job; true when the tree changed. */
export function applyFilterGuard(j: JSCodeshift, job: LocalJob, typed: boolean): boolean {
  if (!job.eventOptions || !job.run) return false;
  const options = job.eventOptions.node as unknown as AstNode;
  const properties = options["properties"] as AstNode[];
  const index = properties.findIndex((p) => propertyName(p) === "filter");
  if (index === -1) return false;
  const tree = filterTree(properties[index]!["value"]);
  if (!tree) return false;

  const fn = job.run.node as unknown as AstNode;
  const params = fn["params"] as AstNode[];
  const first = params[0];
  let payloadName: string;
  if (!first) {
    payloadName = "payload";
    params.push(j.identifier(payloadName) as unknown as AstNode);
  } else if (first.type === "Identifier") {
    payloadName = first["name"] as string;
  } else {
    return false; // a destructured payload has no name to test; define-job leaves its TODO
  }

  const conditions = conditionsOf(tree, [payloadName], typed);
  if (conditions.length === 0) return false;
  const guardSource = `if (${conditions.join(" || ")}) {\n  return;\n}`;
  const guard = parseSnippet(j, guardSource)["program"] as AstNode;
  const statement = (guard["body"] as AstNode[])[0]!;
  const text = describe(tree);
  statement["comments"] = [
    j.commentLine(` The v2 eventTrigger filter ${text}: v2 started no run for other payloads, this task returns early instead.`, true, false),
    // What the filter's author wrote about it stays with the guard that replaces it.
    ...leadingCopies(j, writtenComments(properties[index]!)),
  ];

  let body = fn["body"] as AstNode;
  if (body.type !== "BlockStatement") {
    body = j.blockStatement([j.returnStatement(body as never)]) as unknown as AstNode;
    fn["body"] = body;
    fn["expression"] = false;
  }
  (body["body"] as AstNode[]).unshift(statement);
  properties.splice(index, 1);
  return true;
}

/** The filter as data, or undefined when any part is not a literal array or a nested object. */
function filterTree(value: unknown): FilterTree | undefined {
  if (!isNode(value)) return undefined;
  const object = unwrapExpression(value);
  if (object.type !== "ObjectExpression") return undefined;
  const tree: FilterTree = {};
  for (const property of object["properties"] as AstNode[]) {
    const key = propertyName(property);
    if (key === undefined || property.type === "ObjectMethod" || property.type === "SpreadElement") return undefined;
    const inner = unwrapExpression(property["value"] as AstNode);
    if (inner.type === "ArrayExpression") {
      const allowed: Allowed = [];
      for (const element of inner["elements"] as unknown[]) {
        const literal = isNode(element) && (element.type === "NullLiteral" || (element.type === "Literal" && element["value"] === null)) ? null : literalValue(element);
        if (literal === undefined) return undefined; // `{ $startsWith: "x" }` and other content filters
        allowed.push(literal);
      }
      if (allowed.length === 0) return undefined;
      tree[key] = allowed;
    } else {
      const nested = filterTree(inner);
      if (!nested) return undefined;
      tree[key] = nested;
    }
  }
  return tree;
}

/** One `!allowed.includes(value)` per leaf; nested keys read with `?.` (a missing parent never matches). */
function conditionsOf(tree: FilterTree, path: readonly string[], typed: boolean): string[] {
  const conditions: string[] = [];
  for (const [key, value] of Object.entries(tree)) {
    const nextPath = [...path, key];
    if (Array.isArray(value)) {
      const list = `[${value.map((v) => JSON.stringify(v)).join(", ")}]`;
      // `as unknown[]`: the payload field may be a narrower union (or optional) than the list.
      const allowed = typed ? `(${list} as unknown[])` : list;
      conditions.push(`!${allowed}.includes(${memberChain(nextPath)})`);
    } else {
      conditions.push(...conditionsOf(value as FilterTree, nextPath, typed));
    }
  }
  return conditions;
}

function memberChain(path: readonly string[]): string {
  const [root, ...rest] = path;
  return rest.reduce((chain, key, index) => {
    const optional = index > 0 ? "?." : "";
    if (IDENTIFIER.test(key)) return `${chain}${optional || "."}${key}`;
    return `${chain}${optional}[${JSON.stringify(key)}]`;
  }, root!);
}

/** The filter on one line, for the comment above the guard. */
function describe(tree: FilterTree): string {
  const entries = Object.entries(tree).map(([key, value]) => {
    const name = IDENTIFIER.test(key) ? key : JSON.stringify(key);
    return `${name}: ${Array.isArray(value) ? `[${value.map((v) => JSON.stringify(v)).join(", ")}]` : describe(value as FilterTree)}`;
  });
  return `{ ${entries.join(", ")} }`;
}

/** TypeScript files get `as unknown[]` in the guard; JavaScript cannot have it. */
export function isTypedFile(filePath: string): boolean {
  return /\.[mc]?tsx?$/.test(filePath);
}
