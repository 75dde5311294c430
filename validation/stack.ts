import { Issue, issue, redactUrl } from "./issue";
import { LIMITS } from "./limits";
import { handlerBlockIssues } from "./handlerBlocks";
import { monitoringChoiceIssues } from "./monitoring";
import { RouteFit, routeIssues, subscriptionNameIssues } from "./route";
import { webhookUrlIssues } from "./webhook";
import { MESSAGING_NAMESPACE_RESERVED_SUFFIX, RESOURCE_ID_TYPES, resourceIdType, TAG_LIMITS } from "./azure";

/**
 * Checks of a whole stack that a schema cannot express: the event catalog, cross-references between handlers and
 * subscriptions, "exactly one block per kind", name collisions. The stack config runs them on the raw input (even
 * when its schema already failed, so every problem is reported in one pass) and AcsEventHandling on its arguments:
 * both have the one shape (AcsEventHandlingArgs, routes as in components/route.ts), so each check exists once.
 */
type Raw = Record<string, any>;
const isObj = (v: unknown): v is Raw => !!v && typeof v === "object" && !Array.isArray(v);
/** Own keys only: a handler named "toString" or "__proto__" must not find Object.prototype's. */
const own = (o: unknown, k: unknown): boolean => isObj(o) && typeof k === "string" && Object.hasOwn(o, k);

/**
 * What the components define and these checks need; validation/ sits below components/, so the caller passes it in.
 * `handlerKinds`: the values of the component enum HandlerKind. `functionName`: the one function the Function
 * App's code package registers (components/handlers/functionContract.ts).
 */
export interface ComponentVocabulary {
    readonly handlerKinds: readonly string[];
    readonly functionName: string;
}

export function stackIssues(raw: Raw, known: ComponentVocabulary): Issue[] {
    return [
        ...emailIssues(raw),
        ...communicationIssues(raw.communication),
        ...systemTopicIssues(raw.systemTopic),
        ...deadLetterIssues(raw.deadLetter),
        ...handlerIssues(raw.handlers, known),
        ...subscriptionIssues(raw.subscriptions, raw.handlers, raw.deadLetter),
        ...monitoringIssues(raw.monitoring),
        ...mapKeyIssues(raw.handlers, "handlers"),
        ...mapKeyIssues(raw.subscriptions, "subscriptions"),
        ...tagIssues(raw.tags, createsStorageAccount(raw)),
        ...resourceIdIssues(raw),
        ...physicalNameIssues(raw),
    ];
}

/** A handler or subscription key names child resources; `__proto__` and friends would vanish in a plain object. */
const MAP_KEY = /^[A-Za-z0-9][-\w]{0,62}$/;

/**
 * Keys that shadow a member of every JavaScript object (`toString`, `constructor`, …): the Pulumi SDK turns an
 * object holding such an own key into a string and fails deep inside a registration (seen with tags), so they are
 * refused up front, with this reason.
 */
const BUILT_IN_NAMES = new Set(Object.getOwnPropertyNames(Object.prototype));
const BUILT_IN_MESSAGE =
    "names a member of every JavaScript object (toString, constructor, …), which the Pulumi SDK cannot pass as a " +
    "key; choose another name";

function mapKeyIssues(map: unknown, at: string): Issue[] {
    if (!isObj(map)) return [];
    return Object.keys(map).flatMap((k) => {
        if (!MAP_KEY.test(k))
            return [issue([at, k], k, "a name of 1–63 letters, digits, '-' or '_', starting with a letter or digit")];
        return BUILT_IN_NAMES.has(k) ? [issue([at, k], k, BUILT_IN_MESSAGE)] : [];
    });
}

