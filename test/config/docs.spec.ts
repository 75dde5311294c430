import * as assert from "node:assert";
import * as fs from "node:fs";
import { CONFIG_DOCS_FILE, renderConfigDocs } from "../../scripts/gen-config-docs";

/** docs/configuration.md is generated from the schema: the checked-in file must be what the script renders now. */
describe("config reference (docs/configuration.md)", () => {
    const rendered = renderConfigDocs();

    it("is up to date (run `npx tsx scripts/gen-config-docs.ts`)", () => {
        assert.ok(
            fs.readFileSync(CONFIG_DOCS_FILE, "utf8") === rendered,
            "docs/configuration.md differs from what scripts/gen-config-docs.ts renders",
        );
    });

    it("lists nested keys with their defaults and allowed values, read from the schema", () => {
        assert.match(rendered, /^\| `deadLetter\.softDeleteDays` \| integer \| {2}\| `7` \| 1–365 \|$/m);
        assert.match(rendered, /^\| `handlers\.<name>\.kind` \| string \| yes \| {2}\| `webhook`, /m);
        assert.match(rendered, /^\| `subscriptions\.<name>\.filter\.advancedFilters\[\]\.key` \| string \| yes \|/m);
    });
});
