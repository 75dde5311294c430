import { UNKNOWN } from "../../harness/plainValues";

/** A value that is unknown during preview: its secretness cannot be told (Pulumi serializes unknowns bare). */
export const isUnknown = (v: unknown) => v === UNKNOWN;

/** Secretness as the harness recorded it (`GraphResource.secretPaths`): a path is secret if it or an ancestor is. */
import { GraphResource } from "../../harness/graph";

export function isSecretPath(r: GraphResource, path: string): boolean {
    return r.secretPaths.some((p) => p === "" || path === p || path.startsWith(`${p}.`) || path.startsWith(`${p}[`));
}

/** Where the subscription's destination sits in its inputs, if anywhere. */
export function destinationPath(inputs: Record<string, any>): { path: string; destination: any } | undefined {
    if (inputs.deliveryWithResourceIdentity?.destination)
        return {
            path: "deliveryWithResourceIdentity.destination",
            destination: inputs.deliveryWithResourceIdentity.destination,
        };
    if (inputs.destination) return { path: "destination", destination: inputs.destination };
    return undefined;
}
