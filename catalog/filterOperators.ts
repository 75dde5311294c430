/**
 * The 19 Event Grid advanced-filter operators and the operand each takes: `value` (one number or boolean),
 * `values` (a list of numbers or strings, or of [low, high] ranges) or nothing. Source: the AdvancedFilter
 * discriminator of the Event Grid management API
 * (https://learn.microsoft.com/rest/api/eventgrid/controlplane/system-topic-event-subscriptions/create-or-update,
 * API 2025-02-15) and https://learn.microsoft.com/azure/event-grid/event-filtering. Config validation
 * (validation/filters.ts) and the routing simulator (routing/) both read this table.
 */
export const OPERATOR_OPERANDS = {
    NumberIn: "numbers",
    NumberNotIn: "numbers",
    NumberLessThan: "number",
    NumberGreaterThan: "number",
    NumberLessThanOrEquals: "number",
    NumberGreaterThanOrEquals: "number",
    NumberInRange: "ranges",
    NumberNotInRange: "ranges",
    BoolEquals: "boolean",
    StringIn: "strings",
    StringNotIn: "strings",
    StringBeginsWith: "strings",
    StringNotBeginsWith: "strings",
    StringEndsWith: "strings",
    StringNotEndsWith: "strings",
    StringContains: "strings",
    StringNotContains: "strings",
    IsNullOrUndefined: "none",
    IsNotNull: "none",
} as const;

export type OperatorType = keyof typeof OPERATOR_OPERANDS;
/** The operand kinds: "numbers" | "number" | "ranges" | "boolean" | "strings" | "none". */
export type OperandKind = (typeof OPERATOR_OPERANDS)[OperatorType];
export const OPERATOR_TYPES = Object.keys(OPERATOR_OPERANDS) as OperatorType[];
