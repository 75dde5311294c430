/**
 * The `data` keys of each event type, and what a filter key path reaches in them. The facts come from
 * catalog/payloads.generated.ts (written by scripts/gen-event-payloads.ts from @azure/eventgrid, the
 * Azure/azure-rest-api-specs swagger and, for a type defined in neither, Microsoft's example event).
 */
import { EXAMPLE_PAYLOADS, PACKAGE_PAYLOADS, SWAGGER_ADDITIONS } from "./payloads.generated";
import type { KeyType, PayloadKey } from "./payloadTypes";

export type { KeyType, PayloadKey, TypePayload } from "./payloadTypes";

/**
 * Every key of a type's payload: the package's, then the swagger's additions, then keys only Microsoft's example
 * events show; empty if the type is unknown.
 */
export function payloadKeysOf(type: string): readonly PayloadKey[] {
    const base = PACKAGE_PAYLOADS[type]?.keys ?? [];
    const known = new Set(base.map(([k]) => k));
    const more = [...(SWAGGER_ADDITIONS[type] ?? []), ...(EXAMPLE_PAYLOADS[type]?.keys ?? [])];
    return [...base, ...more.filter(([k]) => !known.has(k) && !!known.add(k))];
}

/** What a dotted filter path (after `data.`) reaches in a payload. */
export type KeyReach =
    /** A key of the payload: a scalar, an object holding keys, an array, or an open map. */
    | { kind: "key"; key: string; type: KeyType }
    /** A free sub-key of an open string map (`labels.skill`, `customContext.sipHeaders.X-MS-Custom-a`). */
    | { kind: "mapEntry"; map: string }
    /** A field of the items of an array (`deliveryAttempts.timestamp`): Event Grid filters do not index arrays. */
    | { kind: "inArray"; array: string };

/**
 * Where `path` lands in `keys`, compared exactly (`caseSensitive`) or ignoring case; undefined when nowhere.
 * Paths are written as Event Grid reads them: dots only, no `[]`.
 */
export function reach(keys: readonly PayloadKey[], path: string, caseSensitive = true): KeyReach | undefined {
    const norm = (s: string) => (caseSensitive ? s : s.toLowerCase());
    const p = norm(path);
    for (const [key, type] of keys) {
        const arr = key.indexOf("[]");
        const itemField = arr >= 0 && key.length > arr + 2;
        const bare = key.replace(/\[\]/g, "").replace(/\.\*$/, "");
        const hit = norm(bare) === p || (type === "map" && p.startsWith(`${norm(bare)}.`));
        if (!hit) continue;
        if (itemField) return { kind: "inArray", array: key.slice(0, arr) };
        if (norm(bare) === p) return { kind: "key", key: bare, type };
        return { kind: "mapEntry", map: bare };
    }
    return undefined;
}
