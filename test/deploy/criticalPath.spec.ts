import * as assert from "node:assert";
import { criticalPath, formatCriticalPath } from "../../deploy/criticalPath";
import { PROVISIONING_TIMES, UNKNOWN_TYPE_SECONDS } from "../../deploy/provisioningTimes";
import type { Graph, GraphResource } from "../../harness/graph";
import { stackGraph } from "../support/sharedGraphs";

const urn = (name: string) => `urn:pulumi:s::p::t::${name}`;
function res(name: string, type: string, deps: string[] = [], custom = true): GraphResource {
    return {
        urn: urn(name),
        type,
        name,
        custom,
        dependencies: deps.map(urn),
        propertyDependencies: {},
        inputs: {},
        outputs: {},
        secretPaths: [],
        protect: false,
        ignoreChanges: [],
        additionalSecretOutputs: [],
    };
}
const graphOf = (...resources: GraphResource[]): Graph => ({ project: "p", stack: "s", resources, stackOutputs: {} });

describe("first deployment's critical path", () => {
    it("is the longest weighted dependency chain, components and providers taking no time", () => {
        const times = {
            "t:a": { seconds: 10, basis: "estimate: test" },
            "t:b": { seconds: 50, basis: "estimate: test" },
            "t:c": { seconds: 5, basis: "estimate: test" },
        };
        const g = graphOf(
            res("stack", "pulumi:pulumi:Stack", [], false),
            res("provider", "pulumi:providers:azure-native"),
            res("a", "t:a", ["provider"]),
            res("b", "t:b"),
            res("comp", "x:index:Comp", ["a"], false),
            res("c1", "t:c", ["a", "b"]),
            res("c2", "t:c", ["a"]),
            res("d", "t:unknown", ["c1"]),
        );
        const p = criticalPath(g, times);
        assert.deepStrictEqual(
            p.steps.map((s) => [s.name, s.seconds, s.doneAt]),
            [
                ["b", 50, 50],
                ["c1", 5, 55],
                ["d", UNKNOWN_TYPE_SECONDS, 55 + UNKNOWN_TYPE_SECONDS],
            ],
        );
        assert.strictEqual(p.totalSeconds, 55 + UNKNOWN_TYPE_SECONDS);
        assert.deepStrictEqual(p.untimedTypes, ["t:unknown"]);
        const text = formatCriticalPath(p);
        assert.match(text[0], /^about 1:05 \(min:s\)/);
        assert.match(text[text.length - 1], /no typical time for t:unknown/);
    });

    it("gives every table row a public source or says it is an estimate", () => {
        for (const [type, row] of Object.entries(PROVISIONING_TIMES)) {
            assert.ok(row.seconds > 0, type);
            assert.ok(row.basis.startsWith("estimate: ") || /https:\/\/\S+/.test(row.basis), `${type}: ${row.basis}`);
        }
    });

    for (const stack of ["dev", "prod"] as const) {
        it(
            // biome-ignore lint/style/useTemplate: split to fit the line width (test/meta/lineLength.spec.ts)
            `${stack}: has a typical time for every resource type, ` + "and the path ends at an event subscription",
            async () => {
                const p = criticalPath(await stackGraph(stack));
                assert.deepStrictEqual(p.untimedTypes, []);
                assert.strictEqual(p.steps[0].type, "azure-native:resources:ResourceGroup");
                assert.strictEqual(
                    p.steps[p.steps.length - 1].type,
                    "azure-native:eventgrid:SystemTopicEventSubscription",
                );
            },
        );
    }

    it(
        "dev: the alerts do not wait for the subscriptions; the subscriptions still wait for what Event Grid " +
            "checks at create time",
        async () => {
            const g = await stackGraph("dev");
            const byUrn = new Map(g.resources.map((r) => [r.urn, r]));
            const depTypes = (r: GraphResource) =>
                r.dependencies.map((d) => byUrn.get(d)!).map((d) => `${d.type} ${d.name}`);
            for (const alert of g.resources.filter((r) => r.type === "azure-native:monitor:MetricAlert")) {
                assert.ok(
                    !depTypes(alert).some((d) => d.includes("SystemTopicEventSubscription")),
                    `${alert.name} waits for a subscription`,
                );
            }
            const sub = (name: string) =>
                g.resources.find(
                    (r) =>
                        r.type === "azure-native:eventgrid:SystemTopicEventSubscription" &&
                        r.inputs.eventSubscriptionName === name,
                )!;
            // Identity delivery: the topic's role on the queue and on the dead-letter account come first.
            assert.ok(
                depTypes(sub("sms-604")).includes("azure-native:authorization:RoleAssignment sms-queue-sender-role"),
            );
            assert.ok(
                depTypes(sub("sms-604")).includes(
                    "azure-native:authorization:RoleAssignment acs-deadletter-writer-role",
                ),
            );
            // AzureFunction destination: the function's code is published and registered first (Azure/bicep#11656);
            // the package → publish → registered chain itself is test/components/functionDeploy.spec.ts's.
            assert.ok(
                depTypes(sub("sms-records")).includes(
                    "pulumi-nodejs:dynamic/acs-event-handling:FunctionRegistered sms-function-registered",
                ),
            );
        },
    );
});
