import * as pulumi from "@pulumi/pulumi";
import { HandlerEndpoint } from "./endpoint";
import { EmailContext } from "./functionApp";
import { TargetContext } from "./storageQueue";

export { FunctionTargetArgs, functionEndpoint, EmailContext } from "./functionApp";

/** Logic App (Consumption) handler that emails on each SMS received. */
export interface LogicAppTargetArgs {
    /** Required. Workflow name. */
    workflowName: pulumi.Input<string>;
    /** Required. Email addresses notified for each SMS received. */
    notifyRecipients: pulumi.Input<pulumi.Input<string>[]>;
}

export function logicAppEndpoint(ctx: TargetContext, _args: LogicAppTargetArgs, _email: EmailContext): HandlerEndpoint {
    throw new Error(`handler "${ctx.name}": kind "logicApp" is not available yet`);
}
