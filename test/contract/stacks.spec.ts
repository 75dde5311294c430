/**
 * Our own stacks against Azure's contract: every azure-native resource the program creates for `dev` and `prod`
 * must be covered by the check and meet the contract and the limits table. Needs the project harness
 * (harness/runStack.ts, owned elsewhere) and ../shared/arm-types; without either the suite is skipped with the
 * reason in its title.
 */
import * as assert from "node:assert";
import * as fs from "node:fs";
import * as path from "node:path";
import type { Graph } from "../../harness/graph";
import { checkGraph, findArmTypesDir, renderViolation, SKIPPED_NO_CONTRACT } from "../../contract";

const HARNESS = path.resolve(__dirname, "../../harness/runStack.ts");

interface Harness {
    runStack(options: { stack: string; projectDir?: string }): Promise<Graph>;
}

function skipReason(): string | undefined {
    if (!fs.existsSync(HARNESS)) return "skipped: harness/runStack.ts not found";
    if (!findArmTypesDir()) return SKIPPED_NO_CONTRACT;
    return undefined;
}

const reason = skipReason();
const suite = reason ? describe.skip : describe;

suite(`contract check of our stacks${reason ? ` (${reason})` : ""}`, () => {
    for (const stack of ["dev", "prod"]) {
        it(
            // biome-ignore lint/style/useTemplate: split to fit the line width (test/meta/lineLength.spec.ts)
            `${stack}: every azure-native resource is covered ` + "and meets the ARM contract and service limits",
            async () => {
                // Loaded at run time so this file compiles and skips cleanly while the harness does not exist yet.
                const { runStack } = require(HARNESS) as Harness;
                const result = checkGraph(await runStack({ stack }));
                assert.strictEqual(result.skipped, undefined);
                assert.deepStrictEqual(result.uncovered, [], "azure-native types without a contract row");
                assert.deepStrictEqual(result.violations.map(renderViolation), []);
                assert.ok(result.checked > 0, "the stack created no azure-native resources");
            },
        );
    }
});
