import * as pulumi from "@pulumi/pulumi";
import { HandlerEndpoint } from "./endpoint";
import { TargetContext } from "./storageQueue";

/** Function App handler (Flex Consumption, Event Grid trigger). Filled in with the handler code (issue #5). */
export interface FunctionTargetArgs {
    /** Required. Function App name (2–60 letters, digits, hyphens; globally unique). */
    appName: pulumi.Input<string>;
    /** Required. Storage account for the app's host storage, deployment package, records table and tickets queue. */
    storageAccountName: pulumi.Input<string>;
    /** Optional. Function name inside the app. Default: "smsEvents". */
    functionName?: pulumi.Input<string>;
    /** Optional. Email addresses notified for each SMS. */
    notifyRecipients?: pulumi.Input<pulumi.Input<string>[]>;
    /** Optional. Instance memory in MB: 512, 2048 or 4096. Default: 2048. */
    instanceMemoryMB?: pulumi.Input<number>;
    /** Optional. Maximum instances. Default: 40. */
    maximumInstanceCount?: pulumi.Input<number>;
}

/** Logic App (Consumption) handler that emails on each SMS received. */
export interface LogicAppTargetArgs {
    /** Required. Workflow name. */
    workflowName: pulumi.Input<string>;
    /** Required. Email addresses notified for each SMS received. */
    notifyRecipients: pulumi.Input<pulumi.Input<string>[]>;
}

export function functionEndpoint(ctx: TargetContext, _args: FunctionTargetArgs, _all: unknown): HandlerEndpoint {
    throw new Error(`handler "${ctx.name}": kind "function" is not available yet`);
}

export function logicAppEndpoint(ctx: TargetContext, _args: LogicAppTargetArgs, _all: unknown): HandlerEndpoint {
    throw new Error(`handler "${ctx.name}": kind "logicApp" is not available yet`);
}
