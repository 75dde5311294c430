import * as assert from "node:assert";
import type { Graph } from "../../harness/graph";
import {
    armBodyOf,
    checkGraph,
    DATA_PLANE_RESOURCES,
    findArmTypesDir,
    renderViolation,
    RESOURCE_CONTRACTS,
} from "../../contract";
import { captureGraph, only } from "./support/captureGraph";
import { createValidResources, IDS } from "./support/validResources";

const ARM_TYPES = findArmTypesDir();

describe("contract check: one valid resource of every covered type", () => {
    let graph: Graph;

    before(async function () {
        // ../shared/arm-types is outside the repository; without it there is nothing to check against
        if (!ARM_TYPES) this.skip();
        graph = await captureGraph(createValidResources);
    });

    it("has a fixture for every row of the contract table (a new row needs a passing example)", () => {
        const fixtures = new Set(graph.resources.map((r) => r.type));
        const covered = [...RESOURCE_CONTRACTS.map((c) => c.token), ...DATA_PLANE_RESOURCES.map((d) => d.token)];
        const missing = covered.filter((t) => !fixtures.has(t));
        assert.deepStrictEqual(missing, []);
    });

    it("passes every resource with no violations and no uncovered types", () => {
        const result = checkGraph(graph);
        assert.deepStrictEqual(result.violations.map(renderViolation), []);
        assert.deepStrictEqual(result.uncovered, []);
        assert.strictEqual(result.checked, graph.resources.length);
    });

    // The checks below pin the conversion: a pass above means nothing if the body was built wrongly.
    it("nests flattened destination properties under `properties` and unwraps the secret webhook URL", () => {
        const sub = graph.resources.find((r) => r.name === "webhook-subscription")!;
        const body = armBodyOf(sub, ARM_TYPES!) as any;
        assert.deepStrictEqual(body.properties.destination, {
            endpointType: "WebHook",
            properties: {
                endpointUrl:
                    "https://prod-00.westeurope.logic.azure.com/workflows/x/triggers/manual/paths/invoke?sig=abc",
                minimumTlsVersionAllowed: "1.2",
            },
        });
        assert.strictEqual(body.name, "email-to-logic-app");
        assert.strictEqual(body.properties.systemTopicName, undefined, "path parameters are not body properties");
    });

    it("nests advanced filters' and delivery mappings' flattened fields and keeps the ARM discriminators", () => {
        const sub = graph.resources.find((r) => r.name === "sms-subscription")!;
        const body = armBodyOf(sub, ARM_TYPES!) as any;
        assert.deepStrictEqual(body.properties.filter.advancedFilters[1], {
            operatorType: "NumberInRange",
            key: "data.segmentCount",
            values: [[1, 3]],
        });
        assert.deepStrictEqual(body.properties.destination.properties.deliveryAttributeMappings, [
            { type: "Static", name: "x-source", properties: { value: "acs", isSecret: false } },
        ]);
    });

    it("renames storage inputs to their wire names and turns the identity array into a map", () => {
        const body = armBodyOf(only(graph, "azure-native:storage:StorageAccount"), ARM_TYPES!) as any;
        assert.strictEqual(body.properties.supportsHttpsTrafficOnly, true);
        assert.deepStrictEqual(body.properties.networkAcls.ipRules, [{ action: "Allow", value: "203.0.113.0/24" }]);
        assert.deepStrictEqual(body.identity.userAssignedIdentities, { [IDS.identity]: {} });
        assert.strictEqual(body.enableHttpsTrafficOnly, undefined);
    });

    it("sends the metric alert discriminator as `odata.type` and App Insights fields in their wire case", () => {
        const alert = armBodyOf(only(graph, "azure-native:monitor:MetricAlert"), ARM_TYPES!) as any;
        assert.strictEqual(
            alert.properties.criteria["odata.type"],
            "Microsoft.Azure.Monitor.SingleResourceMultipleMetricCriteria",
        );
        const appInsights = armBodyOf(only(graph, "azure-native:applicationinsights:Component"), ARM_TYPES!) as any;
        assert.strictEqual(appInsights.properties.Application_Type, "web");
        assert.strictEqual(appInsights.properties.WorkspaceResourceId, IDS.workspace);
    });

    it(
        "gives singletons their fixed names (blobServices/default, basicPublishingCredentialsPolicies/ftp, " +
            "config/appsettings)",
        () => {
            const name = (type: string) => (armBodyOf(only(graph, type), ARM_TYPES!) as any).name;
            assert.strictEqual(name("azure-native:storage:BlobServiceProperties"), "default");
            assert.strictEqual(name("azure-native:web:WebAppFtpAllowed"), "ftp");
            assert.strictEqual(name("azure-native:web:WebAppScmAllowed"), "scm");
            assert.strictEqual(name("azure-native:web:WebAppApplicationSettings"), "appsettings");
        },
    );
});
