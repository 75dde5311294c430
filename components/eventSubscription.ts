import * as eventgrid from "@pulumi/azure-native/eventgrid";
import * as pulumi from "@pulumi/pulumi";
import {
    checkAdvancedFilters,
    checkEventTypes,
    checkHeaderValue,
    checkRetry,
    checkSubjectFilter,
} from "../validation/filters";
import { Issue, issue, ValidationError } from "../validation/issue";
import { LIMITS } from "../validation/limits";
import { webhookUrlIssues } from "../validation/webhook";
import { childName } from "./naming";
import { DeliveryHeaderKind, DeliverySchema, EndpointType, isPushEndpoint } from "./types";

export interface AdvancedFilterArgs {
    /** Required. One of Event Grid's 19 operators, e.g. "StringBeginsWith", "NumberInRange", "IsNotNull". */
    operatorType: pulumi.Input<string>;
    /** Required. Event key, e.g. "data.to" or "data.deliveryStatus" (camelCase wire names). */
    key: pulumi.Input<string>;
    /** Conditional. Number or boolean operand for NumberLessThan…/BoolEquals. */
    value?: pulumi.Input<any>;
    /** Conditional. Operand list for the In/NotIn, String* and range operators (ranges: [low, high] pairs). */
    values?: pulumi.Input<any[]>;
}

export interface DeliveryHeaderArgs {
    /** Required. Header name (no "aeg-" prefix). */
    name: pulumi.Input<string>;
    /** Required. "static" (fixed value) or "dynamic" (taken from an event field). */
    kind: DeliveryHeaderKind;
    /** Conditional. Value of a static header. */
    value?: pulumi.Input<string>;
    /** Conditional. Event field of a dynamic header, e.g. "data.to". */
    sourceField?: pulumi.Input<string>;
    /** Optional. Static value is a secret (e.g. an Authorization header). Default: false. */
    secret?: pulumi.Input<boolean>;
}

export interface DestinationArgs {
    /** Required. Event Grid endpoint type. */
    endpointType: EndpointType;
    /** Conditional. Destination resource ID; for StorageQueue the storage account ID. Required for resource destinations. */
    resourceId?: pulumi.Input<string>;
    /** Conditional. Queue name (StorageQueue). */
    queueName?: pulumi.Input<string>;
    /** Optional. StorageQueue message TTL in seconds (-1 never expires). */
    queueMessageTimeToLiveInSeconds?: pulumi.Input<number>;
    /** Conditional. HTTPS URL (WebHook). Stored as a secret. */
    endpointUrl?: pulumi.Input<string>;
    /** Optional. Entra ID tenant for secured WebHook delivery (set with entraApplicationIdOrUri). */
    entraTenantId?: pulumi.Input<string>;
    /** Optional. Entra application ID or URI the WebHook delivery token is issued for. */
    entraApplicationIdOrUri?: pulumi.Input<string>;
    /** Optional. WebHook minimum TLS version. Default: "1.2". */
    minimumTlsVersion?: pulumi.Input<string>;
    /** Optional. Deliver with the topic's system-assigned identity. Default: true for queues, Service Bus and Event Hubs. */
    useTopicIdentity?: boolean;
}

export interface DeadLetterArgs {
    /** Required. Storage account ID that receives dead letters. */
    storageAccountId: pulumi.Input<string>;
    /** Required. Private blob container in that account. */
    containerName: pulumi.Input<string>;
    /** Optional. Write with the topic's identity (needed when shared keys are off). Default: true. */
    useTopicIdentity?: boolean;
}

