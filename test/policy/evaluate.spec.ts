import * as assert from "node:assert";
import * as fs from "node:fs";
import * as os from "node:os";
import * as path from "node:path";
import { Graph } from "../../harness/graph";
import { CATALOGUE, HARNESS_CHECKS } from "../../policy/catalogue";
import { loadPackConfig } from "../../policy/config";
import { evaluateGraph, formatFinding } from "../../policy/evaluate";
import { policies } from "../../policy/policies";
import { eventPathsProgram } from "./fixtures/eventPath";
import { fixtureMocks } from "./fixtures/raw";
import { fixture, tuples } from "./support/findings";
import { joinRe } from "../support/regex";

const ROLE = "event-subscription-require-identity-role";
const GEO = "storage-account-require-dead-letter-geo-replication";

/** evaluate.ts: the SDK handlers plus the pack config, as `--policy-pack-config` would apply it. */
describe("policy: offline evaluation and pack config", () => {
    let g: Graph;
    before(async () => {
        g = await fixture(eventPathsProgram({ norole: { role: "removed" }, lrs: { deadLetterAccount: "LRS" } }), {
            mocks: fixtureMocks,
        });
    });

    it("returns findings as data, mandatory first, with the catalogue's fix", async () => {
        const findings = await evaluateGraph(g);
        assert.deepStrictEqual(tuples(findings), [`${ROLE} norole-sub mandatory`, `${GEO} stlrs advisory`]);
        assert.deepStrictEqual(
            findings.map((f) => f.level),
            ["mandatory", "advisory"],
        );
        const [role] = findings;
        assert.deepStrictEqual(Object.keys(role).sort(), [
            "fix",
            "level",
            "message",
            "policy",
            "resourceName",
            "resourceType",
            "urn",
        ]);
        assert.strictEqual(role.resourceType, "azure-native:eventgrid:SystemTopicEventSubscription");
        assert.match(role.urn, /::norole-sub$/);
        assert.strictEqual(role.fix, CATALOGUE.find((e) => e.policy.name === ROLE)!.fix);
        assert.doesNotMatch(
            role.message,
            /^A subscription that delivers/,
            "the policy description is not repeated in the message",
        );
        assert.match(
            formatFinding(role),
            joinRe(
                /^\[mandatory\] event-subscription-require-identity-role /,
                /azure-native:eventgrid:SystemTopicEventSubscription norole-sub: /,
            ),
        );
    });

    it("applies per-policy levels in both config forms", async () => {
        const config = { [ROLE]: "advisory" as const, [GEO]: { enforcementLevel: "mandatory" as const } };
        assert.deepStrictEqual(tuples(await evaluateGraph(g, { config })), [
            `${ROLE} norole-sub advisory`,
            `${GEO} stlrs mandatory`,
        ]);
    });

    it('skips disabled policies, and lets a policy entry override "all"', async () => {
        assert.deepStrictEqual(tuples(await evaluateGraph(g, { config: { [ROLE]: "disabled" } })), [
            `${GEO} stlrs advisory`,
        ]);
        assert.deepStrictEqual(tuples(await evaluateGraph(g, { config: { all: "disabled", [GEO]: "advisory" } })), [
            `${GEO} stlrs advisory`,
        ]);
    });

    it("reports a remediate-level violation as mandatory, as the SDK does", async () => {
        assert.deepStrictEqual(tuples(await evaluateGraph(g, { config: { [GEO]: "remediate" } })), [
            `${ROLE} norole-sub mandatory`,
            `${GEO} stlrs mandatory`,
        ]);
    });

    it("refuses config that names no policy or an unknown level, instead of silently ignoring it", async () => {
        await assert.rejects(
            evaluateGraph(g, { config: { "storage-account-require-httpz": "mandatory" } }),
            /"storage-account-require-httpz", which is not a policy of this pack/,
        );
        await assert.rejects(
            evaluateGraph(g, { config: { [GEO]: "blocking" as any } }),
            /enforcement level "blocking" is not one of advisory, mandatory, remediate, disabled/,
        );
    });

    it("reads the same JSON file --policy-pack-config takes", async () => {
        const file = path.join(fs.mkdtempSync(path.join(os.tmpdir(), "pack-config-")), "policy-config.json");
        fs.writeFileSync(file, JSON.stringify({ [ROLE]: { enforcementLevel: "advisory" } }));
        assert.deepStrictEqual(tuples(await evaluateGraph(g, { config: loadPackConfig(file) })), [
            `${ROLE} norole-sub advisory`,
            `${GEO} stlrs advisory`,
        ]);
    });
});

describe("policy: the pack's shape", () => {
    const names = [...CATALOGUE.map((e) => e.policy.name), ...HARNESS_CHECKS.map((c) => c.name)];

    it("names every policy <resourceType>-<verb>-<object> in kebab case, uniquely", () => {
        assert.deepStrictEqual(
            names.filter((n) => !/^[a-z]+(-[a-z0-9]+){2,}$/.test(n)),
            [],
        );
        assert.deepStrictEqual(
            names.filter((n, i) => names.indexOf(n) !== i),
            [],
        );
        assert.ok(!names.includes("all"), '"all" is reserved by the engine');
    });

    it("gives every rule a level, a description saying what breaks, anchors, a fix and a reason for its level", () => {
        for (const e of CATALOGUE) {
            const p = e.policy;
            assert.ok(p.enforcementLevel === "mandatory" || p.enforcementLevel === "advisory", `${p.name}: level`);
            assert.ok(
                p.description.length > 40 && e.anchors.length > 0 && e.fix.length > 0 && e.why.length > 0,
                `${p.name}: metadata`,
            );
            assert.ok(
                !p.configSchema?.properties.enforcementLevel,
                `${p.name}: configSchema must not declare enforcementLevel`,
            );
        }
    });

    it("ships the catalogue metadata with each policy (remediationSteps, tags)", () => {
        const role = policies.find((p) => p.name === ROLE)!;
        assert.strictEqual(role.remediationSteps, CATALOGUE.find((e) => e.policy.name === ROLE)!.fix);
        assert.ok(role.tags?.includes("security") && role.tags.some((t) => /event-grid\/add-identity-roles/.test(t)));
    });

    it("keeps policy/index.ts to the PolicyPack construction alone (constructing one starts a server)", () => {
        const src = fs
            .readFileSync(path.join(__dirname, "../../policy/index.ts"), "utf8")
            .replace(/\/\*\*[\s\S]*?\*\//g, "")
            .trim();
        assert.match(
            src,
            joinRe(
                /^import \{ PolicyPack \} from "@pulumi\/policy";\nimport \{ PACK_NAME, policies \} from /,
                /"\.\/policies";\n\nnew PolicyPack\(PACK_NAME, \{ policies, enforcementLevel: "advisory" /,
                /\}\);$/,
            ),
        );
        assert.match(
            fs.readFileSync(path.join(__dirname, "../../policy/PulumiPolicy.yaml"), "utf8"),
            /^name: acs-event-handling\nruntime: nodejs\ndescription: /,
        );
    });
});
