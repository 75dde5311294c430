import * as pulumi from "@pulumi/pulumi";
import { Issue, issue, ValidationError } from "../validation/issue";
import { routeEnumIssues } from "../validation/route";
import { ComponentVocabulary, stackIssues } from "../validation/stack";
import { SMS_EVENTS_FUNCTION_NAME } from "./handlers/functionContract";
import { AcsSystemTopic } from "./systemTopic";
import { CommunicationService } from "./communicationService";
import { EmailService } from "./emailService";
import { DeadLetterStore } from "./deadLetterStore";
import { EventSubscription } from "./eventSubscription";
import { AcsHandlerArgs, handlerArgIssues, HandlerTarget } from "./handlerTarget";
import { AcsMonitoringArgs, Monitoring } from "./monitoring";
import { childName, derivedName, lastSegment } from "./naming";
import { emailSenderRoleDefinition } from "./roles";
import { knownIssues, ROUTE_ENUMS, RouteSettingsArgs } from "./route";
import { withSecretWebhooks } from "./secrets";
import { DeliveryIdentityKind, EmailDomainKind, HandlerKind } from "./types";

export interface AcsCommunicationArgs {
    /** Conditional. Name of the ACS resource to create. Required unless existingId is set. */
    name?: pulumi.Input<string>;
    /** Optional. Use this existing ACS resource (by ID) instead of creating one. */
    existingId?: pulumi.Input<string>;
    /** Conditional. Data location of a new ACS resource, e.g. "Europe". Required unless existingId is set. */
    dataLocation?: pulumi.Input<string>;
    /** Optional. Default: true (Entra ID only). */
    disableLocalAuth?: pulumi.Input<boolean>;
    /** Optional. Default: "Enabled". */
    publicNetworkAccess?: pulumi.Input<string>;
    /** Optional. Protect from deletion. Default: false. */
    protect?: boolean;
    /** Optional. CanNotDelete lock. Default: same as protect. */
    lock?: boolean;
}

/** A verified custom email domain to send from. */
export interface CustomEmailDomainArgs {
    /**
     * Required. Resource ID of a verified custom domain (Microsoft.Communication/emailServices/domains). It is created
     * and DNS-verified outside the stack: ACS links only verified domains
     * (https://learn.microsoft.com/azure/communication-services/quickstarts/email/add-custom-verified-domains).
     */
    domainId: pulumi.Input<string>;
    /** Required. Sender address on that domain, e.g. "DoNotReply@notify.contoso.com". */
    senderAddress: pulumi.Input<string>;
}

/** Which domain Function and Logic App handlers send email from. */
export interface AcsEmailDomainArgs {
    /** Required. "azureManaged" (created here, sandbox quota) or "custom" (set the custom block). */
    kind: EmailDomainKind;
    /** Conditional. Required when kind is "custom". */
    custom?: CustomEmailDomainArgs;
}

export interface AcsTopicArgs {
    /** Optional. Topic name. Default: `<component name>-events`. */
    name?: pulumi.Input<string>;
    /** Optional. Adopt this existing system topic of the ACS resource instead of creating one. */
    existingName?: pulumi.Input<string>;
    /** Optional. Protect the topic from deletion (Pulumi protect). Default: false. */
    protect?: boolean;
    /** Optional. Add a CanNotDelete lock on the topic. Default: same as protect. */
    lock?: boolean;
    /**
     * Optional. Identity the topic delivers and dead-letters with: "systemAssigned" (the topic's own, granted only
     * after the topic exists) or "userAssigned" (an identity created and granted its roles in parallel with the ACS
     * resource and the topic; Event Grid cannot use it through a storage firewall, so not with the dead-letter
     * account this component creates). Default: "systemAssigned". Not used with existingName.
     */
    deliveryIdentity?: DeliveryIdentityKind;
}

