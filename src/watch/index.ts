/** Saved searches and alerts: evaluate watches against new articles and deliver once. */
export { buildAlert, type Alert, type AlertStory } from './alert.ts';
export { DEFAULT_RETRY, postAlert, type WebhookNet, type RetryOptions } from './deliver.ts';
export { deliverAlerts, recordWatchMatches, runWatches, type DeliveryOptions, type DeliveryReport, type WatchRunOptions, type WatchRunReport } from './run.ts';
export { describeIssues, MAX_WATCH_QUERY_CHARS, WatchSpecSchema, type WatchSpecInput } from './spec.ts';