export interface EventSubscriptionArgs {
    /**
     * Optional. Resource ID of the topic's user-assigned identity: identity delivery and dead-lettering use it
     * (type UserAssigned). Unset: the topic's system-assigned identity.
     */
    userAssignedIdentityId?: pulumi.Input<string>;
    /** Required. Resource group of the system topic. */
    resourceGroupName: pulumi.Input<string>;
    /** Required. Name of the system topic (an output of the topic, so the subscription waits for it). */
    systemTopicName: pulumi.Input<string>;
    /** Optional. Azure name, 3–64 letters, digits or hyphens. Default: the component name. */
    subscriptionName?: pulumi.Input<string>;
    /** Optional. Name of the handler, recorded for plans and reports. */
    handler?: pulumi.Input<string>;
    /** Required. Full event type names, e.g. "Microsoft.Communication.SMSReceived". Never empty. */
    eventTypes: pulumi.Input<pulumi.Input<string>[]>;
    /** Optional. Literal subject prefix (no wildcards); SMS subjects look like "/phonenumber/16045551234". */
    subjectBeginsWith?: pulumi.Input<string>;
    /** Optional. Literal subject suffix. */
    subjectEndsWith?: pulumi.Input<string>;
    /** Optional. Compare the subject filters case-sensitively. Default: false. */
    subjectCaseSensitive?: pulumi.Input<boolean>;
    /** Optional. Advanced filters: at most 25, with at most 25 values in total. */
    advancedFilters?: AdvancedFilterArgs[];
    /** Optional. Let advanced filters match array values element by element. Default: false. */
    enableAdvancedFilteringOnArrays?: pulumi.Input<boolean>;
    /** Optional. Delivery attempts 1–30. Default: 30. */
    maxDeliveryAttempts?: pulumi.Input<number>;
    /** Optional. Event time-to-live in minutes, 1–1440. Default: 1440. */
    eventTimeToLiveInMinutes?: pulumi.Input<number>;
    /** Optional. Output schema. Default: EventGridSchema. */
    deliverySchema?: DeliverySchema;
    /** Optional. Events per batch for WebHook/AzureFunction, 1–5000. Default: 1. */
    maxEventsPerBatch?: pulumi.Input<number>;
    /** Optional. Preferred batch size in KB for WebHook/AzureFunction, 1–1024. Default: 64. */
    preferredBatchSizeInKilobytes?: pulumi.Input<number>;
    /** Optional. Labels on the subscription. */
    labels?: pulumi.Input<pulumi.Input<string>[]>;
    /** Optional. When the subscription expires (ISO 8601). Default: never. */
    expirationTimeUtc?: pulumi.Input<string>;
    /** Optional. Headers added to each delivery (at most 10). */
    deliveryHeaders?: DeliveryHeaderArgs[];
    /** Required. Where events go. */
    destination: DestinationArgs;
    /** Optional but strongly recommended: where undeliverable events go. */
    deadLetter?: DeadLetterArgs;
}

/**
 * One filtered event subscription on the ACS system topic. Writes every default explicitly (retry 30/1440,
 * case-insensitive subject, batch 1/64 for push endpoints, schema) so nothing depends on server defaults, and
 * delivers and dead-letters with the topic's identity where Azure allows it.
 */
export class EventSubscription extends pulumi.ComponentResource {
    public readonly id: pulumi.Output<string>;
    public readonly subscriptionName: pulumi.Output<string>;

