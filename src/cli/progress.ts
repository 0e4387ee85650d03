/**
 * The live progress line on stderr: only for a person watching a terminal, never in CI, with
 * `--json`, or when stderr is a file or pipe (it would fill logs with carriage returns).
 */
export interface ProgressStream {
  write(text: string): unknown;
  isTTY?: boolean;
  columns?: number;
}

const REDRAW_EVERY_MS = 80;

export function progressEnabled(stream: ProgressStream, env: Readonly<Record<string, string | undefined>>, json: boolean): boolean {
  const ci = env["CI"];
  const inCi = ci !== undefined && ci !== "" && ci !== "0" && ci !== "false";
  return stream.isTTY === true && !inCi && !json;
}

export class Progress {
  private lastDraw = 0;
  private drawn = false;

  constructor(
    private readonly stream: ProgressStream,
    private readonly enabled: boolean,
    private readonly now: () => number = Date.now,
  ) {}

  update(done: number, total: number, label: string): void {
    if (!this.enabled) return;
    const time = this.now();
    if (done < total && time - this.lastDraw < REDRAW_EVERY_MS) return;
    this.lastDraw = time;
    const width = Math.max(20, (this.stream.columns ?? 80) - 1);
    const line = `migrating ${done}/${total} ${label}`;
    this.stream.write(`\r\x1b[2K${line.length > width ? `${line.slice(0, width - 1)}…` : line}`);
    this.drawn = true;
  }

  /** Wipes the line so the summary starts on a clean one. */
  clear(): void {
    if (!this.drawn) return;
    this.stream.write("\r\x1b[2K");
    this.drawn = false;
  }
}
