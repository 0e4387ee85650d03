import rule from "../../rules/no-migration-todo.js";
import { ruleTesterFor } from "../helpers/rule-tester.js";

ruleTesterFor(4).run("no-migration-todo", rule, {
  valid: [
    {
      name: "an ordinary TODO is not a migration marker",
      code: `// TODO: tidy this up
export const x = 1;`,
    },
    {
      name: "the marker inside a string is not a comment",
      code: `export const marker = "TODO(trigger-v3-migrate): not a comment";`,
    },
  ],
  invalid: [
    {
      name: "reports a line marker with its text",
      code: `export async function run() {
  // TODO(trigger-v3-migrate): replace io.store with your own storage https://trigger.dev/docs/guides/use-cases/upgrading-from-v2
  return 1;
}`,
      errors: [
        {
          messageId: "todo",
          data: { text: "replace io.store with your own storage https://trigger.dev/docs/guides/use-cases/upgrading-from-v2" },
          line: 2,
          column: 6,
          endLine: 2,
          endColumn: 30,
        },
      ],
    },
    {
      name: "reports every marker of a block comment, each with its own line's text",
      code: `/*
 * TODO(trigger-v3-migrate): first
 * TODO(trigger-v3-migrate) second
 */
export const x = 1;`,
      errors: [
        { messageId: "todo", data: { text: "first" }, line: 2, column: 4 },
        { messageId: "todo", data: { text: "second" }, line: 3, column: 4 },
      ],
    },
    {
      name: "reports a marker without text",
      code: `export const x = 1; /* TODO(trigger-v3-migrate) */`,
      errors: [{ messageId: "todoWithoutText", line: 1, column: 24 }],
    },
    {
      name: "reports a marker in a JSX comment",
      code: `export const el = <div>{/* TODO(trigger-v3-migrate): use useRealtimeRun */}</div>;`,
      filename: "file.tsx",
      errors: [{ messageId: "todo", data: { text: "use useRealtimeRun" }, line: 1, column: 28 }],
    },
  ],
});