export interface AcsDeadLetterArgs {
    /** Optional. Dead-letter undeliverable events. Default: true. */
    enabled?: boolean;
    /** Conditional. New storage account name. Required unless existingAccountId is set or enabled is false. */
    accountName?: pulumi.Input<string>;
    /** Optional. Use this existing storage account (resource ID) for dead letters; its container is still created. */
    existingAccountId?: pulumi.Input<string>;
    /** Optional. Default: "deadletters". */
    containerName?: pulumi.Input<string>;
    /** Optional. Default: "Standard_LRS". */
    sku?: pulumi.Input<string>;
    /** Optional. Default: 7. */
    softDeleteDays?: pulumi.Input<number>;
}

/** One route: its settings (components/route.ts) and the handler it delivers to. */
export interface AcsRouteArgs extends RouteSettingsArgs {
    /** Required. Name of a handler in `handlers`. */
    handler: string;
    /** Optional. Dead-letter this subscription's undeliverable events. Default: true (when the stack dead-letters). */
    deadLetter?: boolean;
}

export interface AcsEventHandlingArgs {
    /** Required. Resource group for everything created. */
    resourceGroupName: pulumi.Input<string>;
    /** Required. Region for regional resources (storage, namespaces, apps); ACS and its topic are always global. */
    location: pulumi.Input<string>;
    /** Required. The ACS resource: created (name + dataLocation) or referenced (existingId). */
    communication: AcsCommunicationArgs;
    /**
     * Optional. The ACS system topic: its name, or an existing topic to adopt. Default: a new topic `<name>-events`.
     */
    systemTopic?: AcsTopicArgs;
    /** Optional. Where undeliverable events go. Default: enabled; then accountName or existingAccountId is required. */
    deadLetter?: AcsDeadLetterArgs;
    /**
     * Optional. The email domain handlers send from. Default: an Azure-managed domain (5 emails a minute, 10 an hour
     * per subscription).
     */
    emailDomain?: AcsEmailDomainArgs;
    /** Required. Handler targets by name. */
    handlers: Record<string, AcsHandlerArgs>;
    /** Required. Event subscriptions by name (at most 500). */
    subscriptions: Record<string, AcsRouteArgs>;
    /**
     * Optional. Log Analytics, diagnostic settings, action group and delivery alerts. Omitted: no monitoring
     * resources (the stack config turns monitoring on by default and passes this block).
     */
    monitoring?: AcsMonitoringArgs;
    /** Optional. Tags for every resource created. */
    tags?: pulumi.Input<Record<string, pulumi.Input<string>>>;
}

/** One event subscription in the outputs: its Azure resource ID and the handler it delivers to. */
export interface SubscriptionInfo {
    /** Azure resource ID of the event subscription. */
    id: string;
    /** Name of the handler (a key of `handlers`). */
    handler: string;
}

/**
 * The whole event path of one ACS resource: Communication Service → system topic → filtered subscriptions →
 * handlers, with dead-lettering, the role assignments identity delivery needs, and monitoring.
 */
export class AcsEventHandling extends pulumi.ComponentResource {
    public readonly communicationServiceId: pulumi.Output<string>;
    public readonly communicationEndpoint: pulumi.Output<string>;
    public readonly systemTopicId: pulumi.Output<string>;
    public readonly systemTopicName: pulumi.Output<string>;
    /** Subscription name → { id, handler }. */
    public readonly subscriptionIds: pulumi.Output<Record<string, SubscriptionInfo>>;
    /** Handler name → { endpointType, resourceId, endpointUrl (secret) }. */
    public readonly handlerEndpoints: pulumi.Output<Record<string, any>>;

