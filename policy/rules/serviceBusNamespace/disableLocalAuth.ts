import * as servicebus from "@pulumi/azure-native/servicebus";
import { ResourceValidationPolicy, validateResourceOfType } from "@pulumi/policy";
import { expected } from "../../lib/values";

/** Unset fails: SAS keys are on unless disabled. Event Grid delivers with its identity, so nothing needs keys. */
export const serviceBusNamespaceDisableLocalAuth: ResourceValidationPolicy = {
    name: "servicebus-namespace-disable-local-auth",
    description:
        "Service Bus namespaces should accept Entra ID only: SAS keys are long-lived shared secrets that " +
        "cannot be tied to a caller.",
    enforcementLevel: "advisory",
    severity: "medium",
    validateResource: validateResourceOfType(servicebus.Namespace, (ns, _args, report) => {
        if (ns.disableLocalAuth !== true) {
            report(
                expected(
                    "disableLocalAuth",
                    "true",
                    ns.disableLocalAuth,
                    "set disableLocalAuth: true; Event Grid delivers with the topic identity and the Azure " +
                        "Service Bus Data Sender role",
                ),
            );
        }
    }),
};
