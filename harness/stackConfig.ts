import * as fs from "node:fs";
import * as path from "node:path";
import { InputFileError, readYamlFile } from "./yamlFile";

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
    const doc = readYamlFile(file) as any;
    if (!doc?.name) throw new InputFileError(file, "no project name");
    return { name: doc.name, main: doc.main ?? "index.ts", dir };
}

export function stackFile(dir: string, stack: string): string {
    return path.join(dir, `Pulumi.${stack}.yaml`);
}

export function listStacks(dir: string): string[] {
    return fs
        .readdirSync(dir)
        .map((f) => /^Pulumi\.(.+)\.yaml$/.exec(f)?.[1])
        .filter((s): s is string => !!s)
        .sort();
}

export function readStackConfig(project: ProjectInfo, stack: string): StackConfig {
    const file = stackFile(project.dir, stack);
    if (!fs.existsSync(file)) {
        const known = listStacks(project.dir);
        throw new InputFileError(
            file,
            `no stack "${stack}": the file does not exist (stacks here: ${known.join(", ") || "none"})`,
        );
    }
    return flattenConfig(project.name, stackFileConfig(readYamlFile(file), file));
}

/**
 * The `config:` mapping of a parsed stack file. A file of the wrong shape (a list, a scalar, empty, `config:` not a
 * mapping) is said to be so, rather than reported as every key missing.
 */
export function stackFileConfig(doc: unknown, file: string): Record<string, unknown> {
    const shape =
        "a stack file is a mapping with a `config:` mapping of keys (acs-event-handling:…, azure-native:location)";
    if (doc === null || doc === undefined) throw new InputFileError(file, `is empty; ${shape}`);
    if (typeof doc !== "object" || Array.isArray(doc))
        throw new InputFileError(file, `holds ${Array.isArray(doc) ? "a list" : `a ${typeof doc}`}; ${shape}`);
    const config = (doc as Record<string, unknown>).config;
    if (config === undefined || config === null) return {};
    if (typeof config !== "object" || Array.isArray(config))
        throw new InputFileError(
            file,
            `\`config:\` holds ${Array.isArray(config) ? "a list" : `a ${typeof config}`}; ${shape}`,
        );
    return config as Record<string, unknown>;
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
