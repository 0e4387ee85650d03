import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { readCandidate } from "../../src/cli/read-candidate.js";
import { makeProject } from "./harness.js";

const CANDIDATE = 'import { eventTrigger } from "@trigger.dev/sdk";\n';

describe("readCandidate with the text the project index already read", () => {
  it("uses that text instead of the file's current content", () => {
    const root = makeProject({ "job.ts": "export const plain = 1;\n" });
    const outcome = readCandidate(join(root, "job.ts"), CANDIDATE);
    expect(outcome).toEqual({ kind: "candidate", text: CANDIDATE });
  });

  it("reads the bytes again when the text holds U+FFFD, so invalid UTF-8 is still skipped", () => {
    const root = makeProject({ "latin1.ts": Buffer.concat([Buffer.from(`${CANDIDATE}// caf`), Buffer.from([0xe9]), Buffer.from("\n")]) });
    const outcome = readCandidate(join(root, "latin1.ts"), `${CANDIDATE}// caf\uFFFD\n`);
    expect(outcome.kind === "done" && outcome.report.reason).toBe("not valid UTF-8");
  });

  it("reads the bytes again when the text holds NUL, so a binary file is still skipped", () => {
    const root = makeProject({ "binary.js": Buffer.concat([Buffer.from(CANDIDATE), Buffer.from([0, 1, 2])]) });
    const outcome = readCandidate(join(root, "binary.js"), `${CANDIDATE}\0\u0001\u0002`);
    expect(outcome.kind === "done" && outcome.report.reason).toBe("binary file (contains NUL bytes)");
  });

  it("keeps a text that only names U+FFFD legitimately when its bytes are valid UTF-8", () => {
    const text = `${CANDIDATE}const replacement = "\uFFFD";\n`;
    const root = makeProject({ "valid.ts": text });
    expect(readCandidate(join(root, "valid.ts"), text)).toEqual({ kind: "candidate", text });
  });
});
