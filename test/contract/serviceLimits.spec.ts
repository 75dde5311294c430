/**
 * Every row of the hand-kept limits table (contract/serviceLimits.ts), each with a real resource just past the
 * limit (one violation, exact path and message) and one at the limit (no violation). The contract alone passes
 * all of the failing inputs: that is why the table exists.
 */
import * as assert from "node:assert";
import * as authorization from "@pulumi/azure-native/authorization";
import * as eventgrid from "@pulumi/azure-native/eventgrid";
import * as eventhub from "@pulumi/azure-native/eventhub";
import * as servicebus from "@pulumi/azure-native/servicebus";
import * as storage from "@pulumi/azure-native/storage";
import type { GraphResource } from "../../harness/graph";
import { checkGraph, findArmTypesDir, GRAPH_LIMITS, SERVICE_LIMITS } from "../../contract";
import { captureGraph, only } from "./support/captureGraph";
import { IDS, RG, valid } from "./support/validResources";

const ARM_TYPES = findArmTypesDir();
const NAME = "x";

type Sub = eventgrid.SystemTopicEventSubscriptionArgs;
const subscription = (change: (a: Sub) => Sub) => () =>
    new eventgrid.SystemTopicEventSubscription(NAME, change(valid.subscription()));
const withDestination = (extra: Record<string, unknown>) =>
    subscription((a) => ({
        ...a,
        destination: { ...(a.destination as object), ...extra } as unknown as Sub["destination"],
    }));
const withFilters = (advancedFilters: unknown[]) =>
    subscription((a) => ({ ...a, filter: { advancedFilters: advancedFilters as any } }));
const stringIn = (values: string[]) => ({ operatorType: "StringIn", key: "data.to", values });
const mappings = (n: number) =>
    Array.from({ length: n }, (_, i) => ({ type: "Static", name: `x-h${i}`, value: "v", isSecret: false }));
const topic = (extra: Partial<eventgrid.SystemTopicArgs>) => () =>
    new eventgrid.SystemTopic(NAME, {
        resourceGroupName: RG,
        systemTopicName: "acs-topic",
        location: "global",
        source: IDS.acs,
        topicType: "Microsoft.Communication.CommunicationServices",
        ...extra,
    });
const sbQueue = (extra: Partial<servicebus.QueueArgs>) => () =>
    new servicebus.Queue(NAME, { ...valid.serviceBusQueue(), ...extra });
const ehNamespace = (maximumThroughputUnits: number) => () =>
    new eventhub.Namespace(NAME, {
        resourceGroupName: RG,
        namespaceName: "evh-acs-contract",
        sku: { name: "Standard", tier: "Standard" },
        isAutoInflateEnabled: true,
        maximumThroughputUnits,
    });
const hubCapture = (intervalInSeconds: number) => () =>
    new eventhub.EventHub(NAME, {
        resourceGroupName: RG,
        namespaceName: "evh-acs-contract",
        eventHubName: "acs-events",
        captureDescription: {
            enabled: true,
            encoding: "Avro",
            intervalInSeconds,
            destination: {
                name: "EventHubArchive.AzureBlockBlob",
                storageAccountResourceId: IDS.account,
                blobContainer: "capture",
                archiveNameFormat: "{Namespace}/{EventHub}/{PartitionId}/{Year}/{Month}/{Day}/{Hour}/{Minute}/{Second}",
            },
        },
    });
const role = (roleAssignmentName: string) => () =>
    new authorization.RoleAssignment(NAME, {
        scope: IDS.account,
        roleAssignmentName,
        principalId: "a81372e1-9730-4206-a78c-5b2c0b23a957",
        principalType: "ServicePrincipal",
        roleDefinitionId: "/providers/Microsoft.Authorization/roleDefinitions/ba92f5b4-2d11-453d-a403-e96b0029c9fe",
    });
const container = (containerName: string) => () =>
    new storage.BlobContainer(NAME, { ...valid.blobContainer(), containerName });

interface Case {
    readonly id: string;
    readonly over: () => void;
    readonly at: () => void;
    readonly path: string;
    readonly message: string;
}

