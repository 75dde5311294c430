import * as assert from "node:assert";
import * as fs from "node:fs";
import * as path from "node:path";
import { PROJECT_ROOT } from "../../harness/runStack";
import { stackGraph } from "../support/sharedGraphs";
import { toMermaid, topologyFromGraph } from "../../render";

const readme = () => fs.readFileSync(path.join(PROJECT_ROOT, "README.md"), "utf8");

describe("README", () => {
    it("opens with the two commands: set up and plan, then test", () => {
        const blocks = [...readme().matchAll(/```bash\n([\s\S]*?)```/g)].map((m) => m[1]);
        const commands = blocks[0]
            .split("\n")
            .map((l) => l.replace(/#.*/, "").trim())
            .filter(Boolean);
        assert.deepStrictEqual(commands.slice(0, 2), ["npm ci && npm run plan", "npm test"]);
    });

    it(".ci/run runs exactly the README's test command", () => {
        const ci = fs.readFileSync(path.join(PROJECT_ROOT, ".ci", "run"), "utf8");
        assert.match(ci, /^npm test( |$)/m);
        assert.match(ci, /^npm ci\b/m, "CI installs from the lockfile like a newcomer");
    });

    it("stays a front door: under 8 KB, details in docs/", () => {
        assert.ok(Buffer.byteLength(readme()) < 8192, `README.md is ${Buffer.byteLength(readme())} bytes`);
        for (const [, link] of readme().matchAll(/\]\(((?:docs|local|receiver|routing)\/[^)#]+)/g)) {
            assert.ok(fs.existsSync(path.join(PROJECT_ROOT, link)), `README links to missing ${link}`);
        }
    });

    it(
        "docs/plan.md shows the dev topology exactly as the plan draws it (regenerate with npm run plan -- " +
            "--mermaid)",
        async () => {
            const planDoc = fs.readFileSync(path.join(PROJECT_ROOT, "docs", "plan.md"), "utf8");
            const inReadme = /```mermaid\n([\s\S]*?)```/.exec(planDoc)?.[1].trimEnd();
            const current = toMermaid(topologyFromGraph(await stackGraph("dev"))).trimEnd();
            assert.strictEqual(inReadme, current);
        },
    );
});
