import * as authorization from "@pulumi/azure-native/authorization";
import * as pulumi from "@pulumi/pulumi";
import { childName } from "./naming";

/**
 * A CanNotDelete lock on a resource: `protect` stops `pulumi destroy`, the lock also stops a portal or CLI
 * delete. Used for what a mistaken deletion would cost most: the ACS resource (its phone numbers) and the topic.
 */
export function protectedResourceOptions(
    parent: pulumi.Resource,
    name: string,
    target: pulumi.CustomResource,
    lock: boolean,
    why: string,
): authorization.ManagementLockByScope | undefined {
    if (!lock) return undefined;
    return new authorization.ManagementLockByScope(
        childName(name, "lock"),
        {
            scope: target.id,
            level: "CanNotDelete",
            lockName: "do-not-delete",
            notes: `Managed by acs-event-handling: ${why}.`,
        },
        { parent, dependsOn: [target] },
    );
}
