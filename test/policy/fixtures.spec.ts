import * as assert from "node:assert";
import { SHARED_FIXTURES, sharedGraph, useSharedGraph } from "./support/fixtures";

/**
 * The shared policy fixtures (test/policy/support/fixtures.ts), asked for here before any rule spec in a full run:
 * each is one program run per process however many rule specs use it, and each resource name in it is unique, as
 * the rule specs name the resources of their pass, fail and unset cases. The event paths are
 * test/policy/eventPath.spec.ts's to build first (it sorts before this file).
 */
describe("policy: the shared fixtures", () => {
    for (const name of SHARED_FIXTURES.filter((n) => n !== "eventPath")) {
        describe(name, () => {
            const graph = useSharedGraph(name);

            it("is built once per process: every request gets the same graph", async () => {
                assert.strictEqual(sharedGraph(name), sharedGraph(name));
                assert.strictEqual(await sharedGraph(name), graph());
            });

            it("names each resource once, so a case names exactly one resource", () => {
                const names = graph().resources.map((r) => r.name);
                assert.deepStrictEqual(
                    names.filter((n, i) => names.indexOf(n) !== i),
                    [],
                );
            });
        });
    }
});
