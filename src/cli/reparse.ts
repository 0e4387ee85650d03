/**
 * The last gate before a write: the migrated text must parse. A raw @babel/parser parse is enough
 * for that and costs a third of a recast parse. Plugins mirror the grammar jscodeshift's parser for
 * that extension accepted on the way in, so valid input never fails here for want of a plugin.
 */
import { parse, type ParserPlugin } from "@babel/parser";
import { parserForFile } from "../codemod/parser.js";

export interface ParseProblem {
  message: string;
  line?: number;
  /** 1-based. */
  column?: number;
}

const PROPOSALS: ParserPlugin[] = ["doExpressions", "exportDefaultFrom", "functionBind", "functionSent", "throwExpressions"];
const TS_PLUGINS: ParserPlugin[] = ["typescript", "decorators-legacy", "decoratorAutoAccessors", ["pipelineOperator", { proposal: "minimal" }], ...PROPOSALS];

const PLUGINS = {
  ts: TS_PLUGINS,
  tsx: [...TS_PLUGINS, "jsx"],
  babel: ["jsx", ["decorators", { decoratorsBeforeExport: false }], ...PROPOSALS],
} satisfies Record<string, ParserPlugin[]>;

/** The raw Babel tree of `text` in the language of `path` (throws a SyntaxError when it does not parse). */
export function parseRaw(text: string, path: string): ReturnType<typeof parse> {
  return parse(text.startsWith("\uFEFF") ? text.slice(1) : text, {
    sourceType: "module",
    allowImportExportEverywhere: true,
    allowReturnOutsideFunction: true,
    plugins: PLUGINS[parserForFile(path) ?? "tsx"],
  });
}

/** Undefined when `text` parses as the language of `path`; else what is wrong and where. */
export function findParseProblem(text: string, path: string): ParseProblem | undefined {
  try {
    parseRaw(text, path);
    return undefined;
  } catch (error) {
    return describeSyntaxError(error);
  }
}

/** Babel's SyntaxError carries `loc` (column 0-based) and repeats it at the end of the message. */
function describeSyntaxError(error: unknown): ParseProblem {
  const message = (error instanceof Error ? error.message : String(error)).replace(/\s*\(\d+:\d+\)$/, "");
  const loc = (error as { loc?: { line?: unknown; column?: unknown } } | null)?.loc;
  if (loc && typeof loc.line === "number" && typeof loc.column === "number") return { message, line: loc.line, column: loc.column + 1 };
  return { message };
}
