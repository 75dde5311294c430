import { installedApiVersion } from "../../contract/apiVersions";

/**
 * Properties that only exist from some ARM API version on (decision 10.4 in docs/policies.md; versions from
 * https://github.com/Azure/bicep-types-az/tree/main/generated/communication/microsoft.communication). A rule
 * demands such a property only while the installed azure-native sends a new-enough API, read from the SDK itself
 * (contract/apiVersions.ts); otherwise it reports "upgrade to enforce" instead of asking for an unsendable
 * property. test/policy/meta.spec.ts checks every type here has a version in the installed SDK.
 */
export interface ApiRecord {
    /** Minimum API version per property. */
    readonly since: Readonly<Record<string, string>>;
}

export const API_VERSIONS: Readonly<Record<string, ApiRecord>> = {
    "azure-native:communication:CommunicationService": {
        since: { disableLocalAuth: "2025-05-01", publicNetworkAccess: "2025-05-01", identity: "2023-04-01" },
    },
    "azure-native:eventgrid:SystemTopic": { since: { identity: "2020-04-01-preview" } },
    "azure-native:eventgrid:SystemTopicEventSubscription": {
        since: {
            deliveryWithResourceIdentity: "2020-04-01-preview",
            "filter.advancedFilters[StringNot*, ranges, IsNullOrUndefined, IsNotNull]": "2020-10-15-preview",
        },
    },
};

/** undefined when the API azure-native sends has `property`; else the reason the rule cannot enforce it yet. */
export function unsendable(
    type: string,
    property: string,
    table: Readonly<Record<string, ApiRecord>> = API_VERSIONS,
    sends: (type: string) => string | undefined = installedApiVersion,
): string | undefined {
    const since = table[type]?.since[property];
    const sent = sends(type);
    if (!since || !sent || sent >= since) return undefined;
    return (
        `${property} needs API ${since} but azure-native sends ${sent} for ${type}: upgrade @pulumi/azure-native ` +
        "to enforce this rule"
    );
}
