/**
 * The client-file and adapter-file reductions on their own: which references keep a binding
 * (TypeScript's scope analysis sees values, types, decorators and JSX, and not a shadowing
 * local), how the text is edited (only what goes, no doubled blank line, CRLF and BOM kept), and
 * that a second pass over the output changes nothing.
 */
import { describe, expect, it } from "vitest";
import { findParseProblem } from "../../src/cli/reparse.js";
import { reduceAdapterFile } from "../../src/project/adapter-file.js";
import { reduceClientFile } from "../../src/project/client-file.js";
import { usesOfModule, type ModuleImporters } from "../../src/project/client-importers.js";
import { parses } from "../../src/project/files.js";

const NOBODY: ModuleImporters = { files: 0, names: new Set() };

/** The reduced text, checked to parse and to be left alone by a second pass. */
function reduceClient(text: string, path = "/app/src/trigger.ts", importers = NOBODY): string | "delete" | "unchanged" {
  const result = reduceClientFile(text, path, importers);
  if (result.kind !== "edit") return result.kind;
  expect(findParseProblem(result.text, path)).toBeUndefined();
  expect(reduceClientFile(result.text, path, importers)).toEqual({ kind: "unchanged" });
  return result.text;
}

describe("reduceClientFile", () => {
  it("deletes a file holding only the client and its import when nothing imports it", () => {
    expect(reduceClient(`import { TriggerClient } from "@trigger.dev/sdk";\n\nexport const client = new TriggerClient({ id: "app" });\n`)).toBe("delete");
  });

  it("keeps a client-only file something still imports, marking the client with who uses it", () => {
    const text = `import { TriggerClient } from "@trigger.dev/sdk";\nexport const client = new TriggerClient({ id: "app" });\n`;
    expect(reduceClient(text, undefined, { files: 2, names: new Set(["client"]) })).toBe(
      `import { TriggerClient } from "@trigger.dev/sdk";\n// TODO(trigger-v3-migrate): the v2 TriggerClient is gone: tasks need no client (the SDK reads TRIGGER_SECRET_KEY); remove this once nothing uses it (still used: imported by 2 files) https://trigger.dev/docs/guides/use-cases/upgrading-from-v2\nexport const client = new TriggerClient({ id: "app" });\n`,
    );
  });

  it("removes the client when its importers only take other names, but keeps the file they import", () => {
    const text = `import { TriggerClient } from "@trigger.dev/sdk";\n\nexport const client = new TriggerClient({ id: "app" });\n\nexport const APP = "app";\n`;
    expect(reduceClient(text, undefined, { files: 1, names: new Set(["APP"]) })).toBe(`export const APP = "app";\n`);
  });

  it("keeps an import the client options used when a decorator also uses it", () => {
    const text = `import { TriggerClient } from "@trigger.dev/sdk";
import { Inject } from "./di";
const client = new TriggerClient({ id: "app" });
@Inject(TriggerClient)
export class Service {}
`;
    expect(reduceClient(text)).toBe(`import { TriggerClient } from "@trigger.dev/sdk";
import { Inject } from "./di";
@Inject(TriggerClient)
export class Service {}
`);
  });

  it("keeps a v2 binding a JSX tag still uses, and a client a JSX attribute uses", () => {
    const text = `import { TriggerClient, Badge } from "@trigger.dev/sdk";
const client = new TriggerClient({ id: "app", badge: Badge });
export const Logo = () => <Badge />;
export const Debug = () => <pre data-client={client} />;
`;
    const output = reduceClient(text, "/app/src/ui.tsx");
    expect(output).toContain('import { TriggerClient, Badge } from "@trigger.dev/sdk";\n// TODO(trigger-v3-migrate): the v2 TriggerClient is gone');
    expect(output).toContain("(still used: 1 other reference to client)");
    const withoutAttribute = reduceClient(text.replace("export const Debug = () => <pre data-client={client} />;\n", ""), "/app/src/ui.tsx");
    expect(withoutAttribute).toBe(`import { Badge } from "@trigger.dev/sdk";\nexport const Logo = () => <Badge />;\n`);
  });

  it("removes only the client's own bindings from a shared import, never the task-API names the transforms added", () => {
    const text = `import {\n  TriggerClient,\n  task,\n  logger,\n} from "@trigger.dev/sdk";\n\nconst client = new TriggerClient({ id: "app" });\n\nexport const t = task({ id: "t", run: async () => { logger.info("x"); } });\n`;
    expect(reduceClient(text)).toBe(`import {\n  task,\n  logger,\n} from "@trigger.dev/sdk";\n\nexport const t = task({ id: "t", run: async () => { logger.info("x"); } });\n`);
  });

  it("leaves a v2 import that was already unused to the imports transform", () => {
    const text = `import { TriggerClient, eventTrigger } from "@trigger.dev/sdk";\nconst client = new TriggerClient({ id: "app" });\nexport const x = 1;\n`;
    expect(reduceClient(text)).toBe(`import { eventTrigger } from "@trigger.dev/sdk";\nexport const x = 1;\n`);
  });

  it("removes `export { client }` and `export default client` with the client", () => {
    const text = `import { TriggerClient } from "@trigger.dev/sdk";\nconst client = new TriggerClient({ id: "app" });\nconst other = 1;\nexport { client, other };\nexport default client;\n`;
    expect(reduceClient(text)).toBe(`const other = 1;\nexport { other };\n`);
  });

  it("keeps CRLF line ends and a byte-order mark, with no doubled blank line", () => {
    const text = `\uFEFFimport { TriggerClient } from "@trigger.dev/sdk";\r\n\r\nconst client = new TriggerClient({ id: "app" }); // the v2 client\r\n\r\nexport const x = 1;\r\n`;
    expect(reduceClient(text)).toBe(`\uFEFFexport const x = 1;\r\n`);
  });

  it("leaves the 4.5+ API client (no v2 options) alone", () => {
    expect(reduceClient(`import { TriggerClient } from "@trigger.dev/sdk";\nconst api = new TriggerClient({ accessToken: "tr_pat" });\nexport { api };\n`)).toBe("unchanged");
  });
});

