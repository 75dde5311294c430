import { z } from "zod";
import {
    DeliveryHeaderKind,
    DeliveryIdentityKind,
    DeliverySchema,
    EmailDomainKind,
    HandlerKind,
} from "../components/types";
import type { AcsRouteArgs } from "../components/acsEventHandling";
import type {
    AdvancedFilterArgs,
    DeliveryHeaderArgs,
    RouteBatchingArgs,
    RouteDeliveryArgs,
    RouteFilterArgs,
    RouteRetryArgs,
    SubjectFilterArgs,
} from "../components/route";
import { FLEX_INSTANCE_MEMORY_MB, LIMITS } from "../validation/limits";
import {
    ACTION_GROUP_SHORT_NAME_MAX,
    ALERT_WINDOWS,
    MONITORING_DEFAULTS,
    MONITORING_LIMITS as M,
} from "../validation/monitoring";
import { isAzureRegion, MESSAGING_NAMESPACE_NAME } from "../validation/azure";

/**
 * The shape of `Pulumi.<stack>.yaml` under the `acs-event-handling:` namespace. Structure, types, enums and
 * ranges live here; checks that need the catalog or cross-references live in validation/stack.ts. Messages say what
 * is allowed; the loader adds the key path and the bad value.
 */

const name = (rule: RegExp, what: string) => z.string().regex(rule, what);
const int = (min: number, max: number, what: string) =>
    z
        .number()
        .int(`${what} must be a whole number`)
        .min(min, `${what}: from ${min} to ${max}`)
        .max(max, `${what}: from ${min} to ${max}`);
const armId = z
    .string()
    .regex(
        /^\/subscriptions\/[^/]+\/resourceGroups\/[^/]+\/providers\/.+/i,
        "an Azure resource ID (/subscriptions/…/resourceGroups/…/providers/…)",
    );

export const resourceGroupSchema = z.strictObject({
    name: z
        .string()
        .regex(/^[-\w.()]{1,89}[-\w()]$/, "1–90 letters, digits, '-', '_', '.', '(' or ')', not ending in '.'"),
    existing: z.boolean().default(false),
});

export const communicationSchema = z.strictObject({
    name: name(LIMITS.communicationServiceName, "1–63 letters, digits, '-' or '_'").optional(),
    existingId: armId.optional(),
    dataLocation: z.string().min(1).optional(),
    disableLocalAuth: z.boolean().default(true),
    publicNetworkAccess: z.enum(["Enabled", "Disabled", "SecuredByPerimeter"]).default("Enabled"),
    protect: z.boolean().default(false),
    /** Unset: same as protect (a protected resource also gets a CanNotDelete lock). */
    lock: z.boolean().optional(),
});

export const systemTopicSchema = z.strictObject({
    name: name(LIMITS.systemTopicName, "3–128 letters, digits or hyphens").optional(),
    existingName: name(LIMITS.systemTopicName, "3–128 letters, digits or hyphens").optional(),
    protect: z.boolean().default(false),
    /** Unset: same as protect (a protected resource also gets a CanNotDelete lock). */
    lock: z.boolean().optional(),
    /** Identity the topic delivers and dead-letters with (components/types.ts DeliveryIdentityKind). */
    deliveryIdentity: z.enum(DeliveryIdentityKind).default(DeliveryIdentityKind.SystemAssigned),
});

export const deadLetterSchema = z.strictObject({
    enabled: z.boolean().default(true),
    accountName: name(LIMITS.storageAccountName, "3–24 lower-case letters and digits (globally unique)").optional(),
    existingAccountId: armId.optional(),
    containerName: name(LIMITS.blobContainerName, "3–63 lower-case letters, digits and single hyphens").default(
        "deadletters",
    ),
    sku: z
        .enum(["Standard_LRS", "Standard_ZRS", "Standard_GRS", "Standard_RAGRS", "Standard_GZRS", "Standard_RAGZRS"])
        .default("Standard_LRS"),
    softDeleteDays: int(1, 365, "softDeleteDays").default(7),
});

