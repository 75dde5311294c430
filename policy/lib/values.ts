/**
 * Small value helpers shared by the rules. Everything reads through the SDK's unknown-checking proxy, so an
 * unknown value (preview) throws `UnknownValueError` and the SDK reports "can't run policy … during preview"
 * instead of a silent pass. Never wrap these reads in try/catch.
 */

/** How a value is shown in a violation message. */
export function show(v: unknown): string {
    if (v === undefined) return "nothing (unset)";
    if (v === null) return "null";
    const s = typeof v === "string" ? `"${v}"` : JSON.stringify(v);
    return s.length > 120 ? `${s.slice(0, 117)}...` : s;
}

/**
 * The message every violation uses: where (the azure-native input path), what was expected, what was found,
 * and how to fix it (PSRule's `ReasonFrom(path, …)` style).
 */
export function expected(path: string, want: string, got: unknown, fix: string): string {
    return `${path}: expected ${want}, got ${show(got)}. Fix: ${fix}`;
}

/** Case-insensitive string equality (ARM enums and ids are compared without case). */
export function eqi(a: unknown, b: string): boolean {
    return typeof a === "string" && a.toLowerCase() === b.toLowerCase();
}

/**
 * Whether an identity `type` includes `wanted`. Accepts every spelling Azure and azure-native use:
 * "SystemAssigned, UserAssigned" (eventgrid, web, servicebus) and "SystemAssigned,UserAssigned" (storage,
 * communication), in any case (azure-native's enums).
 */
export function identityIncludes(type: unknown, wanted: "SystemAssigned" | "UserAssigned"): boolean {
    if (typeof type !== "string") return false;
    return type.split(",").some((t) => t.trim().toLowerCase() === wanted.toLowerCase());
}

/** An identity that is present and not "None". */
export function hasIdentity(identity: any): boolean {
    return identityIncludes(identity?.type, "SystemAssigned") || identityIncludes(identity?.type, "UserAssigned");
}

/** TLS floor at 1.2 or above in both spellings: storage `TLS1_2`/`TLS1_3`, everyone else `1.2`/`1.3`. */
export function tlsAtLeast12(v: unknown): boolean {
    return typeof v === "string" && /^(TLS)?1[._][23]$/i.test(v);
}

/** ARM ids compare case-insensitively and without a trailing slash. */
export function normId(id: unknown): string {
    return typeof id === "string" ? id.replace(/\/+$/, "").toLowerCase() : "";
}

export function sameId(a: unknown, b: unknown): boolean {
    const na = normId(a);
    return na !== "" && na === normId(b);
}

/** Whether an RBAC `scope` covers resource `id` (queue ⊂ namespace ⊂ resource group ⊂ subscription). */
export function scopeContains(scope: unknown, id: unknown): boolean {
    const s = normId(scope);
    const i = normId(id);
    return s !== "" && i !== "" && (i === s || i.startsWith(`${s}/`));
}

/** The role GUID at the end of a role definition id. */
export function roleGuidOf(roleDefinitionId: unknown): string {
    return typeof roleDefinitionId === "string" ? (roleDefinitionId.split("/").pop() ?? "").toLowerCase() : "";
}

/** Segment after `/<type>/` in an ARM id, e.g. valueAfter(id, "storageAccounts") → account name. */
export function segmentAfter(id: unknown, type: string): string | undefined {
    if (typeof id !== "string") return undefined;
    const parts = id.split("/");
    const i = parts.findIndex((p) => p.toLowerCase() === type.toLowerCase());
    return i >= 0 ? parts[i + 1] : undefined;
}

/** The subscription GUID of an ARM id. */
export function subscriptionOf(id: unknown): string | undefined {
    return segmentAfter(id, "subscriptions")?.toLowerCase();
}

/**
 * Whether `key` is set on `obj`, without reading its value: a value that is unknown during preview is still
 * set, so presence checks need not make the SDK report "can't run".
 */
export function has(obj: unknown, key: string): boolean {
    return obj !== null && typeof obj === "object" && key in obj;
}

/** Array view that tolerates absent values (proxied arrays keep their unknown checks). */
export function list<T = any>(v: unknown): T[] {
    return Array.isArray(v) ? (v as T[]) : [];
}

/**
 * A plain deep copy of a proxied value. Reading every leaf through the proxy raises `UnknownValueError` for
 * unknowns (so the SDK reports "can't run") before the value reaches code outside the pack (validation/,
 * routing/) that could otherwise mistake the unknown sentinel for a real string.
 */
export function plain<T = any>(v: unknown): T {
    if (Array.isArray(v)) return v.map((x) => plain(x)) as T;
    if (v !== null && typeof v === "object") {
        const out: Record<string, unknown> = {};
        for (const k of Object.keys(v)) out[k] = plain((v as Record<string, unknown>)[k]);
        return out as T;
    }
    return v as T;
}
