import * as eventhub from "@pulumi/azure-native/eventhub";
import { ResourceValidationPolicy, validateResourceOfType } from "@pulumi/policy";
import { expected } from "../../lib/values";

/** Unset fails: SAS keys are on unless disabled. */
export const eventHubNamespaceDisableLocalAuth: ResourceValidationPolicy = {
    name: "eventhub-namespace-disable-local-auth",
    description:
        "Event Hubs namespaces should accept Entra ID only: SAS keys are long-lived shared secrets that " +
        "cannot be tied to a caller.",
    enforcementLevel: "advisory",
    severity: "medium",
    validateResource: validateResourceOfType(eventhub.Namespace, (ns, _args, report) => {
        if (ns.disableLocalAuth !== true) {
            report(
                expected(
                    "disableLocalAuth",
                    "true",
                    ns.disableLocalAuth,
                    "set disableLocalAuth: true; Event Grid delivers with the topic identity and the Azure " +
                        "Event Hubs Data Sender role",
                ),
            );
        }
    }),
};
