import {
    checkAdvancedFilters,
    checkEventTypes,
    checkHeaderValue,
    checkRetry,
    checkSubjectFilter,
    checkWholeNumber,
} from "./filters";
import { Issue, issue } from "./issue";
import { LIMITS } from "./limits";

/**
 * Checks of one route (components/route.ts: filter, retry, delivery), the same for the stack config, AcsEventHandling
 * and EventSubscription. They read plain values defensively (a JavaScript or YAML caller can pass anything); a caller
 * holding values only known at deployment drops the issues under them (the policy pack judges those on the graph).
 */

type Path = readonly (string | number)[];
type Raw = Record<string, any>;
const isObj = (v: unknown): v is Raw => !!v && typeof v === "object" && !Array.isArray(v);

/**
 * Where each key of the flat route shapes now lives: the stack config's and AcsRouteArgs' keys before the one route
 * shape, and EventSubscriptionArgs' flattened names. An old key gets this, not a bare "unknown key".
 */
export const MOVED_ROUTE_KEYS: Readonly<Record<string, string>> = {
    eventTypes: "filter.eventTypes",
    subject: "filter.subject",
    advancedFilters: "filter.advancedFilters",
    enableAdvancedFilteringOnArrays: "filter.enableAdvancedFilteringOnArrays",
    deliverySchema: "delivery.schema",
    batching: "delivery.batching",
    deliveryHeaders: "delivery.headers",
    subjectBeginsWith: "filter.subject.beginsWith",
    subjectEndsWith: "filter.subject.endsWith",
    subjectCaseSensitive: "filter.subject.caseSensitive",
    maxDeliveryAttempts: "retry.maxDeliveryAttempts",
    eventTimeToLiveInMinutes: "retry.eventTimeToLiveInMinutes",
    maxEventsPerBatch: "delivery.batching.maxEventsPerBatch",
    preferredBatchSizeInKilobytes: "delivery.batching.preferredBatchSizeInKilobytes",
    subscriptionName: "name",
};

/**
 * What the route's destination takes, when the caller knows it: `push` (WebHook, AzureFunction: batching applies),
 * `headers` (every destination but a storage queue), and `what` names it for the message.
 */
export interface RouteFit {
    readonly push: boolean;
    readonly headers: boolean;
    readonly what: string;
}

/** The keys of components/route.ts RouteSettingsArgs; each caller adds its own (handler, destination, …). */
const ROUTE_SETTINGS_KEYS = ["name", "filter", "retry", "delivery", "labels", "expirationTimeUtc"];

/**
 * Every problem of one route's settings; `at` is the route's path, `fit` its destination when known, `ownKeys` the
 * caller's keys beside the route settings (a key that is neither, nor a moved one, is reported as unknown).
 */
export function routeIssues(r: unknown, at: Path, fit: RouteFit | undefined, ownKeys: readonly string[]): Issue[] {
    if (!isObj(r)) return [];
    return [
        ...movedKeyIssues(r, at),
        ...unknownKeyIssues(r, at, [...ROUTE_SETTINGS_KEYS, ...ownKeys], MOVED_ROUTE_KEYS),
        ...filterIssues(r.filter, [...at, "filter"]),
        ...blockIssues(r.retry, [...at, "retry"], RETRY_KEYS, (b) => checkRetry(b, [...at, "retry"])),
        ...deliveryIssues(r.delivery, [...at, "delivery"], fit),
        ...stringListIssues(r.labels, [...at, "labels"], "a list of labels (strings)"),
        ...dateTimeIssues(r.expirationTimeUtc, [...at, "expirationTimeUtc"]),
    ];
}

const RETRY_KEYS = ["maxDeliveryAttempts", "eventTimeToLiveInMinutes"];
const SUBJECT_KEYS = ["beginsWith", "endsWith", "caseSensitive"];
const FILTER_KEYS = ["eventTypes", "subject", "advancedFilters", "enableAdvancedFilteringOnArrays"];
const DELIVERY_KEYS = ["schema", "batching", "headers"];
const BATCHING_KEYS = ["maxEventsPerBatch", "preferredBatchSizeInKilobytes"];
const HEADER_KEYS = ["name", "kind", "value", "sourceField", "secret"];

const shape = (keys: readonly string[]) => `{ ${keys.map((k) => `${k}?`).join(", ")} }`;

/** An optional block: absent is fine, anything but an object is reported, an object is checked by `check`. */
function blockIssues(v: unknown, at: Path, keys: readonly string[], check: (b: Raw) => Issue[]): Issue[] {
    if (v === undefined) return [];
    if (!isObj(v)) return [issue(at, kindOf(v), `an object: ${shape(keys)}`)];
    return [...unknownKeyIssues(v, at, keys), ...check(v)];
}

