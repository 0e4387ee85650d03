/** A unified diff per changed file, coloured like git's when colour is on. */
import { createTwoFilesPatch } from "diff";
import type { Colors } from "./colors.js";

/** A file the run creates or deletes: its missing side is headed `/dev/null`, as git shows it. */
export type DiffKind = "edit" | "create" | "delete";

export function formatDiff(displayPath: string, before: string, after: string, colors: Colors, kind: DiffKind = "edit"): string {
  const oldName = kind === "create" ? "/dev/null" : `a/${displayPath}`;
  const newName = kind === "delete" ? "/dev/null" : `b/${displayPath}`;
  const patch = createTwoFilesPatch(oldName, newName, before, after, "", "", { context: 3 });
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
