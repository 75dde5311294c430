import * as assert from "node:assert";
import * as fs from "node:fs";
import * as path from "node:path";
import { PROJECT_ROOT } from "../../harness/runStack";

/**
 * Importing the azure-native package root costs ~0.5 s and ~50 MB per process and doubles type-check time
 * (measured with `npm run bench`): only submodules such as "@pulumi/azure-native/eventgrid".
 */
function sources(dir: string): string[] {
    return fs.readdirSync(dir, { withFileTypes: true }).flatMap((e) => {
        const p = path.join(dir, e.name);
        if (e.isDirectory()) return ["node_modules", "dist", ".git"].includes(e.name) ? [] : sources(p);
        return /\.ts$/.test(e.name) && !e.name.endsWith(".d.ts") ? [p] : [];
    });
}

/**
 * The layers, lowest first. A module may import its own folder and folders of LOWER layers only; folders on one
 * line are peers and must not import each other. So no upward import, and no cycle between folders.
 * Test code (test/, functions/test/) sits above everything.
 */
const LAYERS: readonly (readonly string[])[] = [
    ["receiver"], // the webhook receiver, deployed on its own: imports nothing of the library
    ["samples"], // recorded ACS events (data and their loader)
    ["catalog"], // Azure and ACS facts (event types, roles, subject shapes)
    ["validation"], // checks of user input that return issues; limits
    ["routing"], // the exact Event Grid filter evaluator
    ["components"], // the Pulumi components
    // config: stack config, parse and map to component args. functions: the Function App's code, which imports only
    // the contract it shares with components/handlers; above the components, so the library cannot ship app code.
    ["config", "functions"],
    ["index.ts"], // the Pulumi program
    ["harness"], // runs programs under Pulumi mocks
    // analyses of a built graph: the API contract check, pictures, the deploy critical path
    ["contract", "render", "deploy"],
    ["policy"], // the policy pack (reads the installed API versions through contract/apiVersions.ts)
    ["cli"],
    ["bench", "scripts", "examples", "local"], // tools over everything: bench, generators, the local delivery loop
    ["test"],
];

/**
 * Upward imports not yet removed, each with the reason. Only shrinks: a new entry needs a review. (The last one,
 * AcsEventHandling → config/semantics, went when the stack checks moved to validation/stack.ts.)
 */
const KNOWN_UPWARD: readonly string[] = [];

/** Folder (layer name) a repository-relative path belongs to. */
function layerOf(rel: string): string {
    if (rel.startsWith("test/") || rel.includes("/test/")) return "test";
    return rel.split("/")[0];
}

const rank = (layer: string): number => LAYERS.findIndex((l) => l.includes(layer));

/** Relative specifiers of static imports, re-exports, `import()` and `require()` in a TypeScript source. */
function relativeImports(source: string): string[] {
    const re = /(?:\bfrom\s*|\bimport\s*\(\s*|\brequire\s*\(\s*|^\s*import\s+)["'](\.{1,2}\/[^"']*)["']/gm;
    return [...source.matchAll(re)].map((m) => m[1]);
}

describe("layers", () => {
    const files = sources(PROJECT_ROOT).map((f) => path.relative(PROJECT_ROOT, f).split(path.sep).join("/"));

    it("places every top-level folder in a layer", () => {
        assert.deepStrictEqual(
            [...new Set(files.map(layerOf))].filter((l) => rank(l) < 0),
            [],
        );
    });

    it("imports only its own folder or lower layers (no upward import, no folder cycle)", () => {
        const offenders: string[] = [];
        for (const rel of files) {
            const from = layerOf(rel);
            for (const spec of relativeImports(fs.readFileSync(path.join(PROJECT_ROOT, rel), "utf8"))) {
                const target = path.posix.normalize(path.posix.join(path.posix.dirname(rel), spec));
                const to = layerOf(target);
                if (to !== from && rank(to) >= rank(from) && !KNOWN_UPWARD.includes(`${rel} → ${spec}`))
                    offenders.push(`${rel} → ${spec} (${from} may not import ${to})`);
            }
        }
        assert.deepStrictEqual(offenders, []);
    });

    it("detects an upward import", () => {
        assert.deepStrictEqual(
            relativeImports(
                'import { a } from "../config/semantics";\nexport * from "./b";\nconst c = require("../c");',
            ),
            ["../config/semantics", "./b", "../c"],
        );
        assert.ok(rank(layerOf("config/schema.ts")) > rank(layerOf("components/monitoring.ts")));
    });
});

describe("import hygiene", () => {
    it("never imports the @pulumi/azure-native package root", () => {
        const offenders = sources(PROJECT_ROOT).filter((f) =>
            /from\s+["']@pulumi\/azure-native["']|require\(["']@pulumi\/azure-native["']\)/.test(
                fs.readFileSync(f, "utf8"),
            ),
        );
        assert.deepStrictEqual(
            offenders.map((f) => path.relative(PROJECT_ROOT, f)),
            [],
        );
    });
});
