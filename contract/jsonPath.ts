/** JSON paths into the ARM body, `$.properties.filter.advancedFilters[0].values`, bracketed where a key is not an identifier (`$.properties.criteria['odata.type']`). */

export const ROOT = "$";

export function child(path: string, key: string | number): string {
    if (typeof key === "number") return `${path}[${key}]`;
    return /^[A-Za-z_$][\w$]*$/.test(key) ? `${path}.${key}` : `${path}['${key.replace(/'/g, "\\'")}']`;
}
