import * as assert from "node:assert";
import * as fs from "node:fs";
import * as path from "node:path";
import { installedApiVersion } from "../../contract/apiVersions";
import { API_VERSIONS, unsendable } from "../../policy/lib/apiVersions";
import { CATALOGUE, HARNESS_CHECKS } from "../../policy/catalogue";

/**
 * Every rule must have its pass, fail and omitted-attribute cases. `ruleCases()` makes
 * all three required by type, so it is enough that each policy has a ruleCases() call in some spec.
 */
describe("policy: test coverage of the catalogue", () => {
    const specs = fs
        .readdirSync(__dirname)
        .filter((f) => f.endsWith(".spec.ts"))
        .map((f) => fs.readFileSync(path.join(__dirname, f), "utf8"))
        .join("\n");
    const covered = new Set([...specs.matchAll(/ruleCases\(\s*"([a-z0-9-]+)"/g)].map((m) => m[1]));

    it("has ruleCases (pass, fail, unset) for every policy and harness check", () => {
        const names = [...CATALOGUE.map((e) => e.policy.name), ...HARNESS_CHECKS.map((c) => c.name)];
        assert.deepStrictEqual(
            names.filter((n) => !covered.has(n)),
            [],
        );
    });
});

/**
 * The API-version table the ACS rules rely on (decision 10.4 in docs/policies.md) must describe the installed azure-native, or the
 * "property exists from API X" decisions are about a version we do not send.
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
