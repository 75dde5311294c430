/**
 * Accessors for `SystemTopicEventSubscription` props. azure-native flattens ARM `properties` (including
 * inside `destination`), and a destination sits either in `destination` or, with the topic's identity, in
 * `deliveryWithResourceIdentity.destination`; dead letters likewise (@pulumi/azure-native
 * eventgrid/systemTopicEventSubscription.d.ts).
 */

export interface Endpoint {
    /** The destination object (WebHook, StorageQueue, …) or the dead-letter blob destination. */
    readonly destination: any;
    /** Input path of `destination`, for messages. */
    readonly path: string;
    /** `{ type, userAssignedIdentity? }` when delivered/written with the topic's identity. */
    readonly identity?: any;
}

export function deliveryOf(p: any): Endpoint | undefined {
    if (p.deliveryWithResourceIdentity) {
        const w = p.deliveryWithResourceIdentity;
        return { destination: w.destination, path: "deliveryWithResourceIdentity.destination", identity: w.identity };
    }
    if (p.destination) return { destination: p.destination, path: "destination" };
    return undefined;
}

export function deadLetterOf(p: any): Endpoint | undefined {
    if (p.deadLetterWithResourceIdentity) {
        const w = p.deadLetterWithResourceIdentity;
        return {
            destination: w.deadLetterDestination,
            path: "deadLetterWithResourceIdentity.deadLetterDestination",
            identity: w.identity,
        };
    }
    if (p.deadLetterDestination) return { destination: p.deadLetterDestination, path: "deadLetterDestination" };
    return undefined;
}

/** Input key whose property dependencies hold the destination's resources. */
export function rootKey(e: Endpoint): string {
    return e.path.split(".")[0];
}

/**
 * The ARM id an RBAC scope must contain for this destination: the queue for StorageQueue (its `resourceId` is
 * the account), the container for dead letters, the entity for Service Bus / Event Hubs.
 */
export function dataTargetId(d: any): string | undefined {
    if (!d || typeof d.resourceId !== "string") return undefined;
    switch (d.endpointType) {
        case "StorageQueue":
            return `${d.resourceId}/queueServices/default/queues/${d.queueName}`;
        case "StorageBlob":
            return `${d.resourceId}/blobServices/default/containers/${d.blobContainerName}`;
        default:
            return d.resourceId;
    }
}

/** Filter with defaults for absent parts. */
export function filterOf(p: any): any {
    return p.filter ?? {};
}

/** Included event types as strings (absent → undefined, meaning "all"). */
export function eventTypesOf(p: any): string[] | undefined {
    const t = filterOf(p).includedEventTypes;
    return Array.isArray(t) ? t.filter((x: unknown): x is string => typeof x === "string") : undefined;
}
