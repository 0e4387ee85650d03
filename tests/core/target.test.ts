import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { dirname, join } from "node:path";
import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import { majorFromVersionOrRange, parseTargetSetting, TargetDetector } from "../../src/target/detect.js";

let root: string;

/** Writes a file under the temp root, creating its directories. */
function write(relative: string, content: string): string {
  const file = join(root, relative);
  mkdirSync(dirname(file), { recursive: true });
  writeFileSync(file, content);
  return file;
}

function writeJson(relative: string, value: unknown): string {
  return write(relative, JSON.stringify(value, null, 2));
}

function declaring(range: string, field = "dependencies"): Record<string, unknown> {
  return { name: "app", [field]: { "@trigger.dev/sdk": range } };
}

function installSdk(relativeDir: string, version: string): string {
  return writeJson(join(relativeDir, "node_modules/@trigger.dev/sdk/package.json"), { name: "@trigger.dev/sdk", version });
}

/** A detector whose warnings are captured instead of going to process warnings. */
function detector(): { detect: TargetDetector; warn: ReturnType<typeof vi.fn<(message: string) => void>> } {
  const warn = vi.fn<(message: string) => void>();
  return { detect: new TargetDetector({ warn }), warn };
}

beforeEach(() => {
  root = mkdtempSync(join(tmpdir(), "trigger-target-"));
});

afterEach(() => {
  rmSync(root, { recursive: true, force: true });
});

describe("TargetDetector order", () => {
  it("uses an explicit setting before anything on disk", () => {
    installSdk(".", "4.8.3");
    writeJson("package.json", declaring("^4.0.0"));
    const { detect } = detector();
    expect(detect.resolve(join(root, "src/a.ts"), 3)).toEqual({ major: 3, source: "explicit" });
    expect(detect.resolve(join(root, "src/a.ts"), 4)).toEqual({ major: 4, source: "explicit" });
  });

  it("uses the installed SDK version before the declared range", () => {
    writeJson("package.json", declaring("^4.0.0"));
    const installed = installSdk(".", "3.3.17");
    const { detect } = detector();
    expect(detect.resolve(join(root, "src/jobs/a.ts"))).toEqual({ major: 3, source: "installed", file: installed });
  });

  it("finds an SDK installed in an ancestor's node_modules, as Node resolution does", () => {
    const installed = installSdk(".", "4.8.3");
    const { detect } = detector();
    expect(detect.resolve(join(root, "packages/web/src/a.ts"))).toEqual({ major: 4, source: "installed", file: installed });
  });

  it("falls back to the declared range when nothing is installed", () => {
    const pkg = writeJson("package.json", declaring("^3.3.0"));
    const { detect } = detector();
    expect(detect.resolve(join(root, "src/a.ts"))).toEqual({ major: 3, source: "declared", file: pkg });
  });

  it("reads the range from devDependencies and peerDependencies too", () => {
    const dev = writeJson("dev/package.json", declaring("~3.3.17", "devDependencies"));
    const peer = writeJson("peer/package.json", declaring("^4.1.0", "peerDependencies"));
    const { detect } = detector();
    expect(detect.resolve(join(dev, "../a.ts"))).toEqual({ major: 3, source: "declared", file: dev });
    expect(detect.resolve(join(peer, "../a.ts"))).toEqual({ major: 4, source: "declared", file: peer });
  });

  it("defaults to 4 when no package.json declares the SDK", () => {
    writeJson("package.json", { name: "app", dependencies: { zod: "^3.0.0" } });
    const { detect } = detector();
    expect(detect.resolve(join(root, "src/a.ts"))).toEqual({ major: 4, source: "default" });
  });

  it("treats the setting \"detect\" and undefined like no setting", () => {
    writeJson("package.json", declaring("3.3.17"));
    const { detect } = detector();
    expect(detect.resolve(join(root, "a.ts"), "detect").major).toBe(3);
    expect(detect.resolve(join(root, "a.ts"), undefined).major).toBe(3);
  });

  it("resolves a directory itself when asked to", () => {
    writeJson("app/package.json", declaring("^3.0.0"));
    const { detect } = detector();
    expect(detect.resolve(join(root, "app"), "detect", true).major).toBe(3);
    // The same path as a file looks in its parent, which declares nothing.
    expect(detect.resolve(join(root, "app"), "detect").major).toBe(4);
  });
});