const DESTINATION = "$.properties.destination.properties";
const FILTERS = "$.properties.filter.advancedFilters";

const CASES: Case[] = [
    {
        id: "eg-retry-max-delivery-attempts",
        over: subscription((a) => ({ ...a, retryPolicy: { maxDeliveryAttempts: 31, eventTimeToLiveInMinutes: 1440 } })),
        at: subscription((a) => ({ ...a, retryPolicy: { maxDeliveryAttempts: 30, eventTimeToLiveInMinutes: 1440 } })),
        path: "$.properties.retryPolicy.maxDeliveryAttempts",
        message: "maxDeliveryAttempts must be between 1 and 30 (got 31)",
    },
    {
        id: "eg-retry-event-ttl",
        over: subscription((a) => ({ ...a, retryPolicy: { maxDeliveryAttempts: 30, eventTimeToLiveInMinutes: 1441 } })),
        at: subscription((a) => ({ ...a, retryPolicy: { maxDeliveryAttempts: 30, eventTimeToLiveInMinutes: 1 } })),
        path: "$.properties.retryPolicy.eventTimeToLiveInMinutes",
        message: "eventTimeToLiveInMinutes must be between 1 and 1440 (got 1441)",
    },
    {
        id: "eg-batch-max-events",
        over: withDestination({ maxEventsPerBatch: 5001 }),
        at: withDestination({ maxEventsPerBatch: 5000 }),
        path: `${DESTINATION}.maxEventsPerBatch`,
        message: "maxEventsPerBatch must be between 1 and 5000 (got 5001)",
    },
    {
        id: "eg-batch-preferred-size",
        over: withDestination({ preferredBatchSizeInKilobytes: 0 }),
        at: withDestination({ preferredBatchSizeInKilobytes: 1024 }),
        path: `${DESTINATION}.preferredBatchSizeInKilobytes`,
        message: "preferredBatchSizeInKilobytes must be between 1 and 1024 (got 0)",
    },
    {
        id: "eg-advanced-filter-count",
        over: withFilters(Array.from({ length: 26 }, (_, i) => ({ operatorType: "IsNotNull", key: `data.k${i}` }))),
        at: withFilters(Array.from({ length: 25 }, (_, i) => ({ operatorType: "IsNotNull", key: `data.k${i}` }))),
        path: FILTERS,
        message: "at most 25 advanced filters are allowed (got 26)",
    },
    {
        id: "eg-advanced-filter-value-count",
        // 12 range pairs (24 values) + 2 strings = 26: a pair counts as two values
        over: withFilters([
            { operatorType: "NumberInRange", key: "data.n", values: Array.from({ length: 12 }, () => [1, 2]) },
            stringIn(["a", "b"]),
        ]),
        at: withFilters([
            { operatorType: "NumberInRange", key: "data.n", values: Array.from({ length: 12 }, () => [1, 2]) },
            stringIn(["a"]),
        ]),
        path: FILTERS,
        message: "at most 25 advanced-filter values in total are allowed (got 26)",
    },
    {
        id: "eg-advanced-filter-string-length",
        over: withFilters([stringIn(["a".repeat(513)])]),
        at: withFilters([stringIn(["a".repeat(512)])]),
        path: `${FILTERS}[0].values[0]`,
        message: "advanced-filter string values must be at most 512 characters (got 513)",
    },
    {
        id: "eg-advanced-filter-range-pairs",
        over: withFilters([{ operatorType: "NumberInRange", key: "data.n", values: [[3, 1]] }]),
        at: withFilters([{ operatorType: "NumberInRange", key: "data.n", values: [[1, 1]] }]),
        path: `${FILTERS}[0].values[0]`,
        message: "each range must be a [low, high] pair of numbers with low ≤ high",
    },
    {
        id: "eg-delivery-attribute-count",
        over: withDestination({ deliveryAttributeMappings: mappings(11) }),
        at: withDestination({ deliveryAttributeMappings: mappings(10) }),
        path: `${DESTINATION}.deliveryAttributeMappings`,
        message: "at most 10 delivery attribute mappings are allowed (got 11)",
    },
    {
        id: "eg-delivery-attribute-name",
        over: withDestination({
            deliveryAttributeMappings: [{ type: "Static", name: "aeg-source", value: "acs", isSecret: false }],
        }),
        at: withDestination({
            deliveryAttributeMappings: [{ type: "Static", name: "x-aeg-source", value: "acs", isSecret: false }],
        }),
        path: `${DESTINATION}.deliveryAttributeMappings[0].name`,
        message: "delivery attribute names must not start with 'aeg-' (reserved; got 'aeg-source')",
    },
    {
        id: "eg-subscription-name",
        over: subscription((a) => ({ ...a, eventSubscriptionName: "sms_604" })),
        at: subscription((a) => ({ ...a, eventSubscriptionName: "s".repeat(64) })),
        path: "$.name",
        message: "event subscription names must be 3–64 characters of letters, digits and hyphens (got 'sms_604')",
    },
    {
        id: "eg-system-topic-name",
        over: topic({ systemTopicName: "acs.topic" }),
        at: topic({ systemTopicName: "t".repeat(128) }),
        path: "$.name",
        message: "system topic names must be 3–128 characters of letters, digits and hyphens (got 'acs.topic')",
    },
    {
        id: "eg-destination-exclusive",
        over: subscription((a) => ({
            ...a,
            deliveryWithResourceIdentity: {
                identity: { type: "SystemAssigned" },
                destination: { endpointType: "ServiceBusQueue", resourceId: IDS.sbQueue },
            },
        })),
        at: subscription((a) => ({
            ...a,
            destination: undefined,
            deliveryWithResourceIdentity: {
                identity: { type: "SystemAssigned" },
                destination: { endpointType: "ServiceBusQueue", resourceId: IDS.sbQueue },
            },
        })),
        path: "$.properties.deliveryWithResourceIdentity",
        message: "destination and deliveryWithResourceIdentity are mutually exclusive; send only one",
    },
    {
        id: "eg-dead-letter-exclusive",
        over: subscription((a) => ({
            ...a,
            deadLetterWithResourceIdentity: {
                identity: { type: "SystemAssigned" },
                deadLetterDestination: a.deadLetterDestination as any,
            },
        })),
        at: subscription((a) => ({
            ...a,
            deadLetterDestination: undefined,
            deadLetterWithResourceIdentity: {
                identity: { type: "SystemAssigned" },
                deadLetterDestination: a.deadLetterDestination as any,
            },
        })),
        path: "$.properties.deadLetterWithResourceIdentity",
        message: "deadLetterDestination and deadLetterWithResourceIdentity are mutually exclusive; send only one",
    },
    {
        id: "eg-storage-queue-ttl",
        over: subscription((a) => ({
            ...a,
            destination: {
                endpointType: "StorageQueue",
                resourceId: IDS.account,
                queueName: "sms-events",
                queueMessageTimeToLiveInSeconds: 0,
            },
        })),
        at: subscription((a) => ({
            ...a,
            destination: {
                endpointType: "StorageQueue",
                resourceId: IDS.account,
                queueName: "sms-events",
                queueMessageTimeToLiveInSeconds: -1,
            },
        })),
        path: `${DESTINATION}.queueMessageTimeToLiveInSeconds`,
        message: "queueMessageTimeToLiveInSeconds must be -1 or positive (got 0)",
    },
    {
        id: "eg-system-topic-user-identities",
        over: topic({
            identity: {
                type: "UserAssigned",
                userAssignedIdentities: {
                    [`${IDS.identity}1`]: {},
                    [`${IDS.identity}2`]: {},
                    [`${IDS.identity}3`]: {},
                },
            },
        }),
        at: topic({
            identity: {
                type: "UserAssigned",
                userAssignedIdentities: { [`${IDS.identity}1`]: {}, [`${IDS.identity}2`]: {} },
            },
        }),
        path: "$.identity.userAssignedIdentities",
        message: "a system topic can have at most 2 user-assigned identities (got 3)",
    },
    {
        id: "sb-max-delivery-count",
        over: sbQueue({ maxDeliveryCount: 0 }),
        at: sbQueue({ maxDeliveryCount: 1 }),
        path: "$.properties.maxDeliveryCount",
        message: "maxDeliveryCount must be ≥ 1 (got 0)",
    },
    {
        id: "sb-lock-duration",
        over: sbQueue({ lockDuration: "PT5M1S" }),
        at: sbQueue({ lockDuration: "PT5M" }),
        path: "$.properties.lockDuration",
        message: "lockDuration must be at most 5 minutes (got 'PT5M1S')",
    },
    {
        id: "sb-auto-delete-on-idle",
        over: sbQueue({ autoDeleteOnIdle: "PT4M" }),
        at: sbQueue({ autoDeleteOnIdle: "PT5M" }),
        path: "$.properties.autoDeleteOnIdle",
        message: "autoDeleteOnIdle must be at least 5 minutes (got 'PT4M')",
    },
    {
        id: "eh-maximum-throughput-units",
        over: ehNamespace(21),
        at: ehNamespace(20),
        path: "$.properties.maximumThroughputUnits",
        message: "maximumThroughputUnits must be between 0 and 20 (got 21)",
    },
    {
        id: "eh-capture-window",
        over: hubCapture(59),
        at: hubCapture(60),
        path: "$.properties.captureDescription.intervalInSeconds",
        message: "intervalInSeconds must be between 60 and 900 (got 59)",
    },
    {
        id: "role-assignment-name-guid",
        over: role("dead-letter-writer"),
        at: role("6f1b0a52-3c0e-5e1a-9d7a-2f0b8c1d4e5f"),
        path: "$.name",
        message: "role assignment names must be a GUID (got 'dead-letter-writer')",
    },
    {
        id: "storage-container-name",
        over: container("dead--letters"),
        at: container("dead-letters"),
        path: "$.name",
        message:
            "container names must be lower-case letters, digits and single hyphens, starting and ending " +
            "with a letter or digit (got 'dead--letters')",
    },
];

