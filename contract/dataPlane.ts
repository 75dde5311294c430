/**
 * azure-native resources that are not ARM resources: they call a data-plane API (e.g. `storage.Blob` uploads
 * through the Blob service), so no ARM contract describes their body. What the contract does describe are the
 * ARM resources they address by name (the account, the container): those names are checked with the same rules
 * (contract name type + service limits) as the ARM resources themselves, plus the data plane's own documented
 * limits. Paths are input paths (`$.containerName`): there is no ARM body to point into.
 */
import { loadContractFile, type ArmType } from "./armTypes";
import { child, ROOT } from "./jsonPath";
import { contractFor } from "./resourceTable";
import { limitsFor } from "./serviceLimits";
import { validateValue, type Finding } from "./validate";

export interface DataPlaneResource {
    readonly token: string;
    /** Why there is no ARM contract. */
    readonly reason: string;
    /** Input → token of the ARM resource whose name it is. */
    readonly nameInputs: Readonly<Record<string, string>>;
    /** The data plane's own limits on the inputs. */
    readonly check: (inputs: Record<string, unknown>) => Finding[];
}

export const DATA_PLANE_RESOURCES: readonly DataPlaneResource[] = [
    {
        token: "azure-native:storage:Blob",
        reason: "uploads through the Blob service REST API (data plane); its .d.ts states no ARM API version",
        nameInputs: {
            accountName: "azure-native:storage:StorageAccount",
            containerName: "azure-native:storage:BlobContainer",
        },
        // https://learn.microsoft.com/rest/api/storageservices/naming-and-referencing-containers--blobs--and-metadata
        // (section "Blob names")
        check: (inputs) => {
            const name = inputs.blobName;
            if (typeof name !== "string" || (name.length >= 1 && name.length <= 1024)) return [];
            return [
                { path: child(ROOT, "blobName"), message: `blob names must be 1–1024 characters (got ${name.length})` },
            ];
        },
    },
];

const byToken = new Map(DATA_PLANE_RESOURCES.map((d) => [d.token, d]));

export function dataPlaneFor(token: string): DataPlaneResource | undefined {
    return byToken.get(token);
}

export function checkDataPlane(resource: DataPlaneResource, inputs: Record<string, unknown>, dir: string): Finding[] {
    const names = Object.entries(resource.nameInputs).flatMap(([input, token]) =>
        nameFindings(input, token, inputs[input], dir),
    );
    return [...names, ...resource.check(inputs)];
}

/** The rules for the name of ARM resource `token`, applied to an input that holds such a name. */
function nameFindings(input: string, token: string, value: unknown, dir: string): Finding[] {
    const contract = contractFor(token);
    if (value === undefined || !contract) return [];
    const file = loadContractFile(dir, contract.contractFile);
    const body = file.resourceBody(contract.armType, contract.contractApiVersion);
    const nameProp = body?.$type === "ObjectType" ? body.properties.name : undefined;
    const path = child(ROOT, input);
    const ctx = { file, provider: contract.armType.split("/")[0] };
    const typed = nameProp ? validateValue(ctx, file.resolve(nameProp.type) as ArmType, value, path) : [];
    const limited = limitsFor(contract.armType)
        .flatMap((l) => l.check({ name: value }))
        .filter((f) => f.path === child(ROOT, "name"))
        .map((f) => ({ ...f, path }));
    return [...typed, ...limited];
}
