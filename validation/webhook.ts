import { Issue, issue, redactUrl } from "./issue";

/**
 * Event Grid delivers to WebHook endpoints over HTTPS only, with a publicly trusted certificate
 * (https://learn.microsoft.com/azure/event-grid/webhook-event-delivery). The one statement of that rule: the stack
 * config, the EventSubscription component and the policy pack all ask here.
 */
export function isHttpsUrl(url: unknown): url is string {
    return typeof url === "string" && /^https:\/\//i.test(url);
}

/** The issue for a plain URL that is not HTTPS (its key-carrying query redacted); none for HTTPS or unknown values. */
export function webhookUrlIssues(url: unknown, at: readonly (string | number)[]): Issue[] {
    if (typeof url !== "string" || isHttpsUrl(url)) return [];
    return [issue(at, redactUrl(url), "must use https:// (Event Grid delivers only to HTTPS endpoints with a publicly trusted certificate)")];
}
