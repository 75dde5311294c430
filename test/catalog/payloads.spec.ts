/**
 * The catalog's payload facts are generated (scripts/gen-event-payloads.ts). These tests fail when the
 * committed output is stale, when @azure/eventgrid defines an ACS type or key the catalog lacks, and when a
 * subject of Microsoft's example events does not fit its type's shapes.
 */
import * as assert from "node:assert";
import * as fs from "node:fs";
import * as path from "node:path";
import { EVENT_TYPES, findEventType, reach } from "../../catalog";
import { EXAMPLE_PAYLOADS, PACKAGE_PAYLOADS, SWAGGER_ADDITIONS } from "../../catalog/payloads.generated";
import { fitsShape } from "../../routing/subjectShapes";
import { checkSubjectFilter } from "../../validation/filters";
import { loadSampleEvents } from "../../samples";
import { CATALOG_DOC, renderCatalogDoc } from "../../scripts/gen-event-catalog-doc";
import {
    allTypes,
    definedKeys,
    fromExamples,
    fromPackage,
    fromSwagger,
    render,
} from "../../scripts/gen-event-payloads";
import { joinRe } from "../support/regex";

const ROOT = path.join(__dirname, "..", "..");
/**
 * Local copy of Azure/azure-rest-api-specs' ACS examples and swagger, present only beside the repo (or its worktree).
 */
const SPEC =
    [path.join(ROOT, ".."), path.join(ROOT, "..", "..")]
        .map((d) => path.join(d, "shared", "reference", "acs-event-spec"))
        .find((d) => fs.existsSync(d)) ?? "(absent)";
const typeOf = (e: Record<string, unknown>) => String(e.eventType ?? e.type);

describe("catalog: generated payload facts", () => {
    const pkg = fromPackage();

    it("are up to date with the installed @azure/eventgrid and the example samples", () => {
        assert.deepStrictEqual(PACKAGE_PAYLOADS, pkg, "run npx tsx scripts/gen-event-payloads.ts");
        assert.deepStrictEqual(
            EXAMPLE_PAYLOADS,
            fromExamples(allTypes(pkg), (t) => definedKeys(pkg, SWAGGER_ADDITIONS as any, t)),
        );
        const committed = fs.readFileSync(path.join(ROOT, "catalog", "payloads.generated.ts"), "utf8");
        assert.strictEqual(
            committed,
            render(pkg, SWAGGER_ADDITIONS as any, EXAMPLE_PAYLOADS as any),
            "catalog/payloads.generated.ts is stale",
        );
    });

    it("are what docs/event-catalog.md shows", () => {
        assert.strictEqual(
            fs.readFileSync(CATALOG_DOC, "utf8"),
            renderCatalogDoc(),
            "run npx tsx scripts/gen-event-catalog-doc.ts",
        );
    });

    it("has the swagger additions the spec copy gives", function () {
        if (!fs.existsSync(SPEC)) {
            this.skip(); // the swagger copy is not in the repository; CI checks the package part above
        }
        assert.deepStrictEqual(SWAGGER_ADDITIONS, fromSwagger(SPEC, pkg));
    });

    it("lists every ACS type the package defines, and only one more (AdvancedMessageAnalysisCompleted)", () => {
        for (const type of Object.keys(pkg))
            assert.ok(findEventType(type), `${type} is in @azure/eventgrid but not in the catalog`);
        assert.deepStrictEqual(
            EVENT_TYPES.map((e) => e.type).filter((t) => !pkg[t]),
            ["Microsoft.Communication.AdvancedMessageAnalysisCompleted"],
        );
        assert.strictEqual(EVENT_TYPES.length, 54);
    });

    it("gives every type the package's keys with wire names, arrays, open maps and required flags", () => {
        for (const [type, { keys }] of Object.entries(pkg)) {
            const info = findEventType(type)!;
            for (const k of keys)
                assert.ok(
                    info.payloadKeys.some((c) => c[0] === k[0] && c[1] === k[1] && c[2] === k[2]),
                    `${type}: ${k[0]}`,
                );
        }
        const keys = (t: string) => findEventType(`Microsoft.Communication.${t}`)!.dataKeys;
        assert.ok(keys("RecordingFileStatusUpdated").includes("recordingStorageInfo.recordingChunks[]"));
        assert.ok(keys("IncomingCall").includes("customContext.sipHeaders.*"));
        assert.ok(keys("RouterJobReceived").includes("labels.*"));
        assert.ok(
            findEventType("Microsoft.Communication.IncomingCall")!.payloadKeys.some(
                ([k, , req]) => k === "serverCallId" && req,
            ),
        );
        // RouterWorkerDeleted keeps them: its model (package and swagger) derives from AcsRouterWorkerEventData,
        // although Microsoft's example shows only workerId; a key a definition has is never rejected.
        for (const t of ["RouterWorkerRegistered", "RouterWorkerDeregistered", "RouterWorkerUpdated"]) {
            for (const absent of ["jobId", "queueId", "offerId", "channelReference", "channelId"])
                assert.ok(!keys(t).includes(absent), `${t} has no ${absent}`);
        }
    });

    it("resolves filter paths: exact keys, free sub-keys of open maps, fields inside arrays, letter case", () => {
        const on = (t: string) => findEventType(`Microsoft.Communication.${t}`)!.payloadKeys;
        assert.deepStrictEqual(reach(on("IncomingCall"), "customContext.sipHeaders.X-MS-Custom-a"), {
            kind: "mapEntry",
            map: "customContext.sipHeaders",
        });
        assert.deepStrictEqual(reach(on("ChatMessageReceived"), "metadata.anything"), {
            kind: "mapEntry",
            map: "metadata",
        });
        assert.deepStrictEqual(reach(on("SMSDeliveryReportReceived"), "deliveryAttempts.timestamp"), {
            kind: "inArray",
            array: "deliveryAttempts",
        });
        assert.strictEqual(reach(on("IncomingCall"), "to.PhoneNumber.Value"), undefined);
        assert.deepStrictEqual(reach(on("IncomingCall"), "to.PhoneNumber.Value", false), {
            kind: "key",
            key: "to.phoneNumber.value",
            type: "string",
        });
    });
});

