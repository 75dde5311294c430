import * as fs from "fs";
import * as yaml from "js-yaml";
import * as path from "path";

/**
 * Reads `Pulumi.yaml` and `Pulumi.<stack>.yaml` the way the CLI hands config to a program: fully qualified keys,
 * string values (objects JSON-encoded). `secure:` values cannot be decrypted without the CLI, so they become a
 * placeholder and their key is marked secret.
 */
export interface ProjectInfo {
    name: string;
    main: string;
    dir: string;
}

export interface StackConfig {
    config: Record<string, string>;
    secretKeys: string[];
    /** Config paths whose values were `secure:` and replaced by a placeholder. */
    placeholders: string[];
}

/** Placeholder for encrypted values; an HTTPS URL so that webhook validation still sees a well-formed URL. */
export const SECRET_PLACEHOLDER = "https://encrypted.placeholder.invalid/secret-not-decrypted-offline";

export function readProject(dir: string): ProjectInfo {
    const file = path.join(dir, "Pulumi.yaml");
    const doc = yaml.load(fs.readFileSync(file, "utf8")) as any;
    if (!doc?.name) throw new Error(`${file}: no project name`);
    return { name: doc.name, main: doc.main ?? "index.ts", dir };
}

export function stackFile(dir: string, stack: string): string {
    return path.join(dir, `Pulumi.${stack}.yaml`);
}

export function listStacks(dir: string): string[] {
    return fs.readdirSync(dir).map((f) => /^Pulumi\.(.+)\.yaml$/.exec(f)?.[1]).filter((s): s is string => !!s).sort();
}

export function readStackConfig(project: ProjectInfo, stack: string): StackConfig {
    const file = stackFile(project.dir, stack);
    if (!fs.existsSync(file)) {
        const known = listStacks(project.dir);
        throw new Error(`no stack "${stack}": ${file} does not exist (stacks here: ${known.join(", ") || "none"})`);
    }
    const doc = (yaml.load(fs.readFileSync(file, "utf8")) as any) ?? {};
    return flattenConfig(project.name, doc.config ?? {});
}

export function flattenConfig(projectName: string, raw: Record<string, unknown>): StackConfig {
    const out: StackConfig = { config: {}, secretKeys: [], placeholders: [] };
    for (const [key, value] of Object.entries(raw)) {
        const full = key.includes(":") ? key : `${projectName}:${key}`;
        const found: string[] = [];
        const v = replaceSecure(value, full, found);
        out.config[full] = typeof v === "string" ? v : JSON.stringify(v);
        if (found.length) {
            out.secretKeys.push(full);
            out.placeholders.push(...found);
        }
    }
    return out;
}

function replaceSecure(value: unknown, at: string, found: string[]): unknown {
    if (Array.isArray(value)) return value.map((v, i) => replaceSecure(v, `${at}[${i}]`, found));
    if (value && typeof value === "object") {
        const obj = value as Record<string, unknown>;
        if (Object.keys(obj).length === 1 && typeof obj.secure === "string") {
            found.push(at);
            return SECRET_PLACEHOLDER;
        }
        return Object.fromEntries(Object.entries(obj).map(([k, v]) => [k, replaceSecure(v, `${at}.${k}`, found)]));
    }
    return value;
}
