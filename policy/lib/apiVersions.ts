/**
 * API-version table for properties that only exist from some ARM API version on (https://github.com/Azure/bicep-types-az/tree/main/generated/communication/microsoft.communication). A
 * rule demands such a property only while the pinned azure-native version sends a new-enough API; otherwise it
 * reports "upgrade to enforce" instead of asking for an unsendable property. test/policy/apiVersions.spec.ts
 * fails when the installed @pulumi/azure-native uses a different version than recorded here.
 */
export interface ApiRecord {
    /** API version azure-native 3.28.0 sends for this type. */
    readonly pinned: string;
    /** Minimum API version per property. */
    readonly since: Readonly<Record<string, string>>;
}

export const API_VERSIONS: Readonly<Record<string, ApiRecord>> = {
    "azure-native:communication:CommunicationService": {
        pinned: "2026-03-18",
        since: { disableLocalAuth: "2025-05-01", publicNetworkAccess: "2025-05-01", identity: "2023-04-01" },
    },
    "azure-native:eventgrid:SystemTopic": { pinned: "2025-02-15", since: { identity: "2020-04-01-preview" } },
    "azure-native:eventgrid:SystemTopicEventSubscription": {
        pinned: "2025-02-15",
        since: { deliveryWithResourceIdentity: "2020-04-01-preview", "filter.advancedFilters[StringNot*, ranges, IsNullOrUndefined, IsNotNull]": "2020-10-15-preview" },
    },
};

/** undefined when the pinned API sends `property`; else the reason the rule cannot enforce it yet. */
export function unsendable(type: string, property: string, table: Readonly<Record<string, ApiRecord>> = API_VERSIONS): string | undefined {
    const rec = table[type];
    const since = rec?.since[property];
    if (!rec || !since || rec.pinned >= since) return undefined;
    return `${property} needs API ${since} but azure-native sends ${rec.pinned} for ${type}: upgrade @pulumi/azure-native to enforce this rule`;
}
