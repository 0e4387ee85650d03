/** Shared helpers for the whole-project tests: temp copies of fixtures, an in-process CLI, a type-check. */
import { cpSync, mkdtempSync, readdirSync, readFileSync, statSync, symlinkSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, relative, resolve } from "node:path";
import ts from "typescript";
import { main } from "../../src/cli/main.js";

export const REPO = resolve(import.meta.dirname, "../..");

export function copyFixture(name: string): string {
  const dir = mkdtempSync(join(tmpdir(), `${name}-`));
  cpSync(join(REPO, "fixtures", name), dir, { recursive: true });
  return dir;
}

export async function runCli(cwd: string, args: string[]): Promise<{ code: number; stdout: string; stderr: string }> {
  let stdout = "";
  let stderr = "";
  const io = {
    stdout: { write: (text: string) => (stdout += text) },
    stderr: { write: (text: string) => (stderr += text) },
    cwd,
    env: { NO_COLOR: "1" },
  };
  const code = await main(args, io);
  return { code, stdout, stderr };
}

/** Every file under a folder (relative path -> content), node_modules excluded. */
export function snapshotTree(dir: string): Map<string, string> {
  const files = new Map<string, string>();
  const walk = (folder: string): void => {
    for (const name of readdirSync(folder)) {
      if (name === "node_modules") continue;
      const path = join(folder, name);
      if (statSync(path).isDirectory()) walk(path);
      else files.set(relative(dir, path), readFileSync(path, "utf8"));
    }
  };
  walk(dir);
  return files;
}

export interface Diagnostic {
  file: string;
  line: number;
  code: number;
  message: string;
}

/**
 * Type-checks a migrated fixture against the real SDK 4.x types (this repository's
 * node_modules, linked in) with the fixture's own tsconfig `paths`. `next/server` is not
 * installed here: a small declaration stands in for the one export the routes use.
 */
export function typeCheck(dir: string): Diagnostic[] {
  symlinkSync(join(REPO, "node_modules"), join(dir, "node_modules"), "dir");
  const stub = join(dir, "next-server.stub.d.ts");
  writeFileSync(stub, 'declare module "next/server" {\n  export const NextResponse: { json(body: unknown, init?: { status?: number }): Response };\n}\n');
  const config = ts.readConfigFile(join(dir, "tsconfig.json"), ts.sys.readFile);
  const parsed = ts.parseJsonConfigFileContent(config.config, ts.sys, dir);
  const options: ts.CompilerOptions = { ...parsed.options, noEmit: true, incremental: false, types: ["node"], skipLibCheck: true };
  const rootNames = [...parsed.fileNames.filter((file) => !file.includes("node_modules")), stub];
  const configFile = join(dir, "trigger.config.ts");
  if (ts.sys.fileExists(configFile)) rootNames.push(configFile);
  const program = ts.createProgram({ rootNames, options });
  return ts.getPreEmitDiagnostics(program).map((diagnostic) => {
    const file = diagnostic.file;
    const line = file && diagnostic.start !== undefined ? file.getLineAndCharacterOfPosition(diagnostic.start).line + 1 : 0;
    return { file: file ? relative(dir, file.fileName) : "", line, code: diagnostic.code, message: ts.flattenDiagnosticMessageText(diagnostic.messageText, "\n") };
  });
}

/** Source files of a folder with their text (for grepping the result). */
export function sourceTexts(dir: string): Map<string, string> {
  return new Map([...snapshotTree(dir)].filter(([path]) => /\.[mc]?[jt]sx?$/.test(path)));
}
