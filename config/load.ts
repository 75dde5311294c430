import { closest, distance } from "fastest-levenshtein";
import { z } from "zod";
import { Issue, issue, ValidationError } from "../validation/issue";
import { displayValue, stackIssues } from "../validation/stack";
import { COMPONENT_VOCABULARY } from "../components/acsEventHandling";
import { StackSettings, stackConfigSchema } from "./schema";

export const CONFIG_NAMESPACE = "acs-event-handling";

/**
 * Validate a stack's config (keys without namespace, values already parsed from YAML/JSON) and return typed
 * settings with defaults filled in. Every problem is reported at once in one ValidationError; nothing is
 * returned half-valid, so nothing can be half-created.
 */
export function parseStackSettings(
    raw: Record<string, unknown>,
    more: { issues?: Issue[]; secretKeys?: readonly string[] } = {},
): StackSettings {
    const parsed = stackConfigSchema.safeParse(raw);
    const issues: Issue[] = [...(more.issues ?? [])];
    const semantic = semanticIssues(raw);
    if (!parsed.success)
        issues.push(
            ...parsed.error.issues
                .flatMap((zi) => unexplained(zi, semantic).map((u) => fromZod(u, raw)))
                .map(locationKey),
        );
    issues.push(...semantic);
    const secret = new Set(more.secretKeys ?? []);
    const shown = issues.map((i) =>
        secret.has(String(i.path[0])) && i.value !== undefined ? { ...i, value: "[secret]" } : i,
    );
    if (shown.length) throw new ValidationError(dedupe(shown), `${CONFIG_NAMESPACE}:`, "invalid stack configuration");
    return parsed.data as StackSettings;
}

/** The checks a schema cannot express (validation/stack.ts), judged against the component enums. */
export function semanticIssues(raw: Record<string, unknown>): Issue[] {
    return stackIssues(raw, COMPONENT_VOCABULARY);
}

/**
 * Zod issues a semantic check states too are left out, so each key gets one line: unknown keys the semantic checks
 * report themselves (a route's, with "moved to filter.eventTypes" for the old shape; the other unknown keys of the
 * same object are still reported), and any other issue at a key a semantic check reports on (its shape, its range).
 */
function unexplained(zi: z.core.$ZodIssue, semantic: readonly Issue[]): z.core.$ZodIssue[] {
    const at = (path: readonly PropertyKey[]) => JSON.stringify(path.map(String));
    const known = new Set(semantic.map((i) => at(i.path)));
    if (zi.code !== "unrecognized_keys" && known.has(at(zi.path))) return [];
    if (zi.code !== "unrecognized_keys") return [zi];
    const keys = zi.keys.filter((k) => !known.has(at([...zi.path, k])));
    return keys.length ? [{ ...zi, keys }] : [];
}

/** The top-level keys of the namespace, in the order the reference lists them. */
export const CONFIG_KEYS = Object.keys(stackConfigSchema.shape).filter((k) => k !== "location");

/**
 * Read the settings from the whole Pulumi config of a run (`pulumi.runtime.allConfig()`: fully qualified key →
 * string, objects JSON-encoded). Unlike `Config.getObject` this never throws on a value that is not JSON (it is
 * judged as the string it is) and never echoes a secret key's value; keys of our namespace that the program would
 * ignore are reported, with the closest known key or the `--path` hint for a dotted key.
 */
export function settingsFromConfigMap(
    all: Record<string, string>,
    isSecret: (fullKey: string) => boolean,
): StackSettings {
    const raw: Record<string, unknown> = {};
    const issues: Issue[] = [];
    const secretKeys: string[] = [];
    const location = all["azure-native:location"];
    if (location !== undefined) raw.location = location;
    if (isSecret("azure-native:location")) secretKeys.push("location", "azure-native:location");
    for (const [full, text] of Object.entries(all)) {
        if (!full.startsWith(`${CONFIG_NAMESPACE}:`)) {
            if (misspeltNamespace(full))
                issues.push(
                    issue(
                        [full],
                        isSecret(full) ? "[secret]" : text,
                        "unknown namespace (the program would ignore this key); " +
                            `did you mean "${CONFIG_NAMESPACE}:${full.slice(full.indexOf(":") + 1)}"?`,
                    ),
                );
            continue;
        }
        const key = full.slice(CONFIG_NAMESPACE.length + 1);
        if (isSecret(full)) secretKeys.push(key);
        if (!CONFIG_KEYS.includes(key)) {
            issues.push(unknownKey(key, isSecret(full) ? "[secret]" : text));
            continue;
        }
        Object.defineProperty(raw, key, {
            value: parseConfigValue(text),
            enumerable: true,
            writable: true,
            configurable: true,
        });
    }
    return parseStackSettings(raw, { issues, secretKeys });
}

