/**
 * The catalog against the REAL SDK packages (devDependencies): @trigger.dev/sdk 4.8.3 and the
 * npm alias trigger-sdk-v3 (3.3.17, whose root is still the v2 API and `/v3` the task API).
 * Runtime exports come from importing the packages; type exports from the TypeScript checker
 * reading their .d.ts files, so a type name that was never exported fails here, not in user code.
 */
import { fileURLToPath } from "node:url";
import ts from "typescript";
import { beforeAll, describe, expect, it } from "vitest";
import { TASK_API_EXPORTS, TASK_API_TYPE_EXPORTS, V2_ONLY_EXPORTS } from "../../src/catalog/exports.js";
import {
  isSdkSource,
  isTaskApiSource,
  isTriggerDevSource,
  isV2OnlyPackage,
  isV2SdkSource,
  normalizeTriggerSource,
  pinnedMajor,
  SDK_V3_SUBPATH,
  taskApiImportPathLike,
  withTriggerSubpath,
} from "../../src/catalog/packages.js";
import { bestWaitUnit, MACHINE_PRESETS, WAIT_UNIT_NAMES } from "../../src/catalog/tasks.js";

const SPECIFIERS = { v2: "trigger-sdk-v3", v3: "trigger-sdk-v3/v3", v4: "@trigger.dev/sdk" } as const;
type Api = keyof typeof SPECIFIERS;

interface ModuleExports {
  /** Every export name the type checker sees (values and types). */
  all: Set<string>;
  /** Exports that are values (have a runtime binding). */
  values: Set<string>;
}

/** Reads the exports of each package entry with the TypeScript checker (one program for all). */
function typeExports(): Record<Api, ModuleExports> {
  const probeFile = fileURLToPath(new URL("./__catalog_probe__.ts", import.meta.url));
  const probeText = Object.entries(SPECIFIERS)
    .map(([api, specifier]) => `import * as ${api} from "${specifier}";`)
    .join("\n");
  const options: ts.CompilerOptions = {
    module: ts.ModuleKind.ESNext,
    moduleResolution: ts.ModuleResolutionKind.Bundler,
    target: ts.ScriptTarget.ES2022,
    skipLibCheck: true,
    noEmit: true,
    types: [],
  };
  const host = ts.createCompilerHost(options);
  const { getSourceFile, fileExists, readFile } = host;
  // The probe lives only in memory, next to this test, so resolution walks up to node_modules.
  host.getSourceFile = (name, version, ...rest) => (name === probeFile ? ts.createSourceFile(name, probeText, version) : getSourceFile.call(host, name, version, ...rest));
  host.fileExists = (name) => name === probeFile || fileExists.call(host, name);
  host.readFile = (name) => (name === probeFile ? probeText : readFile.call(host, name));
  const program = ts.createProgram([probeFile], options, host);
  const checker = program.getTypeChecker();
  const source = program.getSourceFile(probeFile);
  if (!source) throw new Error("probe source missing");
  const result = {} as Record<Api, ModuleExports>;
  for (const statement of source.statements) {
    if (!ts.isImportDeclaration(statement) || !ts.isStringLiteral(statement.moduleSpecifier)) continue;
    const api = (Object.keys(SPECIFIERS) as Api[]).find((key) => SPECIFIERS[key] === (statement.moduleSpecifier as ts.StringLiteral).text);
    const moduleSymbol = checker.getSymbolAtLocation(statement.moduleSpecifier);
    if (!api || !moduleSymbol) throw new Error(`cannot resolve ${statement.moduleSpecifier.getText(source)}`);
    const all = new Set<string>();
    const values = new Set<string>();
    for (const symbol of checker.getExportsOfModule(moduleSymbol)) {
      all.add(symbol.name);
      const target = symbol.flags & ts.SymbolFlags.Alias ? checker.getAliasedSymbol(symbol) : symbol;
      if (target.flags & ts.SymbolFlags.Value) values.add(symbol.name);
    }
    result[api] = { all, values };
  }
  return result;
}

