import * as pulumi from "@pulumi/pulumi";

/**
 * Component args are recorded as the component's inputs in the state file. A webhook URL usually carries a key
 * (`?code=…`, `sig=…`), so it is wrapped as a secret before the args reach `super()`, whatever the caller passed.
 */
export function withSecretWebhook<T extends { webhook?: { url: pulumi.Input<string> } }>(h: T): T {
    return h.webhook ? { ...h, webhook: { ...h.webhook, url: pulumi.secret(h.webhook.url) } } : h;
}

export function withSecretWebhooks<T extends { handlers: Record<string, { webhook?: { url: pulumi.Input<string> } }> }>(
    args: T,
): T {
    return {
        ...args,
        handlers: Object.fromEntries(Object.entries(args.handlers ?? {}).map(([n, h]) => [n, withSecretWebhook(h)])),
    };
}
