/**
 * Checks every migrated file must pass: it parses, it lints clean under our `recommended`
 * config (except right under a TODO marker), and whether it is task-API code to type-check.
 */
import { parse } from "@babel/parser";
import tsParser from "@typescript-eslint/parser";
import { Linter } from "eslint";
import type { TSESLint } from "@typescript-eslint/utils";
import { isTaskApiSource, isTriggerDevSource, isV2OnlyPackage, isV2SdkSource, type SdkMajor } from "../../src/catalog/packages.js";
import { isV2OnlyExport } from "../../src/catalog/exports.js";
import { TODO_MARKER } from "../../src/catalog/markers.js";

/** The parse error of a migrated text (`line:column message`), or undefined when it parses. */
export function parseError(text: string, filePath: string): string | undefined {
  const jsx = /\.(tsx|jsx|js|mjs|cjs)$/.test(filePath);
  try {
    parse(text.replace(/^\uFEFF/, ""), { sourceType: "module", allowAwaitOutsideFunction: true, plugins: ["typescript", "decorators-legacy", ...(jsx ? (["jsx"] as const) : [])] });
    return undefined;
  } catch (error) {
    const { message } = error as Error;
    return message;
  }
}

export interface LintProblem {
  line: number;
  column: number;
  ruleId: string | null;
  message: string;
}

type FlatPlugin = { configs: Record<string, TSESLint.FlatConfig.Config> };

const MIGRATION_TODO_RULE = "trigger-dev/no-migration-todo";

/** Lints with the plugin's `recommended` config; every problem, including parse errors. */
export function lintRecommended(plugin: FlatPlugin, text: string, filePath: string, target: SdkMajor): LintProblem[] {
  const recommended = plugin.configs["recommended"];
  if (!recommended) throw new Error("the plugin has no recommended config");
  const linter = new Linter({ configType: "flat" });
  const config = {
    ...(recommended as object),
    files: ["**/*.{ts,tsx,mts,cts,js,jsx,mjs,cjs}"],
    languageOptions: { parser: tsParser, sourceType: "module", ecmaVersion: "latest", parserOptions: { ecmaFeatures: { jsx: /x$/.test(filePath) } } },
    settings: { "trigger-dev": { sdkVersion: target } },
  } as Linter.Config;
  return linter.verify(text, [config], { filename: filePath }).map((m) => ({ line: m.line, column: m.column, ruleId: m.ruleId, message: m.message }));
}

/** A line that is (the rest of) a comment: `//`, `/*`, or a block comment's continuation (` * ...`, ` *\/`). */
const COMMENT_LINE = /^\s*(?:\/\/|\/\*|\*)/;
/** A comment that starts on its own line: without the marker it is no part of the TODO (commented-out code, a note). */
const OWN_COMMENT = /^\s*(?:\/\/|\/\*)/;

/**
 * 1-based lines a TODO marker covers: the marker line, the comment lines right under it, and the
 * first code line after them, which starts the statement the TODO is about (a marker after code
 * on its line covers that line only). Only stacked markers
 * and the marker's own block comment may sit between: any other comment (the events transform's
 * commented-out code) is what the TODO is about, and the code after it is unrelated, so it is
 * not excused. One code line, not the whole statement: a TODO above a 50-line task must not hide
 * problems in its body.
 */
export function linesUnderTodo(text: string): Set<number> {
  const lines = text.split(/\r?\n/);
  const covered = new Set<number>();
  lines.forEach((line, index) => {
    if (!line.includes(TODO_MARKER)) return;
    covered.add(index + 1);
    // `code; // TODO...`: the marker is about its own line.
    if (!COMMENT_LINE.test(line)) return;
    let next = index + 1;
    let commentedOut = false;
    for (; next < lines.length && COMMENT_LINE.test(lines[next] ?? ""); next++) {
      const comment = lines[next] ?? "";
      if (OWN_COMMENT.test(comment) && !comment.includes(TODO_MARKER)) commentedOut = true;
      covered.add(next + 1);
    }
    if (!commentedOut && next < lines.length) covered.add(next + 1);
  });
  return covered;
}

/**
 * Problems that block a migrated file: everything our `recommended` config reports, except the
 * marker rule itself and reports on the line right under a TODO marker (a human finishes those).
 */
export function blockingLintProblems(plugin: FlatPlugin, text: string, filePath: string, target: SdkMajor): LintProblem[] {
  const excused = linesUnderTodo(text);
  return lintRecommended(plugin, text, filePath, target).filter((p) => p.ruleId !== MIGRATION_TODO_RULE && !(p.ruleId !== null && excused.has(p.line)));
}

export function formatLintProblems(problems: readonly LintProblem[]): string {
  return problems.map((p) => `${p.line}:${p.column} ${p.ruleId ?? "parse"}: ${p.message}`).join("\n");
}

interface ImportFacts {
  source: string;
  names: string[];
}

function importsOf(text: string): ImportFacts[] {
  const facts: ImportFacts[] = [];
  // Good enough for our own fixture outputs: import/export-from statements and require/import() calls.
  const importRe = /\bimport\s+(type\s+)?([^'";]*?)\s*from\s*["']([^"']+)["']|\bimport\s*["']([^"']+)["']|\b(?:require|import)\s*\(\s*["']([^"']+)["']\s*\)/g;
  // Line comments go first: a TODO may quote the import line it asks for.
  const code = text.replace(/^\s*\/\/.*$/gm, "");
  for (const match of code.matchAll(importRe)) {
    const source = match[3] ?? match[4] ?? match[5];
    if (!source) continue;
    const clause = match[1] ? "" : (match[2] ?? "");
    const braces = /\{([^}]*)\}/.exec(clause)?.[1] ?? "";
    const names = braces
      .split(",")
      .map((part) => part.trim())
      .filter((part) => part !== "" && !part.startsWith("type "))
      .map((part) => part.split(/\s+as\s+/)[0]!.trim());
    facts.push({ source, names });
  }
  return facts;
}

/**
 * The rule for type-checking an output: it is task-API code, i.e. it imports the target's task
 * API path, and it imports no v2-only package, no v2 SDK root (target 3) and no v2-only name.
 * Leave-alone cases that keep v2 code, and files with no Trigger.dev import, are not checked.
 */
export function isTaskApiCode(text: string, target: SdkMajor): boolean {
  const imports = importsOf(text).filter((i) => isTriggerDevSource(i.source));
  if (!imports.some((i) => isTaskApiSource(i.source, target))) return false;
  return imports.every((i) => !isV2OnlyPackage(i.source) && !isV2SdkSource(i.source, target) && !i.names.some(isV2OnlyExport));
}
