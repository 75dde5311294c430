/**
 * Offline Event Grid filter simulator for ACS events: pure functions, no Pulumi, no I/O.
 *
 * - evaluate(spec, event): match | noMatch (first failed clause, in words) | undocumented (U# of routing/README.md).
 * - buildRouter(subscriptions): route an event to every matching subscription/handler, with reasons.
 * - canNeverMatch / canBothMatch / findMatchingEvent: static analysis for the policy pack.
 */
export { OPERATOR_TYPES } from "./types";
export type {
    AdvancedFilter,
    Clause,
    EventDeliverySchema,
    FilterOutcome,
    FilterSpec,
    OperatorType,
    SubscriptionFilter,
    UndocumentedId,
} from "./types";
export { InvalidFilterError } from "./errors";
export { compileFilter } from "./compile";
export type { CompiledFilter } from "./compile";
export { detectSchema, toCloudEvent, viewEvent } from "./envelope";
export type { EventSchema, EventView } from "./envelope";
export { evaluate, evaluateCompiled } from "./evaluate";
export { OPERATORS } from "./operators";
export type { OperatorSpec } from "./operators";
export { buildRouter, IndexedRouter, ScanRouter } from "./table";
export type {
    RoutedSubscription,
    RouteMatch,
    RouteNonMatch,
    RouteResult,
    RouteUndocumented,
    Router,
    RouterStrategy,
} from "./table";
export { canBothMatch, canNeverMatch, findMatchingEvent } from "./satisfiability";
export type { NeverMatchCode, NeverMatchFinding, Overlap } from "./satisfiability";
