/**
 * The plugin as users see it: its shape, the configs derived from rule metadata, every rule's
 * metadata and docs page, and real flat-config usage through ESLint's own `ESLint` class.
 */
import { existsSync, readdirSync, readFileSync } from "node:fs";
import { basename } from "node:path";
import { fileURLToPath } from "node:url";
import parser from "@typescript-eslint/parser";
import { ESLint, type Linter } from "eslint";
import { defineConfig } from "eslint/config";
import { describe, expect, it } from "vitest";
import { rules as ruleModules } from "../rules/index.js";
import { ruleDocsUrl } from "../src/catalog/docs.js";
import type { TriggerRuleDocs } from "../src/eslint/create-rule.js";
import plugin from "../src/index.js";

const NAMESPACE = "trigger-dev";
const ROOT = fileURLToPath(new URL("../", import.meta.url));
const DOCS_DIR = `${ROOT}docs/rules/`;
const packageJson = JSON.parse(readFileSync(`${ROOT}package.json`, "utf8")) as { version: string };

interface RuleMeta {
  type?: string;
  docs?: TriggerRuleDocs & { url?: string };
  messages?: Record<string, string>;
  schema?: unknown;
  defaultOptions?: unknown[];
}

const ruleEntries = Object.entries(plugin.rules).map(([name, rule]) => [name, rule.meta as RuleMeta] as const);

function configRuleNames(config: Linter.Config): string[] {
  return Object.keys(config.rules ?? {}).sort();
}

function rulesWhere(predicate: (docs: TriggerRuleDocs) => boolean): string[] {
  return ruleEntries
    .filter(([, meta]) => meta.docs !== undefined && predicate(meta.docs))
    .map(([name]) => `${NAMESPACE}/${name}`)
    .sort();
}

describe("the plugin object", () => {
  it("default-exports { meta: { name, version, namespace }, rules, configs }", () => {
    expect(Object.keys(plugin).sort()).toEqual(["configs", "meta", "rules"]);
    expect(plugin.meta).toEqual({ name: expect.any(String), version: packageJson.version, namespace: NAMESPACE });
    expect(plugin.meta.name.length).toBeGreaterThan(0);
  });

  it("exposes every rule of rules/index.ts under its public name", () => {
    expect(Object.keys(plugin.rules).sort()).toEqual(Object.keys(ruleModules).sort());
    expect(Object.keys(plugin.rules)).toHaveLength(16);
  });

  it("has the recommended, strict and all configs", () => {
    expect(Object.keys(plugin.configs).sort()).toEqual(["all", "recommended", "strict"]);
  });
});

describe("the configs", () => {
  const recommended = configRuleNames(plugin.configs.recommended);
  const strict = configRuleNames(plugin.configs.strict);
  const all = configRuleNames(plugin.configs.all);

  it("recommended holds exactly the rules whose meta says recommended", () => {
    expect(recommended).toEqual(rulesWhere((docs) => docs.recommended === true));
    expect(recommended.length).toBeGreaterThan(0);
  });

  it("strict is recommended plus the rules whose meta says strict", () => {
    expect(strict).toEqual(rulesWhere((docs) => docs.recommended === true || docs.strict === true));
    expect(strict.length).toBeGreaterThan(recommended.length);
  });

  it("recommended is a subset of strict, and strict of all", () => {
    for (const name of recommended) expect(strict).toContain(name);
    for (const name of strict) expect(all).toContain(name);
  });

  it("all holds every rule", () => {
    expect(all).toEqual(Object.keys(plugin.rules).map((name) => `${NAMESPACE}/${name}`).sort());
  });

  it("each config is named, registers the plugin under its namespace and sets every rule to error", () => {
    for (const [name, config] of Object.entries(plugin.configs)) {
      expect(config.name).toBe(`${NAMESPACE}/${name}`);
      expect(config.plugins?.[NAMESPACE]).toBe(plugin);
      expect(new Set(Object.values(config.rules ?? {}))).toEqual(new Set(["error"]));
    }
  });

  it("require-typed-trigger and require-idempotency-key are in strict only", () => {
    for (const rule of ["require-typed-trigger", "require-idempotency-key"]) {
      expect(recommended).not.toContain(`${NAMESPACE}/${rule}`);
      expect(strict).toContain(`${NAMESPACE}/${rule}`);
    }
  });
});

