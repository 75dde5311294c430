import * as pulumi from "@pulumi/pulumi";
import { Issue } from "../validation/issue";
import { DeliveryHeaderKind, DeliverySchema } from "./types";

/**
 * The one shape of a route (an event subscription's settings), shared by the stack config
 * (`acs-event-handling:subscriptions:<key>`), AcsEventHandling and EventSubscription. Adding a field is one edit here,
 * its mapping to azure-native in EventSubscription, and its line in config/schema.ts (type-checked against these).
 */

export interface SubjectFilterArgs {
    /** Optional. Literal subject prefix (no wildcards); SMS subjects look like "/phonenumber/16045551234". */
    beginsWith?: pulumi.Input<string>;
    /** Optional. Literal subject suffix. */
    endsWith?: pulumi.Input<string>;
    /** Optional. Compare the subject filters case-sensitively. Default: false. */
    caseSensitive?: pulumi.Input<boolean>;
}

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

/** Which events the route takes: Event Grid's `filter` block. */
export interface RouteFilterArgs {
    /** Required. Full event type names, e.g. "Microsoft.Communication.SMSReceived". Never empty. */
    eventTypes: pulumi.Input<pulumi.Input<string>[]>;
    /** Optional. Subject prefix/suffix filter. */
    subject?: SubjectFilterArgs;
    /** Optional. Advanced filters: at most 25, with at most 25 values in total. */
    advancedFilters?: AdvancedFilterArgs[];
    /** Optional. Let advanced filters match array values element by element. Default: false. */
    enableAdvancedFilteringOnArrays?: pulumi.Input<boolean>;
}

/** Event Grid's retry policy. */
export interface RouteRetryArgs {
    /** Optional. Delivery attempts, 1–30. Default: 30. */
    maxDeliveryAttempts?: pulumi.Input<number>;
    /** Optional. Event time-to-live in minutes, 1–1440. Default: 1440. */
    eventTimeToLiveInMinutes?: pulumi.Input<number>;
}

/** Batching for push destinations (WebHook, AzureFunction: webhook, function and logicApp handlers). */
export interface RouteBatchingArgs {
    /** Optional. Events per batch, 1–5000. Default: 1. */
    maxEventsPerBatch?: pulumi.Input<number>;
    /** Optional. Preferred batch size in KB, 1–1024. Default: 64. */
    preferredBatchSizeInKilobytes?: pulumi.Input<number>;
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

/** How events are delivered: schema, batching, headers. */
export interface RouteDeliveryArgs {
    /** Optional. Output schema. Default: EventGridSchema. */
    schema?: DeliverySchema;
    /** Optional. Batching for push handlers (webhook, function, logicApp). */
    batching?: RouteBatchingArgs;
    /** Optional. Headers added to each delivery (at most 10; none for a storage queue). */
    headers?: DeliveryHeaderArgs[];
}

/** Everything of a route but where it delivers. */
export interface RouteSettingsArgs {
    /**
     * Optional. Azure name of the subscription, 3–64 letters, digits or hyphens. Default: the route's key in
     * `subscriptions` (which AcsEventHandling also gives the EventSubscription as its component name).
     */
    name?: pulumi.Input<string>;
    /** Required. Which events the route takes. */
    filter: RouteFilterArgs;
    /** Optional. Retry policy. Default: 30 attempts within 1440 minutes. */
    retry?: RouteRetryArgs;
    /** Optional. Delivery schema, batching and headers. Default: EventGridSchema, batch 1/64 on push handlers. */
    delivery?: RouteDeliveryArgs;
    /** Optional. Labels on the subscription. */
    labels?: pulumi.Input<pulumi.Input<string>[]>;
    /** Optional. When the subscription expires (ISO 8601). Default: never. */
    expirationTimeUtc?: pulumi.Input<string>;
}

/** The route's enums as validation/route.ts routeEnumIssues takes them (validation/ sits below components/). */
export const ROUTE_ENUMS = {
    deliverySchemas: Object.values(DeliverySchema),
    headerKinds: Object.values(DeliveryHeaderKind),
};

/**
 * The issues whose path does not run through a value only known at deployment (an Output or a Promise): the checks
 * read such values as what they are not, so they are not judged here; the policy pack checks them on the graph.
 */
export function knownIssues(args: unknown, issues: readonly Issue[]): Issue[] {
    return issues.filter((i) => !reachesOutput(args, i.path));
}

const deferred = (v: unknown): boolean => pulumi.Output.isInstance(v) || v instanceof Promise;

function reachesOutput(args: unknown, path: readonly (string | number)[]): boolean {
    let v: any = args;
    for (const p of path) {
        if (deferred(v)) return true;
        v = v?.[p];
    }
    return deferred(v) || (Array.isArray(v) && v.some(deferred));
}
