/** Which lines a TODO marker excuses from the lint and type checks of migrated files (tests/helpers/output-checks.ts). */
import { describe, expect, it } from "vitest";
import { linesUnderTodo } from "../helpers/output-checks.js";

const TODO = "// TODO(trigger-v3-migrate): do something https://trigger.dev/docs";

function excused(lines: readonly string[]): number[] {
  return [...linesUnderTodo(lines.join("\n"))].sort((a, b) => a - b);
}

describe("linesUnderTodo", () => {
  it("excuses the marker line and the code line right under it, nothing else", () => {
    expect(excused(["const a = 1;", TODO, "const b = 2;", "const c = 3;"])).toEqual([2, 3]);
  });

  it("excuses the code under stacked markers, and every marker line", () => {
    expect(excused(["  " + TODO, "  " + TODO.replace("do something", "and more"), "  await io.sendEvent('x', { name: 'y' });", "  done();"])).toEqual([1, 2, 3]);
  });

  it("excuses the code under a marker inside a block comment with continuation lines", () => {
    expect(excused(["/**", " * TODO(trigger-v3-migrate): first", " * TODO(trigger-v3-migrate) second", " */", "export const x = 1;", "export const y = 2;"])).toEqual([2, 3, 4, 5]);
  });

  it("does not excuse the code after a commented-out block: the block is what the marker is about", () => {
    const text = ["  " + TODO, "  // await client.sendEvent({", "  //   name: \"nobody\",", "  // });", "  return payload.id;"];
    expect(excused(text)).toEqual([1, 2, 3, 4]);
  });

  it("does not excuse the code after a note that is not a marker, even below stacked markers", () => {
    expect(excused([TODO, TODO, "// a note of the author", "unrelated();"])).toEqual([1, 2, 3]);
    expect(excused([TODO, "/* a block comment */", "unrelated();"])).toEqual([1, 2]);
  });

  it("excuses only its own line for a marker after code, and nothing past the end of the text or a blank line", () => {
    expect(excused(["legacy(); " + TODO, "next();"])).toEqual([1]);
    expect(excused(["ok();", TODO])).toEqual([2]);
    expect(excused([TODO, "", "later();"])).toEqual([1, 2]);
  });

  it("counts lines the same with CRLF line ends", () => {
    expect([...linesUnderTodo(["a();", TODO, "b();", "c();"].join("\r\n"))]).toEqual([2, 3]);
  });
});
