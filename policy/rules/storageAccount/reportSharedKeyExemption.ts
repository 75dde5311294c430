import { StackValidationPolicy } from "@pulumi/policy";
import { ofType } from "../../lib/stack";
import { T } from "../../lib/types";
import { SHARED_KEY_REASON_TAG, sharedKeyReason } from "./disableSharedKey";

/**
 * Information (decision "shared keys on Functions host storage"): every account that keeps shared keys under a
 * recorded reason (tag acs-event-handling:shared-key-reason) is listed with that reason, so an exemption is
 * never silent and is reviewed whenever the plan is read. A stale tag on a key-less account is reported too.
 */
export const storageAccountReportSharedKeyExemption: StackValidationPolicy = {
    name: "storage-account-report-shared-key-exemption",
    description:
        "Storage accounts that keep shared keys with a documented reason (tag acs-event-handling:shared-key-reason) " +
        "are listed for review; the exemption is information, not a pass.",
    enforcementLevel: "advisory",
    severity: "low",
    validateStack: (args, report) => {
        for (const a of ofType(args.resources, T.StorageAccount)) {
            const reason = sharedKeyReason(a);
            if (!reason) continue;
            if (a.props.allowSharedKeyAccess === false) {
                report(
                    `tags: expected no ${SHARED_KEY_REASON_TAG} exemption on an account with ` +
                        `allowSharedKeyAccess: false, got "${reason}". Fix: remove the stale tag`,
                    a.urn,
                );
                continue;
            }
            report(
                `allowSharedKeyAccess: keeps shared keys under a documented exemption: "${reason}". Fix: ` +
                    "none needed while the reason holds; remove the tag and set allowSharedKeyAccess: false when " +
                    "it no longer does",
                a.urn,
            );
        }
    },
};