/** Keys a block does not take: Pulumi would drop them silently, so a misspelt setting would never apply. */
function unknownKeyIssues(
    o: Raw,
    at: Path,
    allowed: readonly string[],
    skip: Readonly<Record<string, string>> = {},
): Issue[] {
    return Object.keys(o)
        .filter((k) => !allowed.includes(k) && !Object.hasOwn(skip, k))
        .map((k) => issue([...at, k], kindOf(o[k]), `unknown key; allowed: ${allowed.join(", ")}`));
}

function booleanIssues(v: unknown, at: Path): Issue[] {
    return v === undefined || typeof v === "boolean" ? [] : [issue(at, kindOf(v), "true or false")];
}

function stringListIssues(v: unknown, at: Path, what: string): Issue[] {
    if (v === undefined) return [];
    if (!Array.isArray(v)) return [issue(at, kindOf(v), what)];
    return v.flatMap((x, i) => (typeof x === "string" ? [] : [issue([...at, i], kindOf(x), "a string")]));
}

/** ISO 8601 with a time and an offset, as Event Grid's expirationTimeUtc takes it (e.g. 2027-01-01T00:00:00Z). */
const ISO_DATE_TIME = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d+)?)?(Z|[+-]\d{2}:\d{2})$/;

function dateTimeIssues(v: unknown, at: Path): Issue[] {
    if (v === undefined) return [];
    return typeof v === "string" && ISO_DATE_TIME.test(v) && !Number.isNaN(Date.parse(v))
        ? []
        : [issue(at, typeof v === "string" ? v : kindOf(v), "an ISO 8601 date-time, e.g. 2027-01-01T00:00:00Z")];
}

function movedKeyIssues(r: Raw, at: Path): Issue[] {
    return Object.keys(r)
        .filter((k) => Object.hasOwn(MOVED_ROUTE_KEYS, k))
        .map((k) =>
            issue(
                [...at, k],
                shownShape(r[k]),
                `moved to ${MOVED_ROUTE_KEYS[k]} (a route has filter, retry and delivery blocks; see CHANGELOG.md)`,
            ),
        );
}

/** A moved block may hold a header value or a URL: show its shape, not its content. */
function shownShape(v: unknown): unknown {
    return v !== null && typeof v === "object" ? kindOf(v) : v;
}

/** What a value is, never what it says: delivery settings and headers may carry a secret header value. */
function kindOf(v: unknown): string | null | undefined {
    if (v === null || v === undefined) return v;
    if (Array.isArray(v)) return `a list of ${v.length}`;
    if (isObj(v)) return "an object";
    return /^[aeiou]/.test(typeof v) ? `an ${typeof v}` : `a ${typeof v}`;
}

const FILTER_SHAPE = "{ eventTypes, subject?, advancedFilters?, enableAdvancedFilteringOnArrays? }";

function filterIssues(f: unknown, at: Path): Issue[] {
    if (f === undefined || f === null) return [issue(at, f, `required: ${FILTER_SHAPE}`)];
    if (!isObj(f)) return [issue(at, shownShape(f), `an object: ${FILTER_SHAPE}`)];
    const eventTypes = Array.isArray(f.eventTypes) ? f.eventTypes : [];
    return [
        ...unknownKeyIssues(f, at, FILTER_KEYS),
        ...checkEventTypes(f.eventTypes, [...at, "eventTypes"]),
        ...blockIssues(f.subject, [...at, "subject"], SUBJECT_KEYS, (subject) => [
            ...(["beginsWith", "endsWith"] as const).flatMap((k) =>
                subject[k] === undefined || typeof subject[k] === "string"
                    ? []
                    : [issue([...at, "subject", k], kindOf(subject[k]), "a literal string (no wildcards)")],
            ),
            ...booleanIssues(subject.caseSensitive, [...at, "subject", "caseSensitive"]),
            ...checkSubjectFilter(subject, eventTypes, [...at, "subject"]),
        ]),
        ...checkAdvancedFilters(f.advancedFilters, [...at, "advancedFilters"]),
        ...booleanIssues(f.enableAdvancedFilteringOnArrays, [...at, "enableAdvancedFilteringOnArrays"]),
    ];
}

/**
 * Settings Azure would ignore or refuse for the destination are errors, not silently dropped: batching applies to
 * WebHook and AzureFunction destinations only, and a Storage Queue takes no delivery headers.
 */
