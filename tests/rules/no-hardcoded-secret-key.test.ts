import rule from "../../rules/no-hardcoded-secret-key.js";
import { ruleTesterFor } from "../helpers/rule-tester.js";

// Fake keys: a known prefix plus a body of 8+ word characters.
const DEV_KEY = "tr_dev_EXAMPLE00000000";
const PROD_KEY = "tr_prod_EXAMPLE00000000";

ruleTesterFor(4).run("no-hardcoded-secret-key (target 4)", rule, {
  valid: [
    {
      name: "a key read from the environment is fine",
      code: `import { configure } from "@trigger.dev/sdk";
configure({ secretKey: process.env.TRIGGER_SECRET_KEY });`,
    },
    {
      name: "a prefix with a body shorter than 8 characters is not a key",
      code: `const example = "tr_dev_abc";`,
    },
    {
      name: "a prefix glued to a preceding word is not a key",
      code: `const column = "attr_dev_EXAMPLE00000000";`,
    },
    {
      name: "a template literal with expressions is not checked",
      code: "const key = `tr_dev_${process.env.SUFFIX}EXAMPLE00000000`;",
    },
    {
      name: "a configure call from another library is not the SDK's",
      code: `import { configure } from "mobx";
configure({ accessToken: "abc" });`,
    },
    {
      name: "an empty credential literal is not a secret",
      code: `import { configure } from "@trigger.dev/sdk";
configure({ accessToken: "" });`,
    },
    {
      name: "a shadowed configure is not the SDK's",
      code: `import { configure } from "@trigger.dev/sdk";
export function setup(configure: (o: object) => void) { configure({ secretKey: "abc" }); }`,
    },
  ],
  invalid: [
    {
      name: "reports a key-looking string literal in a file with no Trigger.dev import",
      code: `export const env = { TRIGGER_SECRET_KEY: "${DEV_KEY}" };`,
      errors: [{ messageId: "secretKey", data: { prefix: "tr_dev_" }, line: 1, column: 42 }],
    },
    {
      name: "reports a key inside a longer string and in an expression-free template literal",
      code: `const header = "Bearer ${PROD_KEY}";
const key = \`${DEV_KEY}\`;`,
      errors: [
        { messageId: "secretKey", data: { prefix: "tr_prod_" }, line: 1, column: 16 },
        { messageId: "secretKey", data: { prefix: "tr_dev_" }, line: 2, column: 13 },
      ],
    },
    {
      name: "reports a key passed to configure once, as a key",
      code: `import { configure } from "@trigger.dev/sdk";
configure({ secretKey: "${DEV_KEY}" });`,
      errors: [{ messageId: "secretKey", line: 2, column: 24 }],
    },
    {
      name: "reports any literal accessToken or secretKey given to configure and auth.configure",
      code: `import { auth, configure as setUp } from "@trigger.dev/sdk";
setUp({ accessToken: "my-token" });
auth.configure({ secretKey: \`hunter2\`, baseURL: "https://api.trigger.dev" });`,
      errors: [
        { messageId: "literalCredential", data: { key: "accessToken" }, line: 2, column: 22 },
        { messageId: "literalCredential", data: { key: "secretKey" }, line: 3, column: 29 },
      ],
    },
    {
      name: "reports a key in a JSX attribute",
      code: `export const el = <Provider secretKey="${DEV_KEY}" />;`,
      filename: "file.tsx",
      errors: [{ messageId: "secretKey", line: 1, column: 39 }],
    },
  ],
});

ruleTesterFor(3).run("no-hardcoded-secret-key (target 3)", rule, {
  valid: [],
  invalid: [
    {
      name: "traces configure on the /v3 path of SDK 3",
      code: `import { configure } from "@trigger.dev/sdk/v3";
configure({ accessToken: "abc" });`,
      errors: [{ messageId: "literalCredential", line: 2, column: 26 }],
    },
  ],
});
