import * as assert from "node:assert";
import * as knownFilterKeys from "../../../../policy/rules/eventSubscription/requireKnownFilterKeys";
import { loadSampleEvents } from "../../../../samples";
import { ruleCases } from "../../support/findings";
import { useSharedGraph } from "../../support/fixtures";

describe("policy/rules/eventSubscription/requireKnownFilterKeys.ts", () => {
    const graph = useSharedGraph("subscriptions");

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
});

const rule = knownFilterKeys.eventSubscriptionRequireKnownFilterKeys;

/**
 * The mandatory key rule never blocks a filter on a key Microsoft's own example events carry: for each of the
 * 54 types' spec samples (samples/events/SPEC-EXAMPLES.md), a subscription filtering on every key of the sample's
 * `data` (nested objects and array items included, written as Event Grid reads them) passes the rule.
 */
function dataKeys(value: unknown, prefix = "data"): string[] {
    if (Array.isArray(value))
        return value.flatMap((item) => (item && typeof item === "object" ? dataKeys(item, prefix) : []));
    if (!value || typeof value !== "object") return [];
    return Object.entries(value).flatMap(([k, v]) => [`${prefix}.${k}`, ...dataKeys(v, `${prefix}.${k}`)]);
}

/** Runs the rule's own validateResource on a subscription body, returning what it reports. */
function reports(eventType: string, keys: readonly string[]): string[] {
    const out: string[] = [];
    const props = {
        filter: {
            includedEventTypes: [eventType],
            advancedFilters: keys.map((key) => ({ operatorType: "IsNotNull", key })),
        },
    };
    const args = {
        type: "azure-native:eventgrid:SystemTopicEventSubscription",
        props,
        urn: "urn",
        name: "s",
        opts: {},
        isType: () => true,
    } as any;
    (rule.validateResource as (a: unknown, r: (m: string) => void) => void)(args, (m: string) => out.push(m));
    return out;
}

describe("policy: the known-filter-keys rule against Microsoft's example events", () => {
    const samples = loadSampleEvents().filter((s) => s.file.includes(".spec.") && s.file.endsWith(".eventgrid.json"));

    it("covers every type's spec sample", () => {
        assert.strictEqual(new Set(samples.map((s) => s.event.eventType)).size, 54);
    });

    it("accepts a filter on every data key of every spec sample", () => {
        let checked = 0;
        for (const { file, event } of samples) {
            const keys = dataKeys(event.data);
            checked += keys.length;
            assert.deepStrictEqual(reports(String(event.eventType), keys), [], file);
        }
        assert.ok(checked > 500, `${checked} keys checked`);
    });

    it("still reports a key no sample or definition has (the check is live)", () => {
        assert.strictEqual(reports("Microsoft.Communication.SMSReceived", ["data.notAKeyOfSms"]).length, 1);
    });
});
