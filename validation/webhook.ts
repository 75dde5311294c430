import { unreachableHost } from "./azure";
import { Issue, issue, redactUrl } from "./issue";

/**
 * Event Grid delivers to WebHook endpoints over HTTPS only, with a publicly trusted certificate
 * (https://learn.microsoft.com/azure/event-grid/webhook-event-delivery). The one statement of that rule: the stack
 * config, the EventSubscription component and the policy pack all ask here.
 */
export function isHttpsUrl(url: unknown): url is string {
    return typeof url === "string" && /^https:\/\//i.test(url);
}

/**
 * The issue for a plain URL that is not HTTPS, or whose host Event Grid can never reach (its key-carrying parts
 * redacted); none for a reachable HTTPS URL or an unknown value.
 */
export function webhookUrlIssues(url: unknown, at: readonly (string | number)[]): Issue[] {
    if (typeof url !== "string") return [];
    if (!isHttpsUrl(url))
        return [
            issue(
                at,
                redactUrl(url),
                "must use https:// (Event Grid delivers only to HTTPS endpoints with a publicly trusted certificate)",
            ),
        ];
    const host = hostOf(url);
    if (host !== undefined && unreachableHost(host)) {
        return [
            issue(
                at,
                redactUrl(url),
                "a loopback, private or link-local host: Event Grid delivers over the internet and its validation " +
                    "handshake can never reach it",
            ),
        ];
    }
    return [];
}

function hostOf(url: string): string | undefined {
    try {
        return new URL(url).hostname;
    } catch {
        return undefined; // the schema reports a malformed URL
    }
}
