/** A problem found in user input: where, what was there, and what is allowed. Rendered at the edge. */
export interface Issue {
    /** Path from the config root, e.g. ["subscriptions", "sms-604", "retry", "maxDeliveryAttempts"]. */
    readonly path: readonly (string | number)[];
    readonly value: unknown;
    /** What is wrong and what is allowed. */
    readonly message: string;
}

export function issue(path: readonly (string | number)[], value: unknown, message: string): Issue {
    return { path, value, message };
}

/**
 * A URL anywhere in a text: scheme (bounded, so a long string without "://" stays linear), optional userinfo, host,
 * path, query, fragment. Whitespace ends a URL, so every line of a multi-line value is handled on its own.
 */
const URL_IN_TEXT = /\b([a-z][a-z0-9+.-]{0,31}:\/\/)((?:[^\s@?#]*@)+)?([^\s/?#]*)([^\s?#]*)(\?[^\s#]*)?(#\S*)?/gi;

/**
 * Webhook URLs carry keys: in the query string (`?code=…`, `sig=…`), in userinfo (`https://hook:KEY@host`, up to the
 * last "@" before any query, so an unencoded "/" in a password is covered too) or in a fragment. Every URL in the
 * text keeps only scheme, host and path; the rest becomes "…". This is the one redaction every printed value goes
 * through (ValidationError applies it to each issue's path, value and message).
 */
export function redactUrl(text: string): string {
    return (
        text
            .replace(
                URL_IN_TEXT,
                (_m, scheme: string, user?: string, host = "", path = "", query?: string, fragment?: string) =>
                    `${scheme}${user ? "…@" : ""}${host}${path}${query ? "?…" : ""}${fragment ? "#…" : ""}`,
            )
            // Without a scheme ("host/api?code=KEY", "hook:KEY@host"): a query of name=value pairs, a user:password@.
            .replace(/\?[^\s#?…]*=[^\s#]*/g, "?…")
            .replace(/(^|[\s"'(])[^\s:/@"'(]+:(?!\/\/)[^\s@]+@(?=[^\s@])/g, "$1…@")
    );
}

/** Structures are walked this deep and this wide at most; a printed value is cut to 120 characters anyway. */
const REDACT_DEPTH = 8;
const REDACT_WIDTH = 50;

/** `redactUrl` applied to every string in a value, keys included, however nested (bounded). */
export function redactValue(value: unknown, depth = 0): unknown {
    if (typeof value === "string") return redactUrl(value);
    if (value === null || typeof value !== "object") return value;
    if (depth >= REDACT_DEPTH) return "[…]";
    if (Array.isArray(value)) return value.slice(0, REDACT_WIDTH).map((v) => redactValue(v, depth + 1));
    const out: Record<string, unknown> = {};
    for (const [k, v] of Object.entries(value).slice(0, REDACT_WIDTH)) {
        Object.defineProperty(out, redactUrl(k), {
            value: redactValue(v, depth + 1),
            enumerable: true,
            writable: true,
            configurable: true,
        });
    }
    return out;
}

export function formatPath(prefix: string, path: readonly (string | number)[]): string {
    // A first segment that is itself namespaced (e.g. "azure-native:location") is not under the prefix.
    let out = typeof path[0] === "string" && path[0].includes(":") ? "" : prefix;
    for (const p of path) out += typeof p === "number" ? `[${p}]` : (out && !out.endsWith(":") ? "." : "") + p;
    return out;
}

export function formatValue(value: unknown): string {
    if (value === undefined) return "nothing";
    let s: string;
    try {
        s = JSON.stringify(value) ?? String(value);
    } catch {
        s = String(value); // a BigInt or a cycle: still a value, never a crash
    }
    return s.length > 120 ? `${s.slice(0, 117)}...` : s;
}

/** One line per issue: `<key path>: <message> (got <value>)`. */
export function formatIssue(prefix: string, i: Issue): string {
    // A problem of the arguments as a whole (no path) carries its values in its message.
    if (i.path.length === 0 && i.value === undefined) return i.message;
    return `${formatPath(prefix, i.path)}: ${i.message} (got ${formatValue(i.value)})`;
}

export function redactIssue(i: Issue): Issue {
    return {
        path: i.path.map((p) => (typeof p === "string" ? redactUrl(p) : p)),
        value: redactValue(i.value),
        message: redactUrl(i.message),
    };
}

/** Thrown when input is invalid; carries every issue at once. */
export class ValidationError extends Error {
    /**
     * Duck-typed check: the program may be loaded fresh per run, so `instanceof` can see another copy of this class.
     */
    static is(err: unknown): err is ValidationError {
        return err instanceof Error && err.name === "ValidationError" && Array.isArray((err as any).issues);
    }

    readonly issues: readonly Issue[];

    /** Every path, value and message is redacted here, so no caller can print a key by forgetting to. */
    constructor(
        issues: readonly Issue[],
        readonly prefix: string,
        what = "invalid configuration",
    ) {
        const safe = issues.map(redactIssue);
        super(
            `${what} (${safe.length} problem${safe.length === 1 ? "" : "s"}):\n` +
                `${safe.map((i) => `  - ${formatIssue(prefix, i)}`).join("\n")}`,
        );
        this.issues = safe;
        this.name = "ValidationError";
        // The message says all there is; a stack trace would only point into our own validation code.
        this.stack = `${this.name}: ${this.message}`;
    }
}
