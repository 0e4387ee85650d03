/** The greppable marker the codemod leaves where a human must finish the migration. */
export const TODO_MARKER = "TODO(trigger-v3-migrate)";

/** `// TODO(trigger-v3-migrate): <what to do> <docs link>` */
export function todoComment(message: string, docsUrl?: string): string {
  return `${TODO_MARKER}: ${message}${docsUrl ? ` ${docsUrl}` : ""}`;
}