    constructor(name: string, args: EventSubscriptionArgs, opts?: pulumi.ComponentResourceOptions) {
        super("acs-event-handling:index:EventSubscription", name, checkedSubscriptionArgs(name, args), opts);
        const sub = new eventgrid.SystemTopicEventSubscription(
            childName(name, "subscription"),
            {
                resourceGroupName: args.resourceGroupName,
                systemTopicName: args.systemTopicName,
                eventSubscriptionName: args.subscriptionName ?? name,
                filter: {
                    includedEventTypes: args.eventTypes,
                    subjectBeginsWith: args.subjectBeginsWith,
                    subjectEndsWith: args.subjectEndsWith,
                    isSubjectCaseSensitive: args.subjectCaseSensitive ?? false,
                    enableAdvancedFilteringOnArrays: args.enableAdvancedFilteringOnArrays ?? false,
                    advancedFilters: args.advancedFilters as any,
                },
                retryPolicy: {
                    maxDeliveryAttempts: args.maxDeliveryAttempts ?? LIMITS.maxDeliveryAttempts.default,
                    eventTimeToLiveInMinutes: args.eventTimeToLiveInMinutes ?? LIMITS.eventTimeToLiveInMinutes.default,
                },
                eventDeliverySchema: args.deliverySchema ?? DeliverySchema.EventGridSchema,
                labels: args.labels,
                expirationTimeUtc: args.expirationTimeUtc,
                ...destinationInputs(args),
                ...deadLetterInputs(args.deadLetter, topicIdentity(args)),
                // The component's dependsOn (role assignments, code deployment) must hold for the Azure resource itself:
                // a child does not inherit its parent's dependencies.
            },
            { parent: this, dependsOn: opts?.dependsOn },
        );
        this.id = sub.id;
        this.subscriptionName = sub.name;
        this.registerOutputs({ id: this.id, subscriptionName: this.subscriptionName });
    }
}

function usesIdentity(d: DestinationArgs): boolean {
    return (
        d.useTopicIdentity ?? (d.endpointType !== EndpointType.WebHook && d.endpointType !== EndpointType.AzureFunction)
    );
}

/** `destination` and `deliveryWithResourceIdentity` are mutually exclusive in ARM: emit exactly one. */
function destinationInputs(args: EventSubscriptionArgs): Partial<eventgrid.SystemTopicEventSubscriptionArgs> {
    const d = args.destination;
    const mappings = deliveryMappings(args.deliveryHeaders);
    const push = isPushEndpoint(d.endpointType)
        ? {
              maxEventsPerBatch: args.maxEventsPerBatch ?? LIMITS.maxEventsPerBatch.default,
              preferredBatchSizeInKilobytes:
                  args.preferredBatchSizeInKilobytes ?? LIMITS.preferredBatchSizeInKilobytes.default,
          }
        : {};
    let destination: any;
    switch (d.endpointType) {
        case EndpointType.WebHook:
            destination = {
                endpointType: "WebHook",
                endpointUrl: pulumi.secret(d.endpointUrl!),
                minimumTlsVersionAllowed: d.minimumTlsVersion ?? "1.2",
                azureActiveDirectoryTenantId: d.entraTenantId,
                azureActiveDirectoryApplicationIdOrUri: d.entraApplicationIdOrUri,
                ...push,
            };
            break;
        case EndpointType.StorageQueue:
            destination = {
                endpointType: "StorageQueue",
                resourceId: d.resourceId,
                queueName: d.queueName,
                queueMessageTimeToLiveInSeconds: d.queueMessageTimeToLiveInSeconds,
            };
            break;
        default:
            destination = { endpointType: d.endpointType, resourceId: d.resourceId, ...push };
    }
    if (mappings && d.endpointType !== EndpointType.StorageQueue) destination.deliveryAttributeMappings = mappings;
    return usesIdentity(d)
        ? { deliveryWithResourceIdentity: { identity: topicIdentity(args), destination } }
        : { destination };
}

/** The identity block of deliveryWithResourceIdentity / deadLetterWithResourceIdentity. */
function topicIdentity(args: EventSubscriptionArgs): { type: string; userAssignedIdentity?: pulumi.Input<string> } {
    return args.userAssignedIdentityId !== undefined
        ? { type: "UserAssigned", userAssignedIdentity: args.userAssignedIdentityId }
        : { type: "SystemAssigned" };
}

function deliveryMappings(headers: DeliveryHeaderArgs[] | undefined): any[] | undefined {
    if (!headers?.length) return undefined;
    return headers.map((h) =>
        h.kind === DeliveryHeaderKind.Static
            ? {
                  type: "Static",
                  name: h.name,
                  value: h.secret ? pulumi.secret(h.value!) : h.value,
                  isSecret: h.secret ?? false,
              }
            : { type: "Dynamic", name: h.name, sourceField: h.sourceField },
    );
}

