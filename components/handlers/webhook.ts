import * as pulumi from "@pulumi/pulumi";
import { EndpointType } from "../types";
import { HandlerEndpoint } from "./endpoint";

export interface WebhookTargetArgs {
    /** Required. HTTPS URL of the receiver. Kept as a Pulumi secret: webhook URLs usually carry a key. */
    url: pulumi.Input<string>;
    /** Optional. Entra ID tenant for secured delivery (set with entraApplicationIdOrUri). */
    entraTenantId?: pulumi.Input<string>;
    /** Optional. Entra application ID or URI the delivery token is issued for. */
    entraApplicationIdOrUri?: pulumi.Input<string>;
    /** Optional. Minimum TLS version Event Grid uses to connect: "1.0", "1.1" or "1.2". Default: "1.2". */
    minimumTlsVersion?: pulumi.Input<string>;
}

/**
 * A webhook creates nothing: the receiver lives elsewhere. Its URL is wrapped as a secret here, whatever the caller
 * passed.
 */
export function webhookEndpoint(args: WebhookTargetArgs): HandlerEndpoint {
    return {
        endpointType: EndpointType.WebHook,
        endpointUrl: pulumi.secret(args.url),
        entraTenantId: args.entraTenantId,
        entraApplicationIdOrUri: args.entraApplicationIdOrUri,
        minimumTlsVersion: args.minimumTlsVersion ?? "1.2",
        useTopicIdentity: false,
        readiness: [],
    };
}
