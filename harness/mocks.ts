import * as pulumi from "@pulumi/pulumi";
import { createHash } from "node:crypto";
import { mockArmId, MOCK_SUBSCRIPTION_ID, MOCK_TENANT_ID } from "./armIds";

/**
 * What the mock runtime returns for each resource and invoke. Outputs a real deployment computes (ids, principal
 * ids, host names) must be returned here, or every input built from them is silently dropped (see
 * https://www.pulumi.com/docs/iac/concepts/testing/unit/).
 */

/** A stable fake GUID derived from a string, so runs are deterministic. */
export function fakeGuid(seed: string): string {
    const h = createHash("sha256").update(seed).digest("hex");
    return `${h.slice(0, 8)}-${h.slice(8, 12)}-4${h.slice(13, 16)}-a${h.slice(17, 20)}-${h.slice(20, 32)}`;
}

function identityState(identity: any, seed: string): any {
    if (!identity || typeof identity.type !== "string" || !/SystemAssigned/i.test(identity.type)) return identity;
    return { ...identity, principalId: fakeGuid(`principal:${seed}`), tenantId: MOCK_TENANT_ID };
}

/**
 * ACS resources this process has created or read, most recent last: the mock cloud answers an adopted system
 * topic's `source` with the ACS resource of its resource group, as Azure would for the topic of that resource.
 */
const KNOWN_ACS: string[] = [];
function rememberAcs(id: string): void {
    KNOWN_ACS.push(id);
    if (KNOWN_ACS.length > 100) KNOWN_ACS.shift();
}
function acsFor(resourceGroupId: string): string | undefined {
    const all = [...KNOWN_ACS].reverse();
    return all.find((id) => id.toLowerCase().startsWith(`${resourceGroupId.toLowerCase()}/`)) ?? all[0];
}

export function newResourceState(args: pulumi.runtime.MockResourceArgs): {
    id: string | undefined;
    state: Record<string, any>;
} {
    if (!args.custom) return { id: undefined, state: {} };
    const inputs = args.inputs ?? {};
    const id = mockArmId(args.type, args.name, inputs);
    const shortName = id.split("/").pop() ?? args.name;
    const state: Record<string, any> = { ...inputs, id, name: shortName };
    if (inputs.identity) state.identity = identityState(inputs.identity, id);
    switch (args.type) {
        case "azure-native:communication:CommunicationService":
            state.hostName = `${shortName}.communication.azure.com`;
            state.immutableResourceId = fakeGuid(`acs:${id}`);
            rememberAcs(id);
            break;
        case "azure-native:communication:Domain":
            state.mailFromSenderDomain = `${fakeGuid(id).slice(0, 8)}.azurecomm.net`;
            state.fromSenderDomain = state.mailFromSenderDomain;
            break;
        case "azure-native:managedidentity:UserAssignedIdentity":
            state.principalId = fakeGuid(`principal:${id}`);
            state.clientId = fakeGuid(`client:${id}`);
            state.tenantId = MOCK_TENANT_ID;
            break;
        case "azure-native:web:WebApp":
            state.defaultHostName = `${shortName}.azurewebsites.net`;
            break;
        case "azure-native:storage:StorageAccount":
            state.primaryEndpoints = {
                blob: `https://${shortName}.blob.core.windows.net/`,
                queue: `https://${shortName}.queue.core.windows.net/`,
                table: `https://${shortName}.table.core.windows.net/`,
            };
            break;
        case "azure-native:applicationinsights:Component":
            state.connectionString =
                `InstrumentationKey=${fakeGuid(id)};` +
                "IngestionEndpoint=https://mock.in.applicationinsights.azure.com/";
            state.instrumentationKey = fakeGuid(id);
            break;
        case "azure-native:operationalinsights:Workspace":
            state.customerId = fakeGuid(`law:${id}`);
            break;
        case "azure-native:eventhub:Namespace":
        case "azure-native:servicebus:Namespace":
            state.serviceBusEndpoint = `https://${shortName}.servicebus.windows.net:443/`;
            break;
    }
    return { id, state };
}

