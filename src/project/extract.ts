/**
 * Reads one loaded source file with ts-morph: its v2 jobs, its sends/invokes (with the receiver
 * still unresolved), its v2 client and adapter calls. Cross-file resolution happens in build.ts
 * once every file has been read.
 */
import { Node, SyntaxKind, type CallExpression, type Expression, type NewExpression, type ObjectLiteralExpression, type SourceFile } from "ts-morph";
import { V2_ADAPTER_FACTORIES, V2_CLIENT_OPTION_KEYS, V2_JOB_METHODS } from "../catalog/exports.js";
import { isSdkSource } from "../catalog/packages.js";
import { camelCaseName, NameAllocator, normalizedTaskId } from "../codemod/define-job/naming.js";
import type { EventFilterSpec, FilterValue, IndexedJob, IndexedTriggerKind, SendKind } from "./types.js";

export interface ExtractedJob {
  job: IndexedJob;
  /** The variable the job is bound to (for `job.invoke` resolution), if any. */
  declaration: Node | undefined;
}

export interface ExtractedSend {
  file: string;
  line: number;
  column: number;
  kind: SendKind;
  /** The receiver (`client`, `io`, `job`, `jobs.job`): resolved later. */
  receiver: Expression;
  events?: string[];
}

export interface FileExtract {
  jobs: ExtractedJob[];
  sends: ExtractedSend[];
  constructsClient: boolean;
  callsAdapter: boolean;
}

const SEND_METHODS = new Set<string>(["sendEvent", "sendEvents", ...V2_JOB_METHODS]);
const TRIGGER_KINDS: Readonly<Record<string, IndexedTriggerKind>> = {
  eventTrigger: "event",
  invokeTrigger: "invoke",
  cronTrigger: "cron",
  intervalTrigger: "interval",
};

export function extractFile(sourceFile: SourceFile): FileExtract {
  const imports = importedNames(sourceFile);
  const result: FileExtract = { jobs: [], sends: [], constructsClient: false, callsAdapter: false };
  const allocator = new NameAllocator(topLevelNames(sourceFile));

  // Only calls and `new` matter: wrapping just those (not every node) is most of the saving.
  // Source order, so unnamed jobs get their names in the order define-job hands them out.
  const calls = [...sourceFile.getDescendantsOfKind(SyntaxKind.CallExpression), ...sourceFile.getDescendantsOfKind(SyntaxKind.NewExpression)].sort((a, b) => a.getPos() - b.getPos());
  for (const node of calls) {
    if (Node.isNewExpression(node)) {
      readNew(node, imports, result, allocator);
      continue;
    }
    const callee = node.getExpression();
    if (Node.isPropertyAccessExpression(callee)) {
      const method = callee.getName();
      if (method === "defineJob") {
        const options = objectArgument(node, 0);
        // The same minimum as the codemod's v2-job finder: a job has an id, a trigger and a run.
        if (options && ["id", "trigger", "run"].every((key) => options.getProperty(key))) addJob(node, options, imports, result, allocator);
      } else if (SEND_METHODS.has(method)) {
        result.sends.push(readSend(sourceFile, node, method as SendKind, callee.getExpression()));
      }
    } else if (Node.isIdentifier(callee)) {
      const source = imports.get(callee.getText());
      if (source && V2_ADAPTER_FACTORIES[source.module]?.includes(source.imported)) result.callsAdapter = true;
    }
  }
  return result;
}

function readNew(node: NewExpression, imports: ReadonlyMap<string, ImportedName>, result: FileExtract, allocator: NameAllocator): void {
  const callee = node.getExpression();
  if (!Node.isIdentifier(callee)) return;
  const imported = imports.get(callee.getText());
  if (!imported || !isSdkSource(imported.module)) return;
  if (imported.imported === "TriggerClient") {
    const options = objectArgument(node, 0);
    if (options?.getProperties().some((p) => Node.isPropertyAssignment(p) || Node.isShorthandPropertyAssignment(p) ? V2_CLIENT_OPTION_KEYS.includes(p.getName()) : false)) {
      result.constructsClient = true;
    }
  } else if (imported.imported === "Job") {
    // `new Job(client, {...})` (<= 2.2) or `new Job({...})` (2.3)
    const count = node.getArguments().length;
    const options = objectArgument(node, count >= 2 ? 1 : 0);
    if (options) addJob(node, options, imports, result, allocator);
  }
}

