/**
 * Fake ARM resource ids for the mock runtime. Policies and the routing picture parse ids (a destination's
 * account, a function's app, a role assignment's scope), so the ids must have Azure's real shape: children
 * under their parent, provider namespaces and resource-type segments as Azure writes them.
 */
import { armResourceId } from "../catalog/armPaths";

export const MOCK_SUBSCRIPTION_ID = "00000000-0000-0000-0000-000000000000";
export const MOCK_TENANT_ID = "11111111-1111-1111-1111-111111111111";

const rg = (i: Record<string, any>) =>
    `/subscriptions/${MOCK_SUBSCRIPTION_ID}/resourceGroups/${i.resourceGroupName ?? "rg"}`;

/** Blobs are data-plane objects (no ARM resource type); the policies still parse their URL-like id. */
const blobId = (i: Record<string, any>, n: string) =>
    `${rg(i)}/providers/Microsoft.Storage/storageAccounts/${i.accountName}/blobServices/default` +
    `/containers/${i.containerName}/blobs/${i.blobName ?? n}`;

/** The id ARM would give the resource (paths from catalog/armPaths.ts); a `Mock.` id for types outside it. */
export function mockArmId(type: string, name: string, inputs: Record<string, any>): string {
    if (type === "azure-native:storage:Blob") return blobId(inputs, name);
    const id = armResourceId(type, name, inputs, MOCK_SUBSCRIPTION_ID);
    if (id) return id;
    const [, mod, cls] = type.split(":");
    return `${rg(inputs)}/providers/Mock.${mod}/${cls}/${name}`;
}
