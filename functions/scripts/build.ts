/**
 * Builds the deployable Functions package: esbuild bundles src/app.ts and every dependency into dist/app.js, and
 * dist/package.zip holds host.json, a package.json whose `main` points at the bundle, and the bundle itself.
 *
 * Why a bundle: the zip is self-contained (no node_modules, no remote `npm install` on the Function App, which a
 * locked-down app with run-from-package cannot do), small, and fast to cold-start.
 * `@azure/functions-core` stays external: the Functions Node worker injects it at run time; it is not on npm.
 *
 * Usage: `npm run build -w functions` (or `npx tsx functions/scripts/build.ts`), or from the Pulumi component:
 *   const zipPath = await buildFunctionPackage();
 */
import { mkdirSync, readFileSync, writeFileSync } from "node:fs";
import { join, resolve } from "node:path";
import type { BuildOptions } from "esbuild";
import { Zippable, zipSync } from "fflate";

export const FUNCTIONS_DIR = resolve(__dirname, "..");
/**
 * The deployed app runs Node.js 22 (FUNCTION_RUNTIME in components/handlers/functionApp.ts; a test keeps them equal).
 */
export const BUNDLE_TARGET = "node22";
const IMPORT_META_URL = "__bundleImportMetaUrl";

export interface BuildResult {
    readonly zipPath: string;
    readonly bundlePath: string;
}

/** Builds and returns the path of `functions/dist/package.zip`. */
export async function buildFunctionPackage(outDir = join(FUNCTIONS_DIR, "dist")): Promise<string> {
    return (await buildFunctionApp(outDir)).zipPath;
}

export async function buildFunctionApp(outDir = join(FUNCTIONS_DIR, "dist")): Promise<BuildResult> {
    mkdirSync(outDir, { recursive: true });
    const bundlePath = join(outDir, "app.js");
    await bundle(bundlePath);
    const zipPath = join(outDir, "package.zip");
    writeFileSync(
        zipPath,
        createZip([
            { name: "host.json", data: readFileSync(join(FUNCTIONS_DIR, "host.json")) },
            { name: "package.json", data: Buffer.from(deployedPackageJson()) },
            { name: "app.js", data: readFileSync(bundlePath) },
        ]),
    );
    return { zipPath, bundlePath };
}

export interface ZipEntry {
    /** Path inside the archive, with `/` separators. */
    readonly name: string;
    readonly data: Buffer;
}

/**
 * 1980-01-01 00:00 local time, the earliest MS-DOS timestamp (fflate writes local DOS time): a fixed date for every
 * entry, with entries in the given order, makes the zip deterministic, so an unchanged app gives a byte-identical
 * zip and Pulumi sees no diff (no needless redeploy).
 */
const FIXED_MTIME = new Date(1980, 0, 1);

/** ZIP writing by fflate (deflate level 9, Unix 0644 file modes); see the README's dependency table for why. */
export function createZip(entries: readonly ZipEntry[]): Buffer {
    const files: Zippable = {};
    for (const e of entries) files[e.name] = [e.data, { mtime: FIXED_MTIME }];
    return Buffer.from(zipSync(files, { level: 9, os: 3, attrs: 0o100644 << 16 }));
}

async function bundle(outfile: string): Promise<void> {
    // Required lazily so that importing this module for its types or constants costs nothing.
    // eslint-disable-next-line @typescript-eslint/no-require-imports
    const esbuild = require("esbuild") as typeof import("esbuild");
    const options: BuildOptions = {
        entryPoints: [join(FUNCTIONS_DIR, "src", "app.ts")],
        // The bundle names each module by its path from here: from functions/, not the caller's working directory,
        // so `npm run build -w functions` and a build from the repository root give the same bytes.
        absWorkingDir: FUNCTIONS_DIR,
        outfile,
        bundle: true,
        platform: "node",
        target: BUNDLE_TARGET,
        format: "cjs",
        external: ["@azure/functions-core"],
        // Some SDK packages resolve to their ESM build, which reads `import.meta.url` (e.g. @azure/storage-common's
        // crc64 module calls createRequire(import.meta.url) at load). In a CommonJS bundle import.meta is empty and
        // the app would crash at startup, so point it at the bundle file itself.
        banner: { js: `const ${IMPORT_META_URL} = require("node:url").pathToFileURL(__filename).href;` },
        define: { "import.meta.url": IMPORT_META_URL },
        // Readable stack traces in Application Insights matter more than a few hundred kilobytes.
        minify: false,
        keepNames: true,
        legalComments: "none",
        logLevel: "silent",
    };
    const result = await esbuild.build(options);
    const warnings = result.warnings.map((w) => w.text);
    if (warnings.length) throw new Error(`esbuild warnings (treated as errors):\n${warnings.join("\n")}`);
}

/** The package.json inside the zip: only what the Functions host reads (`main`), no dependencies to install. */
function deployedPackageJson(): string {
    const source = JSON.parse(readFileSync(join(FUNCTIONS_DIR, "package.json"), "utf8")) as {
        name: string;
        version: string;
        description?: string;
    };
    const deployed = {
        name: source.name,
        version: source.version,
        description: source.description,
        private: true,
        main: "app.js",
    };
    return `${JSON.stringify(deployed, null, 2)}\n`;
}

if (require.main === module) {
    buildFunctionPackage().then(
        (zipPath) => console.log(zipPath),
        (e: unknown) => {
            console.error(e);
            process.exitCode = 1;
        },
    );
}