async function violationsOf(program: () => void) {
    const result = checkGraph(await captureGraph(program));
    return result.violations.map(({ path, message }) => ({ path, message }));
}

describe("contract check: service limits table", () => {
    before(function () {
        if (!ARM_TYPES) this.skip(); // no ../shared/arm-types: nothing to check against
    });

    it("has a failing and a passing case for every row, and every row cites its source", () => {
        assert.deepStrictEqual(CASES.map((c) => c.id).sort(), SERVICE_LIMITS.map((l) => l.id).sort());
        for (const l of [...SERVICE_LIMITS, ...GRAPH_LIMITS])
            assert.ok(l.citation.length > 10, `${l.id} needs a citation`);
    });

    for (const c of CASES) {
        it(`${c.id}: fails just past the limit, passes at it`, async () => {
            assert.deepStrictEqual(await violationsOf(c.over), [{ path: c.path, message: c.message }]);
            assert.deepStrictEqual(await violationsOf(c.at), []);
        });
    }

    it("eg-subscriptions-per-topic: 501 subscriptions on one topic fail, 500 pass", async () => {
        // 500 registrations under mocks take seconds; the limit only counts records, so the real one is cloned.
        const graph = await captureGraph(() => new eventgrid.SystemTopicEventSubscription("sub", valid.subscription()));
        const template = only(graph, "azure-native:eventgrid:SystemTopicEventSubscription");
        const clones = (n: number): GraphResource[] =>
            Array.from({ length: n }, (_, i) => ({
                ...template,
                name: `sub${i}`,
                urn: `${template.urn}${i}`,
                inputs: { ...template.inputs, eventSubscriptionName: `sub-${i}` },
            }));
        const over = checkGraph({ ...graph, resources: clones(501) }).violations;
        assert.deepStrictEqual(
            over.map((v) => [v.resource, v.path, v.message]),
            [
                [
                    `${template.urn}500`,
                    "$",
                    `at most 500 event subscriptions per system topic (topic ${RG}/acs-contract-topic has 501)`,
                ],
            ],
        );
        assert.deepStrictEqual(checkGraph({ ...graph, resources: clones(500) }).violations, []);
    });
});