describe("catalog: subject shapes accept every subject of Microsoft's examples", () => {
    it("in the committed spec samples (both envelopes)", () => {
        const spec = loadSampleEvents().filter((s) => s.file.includes(".spec."));
        assert.strictEqual(spec.length, 108);
        for (const { file, event } of spec) {
            if (event.subject === undefined) continue; // CloudEvents subject is optional (one example omits it)
            const info = findEventType(typeOf(event));
            assert.ok(
                info?.subjects.some((s) => fitsShape(s, String(event.subject))),
                `${file}: ${String(event.subject)} vs ${info?.subjects}`,
            );
        }
    });

    it("says in the config error which documented forms are accepted where Microsoft's sources disagree", () => {
        const issues = checkSubjectFilter(
            { beginsWith: "/phonenumber/" },
            ["Microsoft.Communication.AdvancedMessageAnalysisCompleted"],
            ["subject"],
        );
        assert.strictEqual(issues.length, 1);
        assert.match(
            issues[0].message,
            joinRe(
                /note: the docs write advancedMessage\/sender\/…, Microsoft's example events /,
                /advanceMessageAnalysis\/sender\/…/,
            ),
        );
        assert.strictEqual(
            checkSubjectFilter(
                { beginsWith: "advanceMessageAnalysis/sender/" },
                ["Microsoft.Communication.AdvancedMessageAnalysisCompleted"],
                ["s"],
            ).length,
            0,
        );
        assert.strictEqual(
            checkSubjectFilter({ beginsWith: "worker/" }, ["Microsoft.Communication.RouterWorkerUpdated"], ["s"])
                .length,
            0,
        );
    });

    it("in the published example files themselves", function () {
        // no local copy of Azure/azure-rest-api-specs; the samples above carry the same subjects
        if (!fs.existsSync(SPEC)) this.skip();
        let checked = 0;
        for (const folder of ["event-grid-schema", "cloud-events-schema"]) {
            for (const f of fs.readdirSync(path.join(SPEC, "examples", folder))) {
                const content = JSON.parse(fs.readFileSync(path.join(SPEC, "examples", folder, f), "utf8"));
                for (const e of Array.isArray(content) ? content : [content]) {
                    const info = findEventType(typeOf(e));
                    if (!info || e.subject === undefined) continue; // retired name (ChatAzureBotCommand) or no subject
                    assert.ok(
                        info.subjects.some((s) => fitsShape(s, e.subject)),
                        `${folder}/${f}: ${e.subject}`,
                    );
                    checked++;
                }
            }
        }
        assert.ok(checked >= 100, `only ${checked} examples checked`);
    });
});
