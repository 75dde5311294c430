import { ofType } from "../../../harness/graph";
import { HarnessCheck } from "../../lib/rule";
import { destinationPath, isSecretPath, isUnknown } from "../../lib/secrets";
import { T } from "../../lib/types";

/**
 * Harness check, the state-side twin of event-subscription-require-secret-auth-header: `isSecret: true` hides
 * the value from ARM reads, but Pulumi still stores it in clear unless the input is a Pulumi secret.
 */
export const eventSubscriptionKeepHeaderSecret: HarnessCheck = {
    name: "event-subscription-keep-header-secret",
    description:
        "A static delivery header marked isSecret must also be a Pulumi secret; otherwise its value is " +
        "stored in clear in the Pulumi state.",
    enforcementLevel: "mandatory",
    resourceType: T.Subscription,
    anchors: [
        "https://learn.microsoft.com/azure/event-grid/delivery-properties",
        "https://learn.microsoft.com/azure/event-grid/secure-webhook-delivery",
    ],
    pillar: "security",
    unset: "n/a",
    fix: "pass the header value as pulumi.secret(value) (delivery.headers[].secret: true does this in the component)",
    why: "a credential written to the state in clear cannot be taken back, only rotated",
    check: (graph) =>
        ofType(graph, T.Subscription).flatMap((r) => {
            const at = destinationPath(r.inputs);
            const mappings: any[] = Array.isArray(at?.destination.deliveryAttributeMappings)
                ? at!.destination.deliveryAttributeMappings
                : [];
            return mappings.flatMap((m, i) => {
                const path = `${at!.path}.deliveryAttributeMappings[${i}].value`;
                if (m?.type !== "Static" || m.isSecret !== true || isSecretPath(r, path)) return [];
                if (isUnknown(m.value))
                    return [{ resource: r, unknown: true, message: `${path} can't be known during preview` }];
                return [
                    {
                        resource: r,
                        message:
                            `${path}: header "${m.name}" is isSecret but the value is not a Pulumi secret. Fix: ` +
                            "pass pulumi.secret(value)",
                    },
                ];
            });
        }),
};
