/**
 * azure-native input names that differ from the ARM wire names, for the resource types in `resourceTable.ts`.
 *
 * azure-native generates its SDK from the Azure REST specs and applies each spec's `x-ms-client-name` (and, for
 * names that are not camelCase, its own camelCasing), so a handful of SDK names are not the wire names. The
 * contract files carry only wire names, so without this table those inputs would be reported as unknown
 * properties. Every row was found by `contract/tools/findRenames.ts`, which feeds every input property of every
 * covered class (read from the installed `.d.ts` files) through the converter and lists the names the contract
 * does not know; the "rename table is complete" test re-runs that search and fails on any new finding.
 *
 * Keyed by ARM provider namespace + contract object type name + SDK name, because the same SDK name is only
 * renamed on some objects (e.g. `networkRuleSet` is `networkAcls` on storage accounts but a real child resource on
 * Service Bus).
 */

export interface Rename {
    /** ARM provider namespace, e.g. `Microsoft.Storage`. */
    readonly provider: string;
    /** Name of the object type in the contract file whose property is renamed. */
    readonly armObject: string;
    /** The azure-native input name. */
    readonly sdkName: string;
    /** The wire name ARM expects. */
    readonly armName: string;
    /** Where the rename comes from. */
    readonly source: string;
}

const STORAGE_SPEC =
    "x-ms-client-name in Azure/azure-rest-api-specs " +
    "specification/storage/resource-manager/Microsoft.Storage/stable/2024-01-01/storage.json";
/**
 * azure-native names every property `ToLowerCamel(x-ms-client-name ?? wire name)` (pulumi/pulumi-azure-native
 * `provider/pkg/gen/properties.go`, `genProperties`), which drops `_` and `.` and lower-cases the first letter:
 * `Application_Type` → `applicationType`, `config_href` → `configHref`, `odata.type` → `odataType`.
 */
const CAMEL_CASED = "azure-native lowerCamelCase of the wire name (provider/pkg/gen/properties.go)";

/** Rows for wire names that azure-native only camel-cases (the SDK name is derived, so the table cannot drift). */
function camelCased(provider: string, armObject: string, wireNames: readonly string[]): Rename[] {
    return wireNames.map((armName) => ({
        provider,
        armObject,
        sdkName: lowerCamel(armName),
        armName,
        source: CAMEL_CASED,
    }));
}

function lowerCamel(wire: string): string {
    const words = wire.split(/[._]/).filter((w) => w.length > 0);
    const joined = words.map((w, i) => (i === 0 ? w : w[0].toUpperCase() + w.slice(1))).join("");
    return joined[0].toLowerCase() + joined.slice(1);
}

function storage(armObject: string, sdkName: string, armName: string): Rename {
    return { provider: "Microsoft.Storage", armObject, sdkName, armName, source: STORAGE_SPEC };
}

const STORAGE_ACCOUNT_PROPERTIES = "StorageAccountPropertiesCreateParametersOrStorageAccountProperties";

export const RENAMES: readonly Rename[] = [
    // storage.StorageAccount (found by contract/tools/findRenames.ts)
    storage(STORAGE_ACCOUNT_PROPERTIES, "enableHttpsTrafficOnly", "supportsHttpsTrafficOnly"),
    storage(STORAGE_ACCOUNT_PROPERTIES, "networkRuleSet", "networkAcls"),
    storage(STORAGE_ACCOUNT_PROPERTIES, "enableNfsV3", "isNfsV3Enabled"),
    storage("Encryption", "encryptionIdentity", "identity"),
    storage("Encryption", "keyVaultProperties", "keyvaultproperties"),
    storage("EncryptionIdentity", "encryptionUserAssignedIdentity", "userAssignedIdentity"),
    storage("EncryptionIdentity", "encryptionFederatedIdentityClientId", "federatedIdentityClientId"),
    storage("KeyVaultProperties", "keyName", "keyname"),
    storage("KeyVaultProperties", "keyVersion", "keyversion"),
    storage("KeyVaultProperties", "keyVaultUri", "keyvaulturi"),
    storage("IPRule", "iPAddressOrRange", "value"),
    storage("VirtualNetworkRule", "virtualNetworkResourceId", "id"),
    // authorization.RoleDefinition (the email sender custom role): properties.type is x-ms-client-name "roleType"
    {
        provider: "Microsoft.Authorization",
        armObject: "RoleDefinitionProperties",
        sdkName: "roleType",
        armName: "type",
        source:
            "x-ms-client-name in Azure/azure-rest-api-specs " +
            "specification/authorization/resource-manager/Microsoft.Authorization/stable/2022-04-01/" +
            "authorization-RoleDefinitionsCalls.json",
    },
    // monitor.MetricAlert: the criteria discriminator
    ...camelCased("Microsoft.Insights", "MetricAlertCriteria", ["odata.type"]),
    // applicationinsights.Component: PascalCase / snake_case wire names
    ...camelCased("Microsoft.Insights", "ApplicationInsightsComponentProperties", [
        "Application_Type",
        "DisableIpMasking",
        "DisableLocalAuth",
        "Flow_Type",
        "ForceCustomerStorageForProfiler",
        "HockeyAppId",
        "ImmediatePurgeDataOn30Days",
        "IngestionMode",
        "Request_Source",
        "RetentionInDays",
        "SamplingPercentage",
        "WorkspaceResourceId",
    ]),
    // web.WebAppFunction: snake_case wire names
    ...camelCased("Microsoft.Web", "FunctionEnvelopeProperties", [
        "config_href",
        "function_app_id",
        "invoke_url_template",
        "script_href",
        "script_root_path_href",
        "secrets_file_href",
        "test_data",
        "test_data_href",
    ]),
];

const index = new Map(RENAMES.map((r) => [key(r.provider, r.armObject, r.sdkName), r.armName]));

function key(provider: string, armObject: string, sdkName: string): string {
    return `${provider.toLowerCase()}|${armObject}|${sdkName}`;
}

/**
 * The wire name for `sdkName` on an object known under `armObjects` (most specific contract type name first), or
 * `sdkName` itself when it is not renamed.
 */
export function armNameFor(provider: string, armObjects: readonly string[], sdkName: string): string {
    for (const o of armObjects) {
        const hit = index.get(key(provider, o, sdkName));
        if (hit) return hit;
    }
    return sdkName;
}

/** SDK names that map to `armName` on `armObject` (reverse lookup, for renamed discriminators). */
export function sdkNamesFor(provider: string, armObject: string, armName: string): string[] {
    return RENAMES.filter(
        (r) =>
            r.provider.toLowerCase() === provider.toLowerCase() && r.armObject === armObject && r.armName === armName,
    ).map((r) => r.sdkName);
}
