import * as pulumi from "@pulumi/pulumi";

/** Monitoring of the event path (filled in by the operations work, issue #6). */
export interface MonitoringArgs {
    /** Optional. Default: true. */
    enabled?: boolean;
    resourceGroupName?: pulumi.Input<string>;
    location?: pulumi.Input<string>;
    systemTopicId?: pulumi.Input<string>;
    communicationServiceId?: pulumi.Input<string>;
    subscriptionNames?: pulumi.Input<string>[];
    subscribedEventTypes?: pulumi.Input<string>[];
    tags?: pulumi.Input<Record<string, pulumi.Input<string>>>;
}

export class Monitoring extends pulumi.ComponentResource {
    constructor(name: string, args: MonitoringArgs, opts?: pulumi.ComponentResourceOptions) {
        super("acs-event-handling:index:Monitoring", name, args, opts);
        this.registerOutputs({});
    }
}