let runtime: Record<Api, Set<string>>;
let types: Record<Api, ModuleExports>;

beforeAll(async () => {
  const [v2, v3, v4] = await Promise.all([import("trigger-sdk-v3"), import("trigger-sdk-v3/v3"), import("@trigger.dev/sdk")]);
  runtime = { v2: new Set(Object.keys(v2)), v3: new Set(Object.keys(v3)), v4: new Set(Object.keys(v4)) };
  types = typeExports();
});

function missing(names: Iterable<string>, from: Set<string>): string[] {
  return [...names].filter((name) => !from.has(name));
}

describe("the installed SDK packages", () => {
  it("are the versions the catalog was read from", async () => {
    const { createRequire } = await import("node:module");
    const require = createRequire(import.meta.url);
    expect((require("@trigger.dev/sdk/package.json") as { version: string }).version).toBe("4.8.3");
    expect((require("trigger-sdk-v3/package.json") as { version: string }).version).toBe("3.3.17");
  });
});

describe("TASK_API_EXPORTS", () => {
  it("lists only names that @trigger.dev/sdk 4.8.3 exports at runtime", () => {
    expect(missing(TASK_API_EXPORTS[4], runtime.v4)).toEqual([]);
  });

  it("lists for 3 only names that @trigger.dev/sdk/v3 3.3.17 exports at runtime", () => {
    expect(missing(TASK_API_EXPORTS[3], runtime.v3)).toEqual([]);
  });

  it("marks as 4-only names that 3.3.17 really lacks", () => {
    const v4Only = [...TASK_API_EXPORTS[4]].filter((name) => !TASK_API_EXPORTS[3].has(name));
    expect(v4Only.length).toBeGreaterThan(0);
    expect(v4Only.filter((name) => runtime.v3.has(name))).toEqual([]);
  });

  it("keeps every 3.x name on 4.x", () => {
    expect(missing(TASK_API_EXPORTS[3], new Set(TASK_API_EXPORTS[4]))).toEqual([]);
  });
});

describe("TASK_API_TYPE_EXPORTS", () => {
  it("lists only types that each major's task API path really exports", () => {
    expect(missing(TASK_API_TYPE_EXPORTS[4], types.v4.all)).toEqual([]);
    expect(missing(TASK_API_TYPE_EXPORTS[3], types.v3.all)).toEqual([]);
  });
});

describe("V2_ONLY_EXPORTS", () => {
  it("lists only names the v2 API (the 3.3.17 root) exports, as values or types", () => {
    expect(missing(V2_ONLY_EXPORTS, types.v2.all)).toEqual([]);
  });

  it("lists value exports that really exist at runtime in the 3.3.17 root", () => {
    const values = V2_ONLY_EXPORTS.filter((name) => types.v2.values.has(name));
    expect(values).toContain("eventTrigger");
    expect(missing(values, runtime.v2)).toEqual([]);
  });

  it("holds no name that the task API also exports (TriggerClient, retry... are deliberately out)", () => {
    expect(V2_ONLY_EXPORTS.filter((name) => types.v4.all.has(name) || types.v3.all.has(name))).toEqual([]);
    expect(runtime.v2.has("TriggerClient") && runtime.v4.has("TriggerClient")).toBe(true);
    expect(V2_ONLY_EXPORTS).not.toContain("TriggerClient");
  });
});

describe("bestWaitUnit", () => {
  it.each([
    [86_400, "days", 1],
    [90, "seconds", 90],
    [300, "minutes", 5],
    [604_800, "weeks", 1],
    [3_600, "hours", 1],
    [7_200, "hours", 2],
    [1_209_600, "weeks", 2],
    [60, "minutes", 1],
    [1, "seconds", 1],
    [0.5, "seconds", 0.5],
  ] as const)("writes %d seconds as { %s: %d }", (seconds, unit, amount) => {
    expect(bestWaitUnit(seconds)).toEqual({ unit, amount });
  });

  it("never picks the calendar units months or years, even for 30 or 365 days", () => {
    expect(bestWaitUnit(30 * 86_400)).toEqual({ unit: "days", amount: 30 });
    expect(bestWaitUnit(365 * 86_400)).toEqual({ unit: "days", amount: 365 });
  });

  it("names only units that wait.for accepts in 3.x and 4.x", () => {
    expect(WAIT_UNIT_NAMES).toEqual(["years", "months", "weeks", "days", "hours", "minutes", "seconds"]);
  });
});

