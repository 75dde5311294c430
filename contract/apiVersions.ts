/**
 * The ARM API version the installed `@pulumi/azure-native` uses for a type token, read from the class's `.d.ts`
 * ("Uses Azure REST API version X"), e.g. `azure-native:web:WebAppFtpAllowed` →
 * `node_modules/@pulumi/azure-native/web/webAppFtpAllowed.d.ts`. Read once per token per process.
 */
import * as fs from "node:fs";
import * as path from "node:path";

const USES_VERSION = /Uses Azure REST API version (\d{4}-\d{2}-\d{2}(?:-preview)?)/;

const cache = new Map<string, string | undefined>();

export function installedApiVersion(token: string): string | undefined {
    if (!cache.has(token)) cache.set(token, readApiVersion(token));
    return cache.get(token);
}

/** The `.d.ts` file of a token's class; undefined for tokens that are not `azure-native:<module>:<Class>`. */
export function declarationFile(token: string): string | undefined {
    const m = /^azure-native:([a-z0-9]+):([A-Za-z0-9]+)$/.exec(token);
    if (!m) return undefined;
    const [, module, cls] = m;
    const pkgRoot = path.dirname(require.resolve("@pulumi/azure-native/package.json"));
    return path.join(pkgRoot, module, `${cls[0].toLowerCase()}${cls.slice(1)}.d.ts`);
}

function readApiVersion(token: string): string | undefined {
    const file = declarationFile(token);
    if (!file || !fs.existsSync(file)) return undefined;
    return USES_VERSION.exec(fs.readFileSync(file, "utf8"))?.[1];
}