const webhook = z.strictObject({
    url: z.string().url("an absolute URL"),
    entraTenantId: z.string().uuid("a tenant GUID").optional(),
    entraApplicationIdOrUri: z.string().min(1).optional(),
    minimumTlsVersion: z.enum(["1.0", "1.1", "1.2"]).default("1.2"),
});
const storageQueue = z.strictObject({
    queueName: name(LIMITS.queueName, "3–63 lower-case letters, digits and single hyphens"),
    accountName: name(LIMITS.storageAccountName, "3–24 lower-case letters and digits").optional(),
    existingAccountId: armId.optional(),
    messageTimeToLiveSeconds: z
        .number()
        .int()
        .refine((v) => v === -1 || v >= 1, "-1 (never expires) or at least 1")
        .optional(),
});
const sbEntityName = z
    .string()
    .regex(/^[A-Za-z0-9][-\w.~/]{0,259}$/, "1–260 letters, digits, '-', '_', '.', '~' or '/'");
/** Service Bus and Event Hubs namespaces share one name rule (validation/azure.ts, with its source). */
const namespaceName = z
    .string()
    .regex(MESSAGING_NAMESPACE_NAME, "6–50 letters, digits or hyphens, starting with a letter");
const sbNamespace = {
    namespaceName: namespaceName.optional(),
    existingNamespaceId: armId.optional(),
    sku: z.enum(["Basic", "Standard", "Premium"]).default("Standard"),
};
const sbQueue = z.strictObject({ queueName: sbEntityName, ...sbNamespace });
const sbTopic = z.strictObject({ topicName: sbEntityName, ...sbNamespace });
const eventHub = z.strictObject({
    eventHubName: z.string().regex(/^[A-Za-z0-9][-\w.]{0,255}$/, "1–256 letters, digits, '-', '_' or '.'"),
    namespaceName: namespaceName.optional(),
    existingNamespaceId: armId.optional(),
    sku: z.enum(["Basic", "Standard", "Premium"]).default("Standard"),
    partitionCount: int(1, 32, "partitionCount").default(2),
});
const functionApp = z.strictObject({
    appName: z.string().regex(/^[A-Za-z0-9][-A-Za-z0-9]{0,58}[A-Za-z0-9]$/, "2–60 letters, digits or hyphens"),
    storageAccountName: name(LIMITS.storageAccountName, "3–24 lower-case letters and digits"),
    functionName: z
        .string()
        .regex(/^[A-Za-z][\w-]{0,127}$/, "a function name")
        .default("smsEvents"),
    notifyRecipients: z.array(z.string().email("an email address")).min(1, "at least one recipient"),
    instanceMemoryMB: z
        .literal(
            [...FLEX_INSTANCE_MEMORY_MB],
            `one of ${FLEX_INSTANCE_MEMORY_MB.join(", ")} (MB; Flex Consumption rejects 512 today)`,
        )
        .default(2048),
    maximumInstanceCount: int(1, 1000, "maximumInstanceCount").default(40),
});
const logicApp = z.strictObject({
    workflowName: z.string().regex(/^[-\w.()]{1,80}$/, "1–80 letters, digits, '-', '_', '.', '(' or ')'"),
    notifyRecipients: z.array(z.string().email("an email address")).min(1, "at least one recipient"),
});

export const handlerSchema = z.strictObject({
    kind: z.enum(HandlerKind),
    webhook: webhook.optional(),
    storageQueue: storageQueue.optional(),
    serviceBusQueue: sbQueue.optional(),
    serviceBusTopic: sbTopic.optional(),
    eventHub: eventHub.optional(),
    function: functionApp.optional(),
    logicApp: logicApp.optional(),
});

const advancedFilter = z.strictObject({
    operatorType: z.string(),
    key: z.string(),
    value: z.union([z.number(), z.boolean()]).optional(),
    values: z.array(z.union([z.number(), z.string(), z.array(z.number())])).optional(),
});

const deliveryHeader = z.strictObject({
    name: z
        .string()
        .regex(LIMITS.deliveryHeaderName, 'a header name (1–128 letters, digits, hyphens) not starting with "aeg-"'),
    kind: z.enum(DeliveryHeaderKind),
    value: z.string().optional(),
    sourceField: z.string().optional(),
    secret: z.boolean().default(false),
});

