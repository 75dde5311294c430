import * as assert from "node:assert";
import { Graph, GraphResource, ofType } from "../../harness/graph";
import { ProgramError } from "../../harness/runProgram";
import { runStack } from "../../harness/runStack";
import { stackGraph } from "../support/sharedGraphs";
import { BuiltInRoles } from "../../components/roles";
import { ValidationError } from "../../validation/issue";

const SUB = "azure-native:eventgrid:SystemTopicEventSubscription";
const ROLE = "azure-native:authorization:RoleAssignment";

/** Dotted paths of every string value that contains `needle`. */
function pathsHolding(value: unknown, needle: string, at = ""): string[] {
    if (typeof value === "string") return value.includes(needle) ? [at] : [];
    if (Array.isArray(value)) return value.flatMap((v, i) => pathsHolding(v, needle, `${at}[${i}]`));
    if (value && typeof value === "object")
        return Object.entries(value).flatMap(([k, v]) => pathsHolding(v, needle, at ? `${at}.${k}` : k));
    return [];
}

function one(g: Graph, type: string, name?: string): GraphResource {
    const found = ofType(g, type).filter((r) => name === undefined || r.name === name);
    assert.strictEqual(
        found.length,
        1,
        `expected one ${type}${name ? ` named ${name}` : ""}, found ${found.map((r) => r.name).join(", ")}`,
    );
    return found[0];
}

function subscription(g: Graph, azureName: string): GraphResource {
    const s = ofType(g, SUB).find((r) => r.inputs.eventSubscriptionName === azureName);
    assert.ok(s, `no subscription named ${azureName}`);
    return s;
}

/** Role assignments whose role GUID is `role` and whose scope is `scope`. */
function rolesOn(g: Graph, scope: string, role: string): GraphResource[] {
    return ofType(g, ROLE).filter(
        (r) => r.inputs.scope === scope && String(r.inputs.roleDefinitionId).endsWith(`/${role}`),
    );
}

for (const stack of ["dev", "prod"]) {
    describe(`graph of the ${stack} stack`, () => {
        let g: Graph;
        before(async () => {
            g = await stackGraph(stack);
        });

        it("creates a global Communication Service with identity and data location", () => {
            const acs = one(g, "azure-native:communication:CommunicationService");
            assert.strictEqual(acs.inputs.location, "global");
            assert.strictEqual(acs.inputs.dataLocation, "Europe");
            assert.deepStrictEqual(acs.inputs.identity, { type: "SystemAssigned" });
            assert.strictEqual(acs.inputs.disableLocalAuth, stack === "prod");
        });

        it("puts a global ACS-typed system topic on the ACS resource, with an identity", () => {
            const acs = one(g, "azure-native:communication:CommunicationService");
            const topic = one(g, "azure-native:eventgrid:SystemTopic");
            assert.strictEqual(topic.inputs.location, "global");
            assert.strictEqual(topic.inputs.topicType, "Microsoft.Communication.CommunicationServices");
            assert.strictEqual(topic.inputs.source, acs.id);
            assert.strictEqual(topic.inputs.identity.type, "SystemAssigned");
            assert.deepStrictEqual(topic.propertyDependencies.source, [acs.urn]);
        });

        it("filters SMS for the 604 area code exactly as configured, to the queue, with identity delivery", () => {
            const s = subscription(g, "sms-604");
            assert.deepStrictEqual(s.inputs.filter, {
                includedEventTypes: [
                    "Microsoft.Communication.SMSReceived",
                    "Microsoft.Communication.SMSDeliveryReportReceived",
                ],
                subjectBeginsWith: "/phonenumber/1604",
                isSubjectCaseSensitive: false,
                enableAdvancedFilteringOnArrays: false,
            });
            assert.strictEqual(
                s.inputs.destination,
                undefined,
                "destination and deliveryWithResourceIdentity are exclusive",
            );
            const queue = one(g, "azure-native:storage:Queue", "sms-queue-queue");
            const account = g.resources.find(
                (r) =>
                    r.type === "azure-native:storage:StorageAccount" &&
                    r.inputs.accountName === queue.inputs.accountName,
            )!;
            assert.deepStrictEqual(s.inputs.deliveryWithResourceIdentity, {
                identity: { type: "SystemAssigned" },
                destination: {
                    endpointType: "StorageQueue",
                    resourceId: account.id,
                    queueName: "sms-events",
                    queueMessageTimeToLiveInSeconds: stack === "prod" ? -1 : 604800,
                },
            });
            assert.deepStrictEqual(s.inputs.retryPolicy, { maxDeliveryAttempts: 30, eventTimeToLiveInMinutes: 1440 });
        });

        it("dead-letters every subscription with the topic identity into the private container", () => {
            const container = one(g, "azure-native:storage:BlobContainer", "acs-deadletter-container");
            assert.strictEqual(container.inputs.publicAccess, "None");
            const account = g.resources.find(
                (r) =>
                    r.type === "azure-native:storage:StorageAccount" &&
                    r.inputs.accountName === container.inputs.accountName,
            )!;
            for (const s of ofType(g, SUB)) {
                assert.deepStrictEqual(
                    s.inputs.deadLetterWithResourceIdentity,
                    {
                        identity: { type: "SystemAssigned" },
                        deadLetterDestination: {
                            endpointType: "StorageBlob",
                            resourceId: account.id,
                            blobContainerName: "deadletters",
                        },
                    },
                    s.name,
                );
                assert.strictEqual(s.inputs.deadLetterDestination, undefined);
            }
            assert.strictEqual(account.inputs.allowSharedKeyAccess, false);
            assert.strictEqual(account.inputs.allowBlobPublicAccess, false);
            assert.strictEqual(account.inputs.minimumTlsVersion, "TLS1_2");
            assert.strictEqual(account.inputs.enableHttpsTrafficOnly, true);
            assert.strictEqual(account.inputs.sku.name, stack === "prod" ? "Standard_GRS" : "Standard_LRS");
        });

        it("makes each identity-based subscription depend on the role assignment it needs", () => {
            const topic = one(g, "azure-native:eventgrid:SystemTopic");
            const principal = topic.outputs.identity.principalId;
            assert.ok(principal, "mock returns a principal id");
            for (const s of ofType(g, SUB)) {
                const dest = s.inputs.deliveryWithResourceIdentity?.destination;
                const dl = s.inputs.deadLetterWithResourceIdentity.deadLetterDestination;
                const needed: [string, string][] = [[dl.resourceId, BuiltInRoles.StorageBlobDataContributor]];
                if (dest?.endpointType === "StorageQueue")
                    needed.push([dest.resourceId, BuiltInRoles.StorageQueueDataMessageSender]);
                if (dest?.endpointType === "ServiceBusQueue")
                    needed.push([dest.resourceId, BuiltInRoles.ServiceBusDataSender]);
                for (const [scope, role] of needed) {
                    const roles = rolesOn(g, scope, role);
                    assert.strictEqual(roles.length, 1, `${s.name}: one ${role} on ${scope}`);
                    assert.strictEqual(roles[0].inputs.principalId, principal);
                    assert.strictEqual(roles[0].inputs.principalType, "ServicePrincipal");
                    assert.ok(s.dependencies.includes(roles[0].urn), `${s.name} must depend on ${roles[0].name}`);
                }
                assert.ok(
                    s.propertyDependencies.systemTopicName.includes(topic.urn),
                    "topic name is a real output dependency",
                );
            }
        });

        it("parents every resource under a component and registers component outputs", () => {
            for (const r of g.resources) {
                if (r.type === "pulumi:pulumi:Stack") continue;
                assert.ok(r.parent, `${r.name} has a parent`);
                if (!r.custom) assert.ok(r.componentOutputs, `${r.type} ${r.name} called registerOutputs`);
            }
            for (const r of g.resources.filter((x) => !x.custom && x.type !== "pulumi:pulumi:Stack")) {
                assert.match(r.type, /^acs-event-handling:index:[A-Z]\w+$/);
            }
        });
    });
}

