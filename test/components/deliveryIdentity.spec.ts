import * as assert from "node:assert";
import { Graph, GraphResource, ofType } from "../../harness/graph";
import { ProgramError } from "../../harness/runProgram";
import { runStack } from "../../harness/runStack";
import { stackGraph } from "../support/sharedGraphs";
import { AzureRoles } from "../../catalog/azureRoles";
import { findingsOf } from "../policy/support/findings";
import { rawStackConfig } from "../support/rawConfig";
import { mandatory } from "../../policy/evaluate";
import { joinRe } from "../support/regex";

const UAI = "azure-native:managedidentity:UserAssignedIdentity";
const ROLE = "azure-native:authorization:RoleAssignment";
const SUB = "azure-native:eventgrid:SystemTopicEventSubscription";
/** An existing dead-letter account without a firewall: the only kind a user-assigned identity can write to. */
const OPEN_ACCOUNT =
    "/subscriptions/00000000-0000-0000-0000-000000000000/resourceGroups/rg-dl/providers/Microsoft.Storage" +
    "/storageAccounts/stdlopen";
const OPEN_QUEUE_ACCOUNT = OPEN_ACCOUNT.replace("stdlopen", "stqueueopen");

/** dev with a user-assigned delivery identity, and storage it can reach: accounts without a firewall. */
function userAssignedDev(): Record<string, unknown> {
    const handlers = rawStackConfig("dev").handlers;
    handlers["sms-queue"].storageQueue = {
        queueName: "sms-events",
        existingAccountId: OPEN_QUEUE_ACCOUNT,
        messageTimeToLiveSeconds: 604800,
    };
    return {
        systemTopic: { name: "acs-events-dev-topic", deliveryIdentity: "userAssigned" },
        deadLetter: { existingAccountId: OPEN_ACCOUNT, containerName: "deadletters" },
        handlers,
    };
}

const sub = (g: Graph, name: string) => ofType(g, SUB).find((s) => s.inputs.eventSubscriptionName === name)!;
const roleOf = (r: GraphResource) => String(r.inputs.roleDefinitionId).split("/").pop();

describe("topic delivery identity (systemTopic.deliveryIdentity)", () => {
    describe("userAssigned", () => {
        let g: Graph;
        let uai: GraphResource;
        before(async () => {
            g = await runStack({ stack: "dev", overrides: userAssignedDev() });
            [uai] = ofType(g, UAI);
        });

        it("creates one identity in the stack's region and attaches it to the topic as its only identity", () => {
            assert.strictEqual(ofType(g, UAI).length, 1);
            assert.strictEqual(uai.inputs.location, "westeurope");
            assert.strictEqual(uai.inputs.resourceName, "acs-events-dev-topic-identity");
            const topic = ofType(g, "azure-native:eventgrid:SystemTopic")[0];
            assert.deepStrictEqual(topic.inputs.identity, {
                type: "UserAssigned",
                userAssignedIdentities: { [uai.id!]: {} },
            });
        });

        it(
            "grants the identity its roles (queue sender, dead-letter writer) without waiting for the topic " +
                "or the ACS resource",
            () => {
                const mine = ofType(g, ROLE).filter((r) => r.inputs.principalId === uai.outputs.principalId);
                assert.deepStrictEqual(
                    mine.map(roleOf).sort(),
                    [AzureRoles.StorageQueueDataMessageSender, AzureRoles.StorageBlobDataContributor].sort(),
                );
                assert.ok(
                    mine.some((r) => r.inputs.scope === OPEN_QUEUE_ACCOUNT) &&
                        mine.some((r) => r.inputs.scope === OPEN_ACCOUNT),
                );
                const topic = ofType(g, "azure-native:eventgrid:SystemTopic")[0];
                const acs = ofType(g, "azure-native:communication:CommunicationService")[0];
                for (const r of mine) {
                    const deps = [...r.dependencies, ...Object.values(r.propertyDependencies).flat()];
                    assert.ok(
                        !deps.includes(topic.urn) && !deps.includes(acs.urn),
                        `${r.name} waits for neither the topic nor ACS`,
                    );
                    assert.ok(
                        r.propertyDependencies.principalId?.includes(uai.urn),
                        `${r.name} is granted to the identity`,
                    );
                }
            },
        );

        it(
            "delivers and dead-letters with the identity (UserAssigned + its resource id), after its role " +
                "assignments",
            () => {
                const s = sub(g, "sms-604");
                const identity = { type: "UserAssigned", userAssignedIdentity: uai.id };
                assert.deepStrictEqual(s.inputs.deliveryWithResourceIdentity.identity, identity);
                assert.deepStrictEqual(s.inputs.deadLetterWithResourceIdentity.identity, identity);
                const grants = ofType(g, ROLE).filter((r) => r.inputs.principalId === uai.outputs.principalId);
                for (const r of grants) assert.ok(s.dependencies.includes(r.urn), `sms-604 waits for ${r.name}`);
            },
        );

        it("passes every mandatory policy (identity on the topic, roles before subscriptions)", async () => {
            assert.deepStrictEqual(
                mandatory(await findingsOf(g)).map((f) => `${f.policy} ${f.resourceName}: ${f.message}`),
                [],
            );
        });
    });

    it("defaults to the topic's system-assigned identity (dev as written): no user-assigned identity", async () => {
        const g = await stackGraph("dev");
        assert.strictEqual(ofType(g, UAI).length, 0);
        assert.deepStrictEqual(ofType(g, "azure-native:eventgrid:SystemTopic")[0].inputs.identity, {
            type: "SystemAssigned",
        });
        assert.deepStrictEqual(sub(g, "sms-604").inputs.deliveryWithResourceIdentity.identity, {
            type: "SystemAssigned",
        });
    });

    it("refuses userAssigned with a storage queue account the stack creates (firewalled)", async () => {
        const overrides = { ...userAssignedDev(), handlers: rawStackConfig("dev").handlers };
        const err = await runStack({ stack: "dev", overrides }).then(
            () => undefined,
            (e) => e,
        );
        assert.ok(err instanceof ProgramError, String(err));
        assert.match(
            err.message,
            /cannot deliver to the storage queue account\(s\) this stack creates for sms-queue: .*Fix: /,
        );
    });

    it(
        "refuses userAssigned with the firewalled dead-letter " + "account the stack creates, before creating anything",
        async () => {
            const err = await runStack({
                stack: "dev",
                overrides: { systemTopic: { name: "acs-events-dev-topic", deliveryIdentity: "userAssigned" } },
            }).then(
                () => undefined,
                (e) => e,
            );
            assert.ok(err instanceof ProgramError, String(err));
            assert.match(
                err.message,
                joinRe(
                    /systemTopic\.deliveryIdentity: cannot write dead letters to the account this stack /,
                    /creates: .*system-assigned identity\. Fix: /,
                ),
            );
            // Refused before AcsEventHandling registers anything, itself included.
            assert.deepStrictEqual(
                err.partial.resources.filter(
                    (r) => r.type.startsWith("azure-native:eventgrid") || r.type.endsWith(":AcsEventHandling"),
                ),
                [],
            );
        },
    );
});
