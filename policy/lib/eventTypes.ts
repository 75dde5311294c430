/**
 * Event-type facts the subscription rules share: what an included type really is (catalog), and the current
 * types an entry stands for (a legacy name stands for its replacement, so subject and key checks can still
 * say what to write).
 */
import { classifyEventType, EventTypeInfo, findEventType } from "../../catalog";

/** Current catalog entries an included type stands for: itself, or a legacy/mis-cased name's replacements. */
export function effectiveTypes(types: readonly string[]): EventTypeInfo[] {
    const out = new Map<string, EventTypeInfo>();
    for (const t of types) {
        const v = classifyEventType(t);
        const names =
            v.status === "current"
                ? [t]
                : v.status === "legacy" || v.status === "wrongCase"
                  ? v.useInstead.slice(0, 1)
                  : [];
        for (const n of names) {
            const info = findEventType(n);
            if (info) out.set(n, info);
        }
    }
    return [...out.values()];
}

/** Only the entries that are current catalog types as written. */
export function currentTypes(types: readonly string[]): EventTypeInfo[] {
    return types.map((t) => findEventType(t)).filter((i): i is EventTypeInfo => !!i);
}

/** What to write instead of an unusable type, if the catalog knows. */
export function replacementFor(type: string): string[] {
    const v = classifyEventType(type);
    if (v.status === "legacy" || v.status === "wrongCase") return [...v.useInstead];
    if (v.status === "unknown") return v.didYouMean;
    return [];
}
