/**
 * Reads a v2 job's `trigger` and decides the task factory, the options it brings (`schema`,
 * `cron`) and the TODOs a human needs (webhooks, HTTP endpoints, dynamic triggers...).
 */
import type { ASTPath } from "jscodeshift";
import type { TriggerDocsPage } from "../../catalog/docs.js";
import { V2_DYNAMIC_DEFINERS, V2_NOTIFICATION_TRIGGERS, V2_TRIGGER_REPLACEMENTS, type V2TriggerFactory, type V2TriggerKind } from "../../catalog/exports.js";
import type { CodemodImportTracker } from "../import-tracker.js";
import { type FileFacts, sdkImportName, unwrapExpressionPath, v2TriggerFactoryOf } from "../v2-jobs.js";
import { findProperty, unwrapExpression } from "../ast-helpers.js";
import { type AnyNode, child, children, dottedName, numericValue, propertyValue } from "./ast.js";
import { describeSeconds, intervalToCron } from "./interval-cron.js";

export type TaskFactory = "task" | "schemaTask" | "schedules.task";

export interface PlannedTodo {
  message: string;
  docs: TriggerDocsPage;
}

export interface TriggerPlan {
  factory: TaskFactory;
  /** `schema: <node>` for schemaTask. */
  schema?: AnyNode;
  /** `cron: <node>` for schedules.task, as written in the v2 cronTrigger... */
  cron?: AnyNode;
  /** The trigger's `schema` / `cron` property itself, to move whole when comments are written on it. */
  schemaProperty?: AnyNode;
  cronProperty?: AnyNode;
  /** An event filter left for a human (the events transform turned the others into a guard): kept as comment lines. */
  filterProperty?: AnyNode;
  /** ...or computed from an intervalTrigger. */
  cronText?: string;
  todos: PlannedTodo[];
  /** True when the trigger is a traced v2 factory (strong evidence the job is v2). */
  traced: boolean;
}

export type { FileFacts };

export function planTrigger(triggerPath: ASTPath, tracker: CodemodImportTracker, facts: FileFacts): TriggerPlan {
  return classify(unwrapExpressionPath(triggerPath), tracker, facts, 0);
}

function classify(path: ASTPath, tracker: CodemodImportTracker, facts: FileFacts, depth: number): TriggerPlan {
  const node = path.node as unknown as AnyNode;
  if (node.type === "Identifier" && depth < 3) {
    const name = node["name"] as string;
    const definition = facts.definitions.get(name);
    if (definition) {
      const kind = dynamicKind(definition, tracker, facts);
      if (kind) return manual(kind, `\`${name}\``);
      return classify(unwrapExpressionPath(definition), tracker, facts, depth + 1);
    }
    return manual("unknown", `\`${name}\``);
  }
  if (node.type !== "CallExpression" && node.type !== "NewExpression") return manual("unknown", "this trigger");
  const calleePath = path.get("callee") as ASTPath;
  const factory = v2TriggerFactoryOf(calleePath, tracker, facts);
  if (factory) return planFactory(factory, children(node, "arguments")[0]);
  const callee = unwrapExpression(child(node, "callee"));
  const calleeName = dottedName(callee);
  const label = calleeName ? `\`${calleeName.join(".")}(...)\`` : "this trigger";
  const reference = tracker.resolve(calleePath);
  const imported = reference?.path[0] ?? (calleeName?.length === 1 ? sdkImportName(calleeName[0] ?? "", facts) : undefined);
  if (imported && V2_NOTIFICATION_TRIGGERS.includes(imported)) return manual("missingConnection", label);
  if (calleeName && calleeName.length >= 2) {
    const [receiver] = calleeName;
    const receiverDefinition = receiver === undefined ? undefined : facts.definitions.get(receiver);
    const receiverKind = receiverDefinition ? dynamicKind(receiverDefinition, tracker, facts) : undefined;
    if (calleeName.at(-1) === "onRequest" || receiverKind === "httpEndpoint") return manual("httpEndpoint", label);
    if (receiverKind) return manual(receiverKind, label);
    return manual("integration", label);
  }
  const kind = dynamicKind(path, tracker, facts);
  return manual(kind ?? "unknown", label);
}

