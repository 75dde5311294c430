import { PolicyResource, StackValidationPolicy } from "@pulumi/policy";
import { functionApps } from "../../lib/functionApps";
import { linked, ofType } from "../../lib/stack";
import { T } from "../../lib/types";
import { expected, list } from "../../lib/values";

/**
 * Tag that records why an account keeps shared keys
 * (https://learn.microsoft.com/azure/event-grid/consume-private-endpoints, decision "shared keys on Functions host
 * storage").
 */
export const SHARED_KEY_REASON_TAG = "acs-event-handling:shared-key-reason";

/** The documented reason an account keeps shared keys, if its tags record one. */
export function sharedKeyReason(account: PolicyResource): string | undefined {
    const tags = account.props.tags ?? {};
    const key = Object.keys(tags).find((k) => k.toLowerCase() === SHARED_KEY_REASON_TAG);
    const reason = key === undefined ? undefined : tags[key];
    return typeof reason === "string" && reason.trim() !== "" ? reason.trim() : undefined;
}

/**
 * How a function app in the stack reaches `account` as its host storage: identity-based
 * (`AzureWebJobsStorage__accountName`, linked by URN when the setting was built from the account) or with a
 * connection string carrying the account key (`AzureWebJobsStorage`).
 */
export function hostStorageUse(
    account: PolicyResource,
    resources: readonly PolicyResource[],
): { app: PolicyResource; identity: boolean } | undefined {
    for (const app of functionApps(resources)) {
        // Settings built from outputs link their resources by URN: skip apps built from other accounts without
        // reading their settings (unknown in a preview).
        const linkedAccounts = linked(app, "siteConfig", T.StorageAccount);
        if (linkedAccounts.length > 0 && !linkedAccounts.includes(account)) continue;
        const settings = list(app.props.siteConfig?.appSettings);
        const byName = (n: string) => settings.find((s) => s?.name === n);
        const mine = (value: () => boolean) => (linkedAccounts.length === 1 ? true : value());
        const identity = byName("AzureWebJobsStorage__accountName");
        if (
            identity &&
            mine(() => identity.value === account.props.accountName || identity.value === account.props.name)
        )
            return { app, identity: true };
        const keyed = byName("AzureWebJobsStorage");
        if (
            keyed &&
            mine(
                () =>
                    typeof keyed.value === "string" &&
                    keyed.value.includes(`AccountName=${account.props.accountName};`),
            )
        )
            return { app, identity: false };
    }
    return undefined;
}

/**
 * Graph rule (unset fails: the service default is "allowed"). Decision 10.6 in docs/policies.md, as decided here:
 * Functions host storage is not exempted silently. A host whose app connects with an account key gets the reason and
 * the order of the fix (identity settings first, then keys off); a host whose app is identity-based is told nothing in
 * the app needs keys. An account that keeps keys for a reason outside this rule's view (ours: Pulumi's storage.Blob
 * uploads the function package with account keys, pulumi/pulumi-azure-native#2015) records the reason in the tag
 * `acs-event-handling:shared-key-reason`; it then passes here and is listed by
 * storage-account-report-shared-key-exemption, so the reason shows in every plan and this rule can be raised to
 * mandatory without blocking documented exceptions.
 */
export const storageAccountDisableSharedKey: StackValidationPolicy = {
    name: "storage-account-disable-shared-key",
    description:
        "Storage accounts should accept Entra ID only: account keys grant full access, never expire and " +
        "cannot be scoped or audited per caller.",
    enforcementLevel: "advisory",
    severity: "medium",
    validateStack: (args, report) => {
        for (const a of ofType(args.resources, T.StorageAccount)) {
            if (a.props.allowSharedKeyAccess === false || sharedKeyReason(a)) continue;
            const host = hostStorageUse(a, args.resources);
            const exemption = `, or record why keys must stay in tag ${SHARED_KEY_REASON_TAG}`;
            const fix = !host
                ? "set allowSharedKeyAccess: false and grant data roles (e.g. Storage Blob Data Contributor) " +
                  `to the identities that write${exemption}`
                : host.identity
                  ? `function app ${host.app.name} already reaches this host storage with its identity ` +
                    "(AzureWebJobsStorage__accountName), so the Functions host needs no keys: set " +
                    `allowSharedKeyAccess: false${exemption}`
                  : `function app ${host.app.name} connects with an account key (AzureWebJobsStorage), so keys ` +
                    "cannot go first: switch it to AzureWebJobsStorage__accountName with Storage Blob Data " +
                    "Owner, Queue and Table data roles, then set allowSharedKeyAccess: false";
            report(expected("allowSharedKeyAccess", "false", a.props.allowSharedKeyAccess, fix), a.urn);
        }
    },
};
