/**
 * Trigger.dev secret keys written into source: any string that looks like one (no import
 * needed: a key pasted into a config file leaks whether or not the file uses the SDK), and any
 * literal credential passed to the SDK's `configure` / `auth.configure`.
 * Messages never repeat the key itself (lint output ends up in CI logs).
 */
import type { TSESTree } from "@typescript-eslint/utils";
import { AST_NODE_TYPES } from "@typescript-eslint/utils";
import { isSdkSource } from "../src/catalog/packages.js";
import { CONFIGURE_CREDENTIAL_KEYS, CONFIGURE_FUNCTIONS, SECRET_KEY_PREFIXES } from "../src/catalog/tasks.js";
import { createRule } from "../src/eslint/create-rule.js";
import { TriggerImportTracker } from "../src/eslint/import-tracker.js";
import { staticString } from "../src/eslint/static-value.js";
import { findProperty } from "../src/eslint/task-calls.js";
import { escapeRegExp } from "../src/regexp.js";

export type MessageIds = "secretKey" | "literalCredential";
export type Options = [];


/** A known prefix, not glued to a preceding word character, then a key body of 8+ characters. */
const SECRET_KEY_PATTERN = new RegExp(`(?<![A-Za-z0-9_])(${SECRET_KEY_PREFIXES.map(escapeRegExp).join("|")})[A-Za-z0-9_]{8,}`);

/** The cheapest test that every prefix passes (all start with `tr_`). */
const PREFIX_NEEDLE = "tr_";

export default createRule<Options, MessageIds>({
  name: "no-hardcoded-secret-key",
  meta: {
    type: "problem",
    docs: {
      description: "Disallow Trigger.dev secret keys written in source code",
      recommended: true,
      sdkVersions: [3, 4],
    },
    messages: {
      secretKey:
        "This string looks like a Trigger.dev secret key (`{{prefix}}...`): read it from `process.env.TRIGGER_SECRET_KEY` instead, and rotate the key if it was committed.",
      literalCredential: "Do not pass a literal `{{key}}` to `configure`: read it from `process.env.TRIGGER_SECRET_KEY` (or your secret store) instead.",
    },
    schema: [],
    defaultOptions: [],
  },
  create(context) {
    const sourceCode = context.sourceCode;
    const mayHoldKey = sourceCode.text.includes(PREFIX_NEEDLE);
    const tracker = TriggerImportTracker.of(context);
    if (!mayHoldKey && !tracker.hasBindings) return {};

    function checkString(node: TSESTree.Literal | TSESTree.TemplateLiteral): void {
      const text = staticString(node);
      const match = text === undefined ? null : SECRET_KEY_PATTERN.exec(text);
      if (match) context.report({ node, messageId: "secretKey", data: { prefix: match[1] } });
    }

    function isConfigureCall(node: TSESTree.CallExpression): boolean {
      return CONFIGURE_FUNCTIONS.some((path) => tracker.matches(node.callee, path, isSdkSource));
    }

    return {
      ...(mayHoldKey ? { Literal: checkString, TemplateLiteral: checkString } : {}),
      CallExpression(node) {
        const [options] = node.arguments;
        if (options?.type !== AST_NODE_TYPES.ObjectExpression || !isConfigureCall(node)) return;
        for (const key of CONFIGURE_CREDENTIAL_KEYS) {
          const value = findProperty(options, key)?.value;
          const text = value && staticString(value);
          // Values that look like keys are already reported by checkString.
          if (value && text && !SECRET_KEY_PATTERN.test(text)) context.report({ node: value, messageId: "literalCredential", data: { key } });
        }
      },
    };
  },
});
