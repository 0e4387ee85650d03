/** Which jscodeshift parser reads a file, by extension. */
import { extname } from "node:path";

export type CodemodParser = "ts" | "tsx" | "babel";

const PARSER_BY_EXTENSION: Readonly<Record<string, CodemodParser>> = {
  ".ts": "ts",
  ".mts": "ts",
  ".cts": "ts",
  ".tsx": "tsx",
  ".js": "babel",
  ".jsx": "babel",
  ".mjs": "babel",
  ".cjs": "babel",
};

export const SOURCE_EXTENSIONS: readonly string[] = Object.keys(PARSER_BY_EXTENSION);

/** The parser for a path, or undefined for files we never touch (`.d.ts`, other extensions). */
export function parserForFile(path: string): CodemodParser | undefined {
  if (/\.d\.[mc]?ts$/.test(path)) return undefined;
  return PARSER_BY_EXTENSION[extname(path).toLowerCase()];
}
