import * as assert from "node:assert";
import { Graph, GraphResource, ofType } from "../../harness/graph";
import { stackGraph } from "../support/sharedGraphs";

/**
 * What separates the environments operationally: prod's protections and locks, its retry and dead-letter
 * settings, and the stack outputs an operator reads (with webhook URLs kept secret).
 */
const ACS = "azure-native:communication:CommunicationService";
const TOPIC = "azure-native:eventgrid:SystemTopic";
const LOCK = "azure-native:authorization:ManagementLockByScope";
const SUB = "azure-native:eventgrid:SystemTopicEventSubscription";
const DEV_WEBHOOK_URL = "https://chat-hooks.dev.example.com/api/acs-chat-events";

function only(g: Graph, type: string): GraphResource {
    const found = ofType(g, type);
    assert.strictEqual(found.length, 1, `expected one ${type}`);
    return found[0];
}

function stackResource(g: Graph): GraphResource {
    return only(g, "pulumi:pulumi:Stack");
}

/** Dotted paths (as plainify writes them) where `value` occurs inside `obj`. */
function pathsOf(obj: unknown, value: string, at = ""): string[] {
    if (obj === value) return [at];
    if (Array.isArray(obj)) return obj.flatMap((v, i) => pathsOf(v, value, `${at}[${i}]`));
    if (obj && typeof obj === "object")
        return Object.entries(obj).flatMap(([k, v]) => pathsOf(v, value, at ? `${at}.${k}` : k));
    return [];
}

const coveredBy = (path: string, secretPaths: readonly string[]) =>
    secretPaths.some((s) => path === s || path.startsWith(`${s}.`) || path.startsWith(`${s}[`));

describe("prod protections", () => {
    let g: Graph;
    before(async () => {
        g = await stackGraph("prod");
    });

    for (const [type, what] of [
        [ACS, "the Communication Service (it owns the phone numbers)"],
        [TOPIC, "the system topic (deleting it deletes every subscription)"],
    ] as const) {
        it(`protects ${what} and locks it against deletion`, () => {
            const target = only(g, type);
            assert.strictEqual(target.protect, true, "protect recorded on the resource");
            const locks = ofType(g, LOCK).filter((l) => l.inputs.scope === target.id);
            assert.strictEqual(locks.length, 1, `one lock scoped to ${target.id}`);
            assert.strictEqual(locks[0].inputs.level, "CanNotDelete");
            assert.deepStrictEqual(
                locks[0].propertyDependencies.scope,
                [target.urn],
                "scope comes from the resource's id output",
            );
        });
    }

    it("has no other locks and protects nothing else", () => {
        assert.strictEqual(ofType(g, LOCK).length, 2);
        assert.deepStrictEqual(
            g.resources
                .filter((r) => r.protect)
                .map((r) => r.type)
                .sort(),
            [ACS, TOPIC],
        );
    });

    it("uses Event Grid's full retry budget and geo-redundant dead letters", () => {
        for (const s of ofType(g, SUB))
            assert.deepStrictEqual(
                s.inputs.retryPolicy,
                { maxDeliveryAttempts: 30, eventTimeToLiveInMinutes: 1440 },
                s.name,
            );
        const account = ofType(g, "azure-native:storage:StorageAccount").find(
            (a) => a.inputs.accountName === "stacsdeadletterprod",
        );
        assert.strictEqual(account?.inputs.sku.name, "Standard_GRS");
    });
});

describe("dev stays light", () => {
    it("protects and locks nothing", async () => {
        const g = await stackGraph("dev");
        assert.deepStrictEqual(ofType(g, LOCK), []);
        assert.deepStrictEqual(
            g.resources.filter((r) => r.protect).map((r) => r.name),
            [],
        );
    });
});

for (const stack of ["dev", "prod"]) {
    describe(`stack outputs of ${stack}`, () => {
        let g: Graph;
        before(async () => {
            g = await stackGraph(stack);
        });

        it("exports the ACS endpoint and ID and the topic ID", () => {
            const out = stackResource(g).componentOutputs ?? {};
            assert.strictEqual(out.communicationServiceId, only(g, ACS).id);
            assert.strictEqual(
                out.communicationEndpoint,
                `https://${only(g, ACS).inputs.communicationServiceName}.communication.azure.com`,
            );
            assert.strictEqual(out.systemTopicId, only(g, TOPIC).id);
        });

        it("exports every subscription's ID and handler, and every handler's endpoint", () => {
            const out = stackResource(g).componentOutputs ?? {};
            const subs = ofType(g, SUB);
            assert.deepStrictEqual(
                Object.keys(out.subscriptions).sort(),
                subs.map((s) => s.inputs.eventSubscriptionName).sort(),
            );
            for (const s of subs) assert.strictEqual(out.subscriptions[s.inputs.eventSubscriptionName].id, s.id);
            for (const { handler } of Object.values<any>(out.subscriptions)) {
                assert.ok(out.handlers[handler]?.endpointType, `handler ${handler} is exported with its endpoint type`);
            }
        });
    });
}

describe("secrets in stack outputs", () => {
    it("dev: the webhook URL appears only under secret stack outputs", async () => {
        const g = await stackGraph("dev");
        const s = stackResource(g);
        const paths = pathsOf(s.componentOutputs, DEV_WEBHOOK_URL);
        assert.ok(paths.length > 0, "the webhook URL is exported (else this test proves nothing)");
        for (const p of paths)
            assert.ok(
                coveredBy(p, s.componentOutputSecretPaths ?? []),
                `stack output ${p} carries the webhook URL in clear`,
            );
    });

    it("prod: nothing is hidden that is not a secret (no webhooks, so no secret outputs)", async () => {
        const g = await stackGraph("prod");
        assert.deepStrictEqual(stackResource(g).componentOutputSecretPaths, []);
    });
});
