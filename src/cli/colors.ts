/** Colour on or off per stream: on for a terminal, off under NO_COLOR, on under FORCE_COLOR. */
import picocolors from "picocolors";

export type Colors = ReturnType<typeof picocolors.createColors>;

export function colorsFor(stream: { isTTY?: boolean }, env: Readonly<Record<string, string | undefined>>): Colors {
  return picocolors.createColors(colorEnabled(stream, env));
}

export function colorEnabled(stream: { isTTY?: boolean }, env: Readonly<Record<string, string | undefined>>): boolean {
  // https://no-color.org: present and not empty disables colour, whatever else is set.
  if (env["NO_COLOR"]) return false;
  const force = env["FORCE_COLOR"];
  if (force !== undefined) return force !== "0" && force !== "false";
  return stream.isTTY === true && env["TERM"] !== "dumb";
}
