import { Graph } from "../../harness/graph";
import { subscriptionsProgram } from "./fixtures/subscriptions";
import { fixture, ruleCases } from "./support/findings";

/**
 * Subscription-level rules (https://learn.microsoft.com/azure/event-grid/managed-service-identity, https://learn.microsoft.com/azure/event-grid/event-filtering, https://learn.microsoft.com/azure/event-grid/delivery-and-retry) on one topic with one raw subscription per case. Names:
 * f-… filter cases, d-… destination/delivery cases; f-good is the compliant subscription for every rule.
 */
describe("policy: event subscription rules", () => {
    let g: Graph;
    before(async () => {
        g = await fixture(subscriptionsProgram);
    });
    const graph = () => g;

    describe("event types and subjects", () => {
        ruleCases("event-subscription-require-event-types", {
            graph,
            pass: ["f-good", "f-legacy"],
            fail: ["f-all", "f-empty"],
            unset: { fail: ["f-notypes"] },
            messages: {
                "f-notypes": [
                    /filter\.includedEventTypes: expected a non-empty list of event types, got nothing \(unset\)/,
                ],
                "f-all": [/instead of "All"/],
            },
        });
        // Non-ACS topics are out of scope; a missing list is event-subscription-require-event-types' case.
        ruleCases("event-subscription-require-known-event-types", {
            graph,
            pass: ["f-good", "f-all"],
            fail: ["f-legacy", "f-typo", "f-short"],
            unset: { pass: ["f-notypes"] },
            outOfScope: ["f-storage"],
            messages: {
                "f-legacy": [
                    /legacy name .* use "Microsoft\.Communication\.SMSDeliveryReportReceived"/,
                    /Fix: write "Microsoft\.Communication\.SMSDeliveryReportReceived"/,
                ],
                "f-typo": [
                    /did you mean "Microsoft\.Communication\.SMSReceived"\? Fix: write "Microsoft\.Communication\.SMSReceived"/,
                ],
                "f-short": [/Fix: write "Microsoft\.Communication\.SMSReceived"/],
            },
        });
        ruleCases("event-subscription-require-matchable-subject", {
            graph,
            pass: ["f-good", "f-egkey"],
            fail: ["f-noslash", "f-wildcard", "f-wrongshape", "f-case"],
            unset: { pass: ["f-nosubject"] },
            messages: {
                "f-noslash": [
                    /^filter\.subjectBeginsWith: "phonenumber\/1604": /,
                    /Fix: write filter\.subjectBeginsWith: "\/phonenumber\/1604"/,
                ],
                "f-wildcard": [/^filter\.subjectEndsWith: .*not wildcards.*Fix: drop "\*" and "\?"/],
                "f-case": [/"\/PhoneNumber\/1604"/],
            },
        });
    });

    describe("advanced filters", () => {
        // Boundaries: 25 values pass, 26 fail; 26 filters fail; 512/513 characters.
        ruleCases("event-subscription-limit-advanced-filters", {
            graph,
            pass: ["f-good", "f-25values"],
            fail: ["f-toomany", "f-26values", "f-operand", "f-longstring"],
            unset: { pass: ["f-nosubject"] },
            messages: {
                "f-toomany": [/at most 25 advanced filters/],
                "f-26values": [/at most 25 values in total/],
                "f-operand": [/filter\.advancedFilters\[0\]\.values\[0\]: NumberIn values must be numbers/],
            },
        });
        ruleCases("event-subscription-require-array-filtering", {
            graph,
            pass: ["f-good", "f-array-on"],
            fail: ["f-array"],
            unset: { fail: ["f-array-unset"] },
            messages: {
                "f-array": [
                    /expected true because filter\.advancedFilters\[0\]\.key "data\.deliveryAttempts" is an array in SMSDeliveryReportReceived payloads, got false/,
                ],
            },
        });
        ruleCases("event-subscription-guard-not-in-missing-key", {
            graph,
            pass: ["f-good", "f-notin-guarded"],
            fail: ["f-notin", "f-range"],
            unset: { pass: ["f-nosubject"] },
            messages: {
                "f-notin": [
                    /StringNotIn on "data\.deliveryStatus" matches them .*SMSReceived payloads have no "deliveryStatus".*IsNotNull/,
                ],
            },
        });
        ruleCases("event-subscription-require-known-filter-keys", {
            graph,
            pass: [
                "f-good",
                "f-array-on",
                "f-egkey",
                "f-casekey",
                "f-arrayobj",
                "f-casekey-ccai",
                "f-openmaps",
                "f-callkeys",
                "f-chatmeta",
                "f-advmsg",
                "f-router",
            ],
            fail: ["f-badkey", "f-absent"],
            unset: { pass: ["f-nosubject"] },
            messages: {
                "f-badkey": [/Fix: write key: "data\.deliveryStatus"/],
                "f-absent": [/none of RouterWorkerRegistered has "jobId"/],
            },
        });
        // Advisory: Event Grid documents arrays of values, not keys through arrays of objects.
        ruleCases("event-subscription-avoid-array-item-keys", {
            graph,
            pass: ["f-good", "f-array-on", "f-openmaps"],
            fail: ["f-arrayobj"],
            unset: { pass: ["f-nosubject"] },
            messages: { "f-arrayobj": [/inside the array "data\.deliveryAttempts" of SMSDeliveryReportReceived/] },
        });
        // Advisory only: Microsoft's IncomingCall examples (docs, call-center-ai) filter on data.to.PhoneNumber.Value.
        ruleCases("event-subscription-match-key-case", {
            graph,
            pass: ["f-good", "f-openmaps", "f-router"],
            fail: ["f-casekey", "f-casekey-ccai"],
            unset: { pass: ["f-nosubject"] },
            messages: {
                "f-casekey": [/Fix: write key: "data\.to"/],
                "f-casekey-ccai": [
                    /call-center-ai|IncomingCall examples.*Fix: write key: "data\.to\.phoneNumber\.value"/,
                ],
            },
        });
        ruleCases("event-subscription-match-schema-keys", {
            graph,
            pass: ["f-good", "f-egkey", "f-typefilter"],
            fail: ["f-cekey", "f-nodata"],
            unset: { pass: ["f-nosubject"] },
            messages: {
                "f-cekey": [/"type" is a CloudEvents attribute.*Fix: write key: "eventType"/],
                "f-nodata": [/Fix: write key: "data\.to"/],
            },
        });
        // Contradictions only; a subject that fits no shape is event-subscription-require-matchable-subject's finding.
        ruleCases("event-subscription-avoid-never-match", {
            graph,
            pass: ["f-good", "f-noslash"],
            fail: ["f-contradict", "f-typefilter"],
            unset: { pass: ["f-nosubject"] },
            messages: {
                "f-contradict": [
                    /subjectBeginsWith "\/phonenumber\/1604" and StringBeginsWith subject \["\/phonenumber\/1778"\] cannot all hold/,
                ],
                "f-typefilter": [/rejects every included event type/],
            },
        });
    });

    describe("destinations, dead letters and retries", () => {
        ruleCases("event-subscription-require-exclusive-destination", {
            graph,
            pass: ["f-good", "d-dl-incomplete"],
            fail: ["d-both", "d-id-nodest", "d-dl-both", "d-dl-nodest"],
            unset: { fail: ["d-neither"] },
            messages: {
                "d-both": [/expected exactly one, got both/],
                "d-dl-nodest": [/an identity without a destination does nothing/],
            },
        });
        ruleCases("event-subscription-require-dead-letter", {
            graph,
            pass: ["f-good", "d-dl-both"],
            fail: ["d-dl-incomplete", "d-dl-nodest"],
            unset: { fail: ["d-nodl"] },
            messages: {
                "d-dl-incomplete": [
                    /deadLetterWithResourceIdentity\.deadLetterDestination\.blobContainerName: expected a container name, got nothing/,
                ],
            },
        });
        // Boundaries 30/31 attempts and 1440/1441 minutes; unset = the service defaults.
        ruleCases("event-subscription-limit-retry-range", {
            graph,
            pass: ["f-good", "d-budget"],
            fail: ["d-retry-31", "d-ttl-1441"],
            unset: { pass: ["d-noretry"] },
        });
        ruleCases("event-subscription-fit-retry-budget", {
            graph,
            pass: ["f-good", "d-budget-ok", "d-budget-max"],
            fail: ["d-budget"],
            unset: { pass: ["d-noretry"] },
            messages: {
                "d-budget": [
                    /maxDeliveryAttempts: 10, but the retry schedule fits only 7 attempts into eventTimeToLiveInMinutes 60/,
                ],
            },
        });
    });

    describe("webhook security", () => {
        ruleCases("event-subscription-require-https-webhook", {
            graph,
            pass: ["f-good"],
            fail: ["d-http"],
            unset: { fail: ["d-nourl"] },
            messages: { "d-http": [/got "http:\/\/hooks\.example\.com\/d-http\?…"/] },
        });
        ruleCases("event-subscription-require-webhook-tls", {
            graph,
            pass: ["f-good"],
            fail: ["d-tls11"],
            unset: { fail: ["d-tls-unset"] },
        });
        ruleCases("event-subscription-recommend-entra-webhook", {
            graph,
            pass: ["f-good", "d-authheader"],
            fail: ["d-halfentra"],
            unset: { fail: ["d-noentra"] },
        });
        // The SDK fills isSecret: false when it is omitted, so omitted fails; dynamic headers are out of scope.
        ruleCases("event-subscription-require-secret-auth-header", {
            graph,
            pass: ["d-authheader", "d-header-notsecret"],
            fail: ["d-authheader-plain"],
            unset: { fail: ["d-authheader-unset"] },
            outOfScope: ["d-dynamic-header"],
            messages: {
                "d-authheader-plain": [
                    /deliveryAttributeMappings\[0\]\.isSecret: expected true for credential header "x-api-key", got false/,
                ],
            },
        });
        // Harness checks (secretness in the Pulumi state, invisible to CrossGuard).
        ruleCases("event-subscription-keep-endpoint-url-secret", {
            graph,
            pass: ["f-good"],
            fail: ["d-plainurl"],
            unset: { pass: ["d-nourl"] },
        });
        ruleCases("event-subscription-keep-header-secret", {
            graph,
            pass: ["d-authheader"],
            fail: ["d-header-notsecret"],
            unset: { pass: ["d-authheader-unset"] },
        });
    });
});
