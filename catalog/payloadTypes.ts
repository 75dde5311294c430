/** The shape of the generated payload facts (catalog/payloads.generated.ts). */

/** What a payload key holds: a scalar, a nested object, an array, or an open string map (sub-keys are free). */
export type KeyType = "string" | "number" | "boolean" | "object" | "array" | "map" | "any";

/**
 * [path, type, required]. Paths use wire names: `a.b` nesting, `a[]` an array and `a[].b` a field of its items,
 * `a.*` an open map whose sub-keys are chosen at runtime (`labels.*`, `customContext.sipHeaders.*`).
 */
export type PayloadKey = readonly [string, KeyType, boolean];

export interface TypePayload {
    /** The model it was read from (an @azure/eventgrid class name, or `example:<sample file>`). */
    readonly model: string;
    readonly keys: readonly PayloadKey[];
}
