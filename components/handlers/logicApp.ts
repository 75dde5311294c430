import * as logic from "@pulumi/azure-native/logic";
import * as pulumi from "@pulumi/pulumi";
import { logicAppDefinition, logicAppParameters } from "./logicAppDefinition";
import { childName } from "../naming";
import { EndpointType } from "../types";
import { emailSenderGrants } from "./emailRole";
import { HandlerEndpoint } from "./endpoint";
import { EmailContext } from "./functionApp";
import { TargetContext } from "./storageQueue";

/** Logic App (Consumption) handler that emails on each SMS received. */
export interface LogicAppTargetArgs {
    /** Required. Workflow name: 1–80 letters, digits, '-', '_', '.', '(' or ')'. */
    workflowName: pulumi.Input<string>;
    /** Required. Email addresses notified for each SMS received. */
    notifyRecipients: pulumi.Input<pulumi.Input<string>[]>;
}

/** The Request trigger's name in logicAppDefinition.ts. */
const TRIGGER = "manual";

/**
 * A Consumption workflow whose HTTP Request trigger is the webhook destination. The workflow answers Event Grid's
 * validation handshake itself and emails through ACS with its managed identity (no OAuth connector to consent).
 * Its callback URL carries a `sig=` key, so it is a secret from the moment it is read.
 */
export function logicAppEndpoint(ctx: TargetContext, args: LogicAppTargetArgs, email: EmailContext): HandlerEndpoint {
    const parameters = pulumi
        .all([email.communicationEndpoint ?? "", email.emailSender ?? "", args.notifyRecipients])
        .apply(([acsEndpoint, sender, recipients]) => logicAppParameters({ acsEndpoint, sender, recipients }));
    const workflow = new logic.Workflow(
        childName(ctx.name, "workflow"),
        {
            resourceGroupName: ctx.resourceGroupName,
            location: ctx.location,
            workflowName: args.workflowName,
            state: "Enabled",
            identity: { type: "SystemAssigned" },
            definition: logicAppDefinition(),
            parameters,
            tags: ctx.tags,
        },
        { parent: ctx.parent },
    );
    const principal = workflow.identity.apply((i) => i?.principalId ?? "");
    const roles = emailSenderGrants(childName(ctx.name, "email-role"), ctx.parent, principal, email);
    const callback = logic.listWorkflowTriggerCallbackUrlOutput(
        {
            resourceGroupName: ctx.resourceGroupName,
            workflowName: workflow.name,
            triggerName: TRIGGER,
        },
        { parent: ctx.parent },
    );
    return {
        endpointType: EndpointType.WebHook,
        endpointUrl: pulumi.secret(callback.apply((c) => c.value ?? "")),
        minimumTlsVersion: "1.2",
        useTopicIdentity: false,
        workflowId: workflow.id,
        readiness: [workflow, ...roles],
    };
}
