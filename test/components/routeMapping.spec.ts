import * as assert from "node:assert";
import { EndpointType, EventSubscription } from "../../components";
import {
    AdvancedFilterArgs,
    DeliveryHeaderArgs,
    RouteDeliveryArgs,
    RouteFilterArgs,
    RouteSettingsArgs,
} from "../../components/route";
import { DeliveryHeaderKind, DeliverySchema } from "../../components/types";
import { ofType } from "../../harness/graph";
import "../support/contractCheck";
import { runComponents } from "../support/program";

/**
 * Every leaf of the route shape (components/route.ts) reaches azure-native: EventSubscription is the one place that
 * maps RouteSettingsArgs to SystemTopicEventSubscription. The route below sets every leaf (`Full<>` makes each
 * optional field required, so a field added to the interfaces breaks this file's type-check until it is set here),
 * and ARM_PATH says where each leaf must land (so the test fails until the new leaf has a mapping).
 */

/** A value known at deployment only (Input<T> unions with Promise/Output) or `any`: a leaf. */
type IsLeaf<V> = 0 extends 1 & V ? true : [Extract<V, Promise<unknown>>] extends [never] ? false : true;
type Deep<V> =
    IsLeaf<V> extends true
        ? V
        : [V] extends [readonly (infer U)[]]
          ? [U] extends [object]
              ? Full<U>[]
              : V
          : [V] extends [object]
            ? Full<V>
            : V;
/** T with every optional field made required, all the way down. */
type Full<T> = { [K in keyof T]-?: Deep<NonNullable<T[K]>> };

/** A header is static (value, secret) or dynamic (sourceField); an operand is one `value` or a `values` list. */
type StaticHeader = Full<Omit<DeliveryHeaderArgs, "sourceField">>;
type DynamicHeader = Full<Omit<DeliveryHeaderArgs, "value" | "secret">>;
type FullRoute = Full<Omit<RouteSettingsArgs, "filter" | "delivery">> & {
    filter: Full<Omit<RouteFilterArgs, "advancedFilters">> & {
        advancedFilters: [Full<Omit<AdvancedFilterArgs, "values">>, Full<Omit<AdvancedFilterArgs, "value">>];
    };
    delivery: Full<Omit<RouteDeliveryArgs, "headers">> & { headers: [StaticHeader, DynamicHeader] };
};

const SMS = "Microsoft.Communication.SMSReceived";
const ROUTE: FullRoute = {
    name: "route-mapping-sub",
    filter: {
        eventTypes: [SMS, "Microsoft.Communication.SMSDeliveryReportReceived"],
        subject: { beginsWith: "/phonenumber/1604", endsWith: "5551234", caseSensitive: true },
        advancedFilters: [
            { operatorType: "NumberLessThan", key: "data.segmentCount", value: 7 },
            { operatorType: "StringBeginsWith", key: "data.to", values: ["+1604"] },
        ],
        enableAdvancedFilteringOnArrays: true,
    },
    retry: { maxDeliveryAttempts: 17, eventTimeToLiveInMinutes: 333 },
    delivery: {
        schema: DeliverySchema.CloudEventSchemaV1_0,
        batching: { maxEventsPerBatch: 77, preferredBatchSizeInKilobytes: 555 },
        headers: [
            { name: "Authorization", kind: DeliveryHeaderKind.Static, value: "Bearer route-mapping", secret: true },
            { name: "x-to", kind: DeliveryHeaderKind.Dynamic, sourceField: "data.to" },
        ],
    },
    labels: ["route-mapping-label"],
    expirationTimeUtc: "2099-06-30T00:00:00Z",
};

