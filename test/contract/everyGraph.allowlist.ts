import { joinRe } from "../support/regex";
/**
 * Test files allowed to build graphs that break Azure's API contract, for test/support/contractCheck.ts (the check
 * of every graph the suite builds). Each entry is as narrow as the test allows: a file, and where possible the
 * resources (URN pattern) and the finding (message pattern) it builds on purpose, so a valid fixture in the same
 * file is still checked. An entry that matches nothing when its file's before hooks run fails
 * `npm run test:allowlist` as stale.
 */
export interface AllowListEntry {
    /** Test file (or shared fixture builder) relative to the project root, `/`-separated. */
    readonly file: string;
    /** Only findings on resources whose URN (or, for an uncovered type, type token) matches. */
    readonly resource?: RegExp;
    /** Only findings whose `<json path>: <message>` matches. */
    readonly finding?: RegExp;
    /** Why the file builds this on purpose. */
    readonly reason: string;
}

/** Exactly one logical resource of a policy fixture program (the stack is `test`, the project `policy-fixtures`). */
const fixture = (name: string): RegExp => new RegExp(`^urn:pulumi:test::policy-fixtures::.*::${name}$`);
const NO_ROW = /no row in contract\/resourceTable\.ts/;
/**
 * The policy fixtures the rule specs share are built once per process by whichever spec asks first (in a parallel
 * run, any rule spec), so test/support/contractCheck.ts names their builder, test/policy/support/fixtures.ts, as who
 * built them. `npm run test:allowlist` builds them through the specs listed for it in BUILDER_SPECS.
 */
const SHARED_FIXTURES = "test/policy/support/fixtures.ts";

/** For a builder that is not a spec file: the specs whose before hooks build everything it builds. */
export const BUILDER_SPECS: Readonly<Record<string, readonly string[]>> = {
    [SHARED_FIXTURES]: ["test/policy/eventPath.spec.ts", "test/policy/fixtures.spec.ts"],
};

export const ALLOW_LIST: readonly AllowListEntry[] = [
    // Types our components never create, so contract/resourceTable.ts has no row for them; policy fixtures build them
    // because the pack also judges resources a user adds by hand next to the components.
    {
        file: SHARED_FIXTURES,
        resource: /^azure-native:web:WebAppAuthSettingsV2$/,
        finding: NO_ROW,
        reason:
            "function-app-allow-event-grid-auth judges Easy Auth settings (app-auth-*-auth); the components " +
            "create none",
    },
    {
        file: SHARED_FIXTURES,
        resource: /^azure-native:managedidentity:UserAssignedIdentity$/,
        finding: NO_ROW,
        reason:
            "the `uai` path grants the sender role to a user-assigned identity the topic does not use; the " +
            "components only use system-assigned identities (checkGraph.spec.ts uses this type as its " +
            "uncovered example)",
    },
    {
        file: SHARED_FIXTURES,
        resource: /^azure-native:managedidentity:UserAssignedIdentity$/,
        finding: NO_ROW,
        reason:
            "role-assignment-deny-broad-handler-role follows a workflow's user-assigned identity to its " +
            "principal; no contract file for Microsoft.ManagedIdentity is in shared/arm-types",
    },
    {
        file: "test/components/deliveryIdentity.spec.ts",
        resource: /^azure-native:managedidentity:UserAssignedIdentity$/,
        finding: NO_ROW,
        reason:
            "systemTopic.deliveryIdentity userAssigned creates the topic's user-assigned identity; no " +
            "contract file for Microsoft.ManagedIdentity is in shared/arm-types (its body is location and " +
            "tags only)",
    },
    // Resources that fail a policy rule which mirrors a contract rule: the contract check rejects them too, on purpose.
    {
        file: SHARED_FIXTURES,
        resource: fixture("st-variants-blob-service"),
        finding: /^\$\.properties\.containerDeleteRetentionPolicy\.days: must be between 1 and 365 \(got 0\)$/,
        reason: "storage-account-require-blob-soft-delete: container soft delete with 0 days is its failing case",
    },
    {
        file: SHARED_FIXTURES,
        resource: fixture("f-toomany"),
        finding: /^\$\.properties\.filter\.advancedFilters: at most 25 advanced filters/,
        reason: "event-subscription-limit-advanced-filters: 26 filters",
    },
    {
        file: SHARED_FIXTURES,
        resource: fixture("f-26values"),
        finding: /^\$\.properties\.filter\.advancedFilters: at most 25 advanced-filter values in total/,
        reason: "event-subscription-limit-advanced-filters: 26 values in one filter",
    },
    {
        file: SHARED_FIXTURES,
        resource: fixture("f-operand"),
        finding: /^\$\.properties\.filter\.advancedFilters\[0\]\.values\[0\]: must be a number/,
        reason: "event-subscription-limit-advanced-filters: a NumberIn value that is not a number",
    },
    {
        file: SHARED_FIXTURES,
        resource: fixture("f-longstring"),
        finding: joinRe(
            /^\$\.properties\.filter\.advancedFilters\[0\]\.values\[0\]: advanced-filter string /,
            /values must be at most 512 characters/,
        ),
        reason: "event-subscription-limit-advanced-filters: a 513-character string value",
    },
    {
        file: SHARED_FIXTURES,
        resource: fixture("d-both"),
        finding: joinRe(
            /^\$\.properties\.deliveryWithResourceIdentity: destination and /,
            /deliveryWithResourceIdentity are mutually exclusive/,
        ),
        reason:
            "event-subscription-require-exclusive-destination: destination and deliveryWithResourceIdentity " +
            "both set",
    },
    {
        file: SHARED_FIXTURES,
        resource: fixture("d-dl-both"),
        finding: joinRe(
            /^\$\.properties\.deadLetterWithResourceIdentity: deadLetterDestination and /,
            /deadLetterWithResourceIdentity are mutually exclusive/,
        ),
        reason: "event-subscription-require-exclusive-destination: both dead-letter destinations set",
    },
    {
        file: SHARED_FIXTURES,
        resource: fixture("d-retry-31"),
        finding: /^\$\.properties\.retryPolicy\.maxDeliveryAttempts: maxDeliveryAttempts must be between 1 and 30/,
        reason: "event-subscription-limit-retry-range: 31 delivery attempts",
    },
    {
        file: SHARED_FIXTURES,
        resource: fixture("d-ttl-1441"),
        finding: joinRe(
            /^\$\.properties\.retryPolicy\.eventTimeToLiveInMinutes: eventTimeToLiveInMinutes must /,
            /be between 1 and 1440/,
        ),
        reason: "event-subscription-limit-retry-range: a 1441-minute time to live",
    },
    {
        file: SHARED_FIXTURES,
        resource: fixture("hdr-11"),
        finding: joinRe(
            /^\$\.properties\.destination\.properties\.deliveryAttributeMappings: at most 10 /,
            /delivery attribute mappings/,
        ),
        reason: "event-subscription-limit-delivery-headers: 11 delivery properties",
    },
    {
        file: SHARED_FIXTURES,
        resource: fixture("hdr-aeg"),
        finding: joinRe(
            /^\$\.properties\.destination\.properties\.deliveryAttributeMappings\[0\]\.name: /,
            /delivery attribute names must not start with 'aeg-'/,
        ),
        reason: "event-subscription-limit-delivery-headers: a delivery property with the reserved aeg- prefix",
    },
];