/** What `pulumi config set` stored: JSON for structured values, else the plain string. */
function parseConfigValue(text: string): unknown {
    try {
        return JSON.parse(text);
    } catch {
        return text;
    }
}

/**
 * A key of another namespace that is ours mistyped (`acs-event-handlng:tags`): other namespaces belong to providers.
 */
function misspeltNamespace(full: string): boolean {
    const ns = full.includes(":") ? full.slice(0, full.indexOf(":")) : "";
    return ns !== "" && distance(ns.toLowerCase(), CONFIG_NAMESPACE) <= 3;
}

function unknownKey(key: string, value: unknown): Issue {
    if (key === "location")
        return issue(
            [`${CONFIG_NAMESPACE}:${key}`],
            value,
            "unknown key: the region is azure-native:location (the azure-native provider's own key)",
        );
    const head = key.split(/[.[]/)[0];
    if (key !== head && CONFIG_KEYS.includes(head)) {
        return issue(
            [`${CONFIG_NAMESPACE}:${key}`],
            value,
            `unknown key: a nested value is set with \`pulumi config set --path '${CONFIG_NAMESPACE}:${key}' …\` ` +
                "(with --path); without it the dotted name becomes a key of its own, which this program ignores",
        );
    }
    const near = closest(key, CONFIG_KEYS);
    const hint =
        distance(key.toLowerCase(), near.toLowerCase()) <= Math.max(2, Math.floor(near.length / 3))
            ? `did you mean "${CONFIG_NAMESPACE}:${near}"? `
            : "";
    return issue(
        [`${CONFIG_NAMESPACE}:${key}`],
        value,
        `unknown key (the program would ignore it); ${hint}known keys: ${CONFIG_KEYS.join(", ")}`,
    );
}

function fromZod(zi: z.core.$ZodIssue, raw: unknown): Issue {
    const path = zi.path.map((p) => (typeof p === "symbol" ? String(p) : p));
    const value = displayValue(path, valueAt(raw, path));
    switch (zi.code) {
        case "unrecognized_keys":
            return issue(
                path,
                zi.keys,
                `unknown key${zi.keys.length > 1 ? "s" : ""} ${zi.keys.map((k) => `"${k}"`).join(", ")}; ` +
                    `allowed: ${allowedKeys(path)}`,
            );
        case "invalid_value":
            return issue(path, value, `must be one of ${zi.values.map((v) => JSON.stringify(v)).join(", ")}`);
        case "invalid_type":
            return issue(
                path,
                value,
                value === undefined ? `required (${zi.expected})` : `must be ${article(zi.expected)}`,
            );
        default:
            return issue(path, value, zi.message);
    }
}

/** The region comes from azure-native's own config key; say so. */
function locationKey(i: Issue): Issue {
    if (i.path[0] !== "location") return i;
    return issue(
        ["azure-native:location"],
        i.value,
        i.value === undefined ? "required: the Azure region for regional resources, e.g. westeurope" : i.message,
    );
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
    const keys = [
        "resourceGroup",
        "communication",
        "systemTopic",
        "deadLetter",
        "emailDomain",
        "handlers",
        "subscriptions",
        "monitoring",
        "tags",
    ];
    const raw: Record<string, unknown> = { location };
    for (const k of keys) {
        const v = get(k);
        if (v !== undefined) raw[k] = v;
    }
    return parseStackSettings(raw);
}