/** Event Grid's `filter` block (components/route.ts RouteFilterArgs). */
const routeFilter = z.strictObject({
    eventTypes: z.array(z.string()),
    subject: z
        .strictObject({
            beginsWith: z.string().optional(),
            endsWith: z.string().optional(),
            caseSensitive: z.boolean().default(false),
        })
        .optional(),
    advancedFilters: z.array(advancedFilter).optional(),
    enableAdvancedFilteringOnArrays: z.boolean().default(false),
});

const routeDelivery = z.strictObject({
    schema: z.enum(DeliverySchema).default(DeliverySchema.EventGridSchema),
    batching: z
        .strictObject({
            maxEventsPerBatch: int(
                LIMITS.maxEventsPerBatch.min,
                LIMITS.maxEventsPerBatch.max,
                "maxEventsPerBatch",
            ).default(LIMITS.maxEventsPerBatch.default),
            preferredBatchSizeInKilobytes: int(
                LIMITS.preferredBatchSizeInKilobytes.min,
                LIMITS.preferredBatchSizeInKilobytes.max,
                "preferredBatchSizeInKilobytes",
            ).default(LIMITS.preferredBatchSizeInKilobytes.default),
        })
        .optional(),
    headers: z
        .array(deliveryHeader)
        .max(LIMITS.deliveryAttributeMappings, `at most ${LIMITS.deliveryAttributeMappings} delivery headers`)
        .optional(),
});

/** One route: the shape of AcsRouteArgs (components/route.ts), checked against it below. */
export const subscriptionSchema = z.strictObject({
    name: name(LIMITS.subscriptionName, "3–64 letters, digits or hyphens").optional(),
    handler: z.string().min(1, "the name of a handler under acs-event-handling:handlers"),
    filter: routeFilter,
    retry: z
        .strictObject({
            maxDeliveryAttempts: z.number().default(LIMITS.maxDeliveryAttempts.default),
            eventTimeToLiveInMinutes: z.number().default(LIMITS.eventTimeToLiveInMinutes.default),
        })
        .default({
            maxDeliveryAttempts: LIMITS.maxDeliveryAttempts.default,
            eventTimeToLiveInMinutes: LIMITS.eventTimeToLiveInMinutes.default,
        }),
    /**
     * Unset: follow the stack (deadLetter.enabled); false opts this route out; true insists (error if disabled
     * stack-wide).
     */
    deadLetter: z.boolean().optional(),
    delivery: routeDelivery.default({ schema: DeliverySchema.EventGridSchema }),
    labels: z.array(z.string()).optional(),
    expirationTimeUtc: z
        .string()
        .datetime({ offset: true, message: "an ISO 8601 date-time, e.g. 2027-01-01T00:00:00Z" })
        .optional(),
});

const threshold = (key: string) => int(M.threshold.min, M.threshold.max, `thresholds.${key}`);
const { thresholds: T } = MONITORING_DEFAULTS;

/**
 * Monitoring is on unless a stack turns it off: every stack gets a workspace, the diagnostic settings and
 * the delivery alerts (defaults and their reasons: validation/monitoring.ts, docs/operations.md).
 */
export const monitoringSchema = z.strictObject({
    enabled: z.boolean().default(true),
    /** Prefix of the physical names; default: the ACS resource's name (so dev and prod never collide). */
    namePrefix: z
        .string()
        .regex(M.namePrefix, "1–58 letters, digits or hyphens, starting with a letter or digit")
        .optional(),
    workspaceName: z.string().regex(M.workspaceName, "4–63 letters, digits or hyphens").optional(),
    existingWorkspaceId: armId.optional(),
    retentionInDays: int(M.retentionInDays.min, M.retentionInDays.max, "retentionInDays").default(
        MONITORING_DEFAULTS.retentionInDays,
    ),
    alertEmails: z.array(z.string().email("an email address")).default([]),
    actionGroupShortName: z
        .string()
        .min(1)
        .max(ACTION_GROUP_SHORT_NAME_MAX, `at most ${ACTION_GROUP_SHORT_NAME_MAX} characters (shown in notifications)`)
        .optional(),
    severity: int(M.severity.min, M.severity.max, "severity").default(MONITORING_DEFAULTS.severity),
    thresholds: z
        .strictObject({
            deliveryFailures: threshold("deliveryFailures").default(T.deliveryFailures),
            deadLettered: threshold("deadLettered").default(T.deadLettered),
            dropped: threshold("dropped").default(T.dropped),
            unmatched: threshold("unmatched").default(T.unmatched),
        })
        .default({ ...T }),
    windowMinutes: z.literal(ALERT_WINDOWS).default(MONITORING_DEFAULTS.windowMinutes),
});

