/**
 * Whole-subject fits and completions of the catalog's subject shapes, which the witness search relies on to
 * build only events ACS could send.
 */
import * as assert from "node:assert";
import { EVENT_TYPES, exampleSubject } from "../../catalog";
import { completeWithPrefix, completeWithSuffix, fitsShape } from "../../routing/subjectShapes";

const SMS = "/phonenumber/{digits}";
const USER_CHAT = "thread/{id}/sender/{id}/recipient/{id}";
const PARTICIPANT = "thread/{id}/participantadded/{id}";

describe("routing/subjectShapes", () => {
    const fits: [string, string, boolean][] = [
        [SMS, "/phonenumber/16045551234", true],
        [SMS, "phonenumber/16045551234", false],
        [SMS, "/phonenumber/", false],
        [SMS, "/phonenumber/1604x", false],
        [SMS, "/PhoneNumber/16045551234", false],
        [USER_CHAT, "thread/19:a@thread.v2/sender/8:acs:1/recipient/8:acs:2", true],
        [USER_CHAT, "thread/a/sender/b", false],
        [USER_CHAT, "thread/a/b/sender/c/recipient/d", false],
    ];
    for (const [shape, subject, expected] of fits) {
        it(`${JSON.stringify(subject)} ${expected ? "fits" : "does not fit"} ${shape}`, () =>
            assert.strictEqual(fitsShape(shape, subject), expected));
    }

    it("fits every catalog shape's own example", () => {
        for (const shape of EVENT_TYPES.flatMap((e) => e.subjects))
            assert.ok(fitsShape(shape, exampleSubject(shape)), shape);
    });

    const prefixes: [string, string, string | undefined][] = [
        [SMS, "/phonenumber/1604", "/phonenumber/1604"],
        [SMS, "/PHONENUMBER/", "/phonenumber/5551555"],
        [SMS, "phonenumber/604", undefined],
        [USER_CHAT, "thread/19:x/sen", "thread/19:x/sender/x/recipient/x"],
        [PARTICIPANT, "thread/t/participantAdded", "thread/t/participantadded/x"],
    ];
    for (const [shape, prefix, expected] of prefixes) {
        it(`completes ${JSON.stringify(prefix)} in ${shape}`, () => {
            const out = completeWithPrefix(shape, prefix);
            assert.strictEqual(out, expected);
            if (out) assert.ok(fitsShape(shape, out) && out.toLowerCase().startsWith(prefix.toLowerCase()));
        });
    }

    it("completes suffixes from the end", () => {
        assert.strictEqual(completeWithSuffix(USER_CHAT, "/recipient/8:acs:2"), "thread/x/sender/x/recipient/8:acs:2");
        assert.strictEqual(completeWithSuffix(SMS, "1234"), "/phonenumber/1234");
        assert.strictEqual(completeWithSuffix(SMS, "x"), undefined);
    });
});