function addJob(call: CallExpression | NewExpression, options: ObjectLiteralExpression, imports: ReadonlyMap<string, ImportedName>, result: FileExtract, allocator: NameAllocator): void {
  const id = stringValue(propertyInitializer(options, "id"));
  const taskId = id === undefined ? "" : normalizedTaskId(id);
  const declaration = bindingOf(call);
  const variableName = declaration && Node.isVariableDeclaration(declaration) ? declaration.getName() : undefined;
  const exportName = variableName ?? allocator.allocate(camelCaseName(id === undefined ? "migrated" : normalizedTaskId(id)));
  const trigger = readTrigger(propertyInitializer(options, "trigger"), imports);
  const { line } = call.getSourceFile().getLineAndColumnAtPos(call.getStart());
  result.jobs.push({
    declaration,
    job: {
      file: call.getSourceFile().getFilePath(),
      exportName,
      taskId,
      id,
      // define-job exports every task it writes (v3 requires it), so a job is reachable either way.
      exported: declaration === undefined || isExported(declaration),
      trigger: trigger.kind,
      events: trigger.events,
      hasSchema: trigger.hasSchema,
      ...(trigger.filter ? { filter: trigger.filter } : {}),
      line,
    },
  });
}

interface TriggerFacts {
  kind: IndexedTriggerKind;
  events: string[];
  hasSchema: boolean;
  filter?: IndexedJob["filter"];
}

function readTrigger(trigger: Expression | undefined, imports: ReadonlyMap<string, ImportedName>): TriggerFacts {
  const call = trigger ? unwrap(trigger) : undefined;
  if (!call || !Node.isCallExpression(call)) return { kind: "other", events: [], hasSchema: false };
  const callee = call.getExpression();
  const imported = Node.isIdentifier(callee) ? imports.get(callee.getText()) : undefined;
  const kind = imported && isSdkSource(imported.module) ? TRIGGER_KINDS[imported.imported] : undefined;
  if (!kind) return { kind: "other", events: [], hasSchema: false };
  const options = objectArgument(call, 0);
  const hasSchema = options?.getProperty("schema") !== undefined;
  if (kind !== "event" || !options) return { kind, events: [], hasSchema };
  const name = propertyInitializer(options, "name");
  const events = eventNames(name);
  const filterNode = propertyInitializer(options, "filter");
  const filter = filterNode ? { text: filterNode.getText(), ...optionalSpec(filterSpec(filterNode)) } : undefined;
  return { kind, events, hasSchema, ...(filter ? { filter } : {}) };
}

function optionalSpec(spec: EventFilterSpec | undefined): { spec?: EventFilterSpec } {
  return spec ? { spec } : {};
}

/** `"a"`, `["a", "b"]`, or a same-file `const NAME = "a"`. */
export function eventNames(node: Expression | undefined): string[] {
  const value = node ? unwrap(node) : undefined;
  if (!value) return [];
  const single = stringValue(value);
  if (single !== undefined) return [single];
  if (Node.isArrayLiteralExpression(value)) {
    return value.getElements().flatMap((element) => {
      const name = stringValue(element as Expression);
      return name === undefined ? [] : [name];
    });
  }
  return [];
}