/** Tag limits (validation/azure.ts); names are held to the storage-account limit when the stack creates one. */
function tagIssues(tags: unknown, storage: boolean): Issue[] {
    if (!isObj(tags)) return [];
    const out: Issue[] = [];
    const entries = Object.entries(tags);
    if (entries.length > TAG_LIMITS.perResource)
        out.push(
            issue(
                ["tags"],
                `${entries.length} tags`,
                `at most ${TAG_LIMITS.perResource} tags per resource (Azure limit)`,
            ),
        );
    const maxName = storage ? TAG_LIMITS.storageAccountNameLength : TAG_LIMITS.nameLength;
    for (const [k, v] of entries) {
        if (k.length > maxName)
            out.push(
                issue(
                    ["tags", k],
                    `${k.length} characters`,
                    `a tag name is at most ${maxName} characters` +
                        `${storage ? " (the limit of storage accounts, which this stack creates and tags)" : ""}`,
                ),
            );
        if (TAG_LIMITS.forbiddenNameChars.test(k))
            out.push(issue(["tags", k], k, "a tag name cannot contain < > % & \\ ? /"));
        if (BUILT_IN_NAMES.has(k)) out.push(issue(["tags", k], k, `a tag name that ${BUILT_IN_MESSAGE}`));
        if (typeof v === "string" && v.length > TAG_LIMITS.valueLength)
            out.push(
                issue(
                    ["tags", k],
                    `${v.length} characters`,
                    `a tag value is at most ${TAG_LIMITS.valueLength} characters`,
                ),
            );
    }
    return out;
}

function createsStorageAccount(raw: Raw): boolean {
    const dl = isObj(raw.deadLetter) && raw.deadLetter.enabled !== false && !!raw.deadLetter.accountName;
    return (
        dl ||
        handlerBlocks(raw.handlers).some(
            ({ kind, block }) => (kind === "storageQueue" && !!block.accountName) || kind === "function",
        )
    );
}

/** Each handler's block of its own kind, for the cross-resource checks. */
function handlerBlocks(handlers: unknown): { name: string; kind: string; block: Raw }[] {
    if (!isObj(handlers)) return [];
    return Object.entries(handlers).flatMap(([name, h]) =>
        isObj(h) && typeof h.kind === "string" && own(h, h.kind) && isObj(h[h.kind])
            ? [{ name, kind: h.kind, block: h[h.kind] as Raw }]
            : [],
    );
}

/** An `existing…Id` must name a resource of the type it is used as; Azure would refuse the deployment otherwise. */
function resourceIdIssues(raw: Raw): Issue[] {
    const refs: { at: (string | number)[]; id: unknown; type: string }[] = [];
    if (isObj(raw.communication))
        refs.push({
            at: ["communication", "existingId"],
            id: raw.communication.existingId,
            type: RESOURCE_ID_TYPES.communicationService,
        });
    if (isObj(raw.deadLetter))
        refs.push({
            at: ["deadLetter", "existingAccountId"],
            id: raw.deadLetter.existingAccountId,
            type: RESOURCE_ID_TYPES.storageAccount,
        });
    if (isObj(raw.monitoring))
        refs.push({
            at: ["monitoring", "existingWorkspaceId"],
            id: raw.monitoring.existingWorkspaceId,
            type: RESOURCE_ID_TYPES.logAnalyticsWorkspace,
        });
    for (const { name, kind, block } of handlerBlocks(raw.handlers)) {
        const at = ["handlers", name, kind];
        if (kind === "storageQueue")
            refs.push({
                at: [...at, "existingAccountId"],
                id: block.existingAccountId,
                type: RESOURCE_ID_TYPES.storageAccount,
            });
        if (kind === "serviceBusQueue" || kind === "serviceBusTopic")
            refs.push({
                at: [...at, "existingNamespaceId"],
                id: block.existingNamespaceId,
                type: RESOURCE_ID_TYPES.serviceBusNamespace,
            });
        if (kind === "eventHub")
            refs.push({
                at: [...at, "existingNamespaceId"],
                id: block.existingNamespaceId,
                type: RESOURCE_ID_TYPES.eventHubNamespace,
            });
    }
    return refs.flatMap(({ at, id, type }) => {
        if (typeof id !== "string") return [];
        const named = resourceIdType(id);
        if (named && named.type.toLowerCase() === type.toLowerCase()) return [];
        return [
            issue(
                at,
                id,
                `must be the ID of a ${type} resource (/subscriptions/…/resourceGroups/…/providers/${type}/<name>)` +
                    `${named ? `; this one names a ${named.type}` : ""}`,
            ),
        ];
    });
}

