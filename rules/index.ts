/** Every rule of the plugin, by its public name. Configs are derived from each rule's meta. */
import noCtxLogger from "./no-ctx-logger.js";
import noDefineJob from "./no-define-job.js";
import noDeprecatedV3Api from "./no-deprecated-v3-api.js";
import noHardcodedSecretKey from "./no-hardcoded-secret-key.js";
import noIoObject from "./no-io-object.js";
import noMigrationTodo from "./no-migration-todo.js";
import noThrowInLifecycleHooks from "./no-throw-in-lifecycle-hooks.js";
import noV2Imports from "./no-v2-imports.js";
import preferWaitFor from "./prefer-wait-for.js";
import requireIdempotencyKey from "./require-idempotency-key.js";
import requireMaxDuration from "./require-max-duration.js";
import requireRetry from "./require-retry.js";
import requireTaskExport from "./require-task-export.js";
import requireTaskId from "./require-task-id.js";
import requireTypedTrigger from "./require-typed-trigger.js";
import validTaskOptions from "./valid-task-options.js";

export const rules = {
  "no-ctx-logger": noCtxLogger,
  "no-define-job": noDefineJob,
  "no-deprecated-v3-api": noDeprecatedV3Api,
  "no-hardcoded-secret-key": noHardcodedSecretKey,
  "no-io-object": noIoObject,
  "no-migration-todo": noMigrationTodo,
  "no-throw-in-lifecycle-hooks": noThrowInLifecycleHooks,
  "no-v2-imports": noV2Imports,
  "prefer-wait-for": preferWaitFor,
  "require-idempotency-key": requireIdempotencyKey,
  "require-max-duration": requireMaxDuration,
  "require-retry": requireRetry,
  "require-task-export": requireTaskExport,
  "require-task-id": requireTaskId,
  "require-typed-trigger": requireTypedTrigger,
  "valid-task-options": validTaskOptions,
};

export type RuleName = keyof typeof rules;
