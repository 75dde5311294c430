import * as communication from "@pulumi/azure-native/communication";
import { ResourceValidationPolicy, validateResourceOfType } from "@pulumi/policy";
import { eqi, expected } from "../../lib/values";

/**
 * Unset fails: azure-native fills a missing location from the resource group's region, which ACS rejects, and
 * the system topic must share its source's location (https://github.com/MicrosoftDocs/azure-docs/issues/87683).
 */
export const communicationServiceRequireGlobalLocation: ResourceValidationPolicy = {
    name: "communication-service-require-global-location",
    description:
        "Communication Services resources are global: any other location fails the deployment, and the Event " +
        "Grid system topic must use the same location as its source.",
    enforcementLevel: "mandatory",
    severity: "high",
    validateResource: validateResourceOfType(communication.CommunicationService, (acs, _args, report) => {
        if (!eqi(acs.location, "global")) {
            report(
                expected(
                    "location",
                    '"global"',
                    acs.location,
                    'set location: "global" explicitly (azure-native would otherwise use the resource ' +
                        "group's region); data residency is dataLocation",
                ),
            );
        }
    }),
};
