/**
 * Pack configuration: the JSON `pulumi preview --policy-pack-config <file>` takes, applied the same way
 * offline. Shape: `{ "<policy>": "<level>" | { "enforcementLevel"?: "<level>", ...properties } }`, plus the
 * CLI's `"all"` key for a pack-wide level. A policy's own properties are its `configSchema` defaults
 * overridden by the file (what the engine hands to `getConfig()`).
 */
import * as fs from "node:fs";
import { EnforcementLevel, Policy, PolicyPackConfig } from "@pulumi/policy";

export const LEVELS: readonly EnforcementLevel[] = ["advisory", "mandatory", "remediate", "disabled"];

export function loadPackConfig(file: string): PolicyPackConfig {
    const parsed = JSON.parse(fs.readFileSync(file, "utf8")) as unknown;
    if (!parsed || typeof parsed !== "object" || Array.isArray(parsed))
        throw new Error(`${file}: policy pack config must be a JSON object`);
    return parsed as PolicyPackConfig;
}

/** Throws on names that match no policy or check, and on bad levels: a typo must not silently do nothing. */
export function checkPackConfig(config: PolicyPackConfig, known: readonly string[]): void {
    for (const [name, value] of Object.entries(config)) {
        if (name !== "all" && !known.includes(name)) {
            throw new Error(
                `policy pack config names "${name}", which is not a policy of this pack (see docs/policies.md)`,
            );
        }
        const level = typeof value === "string" ? value : value?.enforcementLevel;
        if (level !== undefined && !LEVELS.includes(level)) {
            throw new Error(
                `policy pack config "${name}": enforcement level "${level}" is not one of ${LEVELS.join(", ")}`,
            );
        }
    }
}

/** Per-policy entry → "all" → the policy's own level → pack default (the CLI's order). */
export function levelFor(
    name: string,
    ownLevel: EnforcementLevel | undefined,
    config: PolicyPackConfig,
    packLevel: EnforcementLevel = "advisory",
): EnforcementLevel {
    const own = config[name];
    const explicit = typeof own === "string" ? own : own?.enforcementLevel;
    const all = config.all;
    const allLevel = typeof all === "string" ? all : all?.enforcementLevel;
    return explicit ?? allLevel ?? ownLevel ?? packLevel;
}

/** Schema defaults overridden by the file's properties for this policy. */
export function propertiesFor(
    policy: Pick<Policy, "name" | "configSchema">,
    config: PolicyPackConfig,
): Record<string, unknown> {
    const defaults: Record<string, unknown> = {};
    for (const [k, schema] of Object.entries(policy.configSchema?.properties ?? {})) {
        if ((schema as { default?: unknown }).default !== undefined)
            defaults[k] = (schema as { default?: unknown }).default;
    }
    const own = config[policy.name];
    if (!own || typeof own === "string") return defaults;
    const { enforcementLevel: _ignored, ...props } = own;
    return { ...defaults, ...props };
}
