import * as servicebus from "@pulumi/azure-native/servicebus";
import { ResourceValidationPolicy, validateResourceOfType } from "@pulumi/policy";
import { expected, tlsAtLeast12 } from "../../lib/values";

/** Unset fails (PSR): older namespaces accept TLS 1.0. */
export const serviceBusNamespaceRequireMinTls: ResourceValidationPolicy = {
    name: "servicebus-namespace-require-min-tls",
    description:
        "Service Bus namespaces must refuse TLS 1.0/1.1 clients, deprecated protocol versions that weaken " +
        "every connection.",
    enforcementLevel: "advisory",
    severity: "medium",
    validateResource: validateResourceOfType(servicebus.Namespace, (ns, _args, report) => {
        if (!tlsAtLeast12(ns.minimumTlsVersion)) {
            report(
                expected("minimumTlsVersion", '"1.2" or "1.3"', ns.minimumTlsVersion, 'set minimumTlsVersion: "1.2"'),
            );
        }
    }),
};
