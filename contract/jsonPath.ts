/**
 * JSON paths into the ARM body, `$.properties.filter.advancedFilters[0].values`, bracketed where a key is not an
 * identifier (`$.properties.criteria['odata.type']`).
 */

import { UNKNOWN } from "../harness/plainValues";

export const ROOT = "$";

export function child(path: string, key: string | number): string {
    if (typeof key === "number") return `${path}[${key}]`;
    return /^[A-Za-z_$][\w$]*$/.test(key) ? `${path}.${key}` : `${path}['${key.replace(/'/g, "\\'")}']`;
}

/**
 * The value Pulumi substitutes for outputs not known yet (during a preview), as the harness writes it into graphs
 * (harness/plainValues.ts). Such a value cannot be checked, so every rule treats it as "no finding" rather than as
 * a bad string.
 */
export { UNKNOWN };

export function isUnknown(v: unknown): boolean {
    return v === UNKNOWN;
}