describe("MACHINE_PRESETS", () => {
  it("matches the preset names in the 4.8.3 types", async () => {
    const { readFileSync } = await import("node:fs");
    const { createRequire } = await import("node:module");
    const require = createRequire(import.meta.url);
    const coreDir = require.resolve("@trigger.dev/core/v3").replace(/dist\/.*$/, "");
    const schema = readFileSync(`${coreDir}dist/esm/v3/schemas/common.d.ts`, "utf8");
    for (const preset of MACHINE_PRESETS[4]) expect(schema).toContain(`"${preset}"`);
  });
});

describe("normalizeTriggerSource", () => {
  it.each([
    ["@trigger.dev/sdk", "@trigger.dev/sdk"],
    ["@trigger.dev/sdk/v3", "@trigger.dev/sdk/v3"],
    ["npm:@trigger.dev/sdk", "@trigger.dev/sdk"],
    ["npm:@trigger.dev/sdk@2.3.18", "@trigger.dev/sdk"],
    ["npm:@trigger.dev/sdk@^3.3.17/v3", "@trigger.dev/sdk/v3"],
    ["npm:@trigger.dev/sdk/v3", "@trigger.dev/sdk/v3"],
    ["npm:@trigger.dev/openai@2", "@trigger.dev/openai"],
    ["@trigger.dev/sdk@4.8.3", "@trigger.dev/sdk"],
  ])("reads %s as %s", (source, path) => {
    expect(normalizeTriggerSource(source)).toBe(path);
  });

  it("leaves specifiers outside the @trigger.dev scope as written", () => {
    for (const source of ["npm:zod@3", "zod", "./client", "trigger.dev", "npm:trigger.dev@4", "@trigger.devx/sdk"]) {
      expect(normalizeTriggerSource(source)).toBe(source);
    }
  });
});

describe("the source predicates on Deno npm: specifiers", () => {
  it("see an npm: specifier, pinned or not, as the plain package path", () => {
    expect(isTriggerDevSource("npm:@trigger.dev/sdk@2.3.18")).toBe(true);
    expect(isSdkSource("npm:@trigger.dev/sdk@2.3.18")).toBe(true);
    expect(isSdkSource("npm:@trigger.dev/sdk/v3")).toBe(true);
    expect(isV2OnlyPackage("npm:@trigger.dev/openai@2.3.18")).toBe(true);
    expect(isV2OnlyPackage("npm:@trigger.dev/sdk@2.3.18")).toBe(false);
    expect(isTaskApiSource("npm:@trigger.dev/sdk", 4)).toBe(true);
    expect(isTaskApiSource("npm:@trigger.dev/sdk@4/v3", 3)).toBe(true);
    expect(isTaskApiSource("npm:@trigger.dev/sdk", 3)).toBe(false);
    expect(isV2SdkSource("npm:@trigger.dev/sdk@3.3.17", 3)).toBe(true);
    expect(isV2SdkSource("npm:@trigger.dev/sdk", 4)).toBe(false);
  });

  it("still reject look-alikes outside the scope", () => {
    expect(isTriggerDevSource("npm:trigger.dev@4")).toBe(false);
    expect(isSdkSource("@trigger.dev/sdk-extra")).toBe(false);
    expect(isTriggerDevSource("my-npm:@trigger.dev/sdk")).toBe(false);
  });
});

