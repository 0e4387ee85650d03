/**
 * The `TODO(trigger-v3-migrate)` markers the codemod leaves where a human must finish the
 * migration: each one is reported with its text, so a half-migrated codebase cannot pass CI.
 * Only comments count (the marker inside a string is not a TODO). Needs no import.
 */
import type { TSESTree } from "@typescript-eslint/utils";
import { TODO_MARKER } from "../src/catalog/markers.js";
import { createRule } from "../src/eslint/create-rule.js";

export type MessageIds = "todo" | "todoWithoutText";
export type Options = [];

/** `//` and `/*` open every comment ESLint gives us (JSX comments are block comments too). */
const COMMENT_OPENER_LENGTH = 2;

/** The marker's text: the rest of its line, without the `:` separator. */
function markerText(value: string, markerEnd: number): string {
  const lineEnd = value.slice(markerEnd).search(/\r?\n|\r/);
  const rest = lineEnd === -1 ? value.slice(markerEnd) : value.slice(markerEnd, markerEnd + lineEnd);
  return rest.replace(/^\s*:?\s*/, "").trim();
}

export default createRule<Options, MessageIds>({
  name: "no-migration-todo",
  meta: {
    type: "problem",
    docs: {
      description: "Disallow unfinished `TODO(trigger-v3-migrate)` markers left by the codemod",
      recommended: true,
      sdkVersions: [3, 4],
    },
    messages: {
      todo: "Unfinished Trigger.dev migration: {{text}} (finish it, then delete the `TODO(trigger-v3-migrate)` marker).",
      todoWithoutText: "Unfinished Trigger.dev migration here: finish it, then delete the `TODO(trigger-v3-migrate)` marker.",
    },
    schema: [],
    defaultOptions: [],
  },
  create(context) {
    const sourceCode = context.sourceCode;
    if (!sourceCode.text.includes(TODO_MARKER)) return {};

    function checkComment(comment: TSESTree.Comment): void {
      let at = comment.value.indexOf(TODO_MARKER);
      while (at !== -1) {
        const markerEnd = at + TODO_MARKER.length;
        const start = comment.range[0] + COMMENT_OPENER_LENGTH + at;
        const loc = { start: sourceCode.getLocFromIndex(start), end: sourceCode.getLocFromIndex(start + TODO_MARKER.length) };
        const text = markerText(comment.value, markerEnd);
        if (text) context.report({ loc, messageId: "todo", data: { text } });
        else context.report({ loc, messageId: "todoWithoutText" });
        at = comment.value.indexOf(TODO_MARKER, markerEnd);
      }
    }

    return {
      Program() {
        for (const comment of sourceCode.getAllComments()) checkComment(comment);
      },
    };
  },
});