function deadLetterInputs(
    dl: DeadLetterArgs | undefined,
    identity: { type: string; userAssignedIdentity?: pulumi.Input<string> },
): Partial<eventgrid.SystemTopicEventSubscriptionArgs> {
    if (!dl) return {};
    const deadLetterDestination = {
        endpointType: "StorageBlob" as const,
        resourceId: dl.storageAccountId,
        blobContainerName: dl.containerName,
    };
    return (dl.useTopicIdentity ?? true)
        ? { deadLetterWithResourceIdentity: { identity, deadLetterDestination } }
        : { deadLetterDestination };
}

const plain = <T>(v: pulumi.Input<T> | undefined): T | undefined =>
    v === undefined || pulumi.Output.isInstance(v) || v instanceof Promise ? undefined : (v as T);

/** Throws before `super()`, so invalid args register nothing, not even the component itself. */
function checkedSubscriptionArgs(name: string, args: EventSubscriptionArgs): EventSubscriptionArgs {
    const issues = validateSubscriptionArgs(args);
    if (issues.length) throw new ValidationError(issues, `EventSubscription "${name}" `, "invalid event subscription");
    return args;
}

const isRecord = (v: unknown): v is Record<string, unknown> =>
    !!v && typeof v === "object" && !Array.isArray(v) && !pulumi.Output.isInstance(v);

/**
 * Route settings whose shape TypeScript cannot enforce for a JavaScript or YAML caller: enums, lists, header kinds.
 * Checked the same way here and by AcsEventHandling before it creates anything.
 */
export function routeSettingIssues(
    r: { deliverySchema?: unknown; deliveryHeaders?: unknown },
    at: (string | number)[],
): Issue[] {
    const out: Issue[] = [];
    const schema = plain(r.deliverySchema as pulumi.Input<string> | undefined);
    if (schema !== undefined && !(Object.values(DeliverySchema) as unknown[]).includes(schema)) {
        out.push(issue([...at, "deliverySchema"], schema, `one of ${Object.values(DeliverySchema).join(", ")}`));
    }
    if (r.deliveryHeaders === undefined) return out;
    if (!Array.isArray(r.deliveryHeaders))
        return [...out, issue([...at, "deliveryHeaders"], typeof r.deliveryHeaders, "a list of headers")];
    r.deliveryHeaders.forEach((h, i) => {
        const hat = [...at, "deliveryHeaders", i];
        if (!isRecord(h))
            return out.push(issue(hat, h === null ? null : typeof h, "a header: { name, kind, value | sourceField }"));
        const kinds = Object.values(DeliveryHeaderKind) as unknown[];
        if (!kinds.includes(h.kind))
            out.push(issue([...hat, "kind"], h.kind, `one of ${kinds.map((k) => `"${k}"`).join(", ")} (lower case)`));
        if (h.kind === DeliveryHeaderKind.Static && (h.value === undefined || h.value === null))
            out.push(issue([...hat, "value"], h.value, "a static header needs a string value"));
        out.push(...checkHeaderValue(plain(h.value as pulumi.Input<string> | undefined), [...hat, "value"]));
        if (h.kind === DeliveryHeaderKind.Dynamic && (h.sourceField === undefined || h.sourceField === null))
            out.push(issue([...hat, "sourceField"], undefined, 'a dynamic header needs sourceField, e.g. "data.to"'));
        return undefined;
    });
    return out;
}

