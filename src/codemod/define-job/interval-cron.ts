/**
 * v2 `intervalTrigger({ seconds })` -> a 5-field cron. Cron has minute granularity and a step
 * only repeats evenly when it divides its field (`*\/15` minutes, `*\/6` hours), so an interval
 * is exact only for those steps, a day or a week; anything else gets the nearest exact schedule.
 */

export interface IntervalCron {
  cron: string;
  /** True when the cron fires at exactly the v2 interval. */
  exact: boolean;
  /** The interval the cron really has, in seconds (for the TODO text). */
  seconds: number;
}

const MINUTE = 60;
const HOUR = 3600;
const DAY = 86_400;

/** Every evenly repeating schedule, shortest first. */
const EXACT_SCHEDULES: readonly { seconds: number; cron: string }[] = [
  ...[1, 2, 3, 4, 5, 6, 10, 12, 15, 20, 30].map((m) => ({ seconds: m * MINUTE, cron: m === 1 ? "* * * * *" : `*/${m} * * * *` })),
  ...[1, 2, 3, 4, 6, 8, 12].map((h) => ({ seconds: h * HOUR, cron: h === 1 ? "0 * * * *" : `0 */${h} * * *` })),
  { seconds: DAY, cron: "0 0 * * *" },
  { seconds: 7 * DAY, cron: "0 0 * * 0" },
];

/** Monthly is never exact (months differ in length) but is the nearest for the v2 30-day maximum. */
const MONTHLY = { seconds: 30 * DAY, cron: "0 0 1 * *" };

export function intervalToCron(seconds: number): IntervalCron {
  const exact = EXACT_SCHEDULES.find((s) => s.seconds === seconds);
  if (exact) return { cron: exact.cron, exact: true, seconds };
  // Nearest by ratio, not difference (50 s -> 1 min, 90 s -> 2 min); ties go to the shorter one.
  let best = EXACT_SCHEDULES[0] ?? MONTHLY;
  for (const candidate of [...EXACT_SCHEDULES, MONTHLY]) {
    const distance = Math.abs(Math.log(candidate.seconds / Math.max(seconds, 1)));
    const bestDistance = Math.abs(Math.log(best.seconds / Math.max(seconds, 1)));
    if (distance < bestDistance - 1e-9) best = candidate;
  }
  return { cron: best.cron, exact: false, seconds: best.seconds };
}

/** "90 seconds", "15 minutes", "2 hours", "1 day" for TODO messages. */
export function describeSeconds(seconds: number): string {
  const units: [number, string][] = [
    [7 * DAY, "week"],
    [DAY, "day"],
    [HOUR, "hour"],
    [MINUTE, "minute"],
  ];
  for (const [size, unit] of units) {
    if (seconds >= size && seconds % size === 0) {
      const amount = seconds / size;
      return `${amount} ${unit}${amount === 1 ? "" : "s"}`;
    }
  }
  return `${seconds} second${seconds === 1 ? "" : "s"}`;
}
