/**
 * Azure facts the input checks rely on that Event Grid's limits (./limits.ts) do not cover: regions, tag limits,
 * the resource type an ID must name, and the names that share one DNS space.
 */

/**
 * Azure's physical regions (ARM names, as `az account list-locations --query "[].name"` prints them), public and
 * sovereign clouds. Source: https://learn.microsoft.com/azure/reliability/regions-list. ARM also accepts the display
 * name ("West Europe"), so a location is compared without case and spaces. A region newer than this list: add it here.
 */
export const AZURE_REGIONS: readonly string[] = [
    "australiacentral",
    "australiacentral2",
    "australiaeast",
    "australiasoutheast",
    "austriaeast",
    "belgiumcentral",
    "brazilsouth",
    "brazilsoutheast",
    "canadacentral",
    "canadaeast",
    "centralindia",
    "centralus",
    "chilecentral",
    "denmarkeast",
    "eastasia",
    "eastus",
    "eastus2",
    "francecentral",
    "francesouth",
    "germanynorth",
    "germanywestcentral",
    "indonesiacentral",
    "israelcentral",
    "italynorth",
    "japaneast",
    "japanwest",
    "jioindiacentral",
    "jioindiawest",
    "koreacentral",
    "koreasouth",
    "malaysiawest",
    "mexicocentral",
    "newzealandnorth",
    "northcentralus",
    "northeurope",
    "norwayeast",
    "norwaywest",
    "polandcentral",
    "qatarcentral",
    "southafricanorth",
    "southafricawest",
    "southcentralus",
    "southeastasia",
    "southindia",
    "spaincentral",
    "swedencentral",
    "swedensouth",
    "switzerlandnorth",
    "switzerlandwest",
    "uaecentral",
    "uaenorth",
    "uksouth",
    "ukwest",
    "westcentralus",
    "westeurope",
    "westindia",
    "westus",
    "westus2",
    "westus3",
    // Sovereign clouds (Azure Government, Azure operated by 21Vianet).
    "usgovarizona",
    "usgovtexas",
    "usgovvirginia",
    "usdodcentral",
    "usdodeast",
    "chinaeast",
    "chinaeast2",
    "chinaeast3",
    "chinanorth",
    "chinanorth2",
    "chinanorth3",
];

export function isAzureRegion(location: string): boolean {
    return AZURE_REGIONS.includes(location.replace(/\s+/g, "").toLowerCase());
}

/**
 * Tag limits. Source: https://learn.microsoft.com/azure/azure-resource-manager/management/tag-resources#limitations
 * (50 tags per resource; name at most 512 characters, 128 for storage accounts; value at most 256; names cannot
 * contain `<`, `>`, `%`, `&`, `\`, `?`, `/`).
 */
export const TAG_LIMITS = {
    perResource: 50,
    nameLength: 512,
    storageAccountNameLength: 128,
    valueLength: 256,
    forbiddenNameChars: /[<>%&\\?/]/,
} as const;

/** The ARM resource type an `existing…Id` must name, by what it is used for. */
export const RESOURCE_ID_TYPES = {
    storageAccount: "Microsoft.Storage/storageAccounts",
    serviceBusNamespace: "Microsoft.ServiceBus/namespaces",
    eventHubNamespace: "Microsoft.EventHub/namespaces",
    communicationService: "Microsoft.Communication/communicationServices",
    logAnalyticsWorkspace: "Microsoft.OperationalInsights/workspaces",
} as const;

/** The `provider/type` an ARM ID names (`…/providers/Microsoft.Storage/storageAccounts/<name>`), or undefined. */
export function resourceIdType(id: string): { type: string; name: string } | undefined {
    const m = /^\/subscriptions\/[^/]+\/resourceGroups\/[^/]+\/providers\/([^/]+)\/([^/]+)\/([^/]+)$/i.exec(id);
    return m ? { type: `${m[1]}/${m[2]}`, name: m[3] } : undefined;
}

/**
 * Service Bus and Event Hubs namespaces: 6–50 letters, digits and hyphens, starting with a letter, ending with a letter
 * or digit, and not ending in "-sb" or "-mgmt" (reserved). Both live in one DNS space, `<name>.servicebus.windows.net`.
 * Source: https://learn.microsoft.com/azure/azure-resource-manager/management/resource-name-rules#microsoftservicebus
 * and #microsofteventhub.
 */
export const MESSAGING_NAMESPACE_NAME = /^[A-Za-z][-A-Za-z0-9]{4,48}[A-Za-z0-9]$/;
export const MESSAGING_NAMESPACE_RESERVED_SUFFIX = /-(sb|mgmt)$/i;

/**
 * Hosts Event Grid's validation handshake can never reach: loopback, private (RFC 1918), link-local and unique-local
 * addresses, and localhost. Event Grid delivers over the public internet only:
 * https://learn.microsoft.com/azure/event-grid/end-point-validation-cloud-events-schema and
 * https://learn.microsoft.com/azure/event-grid/webhook-event-delivery.
 */
export function unreachableHost(host: string): boolean {
    const h = host.replace(/^\[|\]$/g, "").toLowerCase();
    if (h === "localhost" || h.endsWith(".localhost") || h === "0.0.0.0" || h === "::" || h === "::1") return true;
    const v4 = /^(\d{1,3})\.(\d{1,3})\.\d{1,3}\.\d{1,3}$/.exec(h);
    if (v4) {
        const [a, b] = [Number(v4[1]), Number(v4[2])];
        return (
            a === 10 ||
            a === 127 ||
            a === 0 ||
            (a === 169 && b === 254) ||
            (a === 172 && b >= 16 && b <= 31) ||
            (a === 192 && b === 168)
        );
    }
    return /^(fc|fd|fe8|fe9|fea|feb)[0-9a-f]*:/.test(h) || h.startsWith("::ffff:");
}