/**
 * Two resources of this stack with one physical name: Azure has one of them, so the second create fails or, worse,
 * both handlers share it. Storage accounts and messaging namespaces are global DNS names (Service Bus and Event Hubs
 * share `servicebus.windows.net`), function apps share `azurewebsites.net`, workflows are unique per resource group;
 * a queue, Service Bus entity or event hub is unique within its account or namespace.
 */
function physicalNameIssues(raw: Raw): Issue[] {
    const claims: { space: string; name: string; at: (string | number)[] }[] = [];
    const claim = (space: string, name: unknown, at: (string | number)[]) => {
        if (typeof name === "string" && name) claims.push({ space, name: name.toLowerCase(), at });
    };
    if (isObj(raw.deadLetter) && raw.deadLetter.enabled !== false)
        claim("storage account", raw.deadLetter.accountName, ["deadLetter", "accountName"]);
    for (const { name, kind, block } of handlerBlocks(raw.handlers)) {
        const at = ["handlers", name, kind];
        switch (kind) {
            case "storageQueue":
                claim("storage account", block.accountName, [...at, "accountName"]);
                claim("storage queue", `${block.accountName ?? block.existingAccountId}/${block.queueName}`, [
                    ...at,
                    "queueName",
                ]);
                break;
            case "serviceBusQueue":
            case "serviceBusTopic":
            case "eventHub": {
                claim("Service Bus / Event Hubs namespace (servicebus.windows.net)", block.namespaceName, [
                    ...at,
                    "namespaceName",
                ]);
                const entity =
                    kind === "serviceBusQueue"
                        ? block.queueName
                        : kind === "serviceBusTopic"
                          ? block.topicName
                          : block.eventHubName;
                claim("namespace entity", `${block.namespaceName ?? block.existingNamespaceId}/${entity}`, [
                    ...at,
                    kind === "serviceBusQueue"
                        ? "queueName"
                        : kind === "serviceBusTopic"
                          ? "topicName"
                          : "eventHubName",
                ]);
                break;
            }
            case "function":
                claim("storage account", block.storageAccountName, [...at, "storageAccountName"]);
                claim("function app (azurewebsites.net)", block.appName, [...at, "appName"]);
                break;
            case "logicApp":
                claim("Logic App workflow", block.workflowName, [...at, "workflowName"]);
                break;
        }
    }
    const first = new Map<string, (string | number)[]>();
    const out: Issue[] = [];
    for (const c of claims) {
        const key = `${c.space}\u0000${c.name}`;
        const prior = first.get(key);
        if (!prior) first.set(key, c.at);
        else
            out.push(
                issue(
                    c.at,
                    c.name,
                    `the same ${c.space} name as ${prior.join(".")}: the stack would create it twice; ` +
                        "give each its own name",
                ),
            );
    }
    return out;
}

function monitoringIssues(m: unknown): Issue[] {
    return isObj(m) && m.enabled === false ? [] : monitoringChoiceIssues(m, ["monitoring"]);
}

/** Function and Logic App handlers email through a domain we link to a new ACS resource only. */
function emailIssues(raw: Raw): Issue[] {
    if (!isObj(raw.communication) || !raw.communication.existingId || !isObj(raw.handlers)) return [];
    return Object.entries(raw.handlers)
        .filter(([, h]) => isObj(h) && (h.kind === "function" || h.kind === "logicApp"))
        .map(([n, h]) =>
            issue(
                ["handlers", n, "kind"],
                h.kind,
                "function and logicApp handlers send email through an email domain linked to the ACS resource, " +
                    "which this stack creates only together with a new ACS resource (communication.name + " +
                    "dataLocation); with communication.existingId use a queue, Service Bus, Event Hubs or webhook " +
                    "handler",
            ),
        );
}

