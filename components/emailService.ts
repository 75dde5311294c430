import * as communication from "@pulumi/azure-native/communication";
import * as pulumi from "@pulumi/pulumi";
import { childName } from "./naming";

export interface EmailServiceArgs {
    /** Required. Resource group of the Email Communication Service. */
    resourceGroupName: pulumi.Input<string>;
    /** Required. Email service name. */
    name: pulumi.Input<string>;
    /** Required. Data location; must match the ACS resource's, e.g. "Europe". */
    dataLocation: pulumi.Input<string>;
    /** Optional. Tags for the email service and domain. */
    tags?: pulumi.Input<Record<string, pulumi.Input<string>>>;
}

/**
 * An Email Communication Service with an Azure-managed domain (`<guid>.azurecomm.net`, no DNS work), to be linked
 * to the ACS resource (`linkedDomains`) so handlers can send notifications from `DoNotReply@<domain>`.
 */
export class EmailService extends pulumi.ComponentResource {
    /** Domain resource ID, for the ACS resource's linkedDomains. */
    public readonly domainId: pulumi.Output<string>;
    /** Verified sender address. */
    public readonly senderAddress: pulumi.Output<string>;

    constructor(name: string, args: EmailServiceArgs, opts?: pulumi.ComponentResourceOptions) {
        super("acs-event-handling:index:EmailService", name, args, opts);
        const service = new communication.EmailService(
            childName(name, "service"),
            {
                resourceGroupName: args.resourceGroupName,
                emailServiceName: args.name,
                location: "global",
                dataLocation: args.dataLocation,
                tags: args.tags,
            },
            { parent: this },
        );
        const domain = new communication.Domain(
            childName(name, "domain"),
            {
                resourceGroupName: args.resourceGroupName,
                emailServiceName: service.name,
                domainName: "AzureManagedDomain",
                location: "global",
                domainManagement: "AzureManaged",
                userEngagementTracking: "Disabled",
                tags: args.tags,
            },
            { parent: this },
        );
        this.domainId = domain.id;
        this.senderAddress = domain.mailFromSenderDomain.apply((d) => `DoNotReply@${d}`);
        this.registerOutputs({ domainId: this.domainId, senderAddress: this.senderAddress });
    }
}
