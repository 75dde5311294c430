import { checkAdvancedFilters, checkEventTypes, checkHeaderValue, checkRetry, checkSubjectFilter } from "./filters";
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

/** Every problem of one route's settings; `at` is the route's path, `fit` its destination when known. */
export function routeIssues(r: unknown, at: Path, fit?: RouteFit): Issue[] {
    if (!isObj(r)) return [];
    return [
        ...movedKeyIssues(r, at),
        ...filterIssues(r.filter, [...at, "filter"]),
        ...checkRetry(isObj(r.retry) ? r.retry : undefined, [...at, "retry"]),
        ...deliveryIssues(r.delivery, [...at, "delivery"], fit),
    ];
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
    if (Array.isArray(v)) return `a list of ${v.length}`;
    return isObj(v) ? "an object" : v;
}

/** What a value is, never what it says: delivery settings and headers may carry a secret header value. */
function kindOf(v: unknown): string | null {
    if (v === null) return null;
    if (Array.isArray(v)) return `a list of ${v.length}`;
    if (isObj(v)) return "an object";
    return /^[aeiou]/.test(typeof v) ? `an ${typeof v}` : `a ${typeof v}`;
}

const FILTER_SHAPE = "{ eventTypes, subject?, advancedFilters?, enableAdvancedFilteringOnArrays? }";

function filterIssues(f: unknown, at: Path): Issue[] {
    if (f === undefined || f === null) return [issue(at, f, `required: ${FILTER_SHAPE}`)];
    if (!isObj(f)) return [issue(at, shownShape(f), `an object: ${FILTER_SHAPE}`)];
    return [
        ...checkEventTypes(f.eventTypes, [...at, "eventTypes"]),
        ...checkSubjectFilter(
            isObj(f.subject) ? f.subject : undefined,
            Array.isArray(f.eventTypes) ? f.eventTypes : [],
            [...at, "subject"],
        ),
        ...checkAdvancedFilters(f.advancedFilters, [...at, "advancedFilters"]),
    ];
}

/**
 * Settings Azure would ignore or refuse for the destination are errors, not silently dropped: batching applies to
 * WebHook and AzureFunction destinations only, and a Storage Queue takes no delivery headers.
 */
function deliveryIssues(d: unknown, at: Path, fit: RouteFit | undefined): Issue[] {
    if (d === undefined) return [];
    if (!isObj(d)) return [issue(at, kindOf(d), "an object: { schema?, batching?, headers? }")];
    const out = headerIssues(d.headers, [...at, "headers"]);
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
        if (h.kind === "static" && (h.value === undefined || h.value === null))
            out.push(issue([...hat, "value"], h.value, "a static header needs a string value"));
        out.push(...checkHeaderValue(h.value, [...hat, "value"]));
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
