import { checkAdvancedFilters, checkEventTypes, checkRetry, checkSubjectFilter } from "../validation/filters";
import { Issue, issue, redactUrl } from "../validation/issue";
import { LIMITS } from "../validation/limits";
import { handlerBlockIssues } from "../validation/handlerBlocks";
import { monitoringChoiceIssues } from "../validation/monitoring";
import { webhookUrlIssues } from "../validation/webhook";
import { SMS_EVENTS_FUNCTION_NAME } from "../functions/src/functionName";
import { HANDLER_KINDS } from "./schema";

/**
 * Checks the schema cannot express: the event catalog, cross-references between handlers and subscriptions,
 * "exactly one block per kind", name collisions. They run on the raw input (even when the schema already
 * failed) so that every problem is reported in one pass.
 */
type Raw = Record<string, any>;
const isObj = (v: unknown): v is Raw => !!v && typeof v === "object" && !Array.isArray(v);

export function semanticIssues(raw: Raw): Issue[] {
    return [
        ...emailIssues(raw),
        ...communicationIssues(raw.communication),
        ...systemTopicIssues(raw.systemTopic),
        ...deadLetterIssues(raw.deadLetter),
        ...handlerIssues(raw.handlers),
        ...subscriptionIssues(raw.subscriptions, raw.handlers, raw.deadLetter),
        ...monitoringIssues(raw.monitoring),
    ];
}

function monitoringIssues(m: unknown): Issue[] {
    return isObj(m) && m.enabled === false ? [] : monitoringChoiceIssues(m, ["monitoring"]);
}

/** Function and Logic App handlers email through a domain we link to a new ACS resource only. */
function emailIssues(raw: Raw): Issue[] {
    if (!isObj(raw.communication) || !raw.communication.existingId || !isObj(raw.handlers)) return [];
    return Object.entries(raw.handlers)
        .filter(([, h]) => isObj(h) && (h.kind === "function" || h.kind === "logicApp"))
        .map(([n, h]) => issue(["handlers", n, "kind"], h.kind, "function and logicApp handlers send email through an email domain linked to the ACS resource, which this stack creates only together with a new ACS resource (communication.name + dataLocation); with communication.existingId use a queue, Service Bus, Event Hubs or webhook handler"));
}

function communicationIssues(c: unknown): Issue[] {
    if (!isObj(c)) return [];
    if (c.existingId && (c.name || c.dataLocation)) {
        return [issue(["communication"], { name: c.name, existingId: c.existingId }, "set either existingId (reference an existing ACS resource) or name + dataLocation (create one), not both")];
    }
    const out: Issue[] = [];
    if (!c.existingId && !c.name) out.push(issue(["communication", "name"], c.name, "required when creating the Communication Service (or set existingId to reference one)"));
    if (!c.existingId && !c.dataLocation) {
        out.push(issue(["communication", "dataLocation"], c.dataLocation, "required when creating the Communication Service: where ACS stores data at rest, e.g. \"Europe\", \"United States\", \"UK\""));
    }
    return out;
}

function systemTopicIssues(t: unknown): Issue[] {
    if (!isObj(t) || !t.existingName || !t.name) return [];
    return [issue(["systemTopic"], { name: t.name, existingName: t.existingName }, "set either name (create the topic) or existingName (adopt the ACS resource's existing topic), not both")];
}

function deadLetterIssues(d: unknown): Issue[] {
    if (!isObj(d) || d.enabled === false) return [];
    if (d.accountName && d.existingAccountId) return [issue(["deadLetter"], d, "set either accountName (create) or existingAccountId (reference), not both")];
    if (!d.accountName && !d.existingAccountId) return [issue(["deadLetter", "accountName"], undefined, "required while dead-lettering is enabled: a storage account name (3–24 lower-case letters and digits), or existingAccountId")];
    return [];
}

function handlerIssues(handlers: unknown): Issue[] {
    if (!isObj(handlers)) return [];
    const out: Issue[] = [];
    for (const [name, h] of Object.entries(handlers)) {
        if (!isObj(h) || !HANDLER_KINDS.includes(h.kind)) continue;
        out.push(...handlerBlockIssues(HANDLER_KINDS, h, ["handlers", name]));
        const block = h[h.kind];
        if (isObj(block)) out.push(...targetIssues(name, h.kind, block));
    }
    return out;
}

function targetIssues(name: string, kind: string, b: Raw): Issue[] {
    const at = ["handlers", name, kind];
    const either = (create: string, ref: string) => {
        if (b[create] && b[ref]) return [issue(at, { [create]: b[create], [ref]: b[ref] }, `set either ${create} (create) or ${ref} (reference), not both`)];
        if (!b[create] && !b[ref]) return [issue([...at, create], undefined, `required: ${create} to create one, or ${ref} to reference an existing one`)];
        return [];
    };
    switch (kind) {
        case "function":
            return b.functionName !== undefined && b.functionName !== SMS_EVENTS_FUNCTION_NAME
                ? [issue([...at, "functionName"], b.functionName, `the code package in functions/ registers only "${SMS_EVENTS_FUNCTION_NAME}"; Event Grid refuses a destination whose function does not exist`)]
                : [];
        case "webhook": {
            const http = webhookUrlIssues(b.url, [...at, "url"]);
            if (http.length) return http;
            if (!!b.entraTenantId !== !!b.entraApplicationIdOrUri) {
                return [issue(at, { entraTenantId: b.entraTenantId, entraApplicationIdOrUri: b.entraApplicationIdOrUri }, "set both entraTenantId and entraApplicationIdOrUri for Entra ID-protected delivery, or neither")];
            }
            return [];
        }
        case "storageQueue": return either("accountName", "existingAccountId");
        case "serviceBusQueue":
        case "serviceBusTopic":
        case "eventHub": {
            const out = either("namespaceName", "existingNamespaceId");
            if (kind === "serviceBusTopic" && b.sku === "Basic") out.push(issue([...at, "sku"], b.sku, "Service Bus topics need the Standard or Premium tier"));
            return out;
        }
        default: return [];
    }
}