describe("withTriggerSubpath", () => {
  it("adds a subpath after the version, keeping the npm: prefix", () => {
    expect(withTriggerSubpath("npm:@trigger.dev/sdk@3.3.17", SDK_V3_SUBPATH)).toBe("npm:@trigger.dev/sdk@3.3.17/v3");
    expect(withTriggerSubpath("npm:@trigger.dev/sdk", "/v3")).toBe("npm:@trigger.dev/sdk/v3");
    expect(withTriggerSubpath("@trigger.dev/sdk", "/v3")).toBe("@trigger.dev/sdk/v3");
  });

  it("drops or swaps a subpath, keeping the version range as written", () => {
    expect(withTriggerSubpath("npm:@trigger.dev/sdk@4/v3", "")).toBe("npm:@trigger.dev/sdk@4");
    expect(withTriggerSubpath("npm:@trigger.dev/sdk@^4.8.3/v3", "/ai")).toBe("npm:@trigger.dev/sdk@^4.8.3/ai");
    expect(withTriggerSubpath("@trigger.dev/sdk/v3", "")).toBe("@trigger.dev/sdk");
  });

  it("has no answer for a specifier outside the scope", () => {
    expect(withTriggerSubpath("npm:zod@3", "/v3")).toBeUndefined();
    expect(withTriggerSubpath("./client", "")).toBeUndefined();
  });
});

describe("pinnedMajor", () => {
  it("reads the major of a pinned version or range", () => {
    expect(pinnedMajor("npm:@trigger.dev/sdk@2.3.18")).toBe(2);
    expect(pinnedMajor("npm:@trigger.dev/sdk@^3.3.17/v3")).toBe(3);
    expect(pinnedMajor("npm:@trigger.dev/sdk@4/v3")).toBe(4);
  });

  it("has no answer when nothing or no number is pinned", () => {
    expect(pinnedMajor("npm:@trigger.dev/sdk/v3")).toBeUndefined();
    expect(pinnedMajor("@trigger.dev/sdk")).toBeUndefined();
    expect(pinnedMajor("npm:@trigger.dev/sdk@latest")).toBeUndefined();
    expect(pinnedMajor("zod")).toBeUndefined();
  });
});

describe("taskApiImportPathLike", () => {
  it("writes the plain task API path when the file uses plain specifiers", () => {
    expect(taskApiImportPathLike(4, "@trigger.dev/sdk")).toBe("@trigger.dev/sdk");
    expect(taskApiImportPathLike(3, "@trigger.dev/sdk")).toBe("@trigger.dev/sdk/v3");
    expect(taskApiImportPathLike(4, undefined)).toBe("@trigger.dev/sdk");
  });

  it("keeps the npm: prefix and leaves an unpinned specifier unpinned", () => {
    expect(taskApiImportPathLike(4, "npm:@trigger.dev/sdk")).toBe("npm:@trigger.dev/sdk");
    expect(taskApiImportPathLike(3, "npm:@trigger.dev/sdk")).toBe("npm:@trigger.dev/sdk/v3");
  });

  it("replaces a pin of another major with the target's range and keeps a pin of the target major", () => {
    expect(taskApiImportPathLike(4, "npm:@trigger.dev/sdk@2.3.18")).toBe("npm:@trigger.dev/sdk@^4.8.3");
    expect(taskApiImportPathLike(3, "npm:@trigger.dev/sdk@2.3.18")).toBe("npm:@trigger.dev/sdk@^3.3.17/v3");
    expect(taskApiImportPathLike(3, "npm:@trigger.dev/sdk@3.3.17/v3")).toBe("npm:@trigger.dev/sdk@3.3.17/v3");
    expect(taskApiImportPathLike(4, "npm:@trigger.dev/sdk@^4")).toBe("npm:@trigger.dev/sdk@^4");
  });

  it("takes only the npm: prefix from another Trigger.dev package", () => {
    expect(taskApiImportPathLike(4, "npm:@trigger.dev/openai@2.3.18")).toBe("npm:@trigger.dev/sdk");
  });
});