/** `client.defineDynamicSchedule(...)`, `new DynamicTrigger(...)`, `client.defineHttpEndpoint(...)`. */
function dynamicKind(path: ASTPath, tracker: CodemodImportTracker, facts: FileFacts): V2TriggerKind | undefined {
  const node = unwrapExpression(path.node as unknown as AnyNode);
  if (node?.type !== "CallExpression" && node?.type !== "NewExpression") return undefined;
  const callee = unwrapExpression(child(node, "callee"));
  const name = dottedName(callee);
  const last = name?.at(-1);
  if (last === undefined) return undefined;
  if (node.type === "NewExpression") {
    const traced = tracker.resolve((path.get("callee") as ASTPath)) !== undefined || sdkImportName(last, facts) !== undefined;
    return traced ? V2_DYNAMIC_DEFINERS[last] : undefined;
  }
  return name && name.length >= 2 ? V2_DYNAMIC_DEFINERS[last] : undefined;
}

function planFactory(factory: V2TriggerFactory, argument: AnyNode | undefined): TriggerPlan {
  const options = unwrapExpression(argument);
  const property = (name: string): AnyNode | undefined => (options?.type === "ObjectExpression" ? findProperty(options, name) : undefined);
  const option = (name: string): AnyNode | undefined => {
    const found = property(name);
    return found ? propertyValue(found) : undefined;
  };
  switch (factory) {
    case "eventTrigger":
    case "invokeTrigger": {
      const todos: PlannedTodo[] = [];
      const filterProperty = property("filter");
      if (filterProperty !== undefined) {
        todos.push({
          message: "the v2 event filter is gone: check the payload at the start of run and return early when it does not match (the filter is kept as a comment in the task options)",
          docs: "upgradeFromV2",
        });
      }
      const filter = filterProperty ? { filterProperty } : {};
      const schema = option("schema");
      return schema ? { factory: "schemaTask", schema, schemaProperty: property("schema"), ...filter, todos, traced: true } : { factory: "task", ...filter, todos, traced: true };
    }
    case "cronTrigger": {
      const cron = option("cron");
      const todos: PlannedTodo[] = cron ? [] : [{ message: "add the cron expression of the v2 cronTrigger (or attach schedules with schedules.create)", docs: "scheduled" }];
      return { factory: "schedules.task", ...(cron ? { cron, cronProperty: property("cron") } : {}), todos, traced: true };
    }
    case "intervalTrigger": {
      const secondsNode = option("seconds");
      const seconds = numericValue(secondsNode);
      if (seconds === undefined || seconds <= 0) {
        return { factory: "schedules.task", cronText: "0 * * * *", todos: [{ message: "the v2 intervalTrigger interval is not a constant: set this cron to match it (hourly for now)", docs: "scheduled" }], traced: true };
      }
      const converted = intervalToCron(seconds);
      const todos: PlannedTodo[] = converted.exact
        ? []
        : [
            {
              message: `the v2 job ran every ${describeSeconds(seconds)}, which no cron repeats evenly: this cron runs every ${describeSeconds(converted.seconds)}, adjust it`,
              docs: "scheduled",
            },
          ];
      return { factory: "schedules.task", cronText: converted.cron, todos, traced: true };
    }
  }
}

function manual(kind: V2TriggerKind, label: string): TriggerPlan {
  const message =
    kind === "dynamicSchedule"
      ? `the v2 dynamic schedule ${label} is now a schedules.task without a cron: ${V2_TRIGGER_REPLACEMENTS[kind]}`
      : `the v2 trigger ${label} has no task API equivalent: ${V2_TRIGGER_REPLACEMENTS[kind]}`;
  if (kind === "dynamicSchedule") return { factory: "schedules.task", todos: [{ message, docs: "scheduled" }], traced: false };
  return { factory: "task", todos: [{ message, docs: kind === "httpEndpoint" || kind === "integration" ? "triggering" : "upgradeFromV2" }], traced: false };
}