export { redactUrl };

/**
 * The value an error may show for a config path: webhook URLs lose their query string (keys), header values are
 * never shown (an Authorization header is a credential), whatever check reports them.
 */
export function displayValue(path: readonly (string | number)[], value: unknown): unknown {
    if (path.includes("webhook") && path[path.length - 1] === "url" && typeof value === "string") return redactUrl(value);
    if (path.includes("webhook") && isObj(value) && typeof value.url === "string") return { ...value, url: redactUrl(value.url) };
    if (path.includes("deliveryHeaders") && path[path.length - 1] === "value" && value !== undefined) return "[not shown]";
    return value;
}

function subscriptionIssues(subs: unknown, handlers: unknown, deadLetter: unknown): Issue[] {
    if (!isObj(subs)) return [];
    const out: Issue[] = [];
    const entries = Object.entries(subs);
    if (entries.length > LIMITS.subscriptionsPerTopic) {
        out.push(issue(["subscriptions"], `${entries.length} subscriptions`, `at most ${LIMITS.subscriptionsPerTopic} event subscriptions per system topic (Azure limit)`));
    }
    const names = new Map<string, string>();
    const dlEnabled = !(isObj(deadLetter) && deadLetter.enabled === false);
    for (const [key, s] of entries) {
        const at = ["subscriptions", key];
        const azureName: unknown = isObj(s) && s.name !== undefined ? s.name : key;
        if (typeof azureName === "string") {
            if (!LIMITS.subscriptionName.test(azureName)) out.push(issue(isObj(s) && s.name ? [...at, "name"] : at, azureName, "subscription names are 3–64 letters, digits or hyphens"));
            const prior = names.get(azureName.toLowerCase());
            if (prior !== undefined) out.push(issue(at, azureName, `duplicates the name of subscription "${prior}" (Azure names are case-insensitive)`));
            else names.set(azureName.toLowerCase(), key);
        }
        if (!isObj(s)) continue;
        if (typeof s.handler === "string" && !(isObj(handlers) && s.handler in handlers)) {
            const known = isObj(handlers) ? Object.keys(handlers) : [];
            out.push(issue([...at, "handler"], s.handler, `no handler with this name; defined handlers: ${known.join(", ") || "none"}`));
        }
        out.push(...checkEventTypes(s.eventTypes, [...at, "eventTypes"]));
        out.push(...checkSubjectFilter(isObj(s.subject) ? s.subject : undefined, Array.isArray(s.eventTypes) ? s.eventTypes : [], [...at, "subject"]));
        out.push(...checkAdvancedFilters(s.advancedFilters, [...at, "advancedFilters"]));
        out.push(...checkRetry(isObj(s.retry) ? s.retry : undefined, [...at, "retry"]));
        if (s.deadLetter === true && !dlEnabled) out.push(issue([...at, "deadLetter"], true, "dead-lettering is disabled stack-wide (deadLetter.enabled: false)"));
        out.push(...headerIssues(s.deliveryHeaders, [...at, "deliveryHeaders"]));
        const kind = isObj(handlers) && isObj(handlers[s.handler]) ? handlers[s.handler].kind : undefined;
        out.push(...destinationFitIssues(s, kind, at));
    }
    return out;
}

/** Handler kinds Event Grid pushes to over HTTP: the only ones that take batching settings. */
const PUSH_KINDS = ["webhook", "function", "logicApp"];

/**
 * Settings Azure would ignore or refuse for the route's handler kind are errors, not silently dropped: batching
 * applies to WebHook and AzureFunction destinations only, and a Storage Queue takes no delivery headers.
 */
function destinationFitIssues(s: Raw, kind: unknown, at: (string | number)[]): Issue[] {
    if (typeof kind !== "string") return [];
    const out: Issue[] = [];
    if (s.batching !== undefined && !PUSH_KINDS.includes(kind)) {
        out.push(issue([...at, "batching"], s.batching, `batching applies only to push handlers (webhook, function, logicApp); handler "${s.handler}" is a ${kind}`));
    }
    if (s.deliveryHeaders !== undefined && kind === "storageQueue") {
        out.push(issue([...at, "deliveryHeaders"], `${Array.isArray(s.deliveryHeaders) ? s.deliveryHeaders.length : "?"} headers`, `a storage queue takes no delivery headers; handler "${s.handler}" is a storageQueue`));
    }
    return out;
}

function headerIssues(headers: unknown, at: (string | number)[]): Issue[] {
    if (!Array.isArray(headers)) return [];
    const out: Issue[] = [];
    headers.forEach((h, i) => {
        if (!isObj(h)) return;
        if (h.kind === "static" && typeof h.value !== "string") out.push(issue([...at, i, "value"], h.value, "a static header needs a string value"));
        if (h.kind === "dynamic" && typeof h.sourceField !== "string") out.push(issue([...at, i, "sourceField"], h.sourceField, "a dynamic header needs sourceField, e.g. \"data.to\""));
        if (h.kind === "static" && /^authorization$/i.test(String(h.name)) && h.secret !== true) {
            out.push(issue([...at, i, "secret"], h.secret, "an Authorization header carries a credential: set secret: true"));
        }
    });
    return out;
}