function communicationIssues(c: unknown): Issue[] {
    if (!isObj(c)) return [];
    if (c.existingId && (c.name || c.dataLocation)) {
        return [
            issue(
                ["communication"],
                { name: c.name, existingId: c.existingId },
                "set either existingId (reference an existing ACS resource) or name + dataLocation (create one), " +
                    "not both",
            ),
        ];
    }
    const out: Issue[] = [];
    if (!c.existingId && !c.name)
        out.push(
            issue(
                ["communication", "name"],
                c.name,
                "required when creating the Communication Service (or set existingId to reference one)",
            ),
        );
    if (!c.existingId && !c.dataLocation) {
        out.push(
            issue(
                ["communication", "dataLocation"],
                c.dataLocation,
                "required when creating the Communication Service: where ACS stores data at rest, " +
                    'e.g. "Europe", "United States", "UK"',
            ),
        );
    }
    return out;
}

function systemTopicIssues(t: unknown): Issue[] {
    if (!isObj(t) || !t.existingName || !t.name) return [];
    return [
        issue(
            ["systemTopic"],
            { name: t.name, existingName: t.existingName },
            "set either name (create the topic) or existingName (adopt the ACS resource's existing topic), not both",
        ),
    ];
}

function deadLetterIssues(d: unknown): Issue[] {
    if (!isObj(d) || d.enabled === false) return [];
    if (d.accountName && d.existingAccountId)
        return [issue(["deadLetter"], d, "set either accountName (create) or existingAccountId (reference), not both")];
    if (!d.accountName && !d.existingAccountId)
        return [
            issue(
                ["deadLetter", "accountName"],
                undefined,
                "required while dead-lettering is enabled: a storage account name (3–24 lower-case letters and " +
                    "digits), or existingAccountId",
            ),
        ];
    return [];
}

function handlerIssues(handlers: unknown, known: ComponentVocabulary): Issue[] {
    const kinds = known.handlerKinds;
    if (!isObj(handlers)) return [];
    const out: Issue[] = [];
    for (const [name, h] of Object.entries(handlers)) {
        if (!isObj(h) || !kinds.includes(h.kind)) continue;
        out.push(...handlerBlockIssues(kinds, h, ["handlers", name]));
        const block = h[h.kind];
        if (isObj(block)) out.push(...targetIssues(name, h.kind, block, known.functionName));
    }
    return out;
}

function targetIssues(name: string, kind: string, b: Raw, functionName: string): Issue[] {
    const at = ["handlers", name, kind];
    const either = (create: string, ref: string) => {
        if (b[create] && b[ref])
            return [
                issue(
                    at,
                    { [create]: b[create], [ref]: b[ref] },
                    `set either ${create} (create) or ${ref} (reference), not both`,
                ),
            ];
        if (!b[create] && !b[ref])
            return [
                issue(
                    [...at, create],
                    undefined,
                    `required: ${create} to create one, or ${ref} to reference an existing one`,
                ),
            ];
        return [];
    };
    switch (kind) {
        case "function":
            return b.functionName !== undefined && b.functionName !== functionName
                ? [
                      issue(
                          [...at, "functionName"],
                          b.functionName,
                          `the code package in functions/ registers only "${functionName}"; ` +
                              "Event Grid refuses a destination whose function does not exist",
                      ),
                  ]
                : [];
        case "webhook": {
            const http = webhookUrlIssues(b.url, [...at, "url"]);
            if (http.length) return http;
            if (!!b.entraTenantId !== !!b.entraApplicationIdOrUri) {
                return [
                    issue(
                        at,
                        { entraTenantId: b.entraTenantId, entraApplicationIdOrUri: b.entraApplicationIdOrUri },
                        "set both entraTenantId and entraApplicationIdOrUri for Entra ID-protected delivery, " +
                            "or neither",
                    ),
                ];
            }
            return [];
        }
        case "storageQueue":
            return either("accountName", "existingAccountId");
        case "serviceBusQueue":
        case "serviceBusTopic":
        case "eventHub": {
            const out = either("namespaceName", "existingNamespaceId");
            if (
                kind !== "eventHub" &&
                typeof b.namespaceName === "string" &&
                MESSAGING_NAMESPACE_RESERVED_SUFFIX.test(b.namespaceName)
            ) {
                out.push(
                    issue(
                        [...at, "namespaceName"],
                        b.namespaceName,
                        'a Service Bus namespace name cannot end with "-sb" or "-mgmt" ' +
                            "(https://learn.microsoft.com/azure/azure-resource-manager/management/" +
                            "resource-name-rules#microsoftservicebus)",
                    ),
                );
            }
            if (kind === "serviceBusTopic" && b.sku === "Basic")
                out.push(issue([...at, "sku"], b.sku, "Service Bus topics need the Standard or Premium tier"));
            return out;
        }
        default:
            return [];
    }
}