describe("reduceAdapterFile", () => {
  it("deletes a route that only served the v2 client, with its job-registering import", () => {
    const text = `import { createAppRoute } from "@trigger.dev/nextjs";\nimport { client } from "@/trigger";\nimport "@/jobs";\n\nexport const { POST, dynamic } = createAppRoute(client);\n`;
    expect(reduceAdapterFile(text, "/app/src/app/api/trigger/route.ts", NOBODY)).toEqual({ kind: "delete" });
  });

  it("removes an Express mount and puts the note after the last import, keeping the rest of the server", () => {
    const text = `import express from "express";
import { createMiddleware } from "@trigger.dev/express";
import { client } from "./trigger";

const app = express();
app.use("/api/trigger", createMiddleware(client));

app.listen(3000);
`;
    const result = reduceAdapterFile(text, "/app/src/server.ts", NOBODY);
    expect(result).toEqual({
      kind: "edit",
      adapterRemoved: true,
      text: `import express from "express";

// TODO(trigger-v3-migrate): the v2 adapter route was removed: tasks run on Trigger.dev, start them locally with npx trigger.dev@latest dev https://trigger.dev/docs/guides/use-cases/upgrading-from-v2

const app = express();

app.listen(3000);
`,
    });
  });

  it("keeps an exported middleware another file mounts, and marks it", () => {
    const text = `import { createMiddleware } from "@trigger.dev/express";\nimport { client } from "./trigger";\n\nexport const triggerMiddleware = createMiddleware(client);\n`;
    const result = reduceAdapterFile(text, "/app/src/middleware.ts", { files: 1, names: new Set(["triggerMiddleware"]) });
    expect(result).toEqual({
      kind: "edit",
      adapterRemoved: false,
      text: text.replace("export const", "// TODO(trigger-v3-migrate): this v2 adapter is still used here: tasks run on Trigger.dev and need no endpoint in your app; remove it and what uses it https://trigger.dev/docs/guides/use-cases/upgrading-from-v2\nexport const"),
    });
  });

  it("does not delete an adapter file something imports for another name", () => {
    const text = `import { createMiddleware } from "@trigger.dev/express";\nimport { client } from "./trigger";\n\nexport const triggerMiddleware = createMiddleware(client);\n`;
    const result = reduceAdapterFile(text, "/app/src/middleware.ts", { files: 1, names: new Set(["other"]) });
    expect(result).toEqual({ kind: "edit", adapterRemoved: true, text: "// TODO(trigger-v3-migrate): the v2 adapter route was removed: tasks run on Trigger.dev, start them locally with npx trigger.dev@latest dev https://trigger.dev/docs/guides/use-cases/upgrading-from-v2\n" });
  });

  it("does not remove a NestJS class that injects the client: it marks it", () => {
    const text = `import { Injectable } from "@nestjs/common";
import { InjectTriggerDevClient } from "@trigger.dev/nestjs";
import { TriggerClient } from "@trigger.dev/sdk";

@Injectable()
export class JobsService {
  constructor(@InjectTriggerDevClient() private readonly client: TriggerClient) {}
}
`;
    const result = reduceAdapterFile(text, "/app/src/jobs.service.ts", NOBODY);
    expect(result.kind).toBe("edit");
    const output = (result as { text: string }).text;
    expect(output).toBe(text.replace("@Injectable()", "// TODO(trigger-v3-migrate): this v2 adapter is still used here: tasks run on Trigger.dev and need no endpoint in your app; remove it and what uses it https://trigger.dev/docs/guides/use-cases/upgrading-from-v2\n@Injectable()"));
    expect(reduceAdapterFile(output, "/app/src/jobs.service.ts", NOBODY)).toEqual({ kind: "unchanged" });
  });
});

