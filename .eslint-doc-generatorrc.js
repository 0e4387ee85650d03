// eslint-doc-generator settings for `npm run docs:rules` / `npm run docs:check` (reads the built dist/).
/** @type {import("eslint-doc-generator").GenerateOptions} */
const config = {
  configEmoji: [
    ["recommended", "✅"],
    ["strict", "🔒"],
    ["all", "🌐"],
  ],
  // Pages start with `# <description> (`trigger-dev/<name>`)`.
  ruleDocTitleFormat: "desc-parens-prefix-name",
  // Only a notice that never applies (no rule needs type information): the header is the title alone.
  ruleDocNotices: ["requiresTypeChecking"],
  // "Correct" is not listed: the check matches headings by substring, so "Incorrect" would satisfy
  // it. tests/docs-examples.test.ts requires both example sections and lints every example.
  ruleDocSectionInclude: ["Rule details", "Incorrect", "Options", "When not to use it", "SDK versions"],
  // Every page has an "Options" section (saying "no options" when there are none).
  ruleDocSectionOptions: false,
};

export default config;
