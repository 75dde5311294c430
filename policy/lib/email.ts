/**
 * Which routes send email through ACS and against which quota: shared by the policy rule
 * communication-service-fit-email-quota and the plan's "Email quota" section, on a minimal view of the graph.
 */
import { EMAIL_SEND_QUOTA, EmailSendQuota } from "../../catalog/emailQuota";
import { T } from "./types";

/** The part of a resource this analysis reads (a PolicyResource or a harness GraphResource fits it). */
export interface EmailNode {
    readonly type: string;
    readonly name: string;
    readonly urn: string;
    /** Inputs merged with outputs (ids, principal ids). */
    readonly props: Record<string, any>;
    /** URNs the resource waits for (explicit dependsOn and inputs). */
    readonly deps: readonly string[];
}

export interface EmailRoute {
    readonly subscription: string;
    readonly handler: string;
    readonly eventTypes: readonly string[];
}

export interface EmailQuotaView {
    readonly acs: EmailNode;
    readonly domainKind: "AzureManaged" | "CustomerManaged";
    readonly quota: EmailSendQuota;
    readonly routes: readonly EmailRoute[];
    /** Most emails one event can cause: sending routes that match the same event type. */
    readonly emailsPerEvent: number;
}

const lower = (v: unknown) => (typeof v === "string" ? v.toLowerCase() : "");

/** The kind of the email domain linked to `acs`: a Domain resource of the stack, else judged by its id. */
function domainKind(acs: EmailNode, nodes: readonly EmailNode[]): "AzureManaged" | "CustomerManaged" | undefined {
    const linked: unknown[] = Array.isArray(acs.props.linkedDomains) ? acs.props.linkedDomains : [];
    if (linked.length === 0) return undefined;
    const kinds = linked.map((id) => {
        const domain = nodes.find((n) => n.type === T.EmailDomain && lower(n.props.id) === lower(id));
        if (domain) return domain.props.domainManagement === "AzureManaged" ? "AzureManaged" : "CustomerManaged";
        return /\/domains\/AzureManagedDomain$/i.test(String(id)) ? "AzureManaged" : "CustomerManaged";
    });
    // The tighter quota governs when both kinds are linked.
    return kinds.includes("AzureManaged") ? "AzureManaged" : "CustomerManaged";
}

/** Handlers (sites, workflows) whose identity holds a role on `acs`: the ones that send email through it. */
function senders(acs: EmailNode, nodes: readonly EmailNode[]): EmailNode[] {
    const principals = new Set(
        nodes
            .filter((n) => n.type === T.RoleAssignment && lower(n.props.scope) === lower(acs.props.id))
            .map((n) => n.props.principalId),
    );
    return nodes.filter(
        (n) => (n.type === T.WebApp || n.type === T.Workflow) && principals.has(n.props.identity?.principalId),
    );
}

/** Subscriptions that deliver to `handler`: an AzureFunction under the site, or any delivery that waits for it. */
function routesTo(handler: EmailNode, nodes: readonly EmailNode[]): EmailRoute[] {
    return nodes
        .filter((n) => n.type === T.Subscription)
        .filter((s) => {
            const target = lower(s.props.destination?.resourceId);
            return (
                (handler.props.id && target.startsWith(`${lower(handler.props.id)}/`)) || s.deps.includes(handler.urn)
            );
        })
        .map((s) => ({
            subscription: s.name,
            handler: handler.name,
            eventTypes: s.props.filter?.includedEventTypes ?? [],
        }));
}

/** The email picture of each ACS resource with a linked domain and handlers that send through it. */
export function emailQuotaViews(nodes: readonly EmailNode[]): EmailQuotaView[] {
    return nodes
        .filter((n) => n.type === T.CommunicationService)
        .flatMap((acs) => {
            const kind = domainKind(acs, nodes);
            if (!kind) return [];
            const routes = senders(acs, nodes).flatMap((h) => routesTo(h, nodes));
            const perType = new Map<string, number>();
            for (const r of routes)
                for (const t of r.eventTypes.length ? r.eventTypes : ["*"]) perType.set(t, (perType.get(t) ?? 0) + 1);
            const all = perType.get("*") ?? 0;
            const emailsPerEvent = Math.max(0, ...[...perType].filter(([t]) => t !== "*").map(([, n]) => n + all), all);
            return [{ acs, domainKind: kind, quota: EMAIL_SEND_QUOTA[kind], routes, emailsPerEvent }];
        });
}

/** Matching events an hour (and a minute) the quota absorbs before ACS answers 429. */
export function eventsWithinQuota(v: EmailQuotaView): { perMinute: number; perHour: number } {
    const per = Math.max(1, v.emailsPerEvent);
    return { perMinute: Math.floor(v.quota.perMinute / per), perHour: Math.floor(v.quota.perHour / per) };
}
