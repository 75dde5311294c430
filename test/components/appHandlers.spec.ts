import * as assert from "node:assert";
import { BuiltInRoles } from "../../components/roles";
import { Graph, GraphResource, ofType } from "../../harness/graph";
import { stackGraph } from "../support/sharedGraphs";
import { APP_SETTINGS } from "../../components/handlers/functionContract";
import { HandlerKind, HandlerTarget } from "../../components";
import { SHARED_KEY_REASON_TAG } from "../../components/handlers/functionApp";
import { setOfflineHarness } from "../../components/offline";
import * as disableSharedKey from "../../policy/rules/storageAccount/disableSharedKey";
import { failingProgram } from "../support/program";
import { joinRe } from "../support/regex";

/** GUID of the one email sender custom role the stack defines (its assignments name it). */
function emailRoleGuid(g: Graph): string {
    const defs = ofType(g, "azure-native:authorization:RoleDefinition");
    assert.strictEqual(defs.length, 1, "one email sender role per stack");
    return defs[0].inputs.roleDefinitionId;
}

const STORAGE_READ_WRITE = [
    BuiltInRoles.StorageBlobDataOwner,
    BuiltInRoles.StorageQueueDataContributor,
    BuiltInRoles.StorageTableDataContributor,
];

describe("function handler in the dev stack", () => {
    let g: Graph;
    let app: GraphResource;
    before(async () => {
        g = await stackGraph("dev");
        app = ofType(g, "azure-native:web:WebApp").find((r) => r.inputs.name === "func-acs-sms-dev")!;
    });

    it("runs on Flex Consumption, HTTPS only, FTP and basic auth off, Node 22", () => {
        const plan = ofType(g, "azure-native:web:AppServicePlan")[0];
        assert.deepStrictEqual(plan.inputs.sku, { name: "FC1", tier: "FlexConsumption" });
        assert.strictEqual(app.inputs.kind, "functionapp,linux");
        assert.strictEqual(app.inputs.serverFarmId, plan.id);
        assert.strictEqual(app.inputs.httpsOnly, true);
        // No siteConfig: azure-native would add netFrameworkVersion, which Flex rejects (functionDeploy.spec.ts).
        assert.strictEqual(app.inputs.siteConfig, undefined);
        assert.deepStrictEqual(app.inputs.functionAppConfig.runtime, { name: "node", version: "22" });
        assert.strictEqual(
            app.inputs.functionAppConfig.deployment.storage.authentication.type,
            "SystemAssignedIdentity",
        );
        for (const t of ["azure-native:web:WebAppFtpAllowed", "azure-native:web:WebAppScmAllowed"])
            assert.strictEqual(ofType(g, t)[0].inputs.allow, false);
    });

    it("reaches storage with its identity: no keys or connection strings in app settings", () => {
        const settings = ofType(g, "azure-native:web:WebAppApplicationSettings").find(
            (r) => r.inputs.name === app.inputs.name,
        )!.inputs.properties;
        assert.strictEqual(settings[APP_SETTINGS.storageAccountName], "stacsfuncdev");
        assert.strictEqual(settings[APP_SETTINGS.storageConnectionString], undefined);
        assert.strictEqual(settings[APP_SETTINGS.acsConnectionString], undefined);
        assert.ok(!JSON.stringify([app.inputs, settings]).includes("AccountKey="), "no account key anywhere");
        assert.strictEqual(settings[APP_SETTINGS.notifyRecipients], "sms-desk@example.com");
        assert.match(settings[APP_SETTINGS.emailSender], /^DoNotReply@.+\.azurecomm\.net$/);
        assert.match(settings[APP_SETTINGS.acsEndpoint], /^https:\/\/acs-events-dev\./);
    });

    it("records on its storage account why shared keys stay on, in the tag the policy pack reads", () => {
        const account = ofType(g, "azure-native:storage:StorageAccount").find(
            (r) => r.inputs.accountName === "stacsfuncdev",
        )!;
        assert.strictEqual(account.inputs.allowSharedKeyAccess, true);
        assert.strictEqual(SHARED_KEY_REASON_TAG, disableSharedKey.SHARED_KEY_REASON_TAG);
        assert.match(account.inputs.tags[SHARED_KEY_REASON_TAG], /pulumi-azure-native#2015/);
        assert.strictEqual(account.inputs.tags["resource-usage"], "azure-functions");
    });

    it("has exactly the roles it needs: storage data, telemetry, email through ACS", () => {
        const principal = app.outputs.identity.principalId;
        const mine = ofType(g, "azure-native:authorization:RoleAssignment").filter(
            (r) => r.inputs.principalId === principal,
        );
        const account = ofType(g, "azure-native:storage:StorageAccount").find(
            (r) => r.inputs.accountName === "stacsfuncdev",
        )!;
        const acs = ofType(g, "azure-native:communication:CommunicationService")[0];
        const insights = ofType(g, "azure-native:applicationinsights:Component")[0];
        const got = mine.map((r) => `${String(r.inputs.roleDefinitionId).split("/").pop()} @ ${r.inputs.scope}`).sort();
        const want = [
            ...STORAGE_READ_WRITE.map((role) => `${role} @ ${account.id}`),
            `3913510d-42f4-4e42-8a64-420c390055eb @ ${insights.id}`,
            `${emailRoleGuid(g)} @ ${acs.id}`,
        ].sort();
        assert.deepStrictEqual(got, want);
    });

    it("the subscription targets <app id>/functions/smsEvents and waits for the code deployment", () => {
        const sub = ofType(g, "azure-native:eventgrid:SystemTopicEventSubscription").find(
            (r) => r.inputs.eventSubscriptionName === "sms-records",
        )!;
        assert.strictEqual(sub.inputs.destination.endpointType, "AzureFunction");
        assert.strictEqual(sub.inputs.destination.resourceId, `${app.id}/functions/smsEvents`);
        // The full order (package → publish → registered → subscription) is checked in functionDeploy.spec.ts.
        const registered = g.resources.find((r) => r.name === "sms-function-registered")!;
        assert.ok(sub.dependencies.includes(registered.urn), "depends on the function being registered");
    });

    it("links an Azure-managed email domain to the ACS resource", () => {
        const domain = ofType(g, "azure-native:communication:Domain")[0];
        assert.strictEqual(domain.inputs.domainManagement, "AzureManaged");
        const acs = ofType(g, "azure-native:communication:CommunicationService")[0];
        assert.deepStrictEqual(acs.inputs.linkedDomains, [domain.id]);
    });
});

describe("logic app handler in the dev stack", () => {
    let g: Graph;
    let wf: GraphResource;
    before(async () => {
        g = await stackGraph("dev");
        wf = ofType(g, "azure-native:logic:Workflow")[0];
    });

    it("is an enabled Consumption workflow with an HTTP request trigger and its own identity", () => {
        assert.strictEqual(wf.inputs.workflowName, "la-acs-sms-email-dev");
        assert.strictEqual(wf.inputs.state, "Enabled");
        assert.deepStrictEqual(wf.inputs.identity, { type: "SystemAssigned" });
        assert.strictEqual(wf.inputs.definition.triggers.manual.type, "Request");
        assert.deepStrictEqual(wf.inputs.parameters.recipients, { value: ["sms-desk@example.com"] });
        assert.match(wf.inputs.parameters.acsEndpoint.value, /^https:\/\/acs-events-dev\./);
    });

    it("may only send email through the ACS resource", () => {
        const acs = ofType(g, "azure-native:communication:CommunicationService")[0];
        const roles = ofType(g, "azure-native:authorization:RoleAssignment").filter(
            (r) => r.inputs.principalId === wf.outputs.identity.principalId,
        );
        assert.deepStrictEqual(
            roles.map((r) => [r.inputs.scope, String(r.inputs.roleDefinitionId).split("/").pop()]),
            [[acs.id, emailRoleGuid(g)]],
        );
    });

    it("delivers to the trigger's callback URL as a secret webhook, after the workflow exists", () => {
        const sub = ofType(g, "azure-native:eventgrid:SystemTopicEventSubscription").find(
            (r) => r.inputs.eventSubscriptionName === "sms-email",
        )!;
        assert.deepStrictEqual(sub.inputs.filter.includedEventTypes, ["Microsoft.Communication.SMSReceived"]);
        assert.strictEqual(sub.inputs.destination.endpointType, "WebHook");
        assert.match(sub.inputs.destination.endpointUrl, /\/triggers\/manual\/paths\/invoke\?.*sig=/);
        assert.ok(sub.secretPaths.includes("destination.endpointUrl"));
        assert.ok(sub.dependencies.includes(wf.urn));
        assert.strictEqual(
            sub.inputs.eventDeliverySchema,
            "EventGridSchema",
            "the Request trigger answers only the Event Grid handshake",
        );
    });
});

describe("function code package", () => {
    it("outside the offline harness, a missing package fails with the command that builds it", async () => {
        const err = await failingProgram(() => {
            setOfflineHarness(false); // as in a real `pulumi up`
            return new HandlerTarget("fn", {
                kind: HandlerKind.Function,
                resourceGroupName: "rg",
                location: "westeurope",
                function: { appName: "func-x", storageAccountName: "stfuncx", packagePath: "/nonexistent/package.zip" },
            });
        });
        assert.match(
            err.message,
            joinRe(
                /the function package \/nonexistent\/package.zip does not exist; run `npm run /,
                /build:functions` before `pulumi up`/,
            ),
        );
    });
});