/** Validate what is known at construction time (plain values); outputs are checked by the policy pack. */
export function validateSubscriptionArgs(args: EventSubscriptionArgs): Issue[] {
    if (!isRecord(args))
        return [
            issue(
                [],
                args === null ? null : typeof args,
                "arguments required: { resourceGroupName, systemTopicName, eventTypes, destination }",
            ),
        ];
    const out: Issue[] = routeSettingIssues(args, []);
    const types = plain(args.eventTypes);
    if (args.eventTypes === undefined || types !== undefined) out.push(...checkEventTypes(types, ["eventTypes"]));
    const typeList = (types ?? []).map((t) => plain(t));
    out.push(
        ...checkSubjectFilter(
            {
                beginsWith: plain(args.subjectBeginsWith),
                endsWith: plain(args.subjectEndsWith),
                caseSensitive: plain(args.subjectCaseSensitive),
            },
            typeList,
            ["subject"],
        ),
    );
    const filters: unknown = args.advancedFilters;
    out.push(
        ...checkAdvancedFilters(
            Array.isArray(filters)
                ? filters.map((f) =>
                      !isRecord(f)
                          ? f
                          : {
                                operatorType: plain(f.operatorType),
                                key: plain(f.key),
                                value: plain(f.value),
                                values: plain(f.values),
                            },
                  )
                : filters,
            ["advancedFilters"],
        ),
    );
    out.push(
        ...checkRetry(
            {
                maxDeliveryAttempts: plain(args.maxDeliveryAttempts),
                eventTimeToLiveInMinutes: plain(args.eventTimeToLiveInMinutes),
            },
            ["retry"],
        ),
    );
    const sn = plain(args.subscriptionName);
    if (sn !== undefined && !LIMITS.subscriptionName.test(sn))
        out.push(issue(["subscriptionName"], sn, "3–64 letters, digits or hyphens"));
    out.push(...destinationIssues(args.destination));
    const batching = args.maxEventsPerBatch !== undefined || args.preferredBatchSizeInKilobytes !== undefined;
    if (batching && isRecord(args.destination) && !isPushEndpoint(args.destination.endpointType)) {
        out.push(
            issue(
                ["maxEventsPerBatch"],
                plain(args.maxEventsPerBatch),
                `batching applies only to WebHook and AzureFunction destinations; this one is ${args.destination.endpointType}`,
            ),
        );
    }
    if ((args.deliveryHeaders?.length ?? 0) > LIMITS.deliveryAttributeMappings)
        out.push(
            issue(
                ["deliveryHeaders"],
                args.deliveryHeaders!.length,
                `at most ${LIMITS.deliveryAttributeMappings} delivery headers`,
            ),
        );
    return out;
}

function destinationIssues(d: DestinationArgs | undefined): Issue[] {
    if (!isRecord(d)) return [issue(["destination"], d, "required: { endpointType, resourceId | endpointUrl, … }")];
    if (!Object.values(EndpointType).includes(d.endpointType))
        return [
            issue(["destination", "endpointType"], d.endpointType, `one of ${Object.values(EndpointType).join(", ")}`),
        ];
    if (d.endpointType === EndpointType.WebHook) {
        if (d.endpointUrl === undefined)
            return [issue(["destination", "endpointUrl"], undefined, "required for WebHook")];
        const url = plain(d.endpointUrl);
        return webhookUrlIssues(url, ["destination", "endpointUrl"]);
    }
    const out: Issue[] = [];
    if (d.resourceId === undefined)
        out.push(issue(["destination", "resourceId"], undefined, `required for ${d.endpointType}`));
    if (d.endpointType === EndpointType.StorageQueue && d.queueName === undefined)
        out.push(issue(["destination", "queueName"], undefined, "required for StorageQueue"));
    if (d.endpointType === EndpointType.AzureFunction) {
        const id = plain(d.resourceId);
        if (id !== undefined && !/\/providers\/Microsoft\.Web\/sites\/[^/]+\/functions\/[^/]+$/i.test(id)) {
            out.push(
                issue(
                    ["destination", "resourceId"],
                    id,
                    "an AzureFunction destination is <function app id>/functions/<function name>",
                ),
            );
        }
    }
    return out;
}
