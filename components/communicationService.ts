import * as communication from "@pulumi/azure-native/communication";
import * as pulumi from "@pulumi/pulumi";
import { childName, lastSegment, resourceGroupOf } from "./naming";
import { protectedResourceOptions } from "./protection";
import { issue, ValidationError } from "../validation/issue";

export interface CommunicationServiceArgs {
    /** Required. Resource group that holds the new ACS resource (ignored when existingId is set). */
    resourceGroupName: pulumi.Input<string>;
    /** Conditional. Name of a new ACS resource: 1–63 letters, digits, '-' or '_'. Required unless existingId is set. */
    name?: pulumi.Input<string>;
    /**
     * Optional. Resource ID of an existing ACS resource to use instead of creating one: many teams already own
     * the resource that holds their phone numbers. Nothing is created or changed on it.
     */
    existingId?: pulumi.Input<string>;
    /**
     * Conditional. Where ACS stores data at rest (e.g. "Europe", "United States"). Required unless existingId is set.
     */
    dataLocation?: pulumi.Input<string>;
    /** Optional. Disable access keys so only Entra ID can call ACS. Default: true (Azure Policy fc264132). */
    disableLocalAuth?: pulumi.Input<boolean>;
    /** Optional. "Enabled", "Disabled" or "SecuredByPerimeter". Default: "Enabled". */
    publicNetworkAccess?: pulumi.Input<string>;
    /** Optional. Email domain resource IDs linked to this ACS resource (for sending email). */
    linkedDomains?: pulumi.Input<pulumi.Input<string>[]>;
    /** Optional. Protect against `pulumi destroy` and add a CanNotDelete lock. Default: false. */
    protect?: boolean;
    /** Optional. Add a CanNotDelete management lock. Default: same as protect. */
    lock?: boolean;
    /** Optional. Tags for the resource. */
    tags?: pulumi.Input<Record<string, pulumi.Input<string>>>;
}

/**
 * An Azure Communication Services resource, created (location `global`, system-assigned identity) or referenced
 * by ID. Its ID is the source of the Event Grid system topic.
 */
export class CommunicationService extends pulumi.ComponentResource {
    /** ARM resource ID of the ACS resource. */
    public readonly id: pulumi.Output<string>;
    /** Resource name. */
    public readonly resourceName: pulumi.Output<string>;
    /** Data-plane endpoint, e.g. https://name.communication.azure.com (unknown for referenced resources). */
    public readonly endpoint: pulumi.Output<string>;
    /** Principal ID of the system-assigned identity (empty for referenced resources). */
    public readonly principalId: pulumi.Output<string>;

    constructor(name: string, args: CommunicationServiceArgs, opts?: pulumi.ComponentResourceOptions) {
        super("acs-event-handling:index:CommunicationService", name, checkedArgs(name, args), opts);
        if (args.existingId !== undefined) {
            this.id = pulumi.output(args.existingId);
            this.resourceName = this.id.apply(lastSegment);
            // Read the real host name: ACS endpoints carry a geography (name.<geo>.communication.azure.com).
            const existing = communication.getCommunicationServiceOutput(
                {
                    resourceGroupName: this.id.apply(resourceGroupOf),
                    communicationServiceName: this.resourceName,
                },
                { parent: this },
            );
            this.endpoint = existing.hostName.apply((h) => `https://${h}`);
            this.principalId = existing.apply((e) => e.identity?.principalId ?? "");
        } else {
            const acs = new communication.CommunicationService(
                childName(name, "acs"),
                {
                    resourceGroupName: args.resourceGroupName,
                    communicationServiceName: args.name,
                    location: "global",
                    dataLocation: args.dataLocation!, // checked before super()
                    disableLocalAuth: args.disableLocalAuth ?? true,
                    publicNetworkAccess: args.publicNetworkAccess ?? "Enabled",
                    identity: { type: "SystemAssigned" },
                    linkedDomains: args.linkedDomains,
                    tags: args.tags,
                },
                { parent: this, protect: args.protect ?? false },
            );
            protectedResourceOptions(
                this,
                name,
                acs,
                args.lock ?? args.protect ?? false,
                "the Communication Service owns the phone numbers",
            );
            this.id = acs.id;
            this.resourceName = acs.name;
            this.endpoint = acs.hostName.apply((h) => `https://${h}`);
            this.principalId = acs.identity.apply((i) => i?.principalId ?? "");
        }
        this.registerOutputs({
            id: this.id,
            resourceName: this.resourceName,
            endpoint: this.endpoint,
            principalId: this.principalId,
        });
    }
}

/**
 * Throws before `super()`: a Communication Service with neither a reference nor name + dataLocation registers nothing.
 */
function checkedArgs(name: string, args: CommunicationServiceArgs): CommunicationServiceArgs {
    if (!args || typeof args !== "object")
        throw new ValidationError(
            [issue([], args, "arguments required: { resourceGroupName, name + dataLocation | existingId }")],
            "",
            `CommunicationService "${name}": invalid arguments`,
        );
    if (args.existingId === undefined && (args.name === undefined || args.dataLocation === undefined)) {
        throw new ValidationError(
            [issue([], undefined, "name and dataLocation are required unless existingId is set")],
            "",
            `CommunicationService "${name}": invalid arguments`,
        );
    }
    return args;
}