function filterSpec(node: Expression): EventFilterSpec | undefined {
  const object = unwrap(node);
  if (!Node.isObjectLiteralExpression(object)) return undefined;
  const spec: EventFilterSpec = {};
  for (const property of object.getProperties()) {
    if (!Node.isPropertyAssignment(property)) return undefined;
    const key = property.getNameNode();
    const name = Node.isIdentifier(key) || Node.isStringLiteral(key) ? key.getText().replace(/^["']|["']$/g, "") : undefined;
    const initializer = property.getInitializer();
    if (name === undefined || !initializer) return undefined;
    const value = unwrap(initializer);
    if (Node.isArrayLiteralExpression(value)) {
      const allowed: (string | number | boolean | null)[] = [];
      for (const element of value.getElements()) {
        const literal = literalOf(element as Expression);
        if (literal === undefined) return undefined;
        allowed.push(literal);
      }
      spec[name] = allowed as FilterValue;
    } else {
      const nested = filterSpec(value);
      if (!nested) return undefined;
      spec[name] = nested;
    }
  }
  return spec;
}

function literalOf(node: Expression): string | number | boolean | null | undefined {
  const value = unwrap(node);
  if (Node.isStringLiteral(value) || Node.isNoSubstitutionTemplateLiteral(value)) return value.getLiteralValue();
  if (Node.isNumericLiteral(value)) return value.getLiteralValue();
  if (Node.isPrefixUnaryExpression(value) && value.getOperatorToken() === SyntaxKind.MinusToken) {
    const operand = value.getOperand();
    return Node.isNumericLiteral(operand) ? -operand.getLiteralValue() : undefined;
  }
  if (value.getKind() === SyntaxKind.TrueKeyword) return true;
  if (value.getKind() === SyntaxKind.FalseKeyword) return false;
  if (value.getKind() === SyntaxKind.NullKeyword) return null;
  return undefined;
}

function readSend(sourceFile: SourceFile, call: CallExpression, kind: SendKind, receiver: Expression): ExtractedSend {
  const { line, column } = sourceFile.getLineAndColumnAtPos(call.getStart());
  const send: ExtractedSend = { file: sourceFile.getFilePath(), line, column: column - 1, kind, receiver };
  if (kind === "sendEvent" || kind === "sendEvents") {
    // Which argument holds the event(s) depends on the receiver (io takes a cache key first);
    // both positions are read and the one that yields names wins.
    const names = call
      .getArguments()
      .slice(0, 2)
      .map((argument) => (kind === "sendEvent" ? eventNameOfEvent(argument as Expression) : eventNamesOfList(argument as Expression)))
      .find((found) => found !== undefined);
    if (names !== undefined) send.events = names;
  }
  return send;
}

/** `{ name: "a", payload }` -> ["a"]; undefined when the name is not a literal. */
function eventNameOfEvent(node: Expression): string[] | undefined {
  const object = unwrap(node);
  if (!Node.isObjectLiteralExpression(object)) return undefined;
  const name = stringValue(propertyInitializer(object, "name"));
  return name === undefined ? undefined : [name];
}

/** `[{ name }, ...]` or `list.map((x) => ({ name, ... }))`. */
function eventNamesOfList(node: Expression): string[] | undefined {
  const list = unwrap(node);
  if (Node.isArrayLiteralExpression(list)) {
    const names: string[] = [];
    for (const element of list.getElements()) {
      const found = eventNameOfEvent(element as Expression);
      if (!found) return undefined;
      names.push(...found);
    }
    return [...new Set(names)];
  }
  if (Node.isCallExpression(list)) {
    const callee = list.getExpression();
    const callback = list.getArguments()[0];
    if (!Node.isPropertyAccessExpression(callee) || callee.getName() !== "map" || !callback || !Node.isArrowFunction(callback)) return undefined;
    const body = callback.getBody();
    if (Node.isBlock(body)) {
      const statements = body.getStatements();
      const last = statements.at(-1);
      const returned = last && Node.isReturnStatement(last) ? last.getExpression() : undefined;
      return returned ? eventNameOfEvent(returned) : undefined;
    }
    return eventNameOfEvent(body as Expression);
  }
  return undefined;
}

interface ImportedName {
  module: string;
  imported: string;
}

/** local name -> (module, imported name) for every named/default import of the file. */
function importedNames(sourceFile: SourceFile): Map<string, ImportedName> {
  const names = new Map<string, ImportedName>();
  for (const declaration of sourceFile.getImportDeclarations()) {
    if (declaration.isTypeOnly()) continue;
    const module = declaration.getModuleSpecifierValue();
    for (const specifier of declaration.getNamedImports()) {
      names.set(specifier.getAliasNode()?.getText() ?? specifier.getName(), { module, imported: specifier.getName() });
    }
    const defaultImport = declaration.getDefaultImport();
    if (defaultImport) names.set(defaultImport.getText(), { module, imported: "default" });
  }
  return names;
}

function topLevelNames(sourceFile: SourceFile): Set<string> {
  const names = new Set<string>();
  for (const statement of sourceFile.getStatements()) {
    if (Node.isVariableStatement(statement)) for (const declaration of statement.getDeclarations()) names.add(declaration.getName());
    else if (Node.isFunctionDeclaration(statement) || Node.isClassDeclaration(statement)) {
      const name = statement.getName();
      if (name) names.add(name);
    } else if (Node.isImportDeclaration(statement)) {
      for (const specifier of statement.getNamedImports()) names.add(specifier.getAliasNode()?.getText() ?? specifier.getName());
      const defaultImport = statement.getDefaultImport();
      if (defaultImport) names.add(defaultImport.getText());
    }
  }
  return names;
}

/** The variable a job call is assigned to: `const x = client.defineJob(...)` (through `as`/parens). */
function bindingOf(call: Node): Node | undefined {
  let current: Node = call;
  let parent = current.getParent();
  for (;;) {
    if (parent && (Node.isAsExpression(parent) || Node.isParenthesizedExpression(parent) || Node.isSatisfiesExpression(parent) || Node.isNonNullExpression(parent))) {
      current = parent;
      parent = current.getParent();
      continue;
    }
    // `new Job({...}).attachToClient(client)`: the variable holds the attach call (define-job names it so too).
    const attachCall = parent?.getParent();
    if (parent && Node.isPropertyAccessExpression(parent) && parent.getName() === "attachToClient" && attachCall && Node.isCallExpression(attachCall) && attachCall.getExpression() === parent) {
      current = attachCall;
      parent = current.getParent();
      continue;
    }
    break;
  }
  return parent && Node.isVariableDeclaration(parent) && parent.getInitializer() === current && Node.isIdentifier(parent.getNameNode()) ? parent : undefined;
}

function isExported(declaration: Node): boolean {
  const statement = declaration.getFirstAncestorByKind(SyntaxKind.VariableStatement);
  if (statement?.isExported()) return true;
  if (!Node.isVariableDeclaration(declaration)) return false;
  const name = declaration.getName();
  return declaration
    .getSourceFile()
    .getExportDeclarations()
    .some((exportDeclaration) => !exportDeclaration.getModuleSpecifier() && exportDeclaration.getNamedExports().some((specifier) => specifier.getName() === name));
}

function objectArgument(call: CallExpression | NewExpression, index: number): ObjectLiteralExpression | undefined {
  const argument = call.getArguments()[index];
  const value = argument ? unwrap(argument as Expression) : undefined;
  return value && Node.isObjectLiteralExpression(value) ? value : undefined;
}

function propertyInitializer(object: ObjectLiteralExpression, name: string): Expression | undefined {
  const property = object.getProperty(name);
  if (property && Node.isPropertyAssignment(property)) return property.getInitializer();
  if (property && Node.isShorthandPropertyAssignment(property)) return property.getNameNode();
  return undefined;
}

/** A string literal, a template without substitutions, or a same-file `const X = "..."`. */
function stringValue(node: Expression | undefined): string | undefined {
  const value = node ? unwrap(node) : undefined;
  if (!value) return undefined;
  if (Node.isStringLiteral(value) || Node.isNoSubstitutionTemplateLiteral(value)) return value.getLiteralValue();
  if (Node.isIdentifier(value)) {
    const declaration = value.getSymbol()?.getValueDeclaration();
    if (declaration && Node.isVariableDeclaration(declaration) && declaration.getSourceFile() === value.getSourceFile()) {
      const initializer = declaration.getInitializer();
      if (initializer && (Node.isStringLiteral(initializer) || Node.isNoSubstitutionTemplateLiteral(initializer))) return initializer.getLiteralValue();
    }
  }
  return undefined;
}

function unwrap(node: Expression): Expression {
  let current: Expression = node;
  while (Node.isAsExpression(current) || Node.isParenthesizedExpression(current) || Node.isSatisfiesExpression(current) || Node.isNonNullExpression(current)) {
    current = current.getExpression();
  }
  return current;
}
