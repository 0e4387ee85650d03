#!/usr/bin/env node
/**
 * The `trigger-v3-migrate` executable. Users never see a stack trace: anything unexpected becomes
 * one line, `trigger-v3-migrate: <message>`, and exit code 1.
 */
const NAME = "trigger-v3-migrate";

function oneLine(error: unknown): string {
  const message = error instanceof Error ? error.message : String(error);
  return `${NAME}: ${message.split("\n")[0] || "unexpected error"}\n`;
}

function die(error: unknown): void {
  process.stderr.write(oneLine(error));
  process.exit(1);
}

process.on("uncaughtException", die);
process.on("unhandledRejection", die);
// `trigger-v3-migrate --dry | head` closes our stdout early; that is not an error.
process.stdout.on("error", (error: NodeJS.ErrnoException) => {
  if (error.code === "EPIPE") process.exit(process.exitCode ?? 0);
  die(error);
});

try {
  // Imported here, not at the top, so that even a failure to load becomes one line.
  const { main } = await import("./main.js");
  process.exitCode = await main(process.argv.slice(2));
} catch (error) {
  die(error);
}