describe("secrets in the dev graph", () => {
    let g: Graph;
    before(async () => {
        g = await stackGraph("dev");
    });

    it("keeps the webhook URL secret on the subscription and on every component that carries it", () => {
        const s = subscription(g, "chat-messages");
        assert.strictEqual(s.inputs.destination.endpointType, "WebHook");
        assert.strictEqual(s.inputs.destination.endpointUrl, "https://chat-hooks.dev.example.com/api/acs-chat-events");
        assert.strictEqual(s.inputs.destination.minimumTlsVersionAllowed, "1.2");
        assert.ok(s.secretPaths.includes("destination.endpointUrl"));
        const holders = g.resources.filter((r) => JSON.stringify(r.inputs).includes("chat-hooks.dev.example.com"));
        assert.ok(holders.length >= 3, "the URL reaches the stack component, the handler and the subscription");
        for (const r of holders) {
            for (const p of pathsHolding(r.inputs, "chat-hooks.dev.example.com")) {
                assert.ok(
                    r.secretPaths.some((sp) => p === sp || p.startsWith(`${sp}.`)),
                    `${r.type} ${r.name}: ${p} holds the URL in clear`,
                );
            }
        }
    });
});

describe("invalid config registers nothing", () => {
    it("fails before any resource is registered, with every problem", async () => {
        let caught: unknown;
        try {
            await runStack({
                stack: "dev",
                overrides: {
                    subscriptions: {
                        "sms-604": { handler: "missing", filter: { eventTypes: ["Microsoft.Resources.SMSReceived"] } },
                    },
                },
            });
        } catch (err) {
            caught = err;
        }
        assert.ok(caught instanceof ProgramError, `expected ProgramError, got ${caught}`);
        assert.ok(ValidationError.is(caught.cause));
        assert.strictEqual(caught.cause.issues.length, 2);
        assert.deepStrictEqual(
            caught.partial.resources.map((r) => r.type),
            ["pulumi:pulumi:Stack"],
        );
    });
});
