/**
 * Where a subscription delivers and dead-letters, in a few safe words. A destination is written either as
 * `destination` or inside `deliveryWithResourceIdentity` (ARM allows exactly one), a dead-letter store as
 * `deadLetterDestination` or inside `deadLetterWithResourceIdentity`.
 *
 * Labels name resources by the tail of their ARM id; webhook URLs are never read (they carry keys), and any
 * input recorded under a secret path is shown as "(secret)".
 */
import { GraphResource } from "../harness/graph";
import { UNKNOWN } from "../harness/plainValues";

export interface Endpoint {
    /** Event Grid endpoint type, e.g. "StorageQueue", "WebHook", "StorageBlob"; "?" when absent. */
    readonly endpointType: string;
    /** Human label, e.g. `stacssmsqueuedev/sms-events` or `WebHook (URL not shown)`. */
    readonly label: string;
    /** Delivered with the topic's managed identity. */
    readonly viaIdentity: boolean;
    /** The destination's ARM id, for linking only (never a URL). */
    readonly resourceId?: string;
}

type Json = Record<string, any>;

export function destinationOf(r: GraphResource): Endpoint {
    const withIdentity = r.inputs.deliveryWithResourceIdentity?.destination as Json | undefined;
    const path = withIdentity ? "deliveryWithResourceIdentity.destination" : "destination";
    return describe(r, (withIdentity ?? r.inputs.destination ?? {}) as Json, path, withIdentity !== undefined);
}

export function deadLetterOf(r: GraphResource): Endpoint | undefined {
    const withIdentity = r.inputs.deadLetterWithResourceIdentity?.deadLetterDestination as Json | undefined;
    const plain = r.inputs.deadLetterDestination as Json | undefined;
    if (!withIdentity && !plain) return undefined;
    const path = withIdentity ? "deadLetterWithResourceIdentity.deadLetterDestination" : "deadLetterDestination";
    return describe(r, (withIdentity ?? plain) as Json, path, withIdentity !== undefined);
}

function describe(r: GraphResource, d: Json, path: string, viaIdentity: boolean): Endpoint {
    const endpointType = typeof d.endpointType === "string" ? d.endpointType : "?";
    const field = (name: string): string | undefined => {
        const v = d[name];
        const full = `${path}.${name}`;
        if (r.secretPaths.some((p) => p === full || full.startsWith(`${p}.`))) return "(secret)";
        return typeof v === "string" && v.length > 0 ? (v === UNKNOWN ? "?" : v) : undefined;
    };
    const resourceId = endpointType === "WebHook" ? undefined : field("resourceId");
    return {
        endpointType,
        label: labelFor(endpointType, resourceId, field),
        viaIdentity,
        ...(resourceId && resourceId !== "?" && resourceId !== "(secret)" ? { resourceId } : {}),
    };
}

/** ARM ids end in `…/<type>/<name>[/<childType>/<child>]`: keep the names. */
function labelFor(
    endpointType: string,
    resourceId: string | undefined,
    field: (name: string) => string | undefined,
): string {
    const segments = (resourceId ?? "").split("/").filter(Boolean);
    const name = segments[segments.length - 1] ?? "?";
    switch (endpointType) {
        case "WebHook":
            return "WebHook (URL not shown)";
        case "StorageQueue":
            return `${name}/${field("queueName") ?? "?"}`;
        case "StorageBlob":
            return `${name}/${field("blobContainerName") ?? "?"}`;
        case "AzureFunction":
            return `${segments[segments.length - 3] ?? "?"}/${name}`;
        case "ServiceBusQueue":
        case "ServiceBusTopic":
        case "EventHub":
            return `${segments[segments.length - 3] ?? "?"}/${name}`;
        default:
            return name;
    }
}