    constructor(name: string, args: AcsEventHandlingArgs, opts?: pulumi.ComponentResourceOptions) {
        super("acs-event-handling:index:AcsEventHandling", name, withSecretWebhooks(checkedArgs(name, args)), opts);
        const custom = customDomain(args);
        const email =
            needsEmail(args) && !custom
                ? new EmailService(
                      childName(name, "email"),
                      {
                          // Email service names are 1–63 letters, digits and hyphens
                          // (Microsoft.Communication/emailServices).
                          resourceGroupName: args.resourceGroupName,
                          name: pulumi.output(args.communication.name!).apply((n) => derivedName(n, "-email", 63)),
                          dataLocation: args.communication.dataLocation!,
                          tags: args.tags,
                      },
                      { parent: this },
                  )
                : undefined;
        const acs = new CommunicationService(
            childName(name, "acs"),
            {
                resourceGroupName: args.resourceGroupName,
                tags: args.tags,
                ...args.communication,
                linkedDomains: email ? [email.domainId] : custom && needsEmail(args) ? [custom.domainId] : undefined,
            },
            { parent: this },
        );
        const topic = new AcsSystemTopic(
            childName(name, "events"),
            {
                resourceGroupName: args.resourceGroupName,
                sourceId: acs.id,
                tags: args.tags,
                name: args.systemTopic?.name ?? childName(name, "events"),
                existingName: args.systemTopic?.existingName,
                protect: args.systemTopic?.protect,
                lock: args.systemTopic?.lock,
                deliveryIdentity: args.systemTopic?.deliveryIdentity,
                location: args.location,
            },
            { parent: this },
        );
        const userAssigned =
            args.systemTopic?.existingName === undefined &&
            args.systemTopic?.deliveryIdentity === DeliveryIdentityKind.UserAssigned;
        const dl =
            args.deadLetter?.enabled === false
                ? undefined
                : new DeadLetterStore(
                      childName(name, "deadletter"),
                      {
                          resourceGroupName: args.resourceGroupName,
                          location: args.location,
                          writerPrincipalId: topic.principalId,
                          tags: args.tags,
                          accountName: args.deadLetter?.accountName,
                          existingAccountId: args.deadLetter?.existingAccountId,
                          containerName: args.deadLetter?.containerName,
                          sku: args.deadLetter?.sku,
                          softDeleteDays: args.deadLetter?.softDeleteDays,
                      },
                      { parent: this },
                  );
        // One email sender role for every handler that sends email (a role definition name is unique per scope).
        const emailRole = sendsEmail(args)
            ? emailSenderRoleDefinition(childName(name, "email-sender-role"), this, acs.id)
            : undefined;
        const handlers = new Map(
            Object.entries(args.handlers).map(([hn, h]) => [
                hn,
                new HandlerTarget(
                    hn,
                    {
                        ...h,
                        resourceGroupName: args.resourceGroupName,
                        location: args.location,
                        tags: args.tags,
                        senderPrincipalId: topic.principalId,
                        communicationServiceId: acs.id,
                        communicationEndpoint: acs.endpoint,
                        emailRoleDefinitionId: emailRole?.id,
                        emailSender: custom?.senderAddress ?? email?.senderAddress,
                    },
                    { parent: this },
                ),
            ]),
        );
        const subs = Object.entries(args.subscriptions).map(([sn, s]) => {
            const target = handlers.get(s.handler)!;
            return {
                sn,
                handler: s.handler,
                sub: route(
                    this,
                    sn,
                    s,
                    target,
                    topic,
                    args.resourceGroupName,
                    s.deadLetter === false ? undefined : dl,
                    userAssigned,
                ),
            };
        });
        if (args.monitoring?.enabled !== false && args.monitoring) {
            new Monitoring(
                childName(name, "monitoring"),
                {
                    ...args.monitoring,
                    resourceGroupName: args.resourceGroupName,
                    location: args.location,
                    tags: args.tags,
                    // Physical names per environment, known at plan time: derived from the ACS resource's name.
                    namePrefix:
                        args.monitoring.namePrefix ??
                        pulumi
                            .output(
                                args.communication.name ??
                                    pulumi.output(args.communication.existingId ?? name).apply(lastSegment),
                            )
                            .apply(namePrefixFrom),
                    systemTopicId: topic.id,
                    communicationServiceId: acs.id,
                    // The names as configured, not the subscriptions' outputs, so the alerts do not wait for the
                    // subscriptions (the end of a first deploy's critical path). A rule's dimension values are plain
                    // strings of its criteria (MetricDimension.values,
                    // https://learn.microsoft.com/en-us/rest/api/monitor/metric-alerts/create-or-update) on the topic's
                    // metrics; that Azure accepts a value no subscription has emitted yet is our reading,
                    // not yet checked in a live deployment.
                    subscriptionNames: Object.entries(args.subscriptions).map(([sn, s]) => s.name ?? sn),
                    workflowIds: [...handlers.values()].flatMap((h) =>
                        h.endpoint.workflowId ? [h.endpoint.workflowId] : [],
                    ),
                    sendsEmail: sendsEmail(args),
                    subscribedEventTypes: pulumi
                        .all(Object.values(args.subscriptions).map((s) => pulumi.output(s.filter.eventTypes)))
                        .apply((l) => [...new Set(l.flat())]),
                },
                { parent: this },
            );
        }
        this.communicationServiceId = acs.id;
        this.communicationEndpoint = acs.endpoint;
        this.systemTopicId = topic.id;
        this.systemTopicName = topic.topicName;
        this.subscriptionIds = pulumi
            .all(subs.map((s) => s.sub.id))
            .apply((ids) => Object.fromEntries(subs.map((s, i) => [s.sn, { id: ids[i], handler: s.handler }])));
        this.handlerEndpoints = pulumi
            .all(
                [...handlers].map(([hn, h]) =>
                    pulumi.all([h.endpointType, h.resourceId, h.endpointUrl]).apply(
                        ([endpointType, resourceId, endpointUrl]) =>
                            [
                                hn,
                                {
                                    // Only the keys that exist for this kind: an undefined stack output warns
                                    // in every preview.
                                    endpointType,
                                    ...(resourceId ? { resourceId } : {}),
                                    ...(endpointUrl ? { endpointUrl } : {}),
                                },
                            ] as const,
                    ),
                ),
            )
            .apply((entries) => Object.fromEntries(entries));
        this.registerOutputs({
            communicationServiceId: this.communicationServiceId,
            communicationEndpoint: this.communicationEndpoint,
            systemTopicId: this.systemTopicId,
            systemTopicName: this.systemTopicName,
            subscriptionIds: this.subscriptionIds,
            handlerEndpoints: this.handlerEndpoints,
        });
    }
}

