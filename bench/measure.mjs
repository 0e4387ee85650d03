/** Runs a command once (the caller alternates contenders); returns wall time, CPU time and peak RSS. */
import { spawnSync } from "node:child_process";
import { existsSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";

const GNU_TIME = existsSync("/usr/bin/time") ? "/usr/bin/time" : undefined;

/**
 * One run of `command args` with stdout discarded. Peak RSS comes from GNU time when present
 * (it sees native children such as ast-grep), else from the child's own report (Node scripts).
 */
export function runOnce(command, args, { cwd, env } = {}) {
  const rssFile = join(tmpdir(), `bench-rss-${process.pid}-${Math.random().toString(36).slice(2)}`);
  // %M peak RSS (KiB), %U + %S CPU seconds of the whole process tree: on a shared, busy machine
  // CPU time drifts far less than wall time, so the tables report both.
  const [cmd, argv] = GNU_TIME ? [GNU_TIME, ["-f", "%M %U %S", "-o", rssFile, command, ...args]] : [command, args];
  const started = process.hrtime.bigint();
  const result = spawnSync(cmd, argv, { cwd, env: { ...process.env, ...env }, stdio: ["ignore", "ignore", "pipe"], maxBuffer: 64 * 1024 * 1024 });
  const seconds = Number(process.hrtime.bigint() - started) / 1e9;
  let peakMiB;
  let cpuSeconds;
  if (GNU_TIME && existsSync(rssFile)) {
    // The last line; GNU time puts "Command exited with non-zero status" above it.
    const [kib, user, system] = readFileSync(rssFile, "utf8").trim().split("\n").pop().split(" ").map(Number);
    peakMiB = Number.isFinite(kib) ? kib / 1024 : undefined;
    cpuSeconds = Number.isFinite(user) && Number.isFinite(system) ? user + system : undefined;
    rmSync(rssFile, { force: true });
  }
  const stderr = result.stderr?.toString() ?? "";
  return { seconds, cpuSeconds, peakMiB, status: result.status, stderr };
}

export function median(values) {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
}
