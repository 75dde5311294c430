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

/** Webhook URLs carry keys in their query string (`?code=…`, `sig=…`); never echo them in an error. */
export function redactUrl(url: string): string {
    return url.replace(/\?.*$/, "?…");
}

export function formatPath(prefix: string, path: readonly (string | number)[]): string {
    // A first segment that is itself namespaced (e.g. "azure-native:location") is not under the prefix.
    let out = typeof path[0] === "string" && path[0].includes(":") ? "" : prefix;
    for (const p of path) out += typeof p === "number" ? `[${p}]` : (out && !out.endsWith(":") ? "." : "") + p;
    return out;
}

export function formatValue(value: unknown): string {
    if (value === undefined) return "nothing";
    const s = JSON.stringify(value);
    return s.length > 120 ? s.slice(0, 117) + "..." : s;
}

/** One line per issue: `<key path>: <message> (got <value>)`. */
export function formatIssue(prefix: string, i: Issue): string {
    return `${formatPath(prefix, i.path)}: ${i.message} (got ${formatValue(i.value)})`;
}

/** Thrown when input is invalid; carries every issue at once. */
export class ValidationError extends Error {
    /** Duck-typed check: the program may be loaded fresh per run, so `instanceof` can see another copy of this class. */
    static is(err: unknown): err is ValidationError {
        return err instanceof Error && err.name === "ValidationError" && Array.isArray((err as any).issues);
    }

    constructor(readonly issues: readonly Issue[], readonly prefix: string, what = "invalid configuration") {
        super(`${what} (${issues.length} problem${issues.length === 1 ? "" : "s"}):\n` + issues.map((i) => "  - " + formatIssue(prefix, i)).join("\n"));
        this.name = "ValidationError";
    }
}
