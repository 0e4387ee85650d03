/**
 * Replaces a file's content in one step: write a temporary file next to it (same directory, so the
 * same file system), give it the original's mode, then rename it over the original. A reader, a
 * crash or a Ctrl-C sees either the old file or the new one, never half of one. Writes go to the
 * real path, so a symbolic link stays a link.
 */
import { randomBytes } from "node:crypto";
import { closeSync, fsyncSync, openSync, realpathSync, renameSync, statSync, unlinkSync, writeSync } from "node:fs";
import { basename, dirname, join } from "node:path";

export function writeFileAtomic(path: string, content: string): void {
  const target = realpathSync(path);
  const mode = statSync(target).mode & 0o7777;
  const temporary = join(dirname(target), `.${basename(target)}.${process.pid}.${randomBytes(4).toString("hex")}.tmp`);
  let renamed = false;
  try {
    const fd = openSync(temporary, "wx", mode);
    try {
      writeSync(fd, content, null, "utf8");
      fsyncSync(fd);
    } finally {
      closeSync(fd);
    }
    renameSync(temporary, target);
    renamed = true;
  } finally {
    if (!renamed) {
      try {
        unlinkSync(temporary);
      } catch {
        // never created, or already gone
      }
    }
  }
}
