/**
 * Service limits the ARM contract does not encode (they live in documentation, or only in a property's prose
 * description), applied to the same ARM bodies as the contract check. One row per limit, each with its citation.
 * Paths are ARM-body paths (after azure-native's flattening is undone), so `properties.destination.properties.…`.
 */
import type { GraphResource } from "../harness/graph";
import { at, destinationProperties, durationInRange, items, numberInRange, root, type Located } from "./limitChecks";
import { isUnknown } from "./jsonPath";
import { isPlainObject } from "./objectView";
import type { Finding } from "./validate";
import { hasReservedHeaderPrefix, LIMITS } from "../validation/limits";

export interface ServiceLimit {
    readonly id: string;
    /** ARM resource types the row applies to. */
    readonly armTypes: readonly string[];
    /** The limit, as Azure states it. */
    readonly rule: string;
    /** Where the limit is written down. */
    readonly citation: string;
    readonly check: (body: Record<string, unknown>) => Finding[];
}

const SUBSCRIPTION = "Microsoft.EventGrid/systemTopics/eventSubscriptions";
const SYSTEM_TOPIC = "Microsoft.EventGrid/systemTopics";

const DELIVERY_AND_RETRY = "https://learn.microsoft.com/azure/event-grid/delivery-and-retry";
const EVENT_FILTERING = "https://learn.microsoft.com/azure/event-grid/event-filtering";
const DELIVERY_PROPERTIES = "https://learn.microsoft.com/azure/event-grid/delivery-properties";
// The numbers are validation/limits.ts (LIMITS), the one statement of each Event Grid limit.
const {
    maxDeliveryAttempts: ATTEMPTS,
    eventTimeToLiveInMinutes: TTL,
    maxEventsPerBatch: BATCH,
    preferredBatchSizeInKilobytes: BATCH_KB,
} = LIMITS;
const MAX_FILTERS = LIMITS.advancedFiltersPerSubscription;
const MAX_VALUES = LIMITS.advancedFilterValuesPerSubscription;
const MAX_STRING = LIMITS.advancedFilterStringLength;
const MAX_MAPPINGS = LIMITS.deliveryAttributeMappings;
const MAX_SUBSCRIPTIONS = LIMITS.subscriptionsPerTopic;
const SB_QUEUE_DESCRIPTION =
    "contract description of SBQueueProperties in servicebus_microsoft.servicebus_2026-01-01.types.json";

