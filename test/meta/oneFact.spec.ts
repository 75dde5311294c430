import * as assert from "node:assert";
import * as fs from "node:fs";
import * as path from "node:path";
import { PROJECT_ROOT } from "../../harness/runStack";

/**
 * Each Azure fact is stated once; these guards fail when a copy creeps back in. Where the fact lives:
 * - Event Grid limits: validation/limits.ts (contract/serviceLimits.ts reads LIMITS);
 * - "WebHook endpoints must be HTTPS": validation/webhook.ts;
 * - the ARM API version azure-native sends: the installed SDK, read by contract/apiVersions.ts;
 * - a token's ARM type and URL path: catalog/armPaths.ts.
 */
const read = (rel: string) => fs.readFileSync(path.join(PROJECT_ROOT, rel), "utf8");

function sources(dir: string): string[] {
    return fs.readdirSync(path.join(PROJECT_ROOT, dir), { withFileTypes: true }).flatMap((e) => {
        const rel = path.posix.join(dir, e.name);
        if (e.isDirectory()) return ["node_modules", "dist", "test"].includes(e.name) ? [] : sources(rel);
        return e.name.endsWith(".ts") && !e.name.endsWith(".d.ts") ? [rel] : [];
    });
}

const LIBRARY_AND_TOOLS = [
    "components",
    "config",
    "validation",
    "policy",
    "contract",
    "catalog",
    "routing",
    "cli",
    "harness",
].flatMap(sources);

describe("one statement per fact", () => {
    it("states the HTTPS-only WebHook rule once (validation/webhook.ts)", () => {
        const copies = LIBRARY_AND_TOOLS.filter(
            (f) => f !== "validation/webhook.ts" && /\/\^https:\\\/\\\/\/i?\.test/.test(read(f)),
        );
        assert.deepStrictEqual(copies, []);
    });

    it("takes the Event Grid limits of contract/serviceLimits.ts from validation/limits.ts", () => {
        const text = read("contract/serviceLimits.ts");
        assert.match(text, /from "\.\.\/validation\/limits"/);
        const literals = ["1440", "5000", "1024", "512", "> 25", "> 500", "> 10)", ", 1, 30,"].filter((l) =>
            text.includes(l),
        );
        assert.deepStrictEqual(literals, []);
    });

    it("reads API versions from the installed SDK instead of typing them into tables", () => {
        assert.doesNotMatch(read("contract/resourceTable.ts"), /apiVersion: "/);
        assert.doesNotMatch(read("policy/lib/apiVersions.ts"), /pinned/);
    });

    it("states each token's ARM path once (catalog/armPaths.ts) for mock ids and the contract table", () => {
        assert.doesNotMatch(read("contract/resourceTable.ts"), /armType: "|pathInputs: \[/);
        const typed = read("harness/armIds.ts").match(/providers\/Microsoft\.\w+\/\w+/g) ?? [];
        assert.deepStrictEqual(
            typed,
            ["providers/Microsoft.Storage/storageAccounts"],
            "only the data-plane blob id is written out",
        );
    });

    it("uses Pulumi SDK internals only through harness/pulumiInternals.ts", () => {
        const internals =
            /waitForRPCs|require\.cache|getMonitor\(|@pulumi\/policy\/server|proto\/analyzer_pb|globalThis/;
        const configInternal = /isConfigSecret/;
        // cli/deferTypescript.ts must run before anything loads @pulumi/pulumi (pulumiInternals loads it), so it
        // stays a module of its own; test/cli/deferTypescript.spec.ts checks the shim path it relies on.
        // The program (index.ts) sits below the harness: it reads its one internal through
        // components/pulumiInternals.ts.
        const allowed = [
            "harness/pulumiInternals.ts",
            "components/pulumiInternals.ts",
            "components/offline.ts",
            "cli/deferTypescript.ts",
        ];
        assert.deepStrictEqual(
            [...LIBRARY_AND_TOOLS, "index.ts"].filter(
                (f) => !allowed.includes(f) && (internals.test(read(f)) || configInternal.test(read(f))),
            ),
            [],
        );
    });

    it("keeps monitoring ranges and the one-block-per-kind rule in validation/", () => {
        assert.doesNotMatch(read("components/monitoring.ts"), /severity < 0|WORKSPACE_NAME = /);
        assert.doesNotMatch(read("components/handlerTarget.ts"), /so set exactly the/);
        assert.doesNotMatch(read("config/schema.ts"), /int\(0, 4|int\(30, 730|int\(1, 1_000_000/);
    });
});
