/**
 * Each kind of contract violation, raised by a real azure-native resource whose inputs differ from a valid
 * fixture in one place. Casts (`as any`) stand for values that reach the program untyped (stack config, JSON):
 * azure-native's own types would stop most of these at compile time, Azure would stop all of them at deploy time.
 */
import * as assert from "node:assert";
import * as communication from "@pulumi/azure-native/communication";
import * as eventgrid from "@pulumi/azure-native/eventgrid";
import * as monitor from "@pulumi/azure-native/monitor";
import * as servicebus from "@pulumi/azure-native/servicebus";
import * as storage from "@pulumi/azure-native/storage";
import { checkGraph, findArmTypesDir, renderViolation, type Violation } from "../../contract";
import { captureGraph } from "./support/captureGraph";
import { IDS, RG, valid } from "./support/validResources";

const ARM_TYPES = findArmTypesDir();

/** Violations of the resources `program` registers, as `{ path, message }` of the resource named `name`. */
async function violationsOf(name: string, program: () => void): Promise<{ path: string; message: string }[]> {
    const result = checkGraph(await captureGraph(program));
    return result.violations
        .filter((v) => v.resource.endsWith(`::${name}`))
        .map(({ path, message }) => ({ path, message }));
}

describe("contract check: violations on real resources", () => {
    before(function () {
        if (!ARM_TYPES) this.skip(); // no ../shared/arm-types: nothing to check against
    });

    describe("resource names", () => {
        it("rejects a storage account name with an underscore (pattern from the contract)", async () => {
            const found = await violationsOf(
                "account",
                () =>
                    new storage.StorageAccount("account", {
                        ...valid.storageAccount(),
                        accountName: "st_acs_contract",
                    }),
            );
            assert.deepStrictEqual(found, [
                { path: "$.name", message: "must match ^[a-z0-9]+$ (got 'st_acs_contract')" },
            ]);
        });

        it("rejects a 25-character storage account name and accepts 24 (boundary)", async () => {
            const found = await violationsOf(
                "account",
                () => new storage.StorageAccount("account", { ...valid.storageAccount(), accountName: "a".repeat(25) }),
            );
            assert.deepStrictEqual(found, [{ path: "$.name", message: "must be at most 24 characters (got 25)" }]);
            assert.deepStrictEqual(
                await violationsOf(
                    "account",
                    () =>
                        new storage.StorageAccount("account", {
                            ...valid.storageAccount(),
                            accountName: "a".repeat(24),
                        }),
                ),
                [],
            );
        });

        it("checks an unset name as azure-native would autoname it, in both suffix styles", async () => {
            const found = await violationsOf(
                "dead-letters",
                () => new storage.StorageAccount("dead-letters", { ...valid.storageAccount(), accountName: undefined }),
            );
            assert.deepStrictEqual(found, [
                {
                    path: "$.name",
                    message:
                        "autonamed as 'dead-lettersxxxxxxxx' (azure-native random suffix): must match " +
                        "^[a-z0-9]+$; set accountName explicitly",
                },
                {
                    path: "$.name",
                    message:
                        "autonamed as 'dead-letters-xxxxxxx' (engine-proposed autoname): must match " +
                        "^[a-z0-9]+$; set accountName explicitly",
                },
            ]);
        });

        it("checks the ARM names a data-plane blob addresses with the account and container rules", async () => {
            const found = await violationsOf(
                "package",
                () =>
                    new storage.Blob("package", {
                        ...valid.blob(),
                        accountName: "st-acs",
                        containerName: "App_Package",
                    }),
            );
            assert.deepStrictEqual(found, [
                { path: "$.accountName", message: "must match ^[a-z0-9]+$ (got 'st-acs')" },
                {
                    path: "$.containerName",
                    message:
                        "container names must be lower-case letters, digits and single hyphens, starting " +
                        "and ending with a letter or digit (got 'App_Package')",
                },
            ]);
        });

        it("accepts an autonamed event subscription whose logical name leaves room for the suffix", async () => {
            const found = await violationsOf(
                "sms-subscription",
                () =>
                    new eventgrid.SystemTopicEventSubscription("sms-subscription", {
                        ...valid.subscription(),
                        eventSubscriptionName: undefined,
                    }),
            );
            assert.deepStrictEqual(found, []);
        });
    });

    it("rejects a property the contract does not have (a nested typo), suggesting the near miss", async () => {
        const found = await violationsOf(
            "sub",
            () =>
                new eventgrid.SystemTopicEventSubscription("sub", {
                    ...valid.subscription(),
                    destination: { endpointType: "WebHook", endpointUri: "https://example.com/events" } as any,
                }),
        );
        assert.deepStrictEqual(found, [
            {
                path: "$.properties.destination.endpointUri",
                message:
                    "is not a property of WebHookEventSubscriptionDestination (did you mean " +
                    "'endpointUrl'?); Azure accepts: endpointType, properties",
            },
        ]);
    });

    it("rejects an ARM wire name given where azure-native expects its own input name (a wrong rename)", async () => {
        const found = await violationsOf(
            "account",
            () =>
                new storage.StorageAccount("account", {
                    ...valid.storageAccount(),
                    networkRuleSet: { defaultAction: "Deny", ipRules: [{ value: "203.0.113.0/24" } as any] },
                }),
        );
        assert.deepStrictEqual(found, [
            {
                path: "$.properties.networkAcls.ipRules[0].value",
                message:
                    "'value' is the ARM wire name; azure-native's input is 'iPAddressOrRange', so this " +
                    "value would not be sent",
            },
            { path: "$.properties.networkAcls.ipRules[0].value", message: "is required by IPRule" },
        ]);
    });

    it("rejects a value outside a closed enum", async () => {
        const found = await violationsOf(
            "bus",
            () => new servicebus.Namespace("bus", { ...valid.serviceBusNamespace(), sku: { name: "Premuim" as any } }),
        );
        assert.deepStrictEqual(found, [
            { path: "$.sku.name", message: "must be one of 'Basic', 'Standard', 'Premium' (got 'Premuim')" },
        ]);
    });

    it("accepts any string for an open (modelAsString) enum", async () => {
        const found = await violationsOf(
            "sub",
            () =>
                new eventgrid.SystemTopicEventSubscription("sub", {
                    ...valid.subscription(),
                    eventDeliverySchema: "FutureSchemaV2",
                }),
        );
        assert.deepStrictEqual(found, []);
    });

    it("rejects a number outside the contract's range and accepts the bound", async () => {
        const withDays = (days: number) => () =>
            new storage.BlobServiceProperties("blob-service", {
                ...valid.blobServiceProperties(),
                deleteRetentionPolicy: { enabled: true, days },
            });
        assert.deepStrictEqual(await violationsOf("blob-service", withDays(366)), [
            { path: "$.properties.deleteRetentionPolicy.days", message: "must be between 1 and 365 (got 366)" },
        ]);
        assert.deepStrictEqual(await violationsOf("blob-service", withDays(365)), []);
    });

    it("rejects a string where the contract wants a number (a config value left unparsed)", async () => {
        const found = await violationsOf(
            "queue",
            () => new servicebus.Queue("queue", { ...valid.serviceBusQueue(), maxDeliveryCount: "10" as any }),
        );
        assert.deepStrictEqual(found, [
            { path: "$.properties.maxDeliveryCount", message: "must be a number (got '10')" },
        ]);
    });

    describe("missing required properties", () => {
        it("reports an identity without its required type", async () => {
            const found = await violationsOf(
                "acs",
                () =>
                    new communication.CommunicationService("acs", {
                        ...valid.communicationService(),
                        identity: {} as any,
                    }),
            );
            assert.deepStrictEqual(found, [
                { path: "$.identity.type", message: "is required by ManagedServiceIdentity" },
            ]);
        });

        it("reports a metric criterion without its threshold", async () => {
            const found = await violationsOf(
                "alert",
                () =>
                    new monitor.MetricAlert("alert", {
                        resourceGroupName: RG,
                        ruleName: "acs-dead-letters",
                        severity: 2,
                        enabled: true,
                        scopes: [IDS.topic],
                        evaluationFrequency: "PT5M",
                        windowSize: "PT15M",
                        criteria: {
                            odataType: "Microsoft.Azure.Monitor.SingleResourceMultipleMetricCriteria",
                            allOf: [
                                {
                                    criterionType: "StaticThresholdCriterion",
                                    name: "dl",
                                    metricName: "DeadLetteredCount",
                                    operator: "GreaterThan",
                                    timeAggregation: "Total",
                                } as any,
                            ],
                        },
                    }),
            );
            assert.deepStrictEqual(found, [
                { path: "$.properties.criteria.allOf[0].threshold", message: "is required by MetricCriteria" },
            ]);
        });

        it("does not require `location`, which azure-native fills from the resource group", async () => {
            assert.deepStrictEqual(
                await violationsOf(
                    "account",
                    () => new storage.StorageAccount("account", { ...valid.storageAccount(), location: undefined }),
                ),
                [],
            );
        });
    });

    describe("discriminated unions", () => {
        it("rejects a destination endpointType Azure does not know (wrong case)", async () => {
            const found = await violationsOf(
                "sub",
                () =>
                    new eventgrid.SystemTopicEventSubscription("sub", {
                        ...valid.subscription(),
                        destination: { endpointType: "Webhook" as any, endpointUrl: "https://example.com/events" },
                    }),
            );
            assert.deepStrictEqual(found, [
                {
                    path: "$.properties.destination.endpointType",
                    message:
                        "'Webhook' is not a known endpointType; Azure accepts 'AzureFunction', " +
                        "'EventHub', 'HybridConnection', 'MonitorAlert', 'NamespaceTopic', " +
                        "'ServiceBusQueue', 'ServiceBusTopic', 'StorageQueue', 'WebHook'",
                },
            ]);
        });

        it("rejects a dead-letter destination other than StorageBlob", async () => {
            const found = await violationsOf(
                "sub",
                () =>
                    new eventgrid.SystemTopicEventSubscription("sub", {
                        ...valid.subscription(),
                        deadLetterDestination: { endpointType: "StorageQueue", resourceId: IDS.account } as any,
                    }),
            );
            assert.deepStrictEqual(found, [
                {
                    path: "$.properties.deadLetterDestination.endpointType",
                    message: "'StorageQueue' is not a known endpointType; Azure accepts 'StorageBlob'",
                },
            ]);
        });

        it("rejects an advanced filter without its operatorType", async () => {
            const found = await violationsOf(
                "sub",
                () =>
                    new eventgrid.SystemTopicEventSubscription("sub", {
                        ...valid.subscription(),
                        filter: { advancedFilters: [{ key: "data.to", values: ["+16045550100"] } as any] },
                    }),
            );
            assert.strictEqual(found.length, 1);
            assert.strictEqual(found[0].path, "$.properties.filter.advancedFilters[0].operatorType");
            assert.match(found[0].message, /^is required; Azure accepts 'BoolEquals', /);
        });
    });

    it("rejects a read-only property copied from a GET response", async () => {
        const found = await violationsOf(
            "sub",
            () =>
                new eventgrid.SystemTopicEventSubscription("sub", {
                    ...valid.subscription(),
                    destination: {
                        endpointType: "WebHook",
                        endpointUrl: "https://example.com/events",
                        endpointBaseUrl: "https://example.com/events",
                    } as any,
                }),
        );
        assert.deepStrictEqual(found, [
            {
                path: "$.properties.destination.properties.endpointBaseUrl",
                message:
                    "is read-only on WebHookEventSubscriptionDestinationProperties (set by Azure); it must not be sent",
            },
        ]);
    });

    it("renders a violation as `<resource> <json path>: <what Azure requires>`", () => {
        const v: Violation = {
            resource: "urn:pulumi:dev::p::azure-native:storage:StorageAccount::account",
            path: "$.name",
            message: "must match ^[a-z0-9]+$",
        };
        assert.strictEqual(
            renderViolation(v),
            "urn:pulumi:dev::p::azure-native:storage:StorageAccount::account $.name: must match ^[a-z0-9]+$",
        );
    });
});
