import * as assert from "assert";
import * as fs from "fs";
import * as path from "path";
import { PROJECT_ROOT } from "../../harness/runStack";

/**
 * Importing the azure-native package root costs ~0.5 s and ~50 MB per process and doubles type-check time
 * (../shared/reference/pulumi-practices.md §8): only submodules such as "@pulumi/azure-native/eventgrid".
 */
function sources(dir: string): string[] {
    return fs.readdirSync(dir, { withFileTypes: true }).flatMap((e) => {
        const p = path.join(dir, e.name);
        if (e.isDirectory()) return ["node_modules", "dist", ".git"].includes(e.name) ? [] : sources(p);
        return /\.ts$/.test(e.name) && !e.name.endsWith(".d.ts") ? [p] : [];
    });
}

describe("import hygiene", () => {
    it("never imports the @pulumi/azure-native package root", () => {
        const offenders = sources(PROJECT_ROOT).filter((f) => /from\s+["']@pulumi\/azure-native["']|require\(["']@pulumi\/azure-native["']\)/.test(fs.readFileSync(f, "utf8")));
        assert.deepStrictEqual(offenders.map((f) => path.relative(PROJECT_ROOT, f)), []);
    });
});