/** The email domain handlers send from: Azure-managed (default, sandbox quota) or a verified custom domain. */
export const emailDomainSchema = z
    .strictObject({
        kind: z.enum(EmailDomainKind).default(EmailDomainKind.AzureManaged),
        custom: z
            .strictObject({
                domainId: z
                    .string()
                    .regex(
                        /\/providers\/Microsoft\.Communication\/emailServices\/[^/]+\/domains\/[^/]+$/i,
                        "the resource ID of a verified email domain " +
                            "(…/providers/Microsoft.Communication/emailServices/<service>/domains/<domain>)",
                    ),
                senderAddress: z.string().email("an email address on that domain"),
            })
            .optional(),
    })
    .refine((e) => e.kind !== "custom" || e.custom !== undefined, {
        message: 'kind is "custom", so set custom { domainId, senderAddress }',
        path: ["custom"],
    });

/** The whole stack config, keys without the `acs-event-handling:` prefix. */
export const stackConfigSchema = z.strictObject({
    location: z
        .string()
        .min(1, "an Azure region, e.g. westeurope")
        .refine(
            isAzureRegion,
            'an Azure region name, e.g. westeurope or "West Europe" (the list: validation/azure.ts)',
        ),
    resourceGroup: resourceGroupSchema,
    communication: communicationSchema,
    systemTopic: systemTopicSchema.default({ protect: false, deliveryIdentity: DeliveryIdentityKind.SystemAssigned }),
    deadLetter: deadLetterSchema,
    emailDomain: emailDomainSchema.default({ kind: EmailDomainKind.AzureManaged }),
    handlers: z.record(z.string(), handlerSchema),
    subscriptions: z.record(z.string(), subscriptionSchema),
    monitoring: monitoringSchema.default(() => monitoringSchema.parse({})),
    tags: z.record(z.string(), z.string()).default({}),
});

export type StackSettings = z.infer<typeof stackConfigSchema>;
export type HandlerSettings = z.infer<typeof handlerSchema>;
export type SubscriptionSettings = z.infer<typeof subscriptionSchema>;

/**
 * The config's route is the components' route: what the schema yields is assignable to AcsRouteArgs, and both have
 * the same keys at every level, so a field added to one and not the other fails the type check here.
 */
type SameKeys<A, B> = [Exclude<keyof A, keyof B>, Exclude<keyof B, keyof A>] extends [never, never] ? true : false;
type Holds<T extends true> = T;
type Settings = SubscriptionSettings;
type Delivery = NonNullable<Settings["delivery"]>;
export type RouteShapeCheck = [
    Holds<Settings extends AcsRouteArgs ? true : false>,
    Holds<SameKeys<Settings, AcsRouteArgs>>,
    Holds<SameKeys<Settings["filter"], RouteFilterArgs>>,
    Holds<SameKeys<NonNullable<Settings["filter"]["subject"]>, SubjectFilterArgs>>,
    Holds<SameKeys<NonNullable<Settings["filter"]["advancedFilters"]>[number], AdvancedFilterArgs>>,
    Holds<SameKeys<NonNullable<Settings["retry"]>, RouteRetryArgs>>,
    Holds<SameKeys<Delivery, RouteDeliveryArgs>>,
    Holds<SameKeys<NonNullable<Delivery["batching"]>, RouteBatchingArgs>>,
    Holds<SameKeys<NonNullable<Delivery["headers"]>[number], DeliveryHeaderArgs>>,
];
