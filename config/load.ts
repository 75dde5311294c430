import { z } from "zod";
import { Issue, issue, ValidationError } from "../validation/issue";
import { displayValue, semanticIssues } from "./semantics";
import { StackSettings, stackConfigSchema } from "./schema";

export const CONFIG_NAMESPACE = "acs-event-handling";

/**
 * Validate a stack's config (keys without namespace, values already parsed from YAML/JSON) and return typed
 * settings with defaults filled in. Every problem is reported at once in one ValidationError; nothing is
 * returned half-valid, so nothing can be half-created.
 */
export function parseStackSettings(raw: Record<string, unknown>): StackSettings {
    const parsed = stackConfigSchema.safeParse(raw);
    const issues: Issue[] = parsed.success ? [] : parsed.error.issues.map((zi) => fromZod(zi, raw)).map(locationKey);
    issues.push(...semanticIssues(raw));
    if (issues.length) throw new ValidationError(dedupe(issues), `${CONFIG_NAMESPACE}:`, "invalid stack configuration");
    return parsed.data as StackSettings;
}

function fromZod(zi: z.core.$ZodIssue, raw: unknown): Issue {
    const path = zi.path.map((p) => (typeof p === "symbol" ? String(p) : p));
    const value = displayValue(path, valueAt(raw, path));
    switch (zi.code) {
        case "unrecognized_keys":
            return issue(path, zi.keys, `unknown key${zi.keys.length > 1 ? "s" : ""} ${zi.keys.map((k) => `"${k}"`).join(", ")}; allowed: ${allowedKeys(path)}`);
        case "invalid_value":
            return issue(path, value, `must be one of ${zi.values.map((v) => JSON.stringify(v)).join(", ")}`);
        case "invalid_type":
            return issue(path, value, value === undefined ? `required (${zi.expected})` : `must be ${article(zi.expected)}`);
        default:
            return issue(path, value, zi.message);
    }
}

/** The region comes from azure-native's own config key; say so. */
function locationKey(i: Issue): Issue {
    if (i.path[0] !== "location") return i;
    return issue(["azure-native:location"], i.value, i.value === undefined ? "required: the Azure region for regional resources, e.g. westeurope" : i.message);
}

function article(t: string): string {
    return /^[aeiou]/.test(t) ? `an ${t}` : `a ${t}`;
}

function valueAt(raw: unknown, path: (string | number)[]): unknown {
    let v: any = raw;
    for (const p of path) v = v == null ? undefined : v[p];
    return v;
}

/** The keys the schema allows at a path, so an unknown-key error can list them. */
function allowedKeys(path: (string | number)[]): string {
    let s: any = stackConfigSchema;
    for (const p of path) {
        s = unwrap(s);
        if (s?.def?.type === "object") s = s.shape[p];
        else if (s?.def?.type === "record") s = s.def.valueType;
        else return "see the config reference";
    }
    s = unwrap(s);
    return s?.def?.type === "object" ? Object.keys(s.shape).join(", ") : "see the config reference";
}

function unwrap(s: any): any {
    while (s && ["optional", "default", "nullable", "pipe"].includes(s.def?.type)) s = s.def.innerType ?? s.def.in;
    return s;
}

/** The schema and the semantic pass can both notice one thing; keep the first message per path. */
function dedupe(issues: Issue[]): Issue[] {
    const seen = new Set<string>();
    return issues.filter((i) => {
        const k = JSON.stringify(i.path) + i.message;
        if (seen.has(k)) return false;
        seen.add(k);
        return true;
    });
}

/** Read the settings from Pulumi config (the program's path). */
export function settingsFromPulumiConfig(get: (key: string) => unknown, location: string | undefined): StackSettings {
    const keys = ["resourceGroup", "communication", "systemTopic", "deadLetter", "emailDomain", "handlers", "subscriptions", "monitoring", "tags"];
    const raw: Record<string, unknown> = { location };
    for (const k of keys) {
        const v = get(k);
        if (v !== undefined) raw[k] = v;
    }
    return parseStackSettings(raw);
}
