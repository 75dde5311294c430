import * as communication from "@pulumi/azure-native/communication";
import { ResourceValidationPolicy, validateResourceOfType } from "@pulumi/policy";
import { unsendable } from "../../lib/apiVersions";
import { T } from "../../lib/types";
import { expected } from "../../lib/values";

/**
 * Unset fails. `disableLocalAuth` exists from API 2025-05-01; azure-native 3.28 sends 2026-03-18, so it can be
 * required (decision 10.4 in docs/policies.md). dev keeps keys on deliberately (SDK samples use connection strings):
 * advisory.
 */
export const communicationServiceDisableLocalAuth: ResourceValidationPolicy = {
    name: "communication-service-disable-local-auth",
    description:
        "Communication Services resources should accept Entra ID only: an access key can send SMS and email " +
        "as you and cannot be scoped or attributed.",
    enforcementLevel: "advisory",
    severity: "high",
    validateResource: validateResourceOfType(communication.CommunicationService, (acs, _args, report) => {
        const cannot = unsendable(T.CommunicationService, "disableLocalAuth");
        if (cannot) {
            report(cannot);
            return;
        }
        if (acs.disableLocalAuth !== true) {
            report(
                expected(
                    "disableLocalAuth",
                    "true",
                    acs.disableLocalAuth,
                    "set disableLocalAuth: true (communication.disableLocalAuth in the stack config) and " +
                        "call ACS with Entra ID tokens",
                ),
            );
        }
    }),
};
