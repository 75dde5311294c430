/** Small building blocks for the hand-kept limits in `serviceLimits.ts`: reading ARM-body paths and range checks. */
import { child, isUnknown, ROOT } from "./jsonPath";
import { isPlainObject } from "./objectView";
import type { Finding } from "./validate";

export interface Located {
    readonly value: unknown;
    readonly path: string;
}

/** The value at `keys` under `start` (undefined-valued when any step is missing). */
export function at(start: Located, ...keys: string[]): Located {
    let { value, path } = start;
    for (const k of keys) {
        value = isPlainObject(value) ? value[k] : undefined;
        path = child(path, k);
    }
    return { value, path };
}

export function root(body: Record<string, unknown>): Located {
    return { value: body, path: ROOT };
}

/** Elements of the array at `loc` (none when it is not an array). */
export function items(loc: Located): Located[] {
    return Array.isArray(loc.value) ? loc.value.map((value, i) => ({ value, path: child(loc.path, i) })) : [];
}

/**
 * Event subscription destinations, wherever the body carries one: `properties.destination` and
 * `properties.deliveryWithResourceIdentity.destination`. Returns each destination's `properties` object.
 */
export function destinationProperties(body: Record<string, unknown>): Located[] {
    const props = at(root(body), "properties");
    return [
        at(props, "destination", "properties"),
        at(props, "deliveryWithResourceIdentity", "destination", "properties"),
    ].filter((l) => isPlainObject(l.value));
}

/** `min ≤ value ≤ max` for a number that is present (absent values are the contract's business). */
export function numberInRange(loc: Located, min: number, max: number, what: string): Finding[] {
    if (typeof loc.value !== "number") return [];
    if (loc.value >= min && loc.value <= max) return [];
    const bound = max === Infinity ? `≥ ${min}` : `between ${min} and ${max}`;
    return [{ path: loc.path, message: `${what} must be ${bound} (got ${loc.value})` }];
}

/** One number of an ISO 8601 duration (integer or decimal), captured. */
const N = String.raw`(\d+(?:\.\d+)?)`;
const DURATION = new RegExp(`^P(?:${N}Y)?(?:${N}M)?(?:${N}W)?(?:${N}D)?(?:T(?:${N}H)?(?:${N}M)?(?:${N}S)?)?$`);

/** ISO 8601 duration → seconds (Y = 365 d, M = 30 d, W = 7 d: only used for bounds of minutes to days). */
export function durationSeconds(text: string): number | undefined {
    const m = DURATION.exec(text);
    if (!m || text === "P" || text.endsWith("T")) return undefined;
    const [y, mo, w, d, h, mi, s] = m.slice(1).map((x) => (x === undefined ? 0 : Number(x)));
    return (((y * 365 + mo * 30 + w * 7 + d) * 24 + h) * 60 + mi) * 60 + s;
}

/** A present ISO 8601 duration within [minSeconds, maxSeconds]. */
export function durationInRange(loc: Located, minSeconds: number, maxSeconds: number, what: string): Finding[] {
    if (typeof loc.value !== "string" || isUnknown(loc.value)) return [];
    const seconds = durationSeconds(loc.value);
    if (seconds === undefined)
        return [{ path: loc.path, message: `${what} must be an ISO 8601 duration (got '${loc.value}')` }];
    if (seconds >= minSeconds && seconds <= maxSeconds) return [];
    const bound = maxSeconds === Infinity ? `at least ${fmt(minSeconds)}` : `at most ${fmt(maxSeconds)}`;
    return [{ path: loc.path, message: `${what} must be ${bound} (got '${loc.value}')` }];
}

function fmt(seconds: number): string {
    return seconds % 60 === 0 ? `${seconds / 60} minutes` : `${seconds} seconds`;
}
