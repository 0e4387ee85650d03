/** A unified diff per changed file, coloured like git's when colour is on. */
import { createTwoFilesPatch } from "diff";
import type { Colors } from "./colors.js";

export function formatDiff(displayPath: string, before: string, after: string, colors: Colors): string {
  const patch = createTwoFilesPatch(`a/${displayPath}`, `b/${displayPath}`, before, after, "", "", { context: 3 });
  const lines = patch
    .split("\n")
    // The "====" banner is not part of git's format; \r from CRLF files would garble a terminal.
    .filter((line) => !/^=+$/.test(line))
    .map((line) => line.replace(/\r$/, ""));
  return lines.map((line) => colorLine(line, colors)).join("\n");
}

function colorLine(line: string, colors: Colors): string {
  if (line.startsWith("--- ") || line.startsWith("+++ ")) return colors.bold(line);
  if (line.startsWith("@@")) return colors.cyan(line);
  if (line.startsWith("+")) return colors.green(line);
  if (line.startsWith("-")) return colors.red(line);
  return line;
}