/**
 * The value an error may show for a config path: webhook URLs lose their query string (keys), header values are
 * never shown (an Authorization header is a credential), whatever check reports them.
 */
export function displayValue(path: readonly (string | number)[], value: unknown): unknown {
    if (path.includes("webhook") && path[path.length - 1] === "url" && typeof value === "string")
        return redactUrl(value);
    if (path.includes("webhook") && isObj(value) && typeof value.url === "string")
        return { ...value, url: redactUrl(value.url) };
    const inHeaders = path.includes("deliveryHeaders") || (path.includes("delivery") && path.includes("headers"));
    if (inHeaders && path[path.length - 1] === "value" && value !== undefined) return "[not shown]";
    return value;
}

function subscriptionIssues(subs: unknown, handlers: unknown, deadLetter: unknown): Issue[] {
    if (!isObj(subs)) return [];
    const out: Issue[] = [];
    const entries = Object.entries(subs);
    if (entries.length > LIMITS.subscriptionsPerTopic) {
        out.push(
            issue(
                ["subscriptions"],
                `${entries.length} subscriptions`,
                `at most ${LIMITS.subscriptionsPerTopic} event subscriptions per system topic (Azure limit)`,
            ),
        );
    }
    const names = new Map<string, string>();
    const dlEnabled = !(isObj(deadLetter) && deadLetter.enabled === false);
    for (const [key, s] of entries) {
        const at = ["subscriptions", key];
        const azureName: unknown = isObj(s) && s.name !== undefined ? s.name : key;
        if (typeof azureName === "string") {
            out.push(...subscriptionNameIssues(azureName, isObj(s) && s.name ? [...at, "name"] : at));
            const prior = names.get(azureName.toLowerCase());
            if (prior !== undefined)
                out.push(
                    issue(
                        at,
                        azureName,
                        `duplicates the name of subscription "${prior}" (Azure names are case-insensitive)`,
                    ),
                );
            else names.set(azureName.toLowerCase(), key);
        }
        if (!isObj(s)) continue;
        if (typeof s.handler === "string" && !own(handlers, s.handler)) {
            const known = isObj(handlers) ? Object.keys(handlers) : [];
            out.push(
                issue(
                    [...at, "handler"],
                    s.handler,
                    `no handler with this name; defined handlers: ${known.join(", ") || "none"}`,
                ),
            );
        }
        if (s.deadLetter === true && !dlEnabled)
            out.push(
                issue([...at, "deadLetter"], true, "dead-lettering is disabled stack-wide (deadLetter.enabled: false)"),
            );
        const target = own(handlers, s.handler) ? (handlers as Raw)[s.handler] : undefined;
        const fit = isObj(target) ? handlerFit(s.handler, target.kind) : undefined;
        out.push(...routeIssues(s, at, fit, ["handler", "deadLetter"]));
    }
    return out;
}

/** Handler kinds Event Grid pushes to over HTTP: the only ones that take batching settings. */
const PUSH_KINDS = ["webhook", "function", "logicApp"];

/** What a route's handler takes (validation/route.ts RouteFit), from the handler's kind. */
function handlerFit(handler: string, kind: unknown): RouteFit | undefined {
    if (typeof kind !== "string") return undefined;
    return {
        push: PUSH_KINDS.includes(kind),
        headers: kind !== "storageQueue",
        what: `handler "${handler}" is a ${kind}`,
    };
}