const MAPPINGS = "destination.deliveryAttributeMappings";
/** Each leaf of ROUTE → the SystemTopicEventSubscription input path it lands on, and the value there. */
const ARM_PATH: Record<string, [string, unknown?]> = {
    name: ["eventSubscriptionName"],
    "filter.eventTypes": ["filter.includedEventTypes"],
    "filter.subject.beginsWith": ["filter.subjectBeginsWith"],
    "filter.subject.endsWith": ["filter.subjectEndsWith"],
    "filter.subject.caseSensitive": ["filter.isSubjectCaseSensitive"],
    "filter.advancedFilters.0.operatorType": ["filter.advancedFilters.0.operatorType"],
    "filter.advancedFilters.0.key": ["filter.advancedFilters.0.key"],
    "filter.advancedFilters.0.value": ["filter.advancedFilters.0.value"],
    "filter.advancedFilters.1.operatorType": ["filter.advancedFilters.1.operatorType"],
    "filter.advancedFilters.1.key": ["filter.advancedFilters.1.key"],
    "filter.advancedFilters.1.values": ["filter.advancedFilters.1.values"],
    "filter.enableAdvancedFilteringOnArrays": ["filter.enableAdvancedFilteringOnArrays"],
    "retry.maxDeliveryAttempts": ["retryPolicy.maxDeliveryAttempts"],
    "retry.eventTimeToLiveInMinutes": ["retryPolicy.eventTimeToLiveInMinutes"],
    "delivery.schema": ["eventDeliverySchema"],
    "delivery.batching.maxEventsPerBatch": ["destination.maxEventsPerBatch"],
    "delivery.batching.preferredBatchSizeInKilobytes": ["destination.preferredBatchSizeInKilobytes"],
    "delivery.headers.0.name": [`${MAPPINGS}.0.name`],
    "delivery.headers.0.kind": [`${MAPPINGS}.0.type`, "Static"],
    "delivery.headers.0.value": [`${MAPPINGS}.0.value`],
    "delivery.headers.0.secret": [`${MAPPINGS}.0.isSecret`],
    "delivery.headers.1.name": [`${MAPPINGS}.1.name`],
    "delivery.headers.1.kind": [`${MAPPINGS}.1.type`, "Dynamic"],
    "delivery.headers.1.sourceField": [`${MAPPINGS}.1.sourceField`],
    labels: ["labels"],
    expirationTimeUtc: ["expirationTimeUtc"],
};

/** The dotted paths and values of a plain object's leaves (arrays of scalars are one leaf). */
function leaves(v: unknown, at = ""): [string, unknown][] {
    const isRecordOrObjectList =
        (v !== null && typeof v === "object" && !Array.isArray(v)) ||
        (Array.isArray(v) && v.some((e) => e !== null && typeof e === "object" && !Array.isArray(e)));
    if (!isRecordOrObjectList) return [[at, v]];
    return Object.entries(v as object).flatMap(([k, e]) => leaves(e, at ? `${at}.${k}` : k));
}

const get = (o: unknown, path: string): unknown => path.split(".").reduce((v: any, k) => v?.[k], o);

describe("route shape → SystemTopicEventSubscription (every leaf of RouteSettingsArgs is mapped)", () => {
    let inputs: Record<string, unknown>;
    let secretPaths: readonly string[];
    let defaults: Record<string, unknown>;
    before(async () => {
        const base = {
            resourceGroupName: "rg-test",
            systemTopicName: "topic",
            destination: { endpointType: EndpointType.WebHook, endpointUrl: "https://h.example.com/x" },
        };
        const g = await runComponents(() => {
            new EventSubscription("route-mapping", { ...(ROUTE as RouteSettingsArgs), ...base });
            new EventSubscription("defaults", { filter: { eventTypes: [SMS] }, ...base });
        });
        const subs = ofType(g, "azure-native:eventgrid:SystemTopicEventSubscription");
        const named = (n: string) => subs.find((s) => s.name.startsWith(n))!;
        ({ inputs, secretPaths } = named("route-mapping"));
        defaults = named("defaults").inputs;
    });

    it("has a target for every leaf the route sets, and no target for a leaf it does not", () => {
        assert.deepStrictEqual(
            leaves(ROUTE).map(([p]) => p),
            Object.keys(ARM_PATH),
        );
    });

    for (const [leaf, [armPath, expected]] of Object.entries(ARM_PATH)) {
        it(`${leaf} → ${armPath}`, () => {
            const value = leaves(ROUTE).find(([p]) => p === leaf)?.[1];
            assert.deepStrictEqual(get(inputs, armPath), expected === undefined ? value : expected);
        });
    }

    it("keeps the secret header's value secret", () => {
        assert.ok(secretPaths.includes(`${MAPPINGS}[0].value`), secretPaths.join(", "));
    });

    it("sets each leaf to a value the component would not write by default (a dropped leaf cannot pass)", () => {
        for (const [leaf, [armPath, expected]] of Object.entries(ARM_PATH)) {
            const value = expected === undefined ? leaves(ROUTE).find(([p]) => p === leaf)?.[1] : expected;
            assert.notDeepStrictEqual(get(defaults, armPath), value, leaf);
        }
    });
});