/** What the stack checks (validation/stack.ts) must know of the components; config/load.ts passes the same. */
export const COMPONENT_VOCABULARY: ComponentVocabulary = {
    handlerKinds: Object.values(HandlerKind),
    functionName: SMS_EVENTS_FUNCTION_NAME,
};

/**
 * Every problem of the arguments, thrown before `super()` so that invalid arguments register nothing: the shapes a
 * JavaScript or YAML caller can get wrong (missing blocks, unknown kinds, a handler name that is not a string), then
 * the same semantic checks the stack config gets. Values only known at deployment are left to the policy pack.
 */
function checkedArgs(name: string, args: AcsEventHandlingArgs): AcsEventHandlingArgs {
    const shape = argShapeIssues(args);
    // The semantic checks read defensively, so both run: every problem at once, each once.
    const semantic = isPlainObject(args)
        ? [
              ...knownIssues(args, stackIssues(args, COMPONENT_VOCABULARY)),
              ...deliveryIdentityIssues(args),
              ...emailDomainIssues(args),
          ]
        : [];
    const seen = new Set<string>();
    const issues = [...shape, ...semantic].filter((i) => {
        const key = JSON.stringify(i.path) + i.message;
        return !seen.has(key) && !!seen.add(key);
    });
    if (issues.length) throw new ValidationError(issues, "", `AcsEventHandling "${name}": invalid arguments`);
    return args;
}

const isPlainObject = (v: unknown): v is Record<string, any> =>
    !!v && typeof v === "object" && !Array.isArray(v) && !pulumi.Output.isInstance(v) && !(v instanceof Promise);

