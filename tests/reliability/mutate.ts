/**
 * Seeded source mutations for fuzzing: delete, duplicate or swap random tokens and lines. The same
 * seed always gives the same mutant, so a failure names a seed that reproduces it.
 */

/** Mulberry32: small, fast, seeded. */
export function seededRandom(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

// Whitespace, identifiers, numbers, strings and single punctuation characters.
const TOKEN = /\s+|[A-Za-z_$][\w$]*|\d+(?:\.\d+)?|"(?:[^"\\\n]|\\.)*"|'(?:[^'\\\n]|\\.)*'|`(?:[^`\\]|\\.)*`|[^]/g;

type Mutation = (parts: string[], random: () => number) => void;

const pick = (length: number, random: () => number): number => Math.floor(random() * length);

function splice(parts: string[], random: () => number, edit: (parts: string[], index: number, other: number) => void): void {
  if (parts.length < 2) return;
  edit(parts, pick(parts.length, random), pick(parts.length, random));
}

const MUTATIONS: Record<string, { unit: "token" | "line"; apply: Mutation }> = {
  "delete a token": { unit: "token", apply: (p, r) => splice(p, r, (parts, i) => parts.splice(i, 1)) },
  "duplicate a token": { unit: "token", apply: (p, r) => splice(p, r, (parts, i) => parts.splice(i, 0, parts[i]!)) },
  "swap two tokens": { unit: "token", apply: (p, r) => splice(p, r, (parts, i, k) => ([parts[i], parts[k]] = [parts[k]!, parts[i]!])) },
  "delete a line": { unit: "line", apply: (p, r) => splice(p, r, (parts, i) => parts.splice(i, 1)) },
  "duplicate a line": { unit: "line", apply: (p, r) => splice(p, r, (parts, i) => parts.splice(i, 0, parts[i]!)) },
  "swap two lines": { unit: "line", apply: (p, r) => splice(p, r, (parts, i, k) => ([parts[i], parts[k]] = [parts[k]!, parts[i]!])) },
};

export interface Mutant {
  seed: number;
  /** What was done, e.g. "swap two lines, delete a token". */
  description: string;
  text: string;
}

/** One or two random mutations of `source`, chosen by `seed`. */
export function mutate(source: string, seed: number): Mutant {
  const random = seededRandom(seed);
  const names = Object.keys(MUTATIONS);
  const applied: string[] = [];
  let text = source;
  // One or two edits: more and almost nothing parses any more.
  const count = 1 + pick(2, random);
  for (let step = 0; step < count; step++) {
    const name = names[pick(names.length, random)]!;
    const { unit, apply } = MUTATIONS[name]!;
    const parts = unit === "token" ? (text.match(TOKEN) ?? []) : text.split("\n");
    apply(parts, random);
    text = parts.join(unit === "token" ? "" : "\n");
    applied.push(name);
  }
  return { seed, description: applied.join(", "), text };
}
