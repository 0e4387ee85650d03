/** `text` as a literal inside a RegExp source (the pre-filters build their alternations from catalog names). */
export function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\/]/g, "\\$&");
}
