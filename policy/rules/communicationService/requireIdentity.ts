import * as communication from "@pulumi/azure-native/communication";
import { ResourceValidationPolicy, validateResourceOfType } from "@pulumi/policy";
import { unsendable } from "../../lib/apiVersions";
import { T } from "../../lib/types";
import { expected, hasIdentity } from "../../lib/values";

/** Unset fails. Identity exists from API 2023-04-01. */
export const communicationServiceRequireIdentity: ResourceValidationPolicy = {
    name: "communication-service-require-identity",
    description:
        "Communication Services resources should have a managed identity, which ACS uses to reach other " +
        "Azure resources (e.g. storage for call recording) without secrets.",
    enforcementLevel: "advisory",
    severity: "low",
    validateResource: validateResourceOfType(communication.CommunicationService, (acs, _args, report) => {
        const cannot = unsendable(T.CommunicationService, "identity");
        if (cannot) {
            report(cannot);
            return;
        }
        if (!hasIdentity(acs.identity)) {
            report(
                expected(
                    "identity.type",
                    '"SystemAssigned", "UserAssigned" or both',
                    acs.identity?.type,
                    'set identity: { type: "SystemAssigned" }',
                ),
            );
        }
    }),
};
