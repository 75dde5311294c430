/** Storage SDK errors carry the HTTP status as `statusCode` (RestError); conflicts are control flow, not failures. */
export function hasStatus(error: unknown, status: number): boolean {
    return typeof error === "object" && error !== null && (error as { statusCode?: unknown }).statusCode === status;
}

/** Without an ETag a later write could not be conditional, which would silently break the ledger's guarantees. */
export function requireEtag(etag: string | undefined): string {
    if (!etag) throw new Error("Table Storage returned no ETag; refusing an unconditional write");
    return etag;
}

/** Table Storage rejects `undefined` property values; optional fields are simply left out. */
export function definedOnly<T extends object>(entity: T): T {
    return Object.fromEntries(Object.entries(entity).filter(([, v]) => v !== undefined)) as T;
}