export const SERVICE_LIMITS: readonly ServiceLimit[] = [
    {
        id: "eg-retry-max-delivery-attempts",
        armTypes: [SUBSCRIPTION],
        rule: `retryPolicy.maxDeliveryAttempts is ${ATTEMPTS.min}–${ATTEMPTS.max}`,
        citation: DELIVERY_AND_RETRY,
        check: (b) =>
            numberInRange(
                at(root(b), "properties", "retryPolicy", "maxDeliveryAttempts"),
                ATTEMPTS.min,
                ATTEMPTS.max,
                "maxDeliveryAttempts",
            ),
    },
    {
        id: "eg-retry-event-ttl",
        armTypes: [SUBSCRIPTION],
        rule: `retryPolicy.eventTimeToLiveInMinutes is ${TTL.min}–${TTL.max}`,
        citation: DELIVERY_AND_RETRY,
        check: (b) =>
            numberInRange(
                at(root(b), "properties", "retryPolicy", "eventTimeToLiveInMinutes"),
                TTL.min,
                TTL.max,
                "eventTimeToLiveInMinutes",
            ),
    },
    {
        id: "eg-batch-max-events",
        armTypes: [SUBSCRIPTION],
        rule: `destination maxEventsPerBatch is ${BATCH.min}–${BATCH.max} (WebHook, AzureFunction)`,
        citation: DELIVERY_AND_RETRY,
        check: (b) =>
            destinationProperties(b).flatMap((d) =>
                numberInRange(at(d, "maxEventsPerBatch"), BATCH.min, BATCH.max, "maxEventsPerBatch"),
            ),
    },
    {
        id: "eg-batch-preferred-size",
        armTypes: [SUBSCRIPTION],
        rule: `destination preferredBatchSizeInKilobytes is ${BATCH_KB.min}–${BATCH_KB.max} (WebHook, AzureFunction)`,
        citation: DELIVERY_AND_RETRY,
        check: (b) =>
            destinationProperties(b).flatMap((d) =>
                numberInRange(
                    at(d, "preferredBatchSizeInKilobytes"),
                    BATCH_KB.min,
                    BATCH_KB.max,
                    "preferredBatchSizeInKilobytes",
                ),
            ),
    },
    {
        id: "eg-advanced-filter-count",
        armTypes: [SUBSCRIPTION],
        rule: `at most ${MAX_FILTERS} advanced filters per event subscription`,
        citation: EVENT_FILTERING,
        check: (b) => {
            const filters = advancedFilters(b);
            return filters.value.length > MAX_FILTERS
                ? [
                      {
                          path: filters.path,
                          message: `at most ${MAX_FILTERS} advanced filters are allowed (got ${filters.value.length})`,
                      },
                  ]
                : [];
        },
    },
    {
        id: "eg-advanced-filter-value-count",
        armTypes: [SUBSCRIPTION],
        rule: `at most ${MAX_VALUES} advanced-filter values in total per event subscription (a range pair counts 2)`,
        citation: `${EVENT_FILTERING} (a range pair counted as 2 values: stricter than Azure may count)`,
        check: (b) => {
            const filters = advancedFilters(b);
            const total = filters.value.reduce((n: number, f) => n + filterValueCount(f), 0);
            return total > MAX_VALUES
                ? [
                      {
                          path: filters.path,
                          message: `at most ${MAX_VALUES} advanced-filter values in total are allowed (got ${total})`,
                      },
                  ]
                : [];
        },
    },
    {
        id: "eg-advanced-filter-string-length",
        armTypes: [SUBSCRIPTION],
        rule: `each advanced-filter string value is at most ${MAX_STRING} characters`,
        citation: EVENT_FILTERING,
        check: (b) =>
            items(at(root(b), "properties", "filter", "advancedFilters"))
                .flatMap((f) => [...items(at(f, "values")), at(f, "value")])
                .filter((v) => typeof v.value === "string" && v.value.length > MAX_STRING)
                .map((v) => ({
                    path: v.path,
                    message:
                        `advanced-filter string values must be at most ${MAX_STRING} characters (got ` +
                        `${(v.value as string).length})`,
                })),
    },
    {
        id: "eg-advanced-filter-range-pairs",
        armTypes: [SUBSCRIPTION],
        rule: "NumberInRange / NumberNotInRange values are [low, high] pairs with low ≤ high",
        citation: EVENT_FILTERING,
        check: (b) =>
            items(at(root(b), "properties", "filter", "advancedFilters"))
                .filter((f) => /^Number(Not)?InRange$/.test(String(at(f, "operatorType").value)))
                .flatMap((f) => items(at(f, "values")))
                .filter((pair) => !isRangePair(pair.value))
                .map((pair) => ({
                    path: pair.path,
                    message: "each range must be a [low, high] pair of numbers with low ≤ high",
                })),
    },
    {
        id: "eg-delivery-attribute-count",
        armTypes: [SUBSCRIPTION],
        rule: `at most ${MAX_MAPPINGS} delivery attribute mappings per destination`,
        citation: DELIVERY_PROPERTIES,
        check: (b) =>
            destinationProperties(b)
                .map((d) => at(d, "deliveryAttributeMappings"))
                .filter((m) => Array.isArray(m.value) && m.value.length > MAX_MAPPINGS)
                .map((m) => ({
                    path: m.path,
                    message:
                        `at most ${MAX_MAPPINGS} delivery attribute mappings are allowed (got ` +
                        `${(m.value as unknown[]).length})`,
                })),
    },
    {
        id: "eg-delivery-attribute-name",
        armTypes: [SUBSCRIPTION],
        rule: "delivery attribute (header) names must not start with 'aeg-'",
        citation: DELIVERY_PROPERTIES,
        check: (b) =>
            destinationProperties(b)
                .flatMap((d) => items(at(d, "deliveryAttributeMappings")))
                .map((m) => at(m, "name"))
                .filter((n) => typeof n.value === "string" && hasReservedHeaderPrefix(n.value))
                .map((n) => ({
                    path: n.path,
                    message: `delivery attribute names must not start with 'aeg-' (reserved; got '${n.value}')`,
                })),
    },
    {
        id: "eg-subscription-name",
        armTypes: [SUBSCRIPTION],
        rule: "event subscription name is 3–64 characters of letters, digits and hyphens",
        citation:
            "https://github.com/hashicorp/terraform-provider-azurerm/blob/main/internal/services/eventgrid/" +
            "event_subscription_schema.go",
        check: (b) =>
            nameRule(
                b,
                LIMITS.subscriptionName,
                "event subscription names must be 3–64 characters of letters, digits and hyphens",
            ),
    },
    {
        id: "eg-system-topic-name",
        armTypes: [SYSTEM_TOPIC],
        rule: "system topic name is 3–128 characters of letters, digits and hyphens",
        citation:
            "https://github.com/hashicorp/terraform-provider-azurerm/blob/main/internal/services/eventgrid/" +
            "eventgrid_system_topic_resource.go",
        check: (b) =>
            nameRule(
                b,
                LIMITS.systemTopicName,
                "system topic names must be 3–128 characters of letters, digits and hyphens",
            ),
    },
    {
        id: "eg-destination-exclusive",
        armTypes: [SUBSCRIPTION],
        rule: "destination and deliveryWithResourceIdentity are mutually exclusive",
        citation: "https://github.com/Azure/bicep-registry-modules/issues/705",
        check: (b) => exclusive(b, "destination", "deliveryWithResourceIdentity"),
    },
    {
        id: "eg-dead-letter-exclusive",
        armTypes: [SUBSCRIPTION],
        rule: "deadLetterDestination and deadLetterWithResourceIdentity are mutually exclusive",
        citation: "inferred from the destination rule, https://github.com/Azure/bicep-registry-modules/issues/705",
        check: (b) => exclusive(b, "deadLetterDestination", "deadLetterWithResourceIdentity"),
    },
    {
        id: "eg-storage-queue-ttl",
        armTypes: [SUBSCRIPTION],
        rule: "StorageQueue queueMessageTimeToLiveInSeconds is -1 (infinite) or positive",
        citation: "contract description of StorageQueueEventSubscriptionDestinationProperties (eventgrid 2025-02-15)",
        check: (b) =>
            destinationProperties(b)
                .map((d) => at(d, "queueMessageTimeToLiveInSeconds"))
                .filter((t) => typeof t.value === "number" && t.value !== -1 && t.value <= 0)
                .map((t) => ({
                    path: t.path,
                    message: `queueMessageTimeToLiveInSeconds must be -1 or positive (got ${t.value})`,
                })),
    },
    {
        id: "eg-system-topic-user-identities",
        armTypes: [SYSTEM_TOPIC],
        rule: "a system topic has at most 2 user-assigned identities",
        citation: "https://learn.microsoft.com/azure/event-grid/enable-identity-system-topics",
        check: (b) => {
            const ids = at(root(b), "identity", "userAssignedIdentities");
            const n = isPlainObject(ids.value) ? Object.keys(ids.value).length : 0;
            return n > 2
                ? [{ path: ids.path, message: `a system topic can have at most 2 user-assigned identities (got ${n})` }]
                : [];
        },
    },
    {
        id: "sb-max-delivery-count",
        armTypes: ["Microsoft.ServiceBus/namespaces/queues"],
        rule: "queue maxDeliveryCount ≥ 1",
        citation:
            "https://learn.microsoft.com/azure/service-bus-messaging/" +
            "service-bus-dead-letter-queues#maximum-delivery-count",
        check: (b) => numberInRange(at(root(b), "properties", "maxDeliveryCount"), 1, Infinity, "maxDeliveryCount"),
    },
    {
        id: "sb-lock-duration",
        armTypes: ["Microsoft.ServiceBus/namespaces/queues"],
        rule: "queue lockDuration is at most 5 minutes",
        citation: SB_QUEUE_DESCRIPTION,
        check: (b) => durationInRange(at(root(b), "properties", "lockDuration"), 0, 300, "lockDuration"),
    },
    {
        id: "sb-auto-delete-on-idle",
        armTypes: ["Microsoft.ServiceBus/namespaces/queues", "Microsoft.ServiceBus/namespaces/topics"],
        rule: "autoDeleteOnIdle is at least 5 minutes",
        citation: `${SB_QUEUE_DESCRIPTION} (and SBTopicProperties)`,
        check: (b) => durationInRange(at(root(b), "properties", "autoDeleteOnIdle"), 300, Infinity, "autoDeleteOnIdle"),
    },
    {
        id: "eh-maximum-throughput-units",
        armTypes: ["Microsoft.EventHub/namespaces"],
        rule: "maximumThroughputUnits is 0–20",
        citation: "contract description of EHNamespaceProperties.maximumThroughputUnits (eventhub 2024-01-01)",
        check: (b) =>
            numberInRange(at(root(b), "properties", "maximumThroughputUnits"), 0, 20, "maximumThroughputUnits"),
    },
    {
        id: "eh-capture-window",
        armTypes: ["Microsoft.EventHub/namespaces/eventhubs"],
        rule: "captureDescription intervalInSeconds is 60–900 and sizeLimitInBytes 10485760–524288000",
        citation: "contract description of CaptureDescription (eventhub 2024-01-01)",
        check: (b) => {
            const capture = at(root(b), "properties", "captureDescription");
            return [
                ...numberInRange(at(capture, "intervalInSeconds"), 60, 900, "intervalInSeconds"),
                ...numberInRange(at(capture, "sizeLimitInBytes"), 10485760, 524288000, "sizeLimitInBytes"),
            ];
        },
    },
    {
        id: "role-assignment-name-guid",
        armTypes: ["Microsoft.Authorization/roleAssignments"],
        rule: "role assignment name is a GUID",
        citation:
            "https://learn.microsoft.com/azure/role-based-access-control/role-assignments-template#name " +
            "(error InvalidRoleAssignmentId, https://github.com/pulumi/pulumi-azure-nextgen/issues/194)",
        check: (b) =>
            nameRule(
                b,
                /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i,
                "role assignment names must be a GUID",
            ),
    },
    {
        id: "storage-container-name",
        armTypes: ["Microsoft.Storage/storageAccounts/blobServices/containers"],
        rule:
            "container name: lower-case letters, digits and single hyphens, starting and ending with a letter or " +
            "digit",
        citation:
            "https://learn.microsoft.com/rest/api/storageservices/" +
            "naming-and-referencing-containers--blobs--and-metadata#container-names",
        check: (b) =>
            nameRule(
                b,
                /^[a-z0-9](?:[a-z0-9]|-(?!-))*[a-z0-9]$/,
                "container names must be lower-case letters, digits and single hyphens, starting and ending " +
                    "with a letter or digit",
            ),
    },
];