describe("usesOfModule", () => {
  const isClient = (specifier: string): boolean => specifier === "./trigger";

  it("drops an import of the client module nothing references and reports what is still taken", () => {
    const text = `import { client, APP } from "./trigger";\nimport { other } from "./other";\nexport const name = APP + other;\n`;
    const use = usesOfModule(text, "/app/src/a.ts", isClient);
    expect(use).toEqual({ text: `import { APP } from "./trigger";\nimport { other } from "./other";\nexport const name = APP + other;\n`, imports: true, names: new Set(["APP"]) });
  });

  it("counts a shadowed name as unused, and a type-only use as a use", () => {
    const shadowed = usesOfModule(`import { client } from "./trigger";\nexport function f(client: unknown) {\n  return client;\n}\n`, "/app/src/a.ts", isClient);
    expect(shadowed).toEqual({ text: `export function f(client: unknown) {\n  return client;\n}\n`, imports: false, names: new Set() });
    const typed = usesOfModule(`import { client } from "./trigger";\nexport type C = typeof client;\n`, "/app/src/a.ts", isClient);
    expect(typed.imports).toBe(true);
    expect(typed.names).toEqual(new Set(["client"]));
  });

  it("treats a dynamic import, a namespace import or `export *` as taking everything", () => {
    expect(usesOfModule(`export const load = () => import("./trigger");\n`, "/app/src/a.ts", isClient).names).toBe("all");
    expect(usesOfModule(`import * as t from "./trigger";\nexport const c = t.client;\n`, "/app/src/a.ts", isClient).names).toBe("all");
    expect(usesOfModule(`export * from "./trigger";\n`, "/app/src/a.ts", isClient).names).toBe("all");
  });
});

describe("the re-parse gate of the project plan", () => {
  it("rejects a planned source text that would not parse, with a one-line reason, and lets other files through", () => {
    const plan = { rejected: [] as { path: string; message: string }[] };
    expect(parses("/app/src/trigger.ts", "export const x = ;\n", plan)).toBe(false);
    expect(parses("/app/src/ok.ts", "export const x = 1;\n", plan)).toBe(true);
    expect(parses("/app/.env", "NOT = valid = js", plan)).toBe(true);
    expect(plan.rejected).toEqual([{ path: "/app/src/trigger.ts", message: expect.stringMatching(/^project step left out: its output would not parse \(.+ at 1:\d+\); please report this$/) }]);
  });
});
