/** Task ids and variable names for migrated jobs. */

const KEBAB_ID = /^[a-z0-9]+(?:-[a-z0-9]+)*$/;

/** `Event Example`, `eventExample`, `event.example`, `send_email` -> `event-example`, `send-email`. */
export function kebabCaseId(id: string): string {
  return id
    .replace(/([a-z0-9])([A-Z])/g, "$1-$2")
    .toLowerCase()
    .split(/[^a-z0-9]+/)
    .filter(Boolean)
    .join("-");
}

/** The id to write: unchanged when already kebab-case (or nothing usable is left after casing). */
export function normalizedTaskId(id: string): string {
  if (KEBAB_ID.test(id)) return id;
  const kebab = kebabCaseId(id);
  return kebab === "" ? id : kebab;
}

const RESERVED = new Set(
  (
    "break case catch class const continue debugger default delete do else enum export extends false finally for function if import in " +
    "instanceof new null return super switch this throw true try typeof var void while with yield let static implements interface package " +
    "private protected public await arguments eval undefined NaN Infinity"
  ).split(" "),
);

/** `event-example-1` -> `eventExample1`; a valid identifier that is not a reserved word. */
export function camelCaseName(id: string): string {
  const words = id
    .replace(/([a-z0-9])([A-Z])/g, "$1 $2")
    .split(/[^A-Za-z0-9]+/)
    .filter(Boolean)
    .map((w) => w.toLowerCase());
  let name = words.map((w, i) => (i === 0 ? w : w.charAt(0).toUpperCase() + w.slice(1))).join("");
  if (name === "") name = "migrated";
  if (/^[0-9]/.test(name)) name = `task${name.charAt(0).toUpperCase()}${name.slice(1)}`;
  if (RESERVED.has(name)) name = `${name}Task`;
  return name;
}

/** Globals a module-level task must not shadow (an id such as "process" or "fetch" is plausible). */
const GLOBALS = new Set(["process", "console", "fetch", "Math", "JSON", "Date", "Promise", "Error", "URL", "Buffer", "crypto", "global", "globalThis", "window", "document", "require", "module", "exports"]);

/**
 * Hands out names that clash with nothing already in the file nor with each other. `taken` is
 * the file's top-level names; the events transform allocates with the same rules and the same
 * set, so both agree on the name of a bare `client.defineJob(...)`.
 */
export class NameAllocator {
  constructor(private readonly taken: Set<string>) {}

  allocate(wanted: string): string {
    const free = (name: string): boolean => !this.taken.has(name) && !GLOBALS.has(name);
    let name = wanted;
    if (!free(name)) name = `${wanted}Task`;
    for (let n = 2; !free(name); n++) name = `${wanted}Task${n}`;
    this.taken.add(name);
    return name;
  }
}
