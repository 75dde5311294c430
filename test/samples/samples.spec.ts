/**
 * The sample events are only worth testing against if they look like what ACS sends: file names that say
 * what they hold, current event types in the right family, subjects in the published shapes, camelCase wire
 * keys, and CloudEvents copies that are exactly Event Grid's conversion of the Event Grid ones.
 */
import * as assert from "node:assert";
import * as fs from "node:fs";
import * as os from "node:os";
import * as path from "node:path";
import { AcsEventTypes, EVENT_TYPES, findEventType } from "../../catalog";
import { toCloudEvent } from "../../routing";
import { fitsShape } from "../../routing/subjectShapes";
import { loadSampleEvents, loadSampleFile, SAMPLE_EVENTS_DIR } from "../../samples";

const P = "Microsoft.Communication.";
const DEV_ACS_ID =
    "/subscriptions/00000000-0000-0000-0000-000000000000/resourceGroups/rg-acs-dev/providers" +
    "/Microsoft.Communication/communicationServices/acs-events-dev";
const NAME =
    /^(?<family>[a-zA-Z]+)\/(?<event>[A-Za-z]+)(\.(?<variant>[a-z0-9-]+))?\.(?<envelope>eventgrid|cloudevents)\.json$/;
const current = loadSampleEvents().filter((s) => !s.file.startsWith("early-preview/"));
/**
 * Samples derived from Microsoft's spec examples (samples/events/SPEC-EXAMPLES.md):
 * `<family>/<Name>.spec.<envelope>.json`.
 */
const isSpec = (file: string) => file.includes(".spec.");
const NO_SUBJECT = "advancedMessaging/AdvancedMessageDeliveryStatusUpdated.spec.cloudevents.json";
const eventTypeOf = (e: Record<string, unknown>) => String(e.eventType ?? e.type);

describe("samples: loader", () => {
    let dir: string;
    before(() => {
        dir = fs.mkdtempSync(path.join(os.tmpdir(), "samples-"));
        fs.mkdirSync(path.join(dir, "b"));
        fs.writeFileSync(path.join(dir, "b", "two.json"), JSON.stringify([{ id: "1" }, { id: "2" }]));
        fs.writeFileSync(path.join(dir, "a.json"), JSON.stringify({ id: "3" }));
        fs.writeFileSync(path.join(dir, "notes.txt"), "not an event");
    });
    after(() => fs.rmSync(dir, { recursive: true, force: true }));

    it("reads arrays and single objects, recursively, in path order, and ignores other files", () => {
        assert.deepStrictEqual(loadSampleEvents(dir), [
            { file: "a.json", event: { id: "3" } },
            { file: "b/two.json", event: { id: "1" } },
            { file: "b/two.json", event: { id: "2" } },
        ]);
    });

    it("names the file when it holds something other than events", () => {
        fs.writeFileSync(path.join(dir, "bad.json"), JSON.stringify([{ id: "ok" }, 42]));
        try {
            assert.throws(() => loadSampleEvents(dir), /sample bad\.json\[1\] is not a JSON object/);
        } finally {
            fs.rmSync(path.join(dir, "bad.json"));
        }
    });
});

describe("samples: coverage", () => {
    const wanted: [string, string][] = [
        ["sms/SMSReceived.to-1604", AcsEventTypes.SmsReceived],
        ["sms/SMSReceived.to-1206", AcsEventTypes.SmsReceived],
        ["sms/SMSDeliveryReportReceived", AcsEventTypes.SmsDeliveryReportReceived],
        ["chatUser/ChatMessageReceived", AcsEventTypes.ChatMessageReceived],
        ["chatUser/ChatMessageEdited", AcsEventTypes.ChatMessageEdited],
        ["chatUser/ChatMessageDeleted", AcsEventTypes.ChatMessageDeleted],
        ["chatThread/ChatMessageReceivedInThread", AcsEventTypes.ChatMessageReceivedInThread],
        ["chatThread/ChatMessageEditedInThread", AcsEventTypes.ChatMessageEditedInThread],
        ["chatThread/ChatMessageDeletedInThread", AcsEventTypes.ChatMessageDeletedInThread],
        ["chatThread/ChatThreadCreated", `${P}ChatThreadCreated`],
        ["email/EmailDeliveryReportReceived", AcsEventTypes.EmailDeliveryReportReceived],
        ["calling/IncomingCall", AcsEventTypes.IncomingCall],
        ["recording/RecordingFileStatusUpdated", AcsEventTypes.RecordingFileStatusUpdated],
    ];
    for (const [base, type] of wanted) {
        it(`has ${base} in both envelopes`, () => {
            for (const envelope of ["eventgrid", "cloudevents"])
                assert.strictEqual(eventTypeOf(loadSampleFile(`${base}.${envelope}.json`)[0]), type);
        });
    }

    it("puts the 604 and 206 messages on the numbers their names say", () => {
        assert.strictEqual(
            loadSampleFile("sms/SMSReceived.to-1604.eventgrid.json")[0].subject,
            "/phonenumber/16045551234",
        );
        assert.strictEqual(
            loadSampleFile("sms/SMSReceived.to-1206.eventgrid.json")[0].subject,
            "/phonenumber/12065551234",
        );
    });
});

