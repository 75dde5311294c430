import * as assert from "node:assert";
import * as fs from "node:fs";
import * as path from "node:path";
import { installedApiVersion } from "../../contract/apiVersions";
import { PROJECT_ROOT } from "../../harness/runStack";
import { API_VERSIONS, unsendable } from "../../policy/lib/apiVersions";
import { CATALOGUE, HARNESS_CHECKS } from "../../policy/catalogue";

const RULES_DIR = path.join(PROJECT_ROOT, "policy/rules");
const SPECS_DIR = path.join(__dirname, "rules");

/** Files under `dir` ending in `suffix`, as `/`-separated paths relative to it without the suffix. */
function filesUnder(dir: string, suffix: string): string[] {
    return fs
        .readdirSync(dir, { recursive: true, encoding: "utf8" })
        .filter((f) => f.endsWith(suffix))
        .map((f) => f.slice(0, -suffix.length).split(path.sep).join("/"))
        .sort();
}

/** The policy or harness check a rule file exports (its one export with an enforcement level). */
function ruleNameOf(rule: string): string {
    const mod = require(path.join(RULES_DIR, `${rule}.ts`)) as Record<string, unknown>;
    const names = Object.values(mod)
        .filter((v): v is { name: string } => typeof v === "object" && v !== null && "enforcementLevel" in v)
        .map((v) => v.name);
    assert.strictEqual(names.length, 1, `policy/rules/${rule}.ts exports ${names.length} policies`);
    return names[0];
}

/** The catalogue's reviewed decision for an omitted property (docs/policies.md lists it per rule). */
function unsetDecision(name: string): string | undefined {
    return (CATALOGUE.find((e) => e.policy.name === name) ?? HARNESS_CHECKS.find((c) => c.name === name))?.unset;
}

/**
 * Rules whose omitted property the SDK fills in, so the spec's unset case passes whatever the rule decides for a
 * property that is really absent.
 */
const UNSET_BY_SDK_DEFAULT: Readonly<Record<string, string>> = {};

/**
 * Tests mirror the sources: policy/rules/<resource>/<rule>.ts has its cases in
 * test/policy/rules/<resource>/<rule>.spec.ts, and each such spec calls `ruleCases()` for its rule, which makes
 * the pass, fail and unset cases required by type and one test each; the unset case agrees with the catalogue.
 */
describe("policy: test coverage of the catalogue", () => {
    const rules = filesUnder(RULES_DIR, ".ts");
    const specs = filesUnder(SPECS_DIR, ".spec.ts");

    it("has a spec at the mirrored path for every rule file, and no spec without a rule", () => {
        assert.ok(rules.length >= 90, `only ${rules.length} rule files found`);
        assert.deepStrictEqual(
            {
                rulesWithoutSpec: rules.filter((r) => !specs.includes(r)),
                specsWithoutRule: specs.filter((s) => !rules.includes(s)),
            },
            { rulesWithoutSpec: [], specsWithoutRule: [] },
        );
    });

    for (const rule of rules.filter((r) => specs.includes(r))) {
        it(`${rule}.spec.ts has ruleCases (pass, fail, unset) for the rule's own policy`, () => {
            const name = ruleNameOf(rule);
            const spec = fs.readFileSync(path.join(SPECS_DIR, `${rule}.spec.ts`), "utf8");
            const calls = [...spec.matchAll(/ruleCases\(\s*"([a-z0-9-]+)",\s*\{([\s\S]*?)\n\s*\}\);/g)];
            assert.deepStrictEqual(
                [...new Set(calls.map((m) => m[1]))],
                [name],
                `${rule}.spec.ts: ruleCases for ${name} only`,
            );
            for (const [, , body] of calls) {
                for (const key of ["pass", "fail", "unset"])
                    assert.match(body, new RegExp(`\\n\\s*${key}: `), `${rule}.spec.ts: a ruleCases without ${key}`);
                const unset = /\n\s*unset: \{ (pass|fail):/.exec(body)?.[1];
                const decision = unsetDecision(name);
                // An exception that no longer differs from the catalogue is stale.
                if (decision !== "n/a")
                    assert.strictEqual(
                        unset === decision,
                        !(name in UNSET_BY_SDK_DEFAULT),
                        `${rule}.spec.ts: unset case ${unset}, catalogue decision ${decision}`,
                    );
            }
        });
    }

    it("has ruleCases (pass, fail, unset) for every policy and harness check", () => {
        const covered = new Set(rules.map(ruleNameOf));
        const names = [...CATALOGUE.map((e) => e.policy.name), ...HARNESS_CHECKS.map((c) => c.name)];
        assert.deepStrictEqual(
            names.filter((n) => !covered.has(n)),
            [],
        );
        assert.strictEqual(covered.size, names.length, "a rule file exports a policy the catalogue does not list");
    });
});

/**
 * The API-version table the ACS rules rely on (decision 10.4 in docs/policies.md) must describe the installed
 * azure-native, or the "property exists from API X" decisions are about a version we do not send.
 */
describe("policy: API-version table", () => {
    for (const type of Object.keys(API_VERSIONS)) {
        it(`${type}: the installed SDK states the API version it sends`, () => {
            assert.match(installedApiVersion(type) ?? "", /^\d{4}-\d{2}-\d{2}(-preview)?$/);
        });
    }
});

describe("policy: API-version gate", () => {
    it("lets a rule demand a property the pinned API sends", () => {
        assert.strictEqual(
            unsendable("azure-native:communication:CommunicationService", "disableLocalAuth"),
            undefined,
        );
    });

    it('says "upgrade to enforce" when the pinned API predates the property', () => {
        const old = () => "2023-03-31";
        assert.match(
            unsendable("azure-native:communication:CommunicationService", "disableLocalAuth", API_VERSIONS, old) ?? "",
            /needs API 2025-05-01 but azure-native sends 2023-03-31 .*upgrade @pulumi\/azure-native to enforce/,
        );
    });
});