function argShapeIssues(args: AcsEventHandlingArgs): Issue[] {
    if (!isPlainObject(args))
        return [
            issue(
                [],
                args === null ? null : typeof args,
                "arguments required: { resourceGroupName, location, communication, handlers, subscriptions }",
            ),
        ];
    const out: Issue[] = [];
    for (const key of ["resourceGroupName", "location", "communication", "handlers", "subscriptions"] as const) {
        if (args[key] === undefined || args[key] === null) out.push(issue([key], args[key], "required"));
    }
    for (const key of ["communication", "handlers", "subscriptions"] as const) {
        if (args[key] != null && !isPlainObject(args[key]))
            out.push(issue([key], typeof args[key], "an object (known when the program runs, not an Output)"));
    }
    for (const key of ["systemTopic", "deadLetter", "monitoring"] as const) {
        if (args[key] != null && !isPlainObject(args[key])) out.push(issue([key], typeof args[key], "an object"));
    }
    if (isPlainObject(args.handlers))
        for (const [hn, h] of Object.entries(args.handlers)) out.push(...handlerArgIssues(h, ["handlers", hn]));
    if (isPlainObject(args.subscriptions)) {
        for (const [sn, s] of Object.entries(args.subscriptions)) {
            if (!isPlainObject(s)) {
                out.push(issue(["subscriptions", sn], s === null ? null : typeof s, "a route: { handler, filter, … }"));
                continue;
            }
            if (typeof s.handler !== "string")
                out.push(
                    issue(
                        ["subscriptions", sn, "handler"],
                        typeof s.handler,
                        "the name of a handler in `handlers`, as a plain string " +
                            "(it picks the target when the program runs)",
                    ),
                );
            out.push(...routeEnumIssues(s, ["subscriptions", sn], ROUTE_ENUMS));
        }
    }
    return out;
}

/**
 * The monitoring name prefix derived from the ACS name: always valid for the workspace, action group and alert names
 * (letters, digits, hyphens; the workspace allows 4–63 characters and gets "-logs"), so a valid ACS name such as
 * "acs_events" or one of 63 characters never fails later.
 */
export function namePrefixFrom(acsName: string): string {
    return derivedName(acsName, "", 58);
}

/**
 * Function and Logic App handlers send email through ACS, which needs an email domain linked to the ACS
 * resource. We create it only with a new ACS resource: linking changes the resource, and a referenced one is not ours.
 */
function needsEmail(args: AcsEventHandlingArgs): boolean {
    return args.communication.existingId === undefined && sendsEmail(args);
}

/**
 * A user-assigned identity cannot pass a storage firewall
 * (https://learn.microsoft.com/azure/event-grid/handler-storage-queues)
 * and the dead-letter account this component creates denies network access: that pairing would fail at the first
 * dead letter, so it is refused before anything is created.
 */
/**
 * A user-assigned delivery identity cannot pass the storage firewall of the accounts this stack creates: Event Grid
 * passes it only with the topic's system-assigned identity
 * (https://learn.microsoft.com/azure/event-grid/handler-storage-queues).
 */
function deliveryIdentityIssues(args: AcsEventHandlingArgs): Issue[] {
    const kind = args.systemTopic?.deliveryIdentity;
    const at = ["systemTopic", "deliveryIdentity"];
    if (kind === undefined || args.systemTopic?.existingName !== undefined) return [];
    if (kind !== DeliveryIdentityKind.SystemAssigned && kind !== DeliveryIdentityKind.UserAssigned) {
        return [issue(at, kind, "one of systemAssigned, userAssigned")];
    }
    if (kind !== DeliveryIdentityKind.UserAssigned) return [];
    const out: Issue[] = [];
    if (args.deadLetter?.enabled !== false && args.deadLetter?.existingAccountId === undefined) {
        out.push(
            issue(
                at,
                kind,
                "cannot write dead letters to the account this stack creates: it denies network access and Event " +
                    "Grid passes a storage firewall only with the topic's system-assigned identity. " +
                    'Fix: deliveryIdentity "systemAssigned", or deadLetter.existingAccountId of an account without a ' +
                    "firewall, or deadLetter.enabled false",
            ),
        );
    }
    const handlers = isPlainObject(args.handlers) ? Object.entries(args.handlers) : [];
    const queues = handlers
        .filter(([, h]) => h?.kind === HandlerKind.StorageQueue && h.storageQueue?.existingAccountId === undefined)
        .map(([hn]) => hn);
    if (queues.length) {
        out.push(
            issue(
                at,
                kind,
                `cannot deliver to the storage queue account(s) this stack creates for ${queues.join(", ")}: ` +
                    "they deny network access and Event Grid passes a storage firewall only with the topic's " +
                    'system-assigned identity. Fix: deliveryIdentity "systemAssigned", or ' +
                    "storageQueue.existingAccountId of an account without a firewall",
            ),
        );
    }
    return out;
}