/** Limits that span resources; checked once per graph. */
export interface GraphLimit {
    readonly id: string;
    readonly rule: string;
    readonly citation: string;
    readonly check: (
        resources: readonly GraphResource[],
    ) => { resource: GraphResource; path: string; message: string }[];
}

export const GRAPH_LIMITS: readonly GraphLimit[] = [
    {
        id: "eg-subscriptions-per-topic",
        rule: `at most ${MAX_SUBSCRIPTIONS} event subscriptions per system topic`,
        citation: "https://learn.microsoft.com/azure/event-grid/quotas-limits",
        check: (resources) => {
            const perTopic = new Map<string, GraphResource[]>();
            for (const r of resources.filter((x) => x.type === "azure-native:eventgrid:SystemTopicEventSubscription")) {
                if (isUnknown(r.inputs.systemTopicName) || isUnknown(r.inputs.resourceGroupName)) continue;
                const topic = `${r.inputs.resourceGroupName}/${r.inputs.systemTopicName}`;
                perTopic.set(topic, [...(perTopic.get(topic) ?? []), r]);
            }
            return [...perTopic.entries()]
                .filter(([, subs]) => subs.length > MAX_SUBSCRIPTIONS)
                .map(([topic, subs]) => ({
                    resource: subs[MAX_SUBSCRIPTIONS],
                    path: "$",
                    message:
                        `at most ${MAX_SUBSCRIPTIONS} event subscriptions per system topic (topic ${topic} has ` +
                        `${subs.length})`,
                }));
        },
    },
];

