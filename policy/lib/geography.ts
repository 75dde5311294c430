/**
 * Which Azure regions lie in the geography of each ACS `dataLocation` (the values ACS accepts, see
 * rules/communicationService/restrictDataLocation.ts), for the data-residency rule
 * (https://learn.microsoft.com/azure/communication-services/concepts/privacy). Region names are ARM's (lower case, no
 * spaces). "Europe" means European regions (EU and EFTA countries), not Azure's narrower "Europe" geography (North and
 * West Europe only): an organisation that wants the strict reading, or a region added after this list was written,
 * overrides the map through the rule's `geographies` config. UK, Switzerland and Norway are also ACS data locations of
 * their own. A dataLocation missing from the map makes the rule not applicable.
 */
export const ACS_GEOGRAPHIES: Readonly<Record<string, readonly string[]>> = {
    Africa: ["southafricanorth", "southafricawest"],
    "Asia Pacific": ["eastasia", "southeastasia"],
    Australia: ["australiaeast", "australiasoutheast", "australiacentral", "australiacentral2"],
    Brazil: ["brazilsouth", "brazilsoutheast"],
    Canada: ["canadacentral", "canadaeast"],
    Europe: [
        "northeurope",
        "westeurope",
        "francecentral",
        "francesouth",
        "germanywestcentral",
        "germanynorth",
        "italynorth",
        "polandcentral",
        "spaincentral",
        "swedencentral",
        "swedensouth",
        "norwayeast",
        "norwaywest",
        "switzerlandnorth",
        "switzerlandwest",
        "austriaeast",
        "belgiumcentral",
        "denmarkeast",
    ],
    France: ["francecentral", "francesouth"],
    Germany: ["germanywestcentral", "germanynorth"],
    India: ["centralindia", "southindia", "westindia", "jioindiacentral", "jioindiawest"],
    Japan: ["japaneast", "japanwest"],
    Korea: ["koreacentral", "koreasouth"],
    Norway: ["norwayeast", "norwaywest"],
    Switzerland: ["switzerlandnorth", "switzerlandwest"],
    UAE: ["uaenorth", "uaecentral"],
    UK: ["uksouth", "ukwest"],
    "United States": [
        "eastus",
        "eastus2",
        "centralus",
        "northcentralus",
        "southcentralus",
        "westcentralus",
        "westus",
        "westus2",
        "westus3",
    ],
    usgov: ["usgovvirginia", "usgovarizona", "usgovtexas", "usdodeast", "usdodcentral"],
};

/** ARM accepts display names too ("West Europe"): compare without case and spaces. */
export function normRegion(location: unknown): string {
    return typeof location === "string" ? location.replace(/\s+/g, "").toLowerCase() : "";
}

/** The regions of a data location (case-insensitive key), or undefined when the map does not know it. */
export function regionsOf(
    dataLocation: unknown,
    map: Readonly<Record<string, readonly string[]>> = ACS_GEOGRAPHIES,
): readonly string[] | undefined {
    if (typeof dataLocation !== "string") return undefined;
    const key = Object.keys(map).find((k) => k.toLowerCase() === dataLocation.toLowerCase());
    return key ? map[key].map(normRegion) : undefined;
}