/** Invoke answers. Unknown tokens throw, so a new invoke cannot silently return nothing. */
export function invoke(args: pulumi.runtime.MockCallArgs): Record<string, any> {
    const i = args.inputs ?? {};
    switch (args.token) {
        case "azure-native:authorization:getClientConfig":
            return {
                clientId: fakeGuid("client"),
                objectId: fakeGuid("object"),
                subscriptionId: MOCK_SUBSCRIPTION_ID,
                tenantId: MOCK_TENANT_ID,
            };
        case "azure-native:authorization:getClientToken":
            return { token: "mock-arm-token" };
        case "azure-native:logic:listWorkflowTriggerCallbackUrl": {
            const base =
                `https://prod-00.westeurope.logic.azure.com/workflows/${fakeGuid(String(i.workflowName))}` +
                `/triggers/${i.triggerName}/paths/invoke`;
            const queries = {
                "api-version": "2019-05-01",
                sp: `/triggers/${i.triggerName}/run`,
                sv: "1.0",
                sig: "mock-signature",
            };
            return {
                value:
                    `${base}?api-version=2019-05-01&sp=%2Ftriggers%2F${i.triggerName}%2Frun` +
                    "&sv=1.0&sig=mock-signature",
                basePath: base,
                method: "POST",
                relativePath: "",
                queries,
            };
        }
        case "azure-native:web:listWebAppHostKeys":
            return {
                masterKey: "mock-master",
                functionKeys: { default: "mock-function" },
                systemKeys: { eventgrid_extension: "mock-eventgrid" },
            };
        case "azure-native:communication:getCommunicationService": {
            const id = mockArmId(
                "azure-native:communication:CommunicationService",
                String(i.communicationServiceName),
                i,
            );
            rememberAcs(id);
            return {
                id,
                name: i.communicationServiceName,
                location: "global",
                dataLocation: "Europe",
                hostName: `${i.communicationServiceName}.europe.communication.azure.com`,
                identity: {
                    type: "SystemAssigned",
                    principalId: fakeGuid(`principal:${id}`),
                    tenantId: MOCK_TENANT_ID,
                },
            };
        }
        case "azure-native:eventgrid:getSystemTopic": {
            const id = mockArmId("azure-native:eventgrid:SystemTopic", String(i.systemTopicName), i);
            const source =
                acsFor(id.split("/").slice(0, 5).join("/")) ??
                mockArmId("azure-native:communication:CommunicationService", String(i.systemTopicName), i);
            return {
                id,
                name: i.systemTopicName,
                location: "global",
                topicType: "Microsoft.Communication.CommunicationServices",
                source,
                identity: {
                    type: "SystemAssigned",
                    principalId: fakeGuid(`principal:${id}`),
                    tenantId: MOCK_TENANT_ID,
                },
            };
        }
        case "azure-native:storage:listStorageAccountKeys":
            return { keys: [{ keyName: "key1", value: "mock-key", permissions: "FULL" }] };
        default:
            throw new Error(`the plan's mocks have no answer for invoke ${args.token}; add one in harness/mocks.ts`);
    }
}

/**
 * An adopted topic's source is the ACS resource read or created earlier in the program; answering a few turns
 * of the event loop later lets those earlier (asynchronous) calls reach the mock cloud first.
 */
async function settledInvoke(args: pulumi.runtime.MockCallArgs): Promise<Record<string, any>> {
    if (args.token === "azure-native:eventgrid:getSystemTopic") {
        for (let i = 0; i < 10; i++) await new Promise((resolve) => setImmediate(resolve));
    }
    return invoke(args);
}

export const planMocks: pulumi.runtime.Mocks = {
    newResource: newResourceState,
    call: settledInvoke,
};
