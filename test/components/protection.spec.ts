import * as assert from "node:assert";
import * as fs from "node:fs";
import * as path from "node:path";
import { ofType } from "../../harness/graph";
import { runStack } from "../../harness/runStack";
import "../support/contractCheck";
import { rawStackConfig } from "../support/rawConfig";

const LOCK = "azure-native:authorization:ManagementLockByScope";

/** `lock` unset follows `protect` (config/schema.ts); the docs and the prod stack file say the same. */
describe("protect and lock", () => {
    it("protect: true without lock still locks the ACS resource and the topic", async () => {
        const cfg = rawStackConfig("prod");
        delete cfg.communication.lock;
        delete cfg.systemTopic.lock;
        const g = await runStack({
            stack: "prod",
            overrides: { communication: cfg.communication, systemTopic: cfg.systemTopic },
        });
        const acs = ofType(g, "azure-native:communication:CommunicationService")[0];
        const topic = ofType(g, "azure-native:eventgrid:SystemTopic")[0];
        assert.deepStrictEqual(
            ofType(g, LOCK)
                .map((l) => l.inputs.scope)
                .sort(),
            [acs.id, topic.id].sort(),
        );
        assert.ok(acs.protect && topic.protect);
    });

    it("lock: false opts out while protect stays", async () => {
        const cfg = rawStackConfig("prod");
        const g = await runStack({ stack: "prod", overrides: { systemTopic: { ...cfg.systemTopic, lock: false } } });
        const topic = ofType(g, "azure-native:eventgrid:SystemTopic")[0];
        assert.ok(topic.protect);
        assert.ok(!ofType(g, LOCK).some((l) => l.inputs.scope === topic.id));
    });

    it("the docs no longer say lock ignores protect", () => {
        for (const f of ["docs/operations.md", "Pulumi.prod.yaml"]) {
            const text = fs.readFileSync(path.join(__dirname, "..", "..", f), "utf8");
            assert.doesNotMatch(text, /does not follow `?protect/, f);
            assert.match(text, /follows\s*(#\s*)?`?protect/, f);
        }
    });
});