export function limitsFor(armType: string): ServiceLimit[] {
    return SERVICE_LIMITS.filter((l) => l.armTypes.some((t) => t.toLowerCase() === armType.toLowerCase()));
}

function advancedFilters(body: Record<string, unknown>): { value: unknown[]; path: string } {
    const loc = at(root(body), "properties", "filter", "advancedFilters");
    return { value: Array.isArray(loc.value) ? loc.value : [], path: loc.path };
}

/** Values a filter contributes to the 25-value budget: `values` entries (a range pair counts 2) or one `value`. */
function filterValueCount(filter: unknown): number {
    if (!isPlainObject(filter)) return 0;
    const values = filter.values;
    if (Array.isArray(values)) return values.reduce((n: number, v) => n + (Array.isArray(v) ? v.length : 1), 0);
    return filter.value !== undefined ? 1 : 0;
}

function isRangePair(v: unknown): boolean {
    return Array.isArray(v) && v.length === 2 && v.every((x) => typeof x === "number") && v[0] <= v[1];
}

function nameRule(body: Record<string, unknown>, re: RegExp, message: string): Finding[] {
    const name: Located = at(root(body), "name");
    if (typeof name.value !== "string" || isUnknown(name.value) || re.test(name.value)) return [];
    return [{ path: name.path, message: `${message} (got '${name.value}')` }];
}

function exclusive(body: Record<string, unknown>, a: string, b: string): Finding[] {
    const props = at(root(body), "properties");
    if (at(props, a).value === undefined || at(props, b).value === undefined) return [];
    return [{ path: at(props, b).path, message: `${a} and ${b} are mutually exclusive; send only one` }];
}
