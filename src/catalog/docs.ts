/** Documentation links, one place. Rule pages live in this repository's docs/rules/. */

export const REPOSITORY_URL = "https://github.com/trigger-v3-migrate/trigger-v3-migrate";

export function ruleDocsUrl(ruleName: string): string {
  return `${REPOSITORY_URL}/blob/main/docs/rules/${ruleName}.md`;
}

const TRIGGER_DOCS = "https://trigger.dev/docs";

/** Official Trigger.dev docs pages referenced by messages and TODO markers. */
export const TRIGGER_DOCS_URLS = {
  upgradeFromV2: `${TRIGGER_DOCS}/guides/use-cases/upgrading-from-v2`,
  migrateFromV3: `${TRIGGER_DOCS}/migrating-from-v3`,
  tasks: `${TRIGGER_DOCS}/tasks/overview`,
  schemaTask: `${TRIGGER_DOCS}/tasks/schemaTask`,
  scheduled: `${TRIGGER_DOCS}/tasks/scheduled`,
  triggering: `${TRIGGER_DOCS}/triggering`,
  wait: `${TRIGGER_DOCS}/wait-for`,
  waitTokens: `${TRIGGER_DOCS}/wait-for-token`,
  logging: `${TRIGGER_DOCS}/logging`,
  retrying: `${TRIGGER_DOCS}/errors-retrying`,
  queues: `${TRIGGER_DOCS}/queue-concurrency`,
  idempotency: `${TRIGGER_DOCS}/idempotency`,
  metadata: `${TRIGGER_DOCS}/runs/metadata`,
  config: `${TRIGGER_DOCS}/config/config-file`,
  maxDuration: `${TRIGGER_DOCS}/runs/max-duration`,
  machines: `${TRIGGER_DOCS}/machines`,
  realtime: `${TRIGGER_DOCS}/realtime/overview`,
  limits: `${TRIGGER_DOCS}/limits`,
  apiKeys: `${TRIGGER_DOCS}/apikeys`,
  lifecycleHooks: `${TRIGGER_DOCS}/tasks/overview#lifecycle-functions`,
  hiddenTasks: `${TRIGGER_DOCS}/hidden-tasks`,
} as const;

export type TriggerDocsPage = keyof typeof TRIGGER_DOCS_URLS;
