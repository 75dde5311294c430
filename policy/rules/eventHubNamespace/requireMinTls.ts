import * as eventhub from "@pulumi/azure-native/eventhub";
import { ResourceValidationPolicy, validateResourceOfType } from "@pulumi/policy";
import { expected, tlsAtLeast12 } from "../../lib/values";

/**
 * Unset fails (PSR AZR-000356; CKV_AZURE_223 would pass it: we follow the stricter anchor, decision 10.3 in
 * docs/policies.md).
 */
export const eventHubNamespaceRequireMinTls: ResourceValidationPolicy = {
    name: "eventhub-namespace-require-min-tls",
    description:
        "Event Hubs namespaces must refuse TLS 1.0/1.1 clients, deprecated protocol versions that weaken " +
        "every connection.",
    enforcementLevel: "advisory",
    severity: "medium",
    validateResource: validateResourceOfType(eventhub.Namespace, (ns, _args, report) => {
        if (!tlsAtLeast12(ns.minimumTlsVersion)) {
            report(expected("minimumTlsVersion", '"1.2"', ns.minimumTlsVersion, 'set minimumTlsVersion: "1.2"'));
        }
    }),
};
