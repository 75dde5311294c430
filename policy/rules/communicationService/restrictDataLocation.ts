import * as communication from "@pulumi/azure-native/communication";
import { ResourceValidationPolicy, validateResourceOfType } from "@pulumi/policy";
import { expected } from "../../lib/values";

/** Every data location ACS accepts (azurerm's validation list for `data_location`). */
export const ACS_DATA_LOCATIONS = [
    "Africa",
    "Asia Pacific",
    "Australia",
    "Brazil",
    "Canada",
    "Europe",
    "France",
    "Germany",
    "India",
    "Japan",
    "Korea",
    "Norway",
    "Switzerland",
    "UAE",
    "UK",
    "United States",
    "usgov",
];

export interface DataLocationConfig {
    allowedDataLocations: string[];
}

/**
 * Mandatory although nothing breaks when it is violated: `dataLocation` cannot be changed after creation
 * (moving means a new resource and new phone numbers), so a wrong value must never reach Azure. The default
 * allow-list is every valid value (catches typos such as "westeurope"); narrow it per organisation in the pack
 * config.
 */
export const communicationServiceRestrictDataLocation: ResourceValidationPolicy = {
    name: "communication-service-restrict-data-location",
    description:
        "A Communication Services resource's dataLocation (where ACS stores data at rest) must be one the " +
        "organisation allows; it cannot be changed after creation.",
    enforcementLevel: "mandatory",
    severity: "high",
    configSchema: {
        properties: {
            allowedDataLocations: { type: "array", items: { type: "string" }, default: ACS_DATA_LOCATIONS },
        },
    },
    validateResource: validateResourceOfType(communication.CommunicationService, (acs, args, report) => {
        const allowed = args.getConfig<Partial<DataLocationConfig>>().allowedDataLocations ?? ACS_DATA_LOCATIONS;
        if (!allowed.includes(acs.dataLocation)) {
            report(
                expected(
                    "dataLocation",
                    `one of ${allowed.map((l) => `"${l}"`).join(", ")}`,
                    acs.dataLocation,
                    "set communication.dataLocation to an allowed geography; it is fixed at creation, so a " +
                        "wrong value means recreating the resource",
                ),
            );
        }
    }),
};
