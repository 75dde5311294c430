/**
 * Guards the hand-kept tables against the installed packages and the contract files: an azure-native upgrade that
 * moves a resource to another API version, or adds or renames an input, must fail here instead of making the
 * check validate against the wrong contract.
 */
import * as assert from "node:assert";
import {
    apiVersionDrift,
    CONTRACT_SUBSTITUTIONS,
    DATA_PLANE_RESOURCES,
    findArmTypesDir,
    installedApiVersion,
    loadContractFile,
    RENAMES,
    RESOURCE_CONTRACTS,
} from "../../contract";
import { findUnknownInputNames } from "../../contract/tools/findRenames";

const ARM_TYPES = findArmTypesDir();
const isWeb = (token: string) => token.startsWith("azure-native:web:");
const isRoleDefinition = (token: string) => token === "azure-native:authorization:RoleDefinition";

describe("contract table: drift guard", () => {
    before(function () {
        if (!ARM_TYPES) this.skip(); // no ../shared/arm-types: nothing to compare against
    });

    for (const row of RESOURCE_CONTRACTS.filter((r) => !isWeb(r.token) && !isRoleDefinition(r.token))) {
        it(`${row.token}: the installed .d.ts API version is the contract file's (${row.contractApiVersion})`, () => {
            assert.strictEqual(installedApiVersion(row.token), row.contractApiVersion);
            assert.strictEqual(row.apiVersion, row.contractApiVersion);
        });
    }

    it(
        "Microsoft.Web: azure-native's 2025-05-01 is checked against the 2025-03-01 contract (no 2025-05-01 " +
            "types are published), and only there",
        () => {
            for (const row of RESOURCE_CONTRACTS.filter((r) => isWeb(r.token))) {
                assert.strictEqual(installedApiVersion(row.token), "2025-05-01", row.token);
                assert.strictEqual(row.contractApiVersion, "2025-03-01", row.token);
            }
            assert.deepStrictEqual(Object.keys(CONTRACT_SUBSTITUTIONS).sort(), [
                "Microsoft.Authorization@2022-05-01-preview",
                "Microsoft.Web@2025-05-01",
            ]);
            assert.strictEqual(CONTRACT_SUBSTITUTIONS["Microsoft.Web@2025-05-01"].uses, "2025-03-01");
        },
    );

    it(
        "Microsoft.Authorization role definitions: azure-native's 2022-05-01-preview is checked against the " +
            "2022-04-01 contract",
        () => {
            const row = RESOURCE_CONTRACTS.find((r) => isRoleDefinition(r.token))!;
            assert.strictEqual(installedApiVersion(row.token), "2022-05-01-preview");
            assert.strictEqual(row.contractApiVersion, "2022-04-01");
            assert.strictEqual(CONTRACT_SUBSTITUTIONS["Microsoft.Authorization@2022-05-01-preview"].uses, "2022-04-01");
        },
    );

    it("data-plane resources still state no ARM API version (if one appears, they need a contract row)", () => {
        for (const d of DATA_PLANE_RESOURCES) assert.strictEqual(installedApiVersion(d.token), undefined, d.token);
    });

    it("every row's contract file exists and defines its ARM type at the contract version", () => {
        for (const row of RESOURCE_CONTRACTS) {
            const body = loadContractFile(ARM_TYPES!, row.contractFile).resourceBody(
                row.armType,
                row.contractApiVersion,
            );
            assert.ok(body, `${row.contractFile} lacks ${row.armType}@${row.contractApiVersion}`);
        }
    });

    it("reports API-version drift as a violation instead of checking the wrong contract", () => {
        const row = RESOURCE_CONTRACTS.find((r) => r.token === "azure-native:storage:StorageAccount")!;
        assert.strictEqual(apiVersionDrift(row), undefined);
        assert.deepStrictEqual(apiVersionDrift({ ...row, contractApiVersion: "2023-05-01" }), {
            path: "$",
            message:
                "installed azure-native uses API 2024-01-01 but contract/resourceTable.ts checks it " +
                "against 2023-05-01; add the contract file for 2024-01-01 to the row (or a substitution)",
        });
    });

    it("every rename row names a real contract object and a real wire property on it", () => {
        for (const r of RENAMES) {
            const files = new Set(
                RESOURCE_CONTRACTS.filter((c) => c.armType.split("/")[0] === r.provider).map((c) => c.contractFile),
            );
            const objects = [...files].flatMap((f) => loadContractFile(ARM_TYPES!, f).objectTypesNamed(r.armObject));
            const has = objects.some((o) =>
                o.$type === "ObjectType"
                    ? r.armName in o.properties
                    : o.discriminator === r.armName || r.armName in o.baseProperties,
            );
            assert.ok(has, `${r.provider} ${r.armObject}.${r.armName} (for ${r.sdkName}) is not in the contract`);
        }
    });

    // Reads every input property of every covered class from the installed .d.ts files (TypeScript checker) and
    // feeds it through the check: an input name the contract does not know means a missing rename or path input.
    it(
        "the rename table is complete: " + "every azure-native input of every covered class maps to the contract",
        function () {
            this.timeout(120_000);
            const findings = findUnknownInputNames(ARM_TYPES!);
            assert.deepStrictEqual(
                findings.map((f) => `${f.token} ${f.path}: ${f.message}`),
                [],
            );
        },
    );
});
