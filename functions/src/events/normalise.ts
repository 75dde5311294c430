/**
 * Case-insensitive key normalisation for incoming events.
 *
 * Why: the same ACS payload is published with camelCase keys (TypeSpec, SDKs, the current docs) and with PascalCase
 * keys (older doc revisions, the REST CloudEvents examples: `MessageId`, `From`, `ReceivedTimestamp`), and one sample
 * mixes both (`Tag`). Rather than guessing one spelling per field, every object key is lower-cased once at the edge
 * and the parsers read the lower-case names (https://github.com/MicrosoftDocs/azure-docs/issues/117303).
 */

export type PlainObject = Record<string, unknown>;

/** Thrown when an object holds two keys that differ only by case with different values: the event is ambiguous. */
export class KeyCaseConflictError extends Error {
    constructor(
        readonly path: string,
        readonly keys: readonly string[],
    ) {
        super(`${path} has keys that differ only by case with different values: ${keys.join(", ")}`);
    }
}

export function isPlainObject(value: unknown): value is PlainObject {
    return typeof value === "object" && value !== null && !Array.isArray(value);
}

/**
 * Deep copy of `value` in which every object key is lower-cased. Arrays and scalars are copied as they are; string
 * values (message text, ids) are never touched. Duplicate keys with equal values collapse silently, since
 * re-serialised payloads sometimes carry both spellings of the same field.
 */
export function lowerCaseKeys(value: unknown, path = "event"): unknown {
    if (Array.isArray(value)) return value.map((item, i) => lowerCaseKeys(item, `${path}[${i}]`));
    if (!isPlainObject(value)) return value;
    const out: PlainObject = {};
    const seenAs = new Map<string, string>();
    for (const [key, raw] of Object.entries(value)) {
        const lower = key.toLowerCase();
        const copy = lowerCaseKeys(raw, `${path}.${key}`);
        const previous = seenAs.get(lower);
        if (previous !== undefined && JSON.stringify(out[lower]) !== JSON.stringify(copy)) {
            throw new KeyCaseConflictError(path, [previous, key]);
        }
        seenAs.set(lower, key);
        out[lower] = copy;
    }
    return out;
}