describe("TargetDetector on a project still on v2", () => {
  it("ignores an installed 2.x SDK and uses the default 4", () => {
    installSdk(".", "2.3.18");
    writeJson("package.json", declaring("^2.3.18"));
    const { detect } = detector();
    expect(detect.resolve(join(root, "jobs/a.ts"))).toEqual({ major: 4, source: "default" });
  });

  it("lets a declared task-API range win over an installed 2.x SDK", () => {
    installSdk(".", "2.3.18");
    const pkg = writeJson("package.json", declaring("^3.3.17"));
    const { detect } = detector();
    expect(detect.resolve(join(root, "jobs/a.ts"))).toEqual({ major: 3, source: "declared", file: pkg });
  });

  it("uses the explicit setting for a 2.x project", () => {
    writeJson("package.json", declaring("2.3.18"));
    const { detect } = detector();
    expect(detect.resolve(join(root, "a.ts"), 3).major).toBe(3);
  });
});

describe("TargetDetector in a monorepo", () => {
  it("uses the root's range for a package that does not declare the SDK", () => {
    const rootPkg = writeJson("package.json", { name: "monorepo", private: true, devDependencies: { "@trigger.dev/sdk": "^4.0.0" } });
    writeJson("packages/web/package.json", { name: "web", dependencies: { react: "^19.0.0" } });
    const { detect } = detector();
    expect(detect.resolve(join(root, "packages/web/src/page.ts"))).toEqual({ major: 4, source: "declared", file: rootPkg });
  });

  it("uses the package's own 3.x range under a root that declares 4.x", () => {
    writeJson("package.json", declaring("^4.0.0"));
    const jobsPkg = writeJson("packages/jobs/package.json", declaring("^3.3.17"));
    const { detect } = detector();
    expect(detect.resolve(join(root, "packages/jobs/src/a.ts"))).toEqual({ major: 3, source: "declared", file: jobsPkg });
    expect(detect.resolve(join(root, "packages/other/a.ts")).major).toBe(4);
  });

  it("uses a package's own installed 3.x SDK under a root with 4.x installed", () => {
    installSdk(".", "4.8.3");
    const nested = installSdk("packages/jobs", "3.3.17");
    const { detect } = detector();
    expect(detect.resolve(join(root, "packages/jobs/src/a.ts"))).toEqual({ major: 3, source: "installed", file: nested });
    expect(detect.resolve(join(root, "packages/web/a.ts")).major).toBe(4);
  });

  it("looks past a `workspace:*` range to the root's range", () => {
    const rootPkg = writeJson("package.json", declaring("^3.3.0"));
    writeJson("packages/jobs/package.json", declaring("workspace:*"));
    const { detect } = detector();
    expect(detect.resolve(join(root, "packages/jobs/a.ts"))).toEqual({ major: 3, source: "declared", file: rootPkg });
  });

  it("looks past a 2.x package to a root that declares the task API", () => {
    const rootPkg = writeJson("package.json", declaring("^4.0.0"));
    writeJson("apps/legacy/package.json", declaring("^2.3.0"));
    const { detect } = detector();
    expect(detect.resolve(join(root, "apps/legacy/jobs/a.ts"))).toEqual({ major: 4, source: "declared", file: rootPkg });
  });
});

describe("TargetDetector with a broken package.json", () => {
  it("does not throw, warns once naming the file, and keeps looking up", () => {
    const rootPkg = writeJson("package.json", declaring("^3.3.0"));
    const broken = write("packages/jobs/package.json", '{ "name": "jobs", "dependencies": { ');
    const { detect, warn } = detector();
    expect(detect.resolve(join(root, "packages/jobs/src/a.ts"))).toEqual({ major: 3, source: "declared", file: rootPkg });
    expect(detect.resolve(join(root, "packages/jobs/src/nested/b.ts"))).toEqual({ major: 3, source: "declared", file: rootPkg });
    expect(detect.resolve(join(root, "packages/jobs/c.ts")).major).toBe(3);
    expect(warn).toHaveBeenCalledTimes(1);
    expect(warn.mock.calls[0]?.[0]).toContain(broken);
  });

  it("does not throw on a package.json that is valid JSON but not an object", () => {
    write("package.json", "[1, 2]");
    const { detect, warn } = detector();
    expect(detect.resolve(join(root, "a.ts"))).toEqual({ major: 4, source: "default" });
    expect(warn).not.toHaveBeenCalled();
  });

  it("does not throw on a broken installed SDK package.json", () => {
    write("node_modules/@trigger.dev/sdk/package.json", "not json");
    const pkg = writeJson("package.json", declaring("^3.3.0"));
    const { detect, warn } = detector();
    expect(detect.resolve(join(root, "a.ts"))).toEqual({ major: 3, source: "declared", file: pkg });
    expect(warn).toHaveBeenCalledTimes(1);
  });

  it("reads a package.json saved with a byte order mark without warning", () => {
    const pkg = write("package.json", `\uFEFF${JSON.stringify(declaring("^3.3.0"))}`);
    const { detect, warn } = detector();
    expect(detect.resolve(join(root, "a.ts"))).toEqual({ major: 3, source: "declared", file: pkg });
    expect(warn).not.toHaveBeenCalled();
  });
});

