/**
 * How our transforms are shaped. Each transform works on a shared, already parsed root so the CLI
 * parses and prints a file once for the whole pipeline (parsing is half the cost); each is also
 * exported as a plain jscodeshift transform for `jscodeshift -t`.
 */
import type { API, Collection, FileInfo, JSCodeshift, Options, Transform } from "jscodeshift";
import type { SdkMajor } from "../catalog/packages.js";
import type { ProjectIndex } from "../project/types.js";
import { parseTargetSetting, sharedTargetDetector } from "../target/detect.js";
import { liftDirectivesIfReprinted, programOf } from "./import-editing.js";
import { parserForFile } from "./parser.js";

export interface MigrationContext {
  j: JSCodeshift;
  root: Collection;
  /** Absolute or relative path of the file being transformed. */
  filePath: string;
  /** The original text (for quote style and cheap checks). */
  source: string;
  target: SdkMajor;
  /** The whole-project index (CLI runs); absent for standalone jscodeshift runs. */
  project?: ProjectIndex;
  /**
   * Names of the transforms that already changed this file earlier in the same pipeline run, in
   * order. Absent when the transform runs on its own (`jscodeshift -t`, or the only one selected):
   * then it was asked for by name and does its whole job.
   */
  readonly appliedSoFar?: readonly string[];
}

export interface MigrationTransform {
  /** Kebab-case name used by `--transform` and the registry. */
  name: string;
  /** One line for `--list`. */
  description: string;
  /** A cheap text check: when false the transform cannot apply and is not run. */
  mightApply(source: string): boolean;
  /** Mutates `ctx.root`; returns true when it changed anything. */
  apply(ctx: MigrationContext): boolean;
}

/** The quote style of a file: the one its first import or string literal uses. */
export function detectQuoteStyle(source: string): "single" | "double" {
  const match = /(?:from\s+|import\s+|require\()(['"])/.exec(source) ?? /(['"])/.exec(source);
  return match?.[1] === "'" ? "single" : "double";
}

/** Options a standalone jscodeshift run passes (`--target=3`). */
export function targetFromOptions(options: Options, filePath: string): SdkMajor {
  const setting = parseTargetSetting(options["target"]);
  if (setting === 3 || setting === 4) return setting;
  return sharedTargetDetector.resolve(filePath).major;
}

/** Wraps one of our transforms as a plain jscodeshift transform (null when nothing changed). */
export function toJscodeshift(transform: MigrationTransform): Transform {
  const wrapped = (file: FileInfo, api: API, options: Options): string | null => {
    if (!transform.mightApply(file.source)) return null;
    const parser = parserForFile(file.path) ?? "tsx";
    const j = api.jscodeshift.withParser(parser);
    const root = j(file.source);
    const changed = transform.apply({ j, root, filePath: file.path, source: file.source, target: targetFromOptions(options, file.path) });
    if (!changed) return null;
    liftDirectivesIfReprinted(j, programOf(root));
    return root.toSource({ quote: detectQuoteStyle(file.source) });
  };
  return wrapped;
}
