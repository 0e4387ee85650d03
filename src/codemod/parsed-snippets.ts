/**
 * Parsed snippets (`wait.for({ minutes: 5 })`, `(_, { ctx }) => {}`, a task's skeleton), each
 * parsed once per parser and handed out as copies. A snippet is parsed with recast rather than
 * built so it prints as written; recast's parse costs about 25 µs even for a one-liner, and most
 * files ask for the same few snippets.
 *
 * A copy is what recast's own parse returns, made again: recast hands out a copy of the parser's
 * tree whose every object links to its parsed twin through a hidden `original` property and
 * shares its `loc`; the printer compares against those twins to reuse the written text. The
 * copy here is made the same way from the cached copy (same prototypes, keys in the same order,
 * the same `original` links, `loc` and the file's `tokens` shared), so printing sees no
 * difference. The parsed twins and locations are only read after parsing; the cached copy itself
 * is never handed out, so edits to a copy never reach it.
 */
import type { JSCodeshift } from "jscodeshift";
import type { AstNode } from "./ast-helpers.js";

/** Enough for the snippets a run repeats; unique snippets just pass through. */
const MAX_CACHED = 256;
/** recast's descriptor for `original` (non-enumerable, so walks and `Object.keys` skip it). */
const ORIGINAL_PROPERTY: PropertyDescriptor = { configurable: false, enumerable: false, writable: true };
const objectTag = Object.prototype.toString;

const cachesByCore = new WeakMap<JSCodeshift, Map<string, AstNode>>();

/** The File node of `text` as `j(text)` parses it, as a fresh copy the caller may edit. */
export function parseSnippet(j: JSCodeshift, text: string): AstNode {
  let cache = cachesByCore.get(j);
  if (!cache) {
    cache = new Map();
    cachesByCore.set(j, cache);
  }
  let parsed = cache.get(text);
  if (!parsed) {
    parsed = j(text).get().node as unknown as AstNode;
    if (cache.size >= MAX_CACHED) cache.delete(cache.keys().next().value as string);
    cache.set(text, parsed);
  }
  return copyParsed(parsed, new Map()) as AstNode;
}

/** recast's TreeCopier.copy, applied to its own output (see the file comment). */
function copyParsed(value: unknown, seen: Map<object, unknown>): unknown {
  if (typeof value !== "object" || value === null) return value;
  const known = seen.get(value);
  if (known !== undefined) return known;
  if (Array.isArray(value)) {
    const copy = value.slice();
    seen.set(value, copy);
    for (let index = 0; index < value.length; index++) {
      // Holes stay holes, as with recast's forEach.
      if (index in value) copy[index] = copyParsed(value[index], seen);
    }
    return copy;
  }
  if (objectTag.call(value) !== "[object Object]") return value;
  const source = value as Record<string, unknown> & { original?: unknown };
  const copy = Object.create(Object.getPrototypeOf(source) as object | null) as Record<string, unknown>;
  Object.defineProperty(copy, "original", ORIGINAL_PROPERTY);
  copy["original"] = source.original;
  seen.set(value, copy);
  const keys = Object.keys(source);
  const isFile = source["type"] === "File";
  for (let index = 0; index < keys.length; index++) {
    const key = keys[index] as string;
    if (key === "loc" || (isFile && key === "tokens")) copy[key] = source[key];
    else copy[key] = copyParsed(source[key], seen);
  }
  return copy;
}