function emailDomainIssues(args: AcsEventHandlingArgs): Issue[] {
    const kind = args.emailDomain?.kind ?? EmailDomainKind.AzureManaged;
    if (kind !== EmailDomainKind.AzureManaged && kind !== EmailDomainKind.Custom)
        return [issue(["emailDomain", "kind"], kind, "one of azureManaged, custom")];
    if (kind === EmailDomainKind.Custom && !args.emailDomain?.custom)
        return [
            issue(["emailDomain", "custom"], undefined, 'required when kind is "custom": { domainId, senderAddress }'),
        ];
    return [];
}

/** The custom email domain, when one is chosen (checked by emailDomainIssues before anything is created). */
function customDomain(args: AcsEventHandlingArgs): CustomEmailDomainArgs | undefined {
    return args.emailDomain?.kind === EmailDomainKind.Custom ? args.emailDomain.custom : undefined;
}

/** Whether a handler sends email through ACS (function and logicApp handlers do). */
function sendsEmail(args: AcsEventHandlingArgs): boolean {
    return Object.values(args.handlers).some((h) => h.kind === HandlerKind.Function || h.kind === HandlerKind.LogicApp);
}

function route(
    parent: pulumi.Resource,
    sn: string,
    s: AcsRouteArgs,
    target: HandlerTarget,
    topic: AcsSystemTopic,
    resourceGroupName: pulumi.Input<string>,
    dl: DeadLetterStore | undefined,
    userAssigned: boolean,
): EventSubscription {
    const e = target.endpoint;
    // The subscription must wait for what Event Grid validates at create time: the identity's role on the
    // destination (https://github.com/Azure/bicep-registry-modules/issues/5205), the dead-letter writer role
    // (https://github.com/MicrosoftDocs/azure-docs/issues/98216), the function's code
    // (https://github.com/Azure/bicep/issues/11656).
    const dependsOn = [...e.readiness, ...(dl ? [dl.writerRole] : []), ...(topic.topic ? [topic.topic] : [])];
    // The route's settings pass through as they are: EventSubscription maps them to azure-native, in one place.
    const { handler, deadLetter: _optOut, ...settings } = s;
    return new EventSubscription(
        sn,
        {
            ...settings,
            resourceGroupName,
            systemTopicName: topic.topicName,
            name: s.name ?? sn,
            handler,
            userAssignedIdentityId: userAssigned ? topic.userAssignedIdentityId : undefined,
            destination: {
                endpointType: e.endpointType,
                resourceId: e.resourceId,
                queueName: e.queueName,
                queueMessageTimeToLiveInSeconds: e.queueMessageTimeToLiveInSeconds,
                endpointUrl: e.endpointUrl,
                entraTenantId: e.entraTenantId,
                entraApplicationIdOrUri: e.entraApplicationIdOrUri,
                minimumTlsVersion: e.minimumTlsVersion,
                useTopicIdentity: e.useTopicIdentity,
            },
            deadLetterDestination: dl
                ? { storageAccountId: dl.accountId, containerName: dl.containerName, useTopicIdentity: true }
                : undefined,
        },
        { parent, dependsOn },
    );
}
