/**
 * Plain-data shapes of an Event Grid subscription filter and of the simulator's answers. The filter mirrors the
 * azure-native `SystemTopicEventSubscription` input (`filter` plus `eventDeliverySchema`) so a resource's
 * captured inputs can be passed in unchanged. Semantics: https://learn.microsoft.com/azure/event-grid/event-filtering.
 */

/** The 19 advanced-filter operators Event Grid supports, from the one table in catalog/filterOperators.ts. */
import type { OperatorType } from "../catalog/filterOperators";
export { OPERATOR_TYPES } from "../catalog/filterOperators";
export type { OperatorType };

/**
 * One advanced filter, as azure-native takes it. `value` is the operand of NumberLessThan…/BoolEquals, `values`
 * of the list and range operators (ranges are `[low, high]` pairs); IsNullOrUndefined/IsNotNull take neither.
 * Typed loosely on purpose: captured inputs are raw JSON, and compileFilter() checks every operand.
 */
export interface AdvancedFilter {
    readonly operatorType: OperatorType | string;
    readonly key?: string;
    readonly value?: unknown;
    readonly values?: readonly unknown[];
}

export interface SubscriptionFilter {
    /** Absent/null or `["All"]`: every event type. `[]` and other uses of "All" are undocumented (U2, U12). */
    readonly includedEventTypes?: readonly string[] | null;
    readonly subjectBeginsWith?: string | null;
    readonly subjectEndsWith?: string | null;
    /** Applies to the two subject filters only. Default false. */
    readonly isSubjectCaseSensitive?: boolean | null;
    /** Let advanced filters look inside array values. Default false. */
    readonly enableAdvancedFilteringOnArrays?: boolean | null;
    readonly advancedFilters?: readonly AdvancedFilter[] | null;
}

export type EventDeliverySchema = "EventGridSchema" | "CloudEventSchemaV1_0";

/**
 * A subscription as far as filtering is concerned. Structurally a subset of the azure-native inputs, so
 * `graphResource.inputs` of a `SystemTopicEventSubscription` is a valid FilterSpec.
 */
export interface FilterSpec {
    readonly filter?: SubscriptionFilter | null;
    /** Default "EventGridSchema", as in Azure. */
    readonly eventDeliverySchema?: EventDeliverySchema | string | null;
}

/** The documented-behaviour gaps the simulator refuses to guess (routing/README.md). */
export type UndocumentedId = "U1" | "U2" | "U3" | "U4" | "U5" | "U6" | "U12" | "U13" | "U14";

/** Which part of a filter decided the outcome. `index` counts advanced filters from 0, in filter order. */
export type Clause =
    | { readonly kind: "eventDeliverySchema" }
    | { readonly kind: "includedEventTypes" }
    | { readonly kind: "subjectBeginsWith" }
    | { readonly kind: "subjectEndsWith" }
    | { readonly kind: "advancedFilter"; readonly index: number; readonly filter: AdvancedFilter };

export type FilterOutcome =
    | { readonly outcome: "match" }
    /** `reason` names the first failed clause in plain words, with the event's actual value. */
    | { readonly outcome: "noMatch"; readonly clause: Clause; readonly reason: string }
    /** Event Grid's answer depends on behaviour Microsoft does not document; `id` points into routing/README.md. */
    | {
          readonly outcome: "undocumented";
          readonly id: UndocumentedId;
          readonly clause: Clause;
          readonly reason: string;
      };