function deliveryIssues(d: unknown, at: Path, fit: RouteFit | undefined): Issue[] {
    if (d === undefined) return [];
    if (!isObj(d)) return [issue(at, kindOf(d), "an object: { schema?, batching?, headers? }")];
    const out = [
        ...unknownKeyIssues(d, at, DELIVERY_KEYS),
        ...headerIssues(d.headers, [...at, "headers"]),
        ...blockIssues(d.batching, [...at, "batching"], BATCHING_KEYS, (b) => [
            ...checkWholeNumber(
                b.maxEventsPerBatch,
                [...at, "batching", "maxEventsPerBatch"],
                LIMITS.maxEventsPerBatch,
            ),
            ...checkWholeNumber(
                b.preferredBatchSizeInKilobytes,
                [...at, "batching", "preferredBatchSizeInKilobytes"],
                LIMITS.preferredBatchSizeInKilobytes,
            ),
        ]),
    ];
    if (fit && d.batching !== undefined && !fit.push)
        out.push(
            issue(
                [...at, "batching"],
                d.batching,
                `batching applies only to push handlers (webhook, function, logicApp); ${fit.what}`,
            ),
        );
    if (fit && d.headers !== undefined && !fit.headers)
        out.push(
            issue(
                [...at, "headers"],
                `${Array.isArray(d.headers) ? d.headers.length : "?"} headers`,
                `a storage queue takes no delivery headers; ${fit.what}`,
            ),
        );
    return out;
}

function headerIssues(headers: unknown, at: Path): Issue[] {
    if (headers === undefined) return [];
    if (!Array.isArray(headers)) return [issue(at, kindOf(headers), "a list of headers")];
    const out: Issue[] = [];
    if (headers.length > LIMITS.deliveryAttributeMappings)
        out.push(issue(at, headers.length, `at most ${LIMITS.deliveryAttributeMappings} delivery headers`));
    headers.forEach((h, i) => {
        const hat = [...at, i];
        if (!isObj(h)) {
            out.push(issue(hat, kindOf(h), "a header: { name, kind, value | sourceField }"));
            return;
        }
        out.push(...unknownKeyIssues(h, hat, HEADER_KEYS));
        if (typeof h.name !== "string" || !LIMITS.deliveryHeaderName.test(h.name))
            out.push(
                issue(
                    [...hat, "name"],
                    typeof h.name === "string" ? h.name : kindOf(h.name),
                    'a header name (1–128 letters, digits, hyphens) not starting with "aeg-"',
                ),
            );
        if (h.kind === "static" && typeof h.value !== "string")
            // The value may be a credential: say what it is, never what it says.
            out.push(issue([...hat, "value"], kindOf(h.value), "a static header needs a string value"));
        out.push(...checkHeaderValue(h.value, [...hat, "value"]));
        if (h.sourceField !== undefined && typeof h.sourceField !== "string")
            out.push(issue([...hat, "sourceField"], kindOf(h.sourceField), 'an event field, e.g. "data.to"'));
        out.push(...booleanIssues(h.secret, [...hat, "secret"]));
        if (h.kind === "dynamic" && (h.sourceField === undefined || h.sourceField === null))
            out.push(
                issue([...hat, "sourceField"], h.sourceField, 'a dynamic header needs sourceField, e.g. "data.to"'),
            );
        if (h.kind === "static" && /^authorization$/i.test(String(h.name)) && h.secret !== true)
            out.push(
                issue([...hat, "secret"], h.secret, "an Authorization header carries a credential: set secret: true"),
            );
    });
    return out;
}

/**
 * The enums of a route, for callers TypeScript does not hold to them (JavaScript, YAML programs); the stack config's
 * schema checks them itself. The values come from the component enums (components/types.ts), passed in because
 * validation/ sits below components/.
 */
export function routeEnumIssues(
    r: unknown,
    at: Path,
    enums: { readonly deliverySchemas: readonly string[]; readonly headerKinds: readonly string[] },
): Issue[] {
    if (!isObj(r) || !isObj(r.delivery)) return [];
    const out: Issue[] = [];
    const schema: unknown = r.delivery.schema;
    if (schema !== undefined && !(enums.deliverySchemas as unknown[]).includes(schema))
        out.push(issue([...at, "delivery", "schema"], schema, `one of ${enums.deliverySchemas.join(", ")}`));
    if (!Array.isArray(r.delivery.headers)) return out;
    r.delivery.headers.forEach((h: unknown, i: number) => {
        if (isObj(h) && !(enums.headerKinds as unknown[]).includes(h.kind))
            out.push(
                issue(
                    [...at, "delivery", "headers", i, "kind"],
                    h.kind,
                    `one of ${enums.headerKinds.map((k) => `"${k}"`).join(", ")} (lower case)`,
                ),
            );
    });
    return out;
}

/** An Azure subscription name: 3–64 letters, digits or hyphens. */
export function subscriptionNameIssues(name: unknown, at: Path): Issue[] {
    return typeof name === "string" && !LIMITS.subscriptionName.test(name)
        ? [issue(at, name, "subscription names are 3–64 letters, digits or hyphens")]
        : [];
}
