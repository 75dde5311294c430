import { Graph, GraphResource } from "../harness/graph";

/**
 * The graph as `pulumi preview` prints it: one line per resource, indented under its parent, with type and
 * name; plus counts per type and one line per subscription (filter → handler).
 */
export function renderTree(graph: Graph): string {
    const children = new Map<string | undefined, GraphResource[]>();
    for (const r of graph.resources) {
        const list = children.get(r.parent) ?? [];
        list.push(r);
        children.set(r.parent, list);
    }
    const lines: string[] = [];
    const walk = (parent: string | undefined, prefix: string) => {
        const list = children.get(parent) ?? [];
        list.forEach((r, i) => {
            const last = i === list.length - 1;
            const flags = [
                r.protect ? "protected" : "",
                r.secretPaths.length ? `secret: ${r.secretPaths.join(", ")}` : "",
            ]
                .filter(Boolean)
                .join("; ");
            lines.push(
                `${prefix}${parent === undefined ? "" : last ? "└─ " : "├─ "}${r.type}  ` +
                    `${r.name}${flags ? `  [${flags}]` : ""}`,
            );
            walk(r.urn, parent === undefined ? "" : prefix + (last ? "   " : "│  "));
        });
    };
    walk(undefined, "");
    return lines.join("\n");
}

export function countByType(graph: Graph): [string, number][] {
    const counts = new Map<string, number>();
    for (const r of graph.resources) counts.set(r.type, (counts.get(r.type) ?? 0) + 1);
    return [...counts].sort((a, b) => a[0].localeCompare(b[0]));
}

export interface RouteLine {
    subscription: string;
    handler: string;
    eventTypes: string[];
    subject: string;
    advancedFilters: number;
    destination: string;
    deadLetter: string;
    retry: string;
}

/** One line per Azure event subscription: what it selects and where it goes. */
export function routeLines(graph: Graph): RouteLine[] {
    const byUrn = new Map(graph.resources.map((r) => [r.urn, r]));
    return graph.resources
        .filter((r) => r.type === "azure-native:eventgrid:SystemTopicEventSubscription")
        .map((r) => {
            const i = r.inputs;
            const f = i.filter ?? {};
            const dest = i.destination ?? i.deliveryWithResourceIdentity?.destination ?? {};
            const dl = i.deadLetterDestination ?? i.deadLetterWithResourceIdentity?.deadLetterDestination;
            const parent = r.parent ? byUrn.get(r.parent) : undefined;
            const subject =
                [
                    f.subjectBeginsWith ? `begins "${f.subjectBeginsWith}"` : "",
                    f.subjectEndsWith ? `ends "${f.subjectEndsWith}"` : "",
                ]
                    .filter(Boolean)
                    .join(" and ") || "any subject";
            return {
                subscription: i.eventSubscriptionName ?? r.name,
                handler: parent?.inputs?.handler ?? "?",
                eventTypes: f.includedEventTypes ?? ["(all)"],
                subject,
                advancedFilters: (f.advancedFilters ?? []).length,
                destination: `${dest.endpointType ?? "?"}${i.deliveryWithResourceIdentity ? " (topic identity)" : ""}`,
                deadLetter: dl ? `${dl.blobContainerName}` : "none",
                retry: i.retryPolicy
                    ? `${i.retryPolicy.maxDeliveryAttempts}x/${i.retryPolicy.eventTimeToLiveInMinutes}min`
                    : "Azure default",
            };
        });
}

export function formatRouteLine(l: RouteLine): string {
    const types = l.eventTypes.map((t) => t.replace(/^Microsoft\.Communication\./, "")).join(", ");
    const adv = l.advancedFilters ? ` + ${l.advancedFilters} advanced filter(s)` : "";
    return (
        `${l.subscription}: [${types}] ${l.subject}${adv} → ${l.handler} (${l.destination}; retry ${l.retry}; ` +
        `dead-letter ${l.deadLetter})`
    );
}
