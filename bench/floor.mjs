/**
 * The floor: the least work any format-preserving rewrite must do. Reads every source file and, for
 * the files the CLI's own text pre-filter keeps, parses and prints them with jscodeshift (same
 * parser choice as the CLI). One process, no transforms, no writes.
 *   node bench/floor.mjs <dir>
 */
import { readFileSync } from "node:fs";
import jscodeshift from "jscodeshift";
import { glob } from "tinyglobby";
import { parserForFile } from "../dist/src/codemod/parser.js";
import { mightNeedMigration } from "../dist/src/cli/prefilter.js";

const dir = process.argv[2];
const files = await glob(["**/*.{ts,tsx,mts,cts,js,jsx,mjs,cjs}"], { cwd: dir, absolute: true, ignore: ["**/node_modules/**", "**/*.d.ts"] });
let parsed = 0;
for (const file of files) {
  const text = readFileSync(file, "utf8");
  if (!mightNeedMigration(text)) continue;
  const parser = parserForFile(file);
  if (!parser) continue;
  jscodeshift.withParser(parser)(text).toSource();
  parsed++;
}
console.log(JSON.stringify({ files: files.length, parsed }));
