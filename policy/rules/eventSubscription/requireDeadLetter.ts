import * as eventgrid from "@pulumi/azure-native/eventgrid";
import { ResourceValidationPolicy, validateResourceOfType } from "@pulumi/policy";
import { deadLetterOf } from "../../lib/subscription";
import { expected, has } from "../../lib/values";

/**
 * Unset fails. Without a dead-letter destination, events answered 400/413, expired or out of attempts are
 * dropped (DR; APRL 92162eb5). azure-native makes every part optional, so each field is checked
 * (https://github.com/hashicorp/terraform-provider-azurerm/pull/9935).
 */
export const eventSubscriptionRequireDeadLetter: ResourceValidationPolicy = {
    name: "event-subscription-require-dead-letter",
    description:
        "Every subscription must dead-letter to a blob container: without one, events that cannot be " +
        "delivered (expired, out of attempts, rejected with 400/413) are dropped and lost.",
    enforcementLevel: "mandatory",
    severity: "high",
    validateResource: validateResourceOfType(eventgrid.SystemTopicEventSubscription, (s, _args, report) => {
        const dl = deadLetterOf(s);
        const fix =
            'set deadLetterWithResourceIdentity: { identity: { type: "SystemAssigned" }, deadLetterDestination: { ' +
            'endpointType: "StorageBlob", resourceId: <account id>, blobContainerName: <private container> } }';
        if (!dl) {
            report(
                expected(
                    "deadLetterWithResourceIdentity.deadLetterDestination",
                    "a StorageBlob dead-letter destination",
                    undefined,
                    fix,
                ),
            );
            return;
        }
        const d = dl.destination;
        if (!d) report(expected(dl.path, '{ endpointType: "StorageBlob", resourceId, blobContainerName }', d, fix));
        else {
            if (d.endpointType !== "StorageBlob")
                report(
                    expected(
                        `${dl.path}.endpointType`,
                        '"StorageBlob" (the only dead-letter type)',
                        d.endpointType,
                        'set endpointType: "StorageBlob"',
                    ),
                );
            if (!has(d, "resourceId"))
                report(
                    expected(
                        `${dl.path}.resourceId`,
                        "the storage account id",
                        d.resourceId,
                        "set resourceId to the dead-letter storage account's id",
                    ),
                );
            if (!has(d, "blobContainerName"))
                report(
                    expected(
                        `${dl.path}.blobContainerName`,
                        "a container name",
                        d.blobContainerName,
                        "set blobContainerName to a private container in that account",
                    ),
                );
        }
    }),
};