describe("TargetDetector cache", () => {
  it("answers a second file in the same directory from the cache without re-reading package.json", () => {
    const pkg = writeJson("package.json", declaring("^3.3.0"));
    const { detect } = detector();
    expect(detect.resolve(join(root, "src/a.ts")).major).toBe(3);
    writeJson("package.json", declaring("^4.0.0"));
    expect(detect.resolve(join(root, "src/b.ts"))).toEqual({ major: 3, source: "declared", file: pkg });
  });

  it("reads each package.json once even for a new directory", () => {
    writeJson("package.json", declaring("^3.3.0"));
    const { detect } = detector();
    expect(detect.resolve(join(root, "src/a.ts")).major).toBe(3);
    writeJson("package.json", declaring("^4.0.0"));
    expect(detect.resolve(join(root, "lib/b.ts")).major).toBe(3);
  });

  it("starts from scratch in a new detector", () => {
    writeJson("package.json", declaring("^3.3.0"));
    expect(detector().detect.resolve(join(root, "a.ts")).major).toBe(3);
    writeJson("package.json", declaring("^4.0.0"));
    expect(detector().detect.resolve(join(root, "a.ts")).major).toBe(4);
  });
});

describe("majorFromVersionOrRange", () => {
  it.each([
    ["4.8.3", 4],
    ["^4.0.0", 4],
    ["~4.1.2", 4],
    ["4.0.0-v4-beta.20", 4],
    [">=4", 4],
    ["3.3.17", 3],
    ["^3.0.0", 3],
    ["~3.3", 3],
    ["3.x", 3],
    [" ^3.3.0 ", 3],
  ] as const)("reads %j as %i", (spec, major) => {
    expect(majorFromVersionOrRange(spec)).toBe(major);
  });

  it.each(["2.3.18", "^2.0.0", "~2.3", "0.1.0"])("treats the v2 SDK %j as undecided", (spec) => {
    expect(majorFromVersionOrRange(spec)).toBeUndefined();
  });

  it.each(["latest", "*", "x"])("reads %j as what npm installs today (4)", (spec) => {
    expect(majorFromVersionOrRange(spec)).toBe(4);
  });

  it.each(["workspace:*", "workspace:^", "workspace:~", "file:../sdk", "link:../sdk", "github:triggerdotdev/trigger.dev", "git+https://x/y.git", "https://x/sdk.tgz", "", "next-beta"])(
    "cannot tell the major of %j",
    (spec) => {
      expect(majorFromVersionOrRange(spec)).toBeUndefined();
    },
  );

  it.each([
    ["workspace:^3.3.0", 3],
    ["workspace:4.8.3", 4],
  ] as const)("reads the range inside %j", (spec, major) => {
    expect(majorFromVersionOrRange(spec)).toBe(major);
  });

  it.each([
    ["npm:@trigger.dev/sdk@^3.3.17", 3],
    ["npm:@trigger.dev/sdk@4.8.3", 4],
    ["npm:@trigger.dev/sdk@2.3.18", undefined],
    ["npm:@trigger.dev/sdk", 4],
  ] as const)("reads the npm alias %j as %j", (spec, major) => {
    expect(majorFromVersionOrRange(spec)).toBe(major);
  });
});

describe("parseTargetSetting", () => {
  it("accepts 3, 4, their strings, detect and nothing", () => {
    expect(parseTargetSetting(3)).toBe(3);
    expect(parseTargetSetting("4")).toBe(4);
    expect(parseTargetSetting("detect")).toBe("detect");
    expect(parseTargetSetting(undefined)).toBe("detect");
  });

  it("rejects anything else", () => {
    expect(parseTargetSetting(2)).toBeUndefined();
    expect(parseTargetSetting("v4")).toBeUndefined();
  });
});
