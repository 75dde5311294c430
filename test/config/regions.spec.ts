import * as assert from "node:assert";
import { ACS_GEOGRAPHIES } from "../../policy/lib/geography";
import { AZURE_REGIONS, isAzureRegion } from "../../validation/azure";

/** The region list is typed by hand (validation/azure.ts): check it against the other list this repo keeps. */
describe("Azure regions", () => {
    it("include every region of the ACS data-residency map (policy/lib/geography.ts)", () => {
        const missing = Object.values(ACS_GEOGRAPHIES)
            .flat()
            .filter((r) => !AZURE_REGIONS.includes(r));
        assert.deepStrictEqual(missing, []);
    });

    it("are ARM names: lower case letters and digits, each once", () => {
        for (const r of AZURE_REGIONS) assert.match(r, /^[a-z][a-z0-9]+$/);
        assert.strictEqual(new Set(AZURE_REGIONS).size, AZURE_REGIONS.length);
    });

    it("accept display names and refuse what is no region", () => {
        for (const ok of ["westeurope", "West Europe", "WESTEUROPE", "East US 2"]) assert.ok(isAzureRegion(ok), ok);
        for (const bad of ["Mars", "42", "true", "", "global", "westeurope\u0000", "ｗｅｓｔｅｕｒｏｐｅ", "europe"])
            assert.ok(!isAzureRegion(bad), bad);
    });
});