describe("every rule's metadata", () => {
  for (const [name, meta] of ruleEntries) {
    describe(name, () => {
      it("links its docs page, which exists", () => {
        expect(meta.docs?.url).toBe(ruleDocsUrl(name));
        expect(meta.docs?.url?.endsWith(`/docs/rules/${name}.md`)).toBe(true);
        expect(existsSync(`${DOCS_DIR}${name}.md`)).toBe(true);
      });

      it("has a description, a type, messages and the SDK versions it applies to", () => {
        expect(meta.docs?.description).toMatch(/^[A-Z].{10,}[^.]$/);
        expect(["problem", "suggestion", "layout"]).toContain(meta.type);
        expect(Object.keys(meta.messages ?? {}).length).toBeGreaterThan(0);
        expect(meta.docs?.sdkVersions?.length).toBeGreaterThan(0);
      });

      it("has a schema and meta.defaultOptions (an empty list when it takes no options)", () => {
        expect(Array.isArray(meta.schema)).toBe(true);
        expect(Array.isArray(meta.defaultOptions)).toBe(true);
        expect(meta.defaultOptions?.length).toBe((meta.schema as unknown[]).length);
      });
    });
  }

  it("every docs/rules page belongs to a rule", () => {
    const pages = readdirSync(DOCS_DIR)
      .filter((file) => file.endsWith(".md"))
      .map((file) => basename(file, ".md"));
    expect(pages.filter((page) => !(page in plugin.rules))).toEqual([]);
  });
});

/** A small v2 job and a v4 trigger without key or type argument. */
const V2_SNIPPET = `import { TriggerClient, eventTrigger } from "@trigger.dev/sdk";

export const client = new TriggerClient({ id: "my-app", apiKey: process.env.TRIGGER_API_KEY });

client.defineJob({
  id: "welcome-email",
  name: "Welcome email",
  version: "1.0.0",
  trigger: eventTrigger({ name: "user.created" }),
  run: async (payload, io, ctx) => {
    await io.logger.info("Sending welcome email");
  },
});
`;

const V4_TRIGGER_SNIPPET = `import { tasks } from "@trigger.dev/sdk";
await tasks.trigger("send-email", { to: "a@example.com" });
`;

const base = {
  files: ["**/*.ts"],
  languageOptions: { parser },
  settings: { [NAMESPACE]: { sdkVersion: 4 } },
} satisfies Linter.Config;

async function ruleIdsReported(config: Linter.Config[], code: string): Promise<string[]> {
  const eslint = new ESLint({ cwd: ROOT, overrideConfigFile: true, overrideConfig: config });
  const [result] = await eslint.lintText(code, { filePath: `${ROOT}src/example.ts` });
  const fatal = result?.messages.find((m) => m.fatal);
  if (fatal) throw new Error(`the snippet did not parse: ${fatal.message}`);
  return [...new Set(result?.messages.map((m) => m.ruleId ?? "(none)"))].sort();
}

describe("flat config usage with ESLint's ESLint class", () => {
  it("works as extends: ['trigger-dev/recommended'] in defineConfig and flags a v2 job", async () => {
    const config = defineConfig([{ ...base, plugins: { [NAMESPACE]: plugin }, extends: [`${NAMESPACE}/recommended`] }]);
    const reported = await ruleIdsReported(config, V2_SNIPPET);
    expect(reported).toEqual(expect.arrayContaining([`${NAMESPACE}/no-v2-imports`, `${NAMESPACE}/no-define-job`, `${NAMESPACE}/no-io-object`]));
    expect(reported.every((id) => configRuleNames(plugin.configs.recommended).includes(id))).toBe(true);
  });

  it("works as the plugin.configs.recommended object spread into the config array", async () => {
    const config: Linter.Config[] = [base, { ...plugin.configs.recommended, files: ["**/*.ts"] }];
    const reported = await ruleIdsReported(config, V2_SNIPPET);
    expect(reported).toEqual(expect.arrayContaining([`${NAMESPACE}/no-v2-imports`, `${NAMESPACE}/no-define-job`, `${NAMESPACE}/no-io-object`]));
  });

  it("recommended leaves strict-only rules off, and strict turns them on", async () => {
    const recommended = await ruleIdsReported([base, plugin.configs.recommended], V4_TRIGGER_SNIPPET);
    const strict = await ruleIdsReported([base, plugin.configs.strict], V4_TRIGGER_SNIPPET);
    expect(recommended).toEqual([]);
    expect(strict).toEqual([`${NAMESPACE}/require-idempotency-key`, `${NAMESPACE}/require-typed-trigger`]);
  });

  it("reports nothing on a file without Trigger.dev imports under the all config", async () => {
    const reported = await ruleIdsReported([base, plugin.configs.all], `import { task } from "gulp";\ntask("build", () => {});\n`);
    expect(reported).toEqual([]);
  });
});