describe("samples: every current sample looks like what ACS sends", () => {
    for (const { file, event } of current) {
        describe(file, () => {
            const m = NAME.exec(file);
            const info = findEventType(eventTypeOf(event));

            it(
                "is named <family>/<EventName>[.<variant>].<envelope>.json after its event type and catalog " +
                    "family",
                () => {
                    assert.ok(m?.groups, `bad file name ${file}`);
                    assert.strictEqual(eventTypeOf(event), P + m.groups.event);
                    assert.strictEqual(info?.family, m.groups.family);
                },
            );

            it("has a subject that fits a published shape of its type", () => {
                // CloudEvents' subject is optional; Microsoft's one example without it is kept as published.
                if (file === NO_SUBJECT) return assert.strictEqual(event.subject, undefined);
                assert.ok(
                    info?.subjects.some((s) => fitsShape(s, String(event.subject))),
                    `${String(event.subject)} vs ${info?.subjects}`,
                );
            });

            it("uses only camelCase data keys the catalog knows for its type", () => {
                const known = new Set(info?.dataKeys.map((k) => k.replace(/\[\]/g, "").split(".")[0]));
                for (const key of Object.keys(event.data as object)) {
                    assert.ok(
                        /^[a-z]/.test(key) && known.has(key),
                        `data.${key} is not a ${eventTypeOf(event)} wire key`,
                    );
                }
            });

            it("comes from the dev ACS resource", () => {
                assert.strictEqual(event.topic ?? event.source, DEV_ACS_ID);
            });
        });
    }

    it("stores Event Grid deliveries as arrays and CloudEvents as single objects", () => {
        for (const { file } of current) {
            const raw = JSON.parse(fs.readFileSync(path.join(SAMPLE_EVENTS_DIR, file), "utf8"));
            assert.strictEqual(Array.isArray(raw), file.endsWith(".eventgrid.json"), file);
        }
    });

    it(
        "has CloudEvents copies that are exactly Event Grid's conversion of the Event Grid samples " +
            "(hand-made ones)",
        () => {
            const eg = current.filter((s) => s.file.endsWith(".eventgrid.json") && !isSpec(s.file));
            assert.strictEqual(
                eg.length * 2,
                current.filter((s) => !isSpec(s.file)).length,
                "every Event Grid sample has one CloudEvents copy",
            );
            for (const { file, event } of eg) {
                assert.deepStrictEqual(
                    loadSampleFile(file.replace(".eventgrid.", ".cloudevents."))[0],
                    toCloudEvent(event),
                    file,
                );
            }
        },
    );

    it("has a spec sample of every catalog type in both envelopes, the same type in each", () => {
        for (const info of EVENT_TYPES) {
            const name = info.type.slice(P.length);
            for (const envelope of ["eventgrid", "cloudevents"]) {
                const [e] = loadSampleFile(`${info.family}/${name}.spec.${envelope}.json`);
                assert.strictEqual(eventTypeOf(e), info.type, `${name} ${envelope}`);
            }
        }
        assert.strictEqual(current.filter((s) => isSpec(s.file)).length, EVENT_TYPES.length * 2);
    });

    it("carries chat data.version as a number (int64 in the spec), never a string", () => {
        for (const { file, event } of current) {
            const v = (event.data as Record<string, unknown>).version;
            if (v !== undefined) assert.strictEqual(typeof v, "number", `${file}: data.version ${JSON.stringify(v)}`);
        }
    });

    it("has complete Event Grid envelopes (metadataVersion 1, dataVersion 1.0, string fields)", () => {
        for (const { file, event } of current.filter((s) => s.file.endsWith(".eventgrid.json"))) {
            for (const f of ["id", "topic", "subject", "eventType", "eventTime", "dataVersion", "metadataVersion"])
                assert.strictEqual(typeof event[f], "string", `${file}: ${f}`);
            assert.deepStrictEqual([event.dataVersion, event.metadataVersion], ["1.0", "1"], file);
        }
    });

    it(
        "follows the SMS conventions: envelope id = data.messageId, received numbers without +, subject = " +
            "receiving number",
        () => {
            for (const { file, event } of current.filter(
                (s) => s.file.startsWith("sms/SMSReceived") && s.file.endsWith(".eventgrid.json"),
            )) {
                const data = event.data as Record<string, string>;
                assert.strictEqual(event.id, data.messageId, file);
                assert.ok(!data.to.startsWith("+") && !data.from.startsWith("+"), file);
                assert.strictEqual(event.subject, `/phonenumber/${data.to}`, file);
            }
        },
    );
});

describe("samples: early-preview copies", () => {
    const source = "/work/shared/reference/early-preview-samples";

    it("are byte-identical to the published samples", function () {
        if (!fs.existsSync(source)) this.skip();
        const published = fs.readdirSync(source).filter((f) => f.endsWith(".json") || f.endsWith(".txt"));
        assert.strictEqual(published.length, 6);
        for (const f of published) {
            assert.ok(
                fs
                    .readFileSync(path.join(source, f))
                    .equals(fs.readFileSync(path.join(SAMPLE_EVENTS_DIR, "early-preview", f))),
                f,
            );
        }
    });

    it("has a README entry for each copied file", () => {
        const readme = fs.readFileSync(path.join(SAMPLE_EVENTS_DIR, "early-preview", "README.md"), "utf8");
        for (const f of fs
            .readdirSync(path.join(SAMPLE_EVENTS_DIR, "early-preview"))
            .filter((n) => n !== "README.md")) {
            assert.ok(readme.includes(`\`${f}\``), f);
        }
    });
});
