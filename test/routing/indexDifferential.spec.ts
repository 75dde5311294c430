/**
 * Differential test of the indexed router's fast path (event type + subject prefix index, prefixIndex.ts)
 * against the naive scan: on seeded random tables and events, route() must give exactly the scan's answer for
 * every subscription of the event's type buckets (matches, undocumented outcomes, non-matches with their clause
 * and reason), and count the others as skipped. Subjects and prefixes are drawn to stress the index: prefixes
 * of one another, letter case, case-sensitive filters, non-ASCII code units whose lower case differs in length
 * or by context (İ, final Σ), missing and non-string subjects.
 */
import * as assert from "node:assert";
import { buildRouter, RoutedSubscription, RouteResult } from "../../routing";
import { endsWithIgnoringCase, PrefixTrie } from "../../routing/prefixIndex";
import { maybeCloudEvent, pick, Rand, randomEvent, randomSubscription, rng } from "./generators";

const names = (xs: readonly { subscription: RoutedSubscription }[]) => xs.map((x) => x.subscription.name);

/** Every field of a result, reasons and clauses included, in result order. */
function full(r: RouteResult) {
    return {
        eventType: r.eventType,
        eventTypeProblem: r.eventTypeProblem,
        matches: r.matches.map((m) => [m.subscription.name, m.handler]),
        undocumented: r.undocumented.map((u) => [u.subscription.name, u.handler, u.id, u.clause, u.reason]),
        nonMatches: r.nonMatches.map((n) => [n.subscription.name, n.handler, n.clause, n.reason]),
    };
}

/** Code units that lower-case unlike ASCII: longer (İ), by context (Σ), not at all (ß, emoji), to ASCII (K). */
const ODD = ["İ", "Σ", "σ", "ς", "ß", "É", "é", "\u212a", "😀", "\u0130x"];
const SUBJECT_BASES = [
    "/phonenumber/16045551234",
    "/PhoneNumber/16045551234",
    "thread/19:abc/sender/8:acs:1/recipient/x",
    "Thread/19:ABC/sender/x",
    "call/1604/startedBy/x",
    "/caller/16045551234/recipient/x@contoso.com",
];

/** A random case flip of some ASCII letters, and sometimes an odd code unit spliced in. */
function mangle(r: Rand, s: string): string {
    let out = "";
    for (const ch of s) out += r() < 0.15 ? (ch === ch.toLowerCase() ? ch.toUpperCase() : ch.toLowerCase()) : ch;
    if (r() < 0.2) {
        const at = Math.floor(r() * (out.length + 1));
        out = out.slice(0, at) + pick(r, ODD) + out.slice(at);
    }
    return out;
}

function randomSubject(r: Rand): unknown {
    const roll = r();
    if (roll < 0.04) return undefined;
    if (roll < 0.06) return 42;
    if (roll < 0.08) return "";
    return mangle(r, pick(r, SUBJECT_BASES));
}

/** A prefix or suffix cut from a plausible subject, so that it often fits, is a prefix of another, or nearly. */
function randomAffix(r: Rand, side: "begin" | "end"): string {
    const s = mangle(r, pick(r, SUBJECT_BASES));
    const n = 1 + Math.floor(r() * Math.min(s.length, 24));
    return side === "begin" ? s.slice(0, n) : s.slice(s.length - n);
}

/** The test generators' subscription, with the subject clauses redrawn half the time. */
function subscription(r: Rand, i: number): RoutedSubscription {
    const s = randomSubscription(r, i);
    if (r() < 0.5) return s;
    const filter = { ...s.filter };
    delete filter.subjectBeginsWith;
    delete filter.subjectEndsWith;
    if (r() < 0.7) filter.subjectBeginsWith = randomAffix(r, "begin");
    if (r() < 0.3) filter.subjectEndsWith = randomAffix(r, "end");
    filter.isSubjectCaseSensitive = r() < 0.3;
    return { ...s, filter };
}

function event(r: Rand): Record<string, unknown> {
    const e = maybeCloudEvent(r, randomEvent(r, true));
    if (r() < 0.6) {
        const subject = randomSubject(r);
        if (subject === undefined) delete e.subject;
        else e.subject = subject;
    }
    if (r() < 0.03) delete e[("specversion" in e ? "type" : "eventType") as string];
    return e;
}

describe("routing/indexDifferential: the indexed route() equals the naive scan", () => {
    for (const seed of [11, 12, 13, 14, 15]) {
        it(`seed ${seed}: 120 subscriptions × 300 events`, () => {
            const r = rng(seed);
            const subscriptions = Array.from({ length: 120 }, (_, i) => subscription(r, i));
            const indexed = buildRouter(subscriptions, "indexed");
            const scan = buildRouter(subscriptions, "scan");
            let matched = 0;
            let ruledOutBySubject = 0;
            for (let i = 0; i < 300; i++) {
                const e = event(r);
                const expected = scan.route(e);
                const fast = indexed.route(e);
                // The scan's answer for the subscriptions of the event's type buckets, the rest skipped.
                const type = expected.eventType?.toLowerCase();
                const inBuckets = (s: RoutedSubscription) => {
                    const listed = s.filter?.includedEventTypes;
                    if (!Array.isArray(listed) || listed.length === 0) return true;
                    if (listed.some((t) => t.toLowerCase() === "all")) return true;
                    return type !== undefined && listed.some((t) => t.toLowerCase() === type);
                };
                const want = full(expected);
                want.nonMatches = want.nonMatches.filter((_, k) => inBuckets(expected.nonMatches[k].subscription));
                assert.deepStrictEqual(full(fast), want, JSON.stringify(e));
                assert.strictEqual(fast.skipped, subscriptions.filter((s) => !inBuckets(s)).length);
                // JSON output: the scan's fields in the scan's order (nonMatches is a getter on the indexed result).
                const fields = Object.fromEntries(Object.keys(expected).map((k) => [k, fast[k as keyof RouteResult]]));
                assert.strictEqual(JSON.stringify(fast), JSON.stringify(fields));
                matched += fast.matches.length;
                ruledOutBySubject += expected.nonMatches.filter(
                    (n) => inBuckets(n.subscription) && n.clause.kind === "subjectBeginsWith",
                ).length;
            }
            assert.ok(matched > 0, "the generators should produce matches, or this test proves nothing");
            assert.ok(ruledOutBySubject > 0, "and subscriptions the prefix index rules out");
        });
    }

    it("agrees on subjects whose lower case differs in length or by context, every affix against every subject", () => {
        // "abΣ" lower-cases to "abς" alone but to "abσ" inside "abΣc"; İ to two code units; K (Kelvin) to ASCII k.
        const affixes = ["abΣ", "abσ", "ab", "İ", "i̇", "i", "\u212a", "k", "ß", "x/İ", "Σ", "ς"];
        const subjects = ["abΣc", "abΣ", "ABΣC", "İx", "i̇x", "ix", "\u212aelvin", "kelvin", "ßx", "x/İ", "x/i̇", "aΣ"];
        const subscriptions: RoutedSubscription[] = affixes.flatMap((affix, i) =>
            [false, true].flatMap((isSubjectCaseSensitive) => [
                {
                    name: `b${i}${isSubjectCaseSensitive}`,
                    filter: { subjectBeginsWith: affix, isSubjectCaseSensitive },
                },
                { name: `e${i}${isSubjectCaseSensitive}`, filter: { subjectEndsWith: affix, isSubjectCaseSensitive } },
            ]),
        );
        const indexed = buildRouter(subscriptions, "indexed");
        const scan = buildRouter(subscriptions, "scan");
        for (const subject of subjects) {
            const e = { ...randomEvent(rng(1)), subject };
            assert.deepStrictEqual(full(indexed.route(e)), full(scan.route(e)), subject);
        }
    });

    it("does not depend on reading nonMatches: matches are the same read before or after", () => {
        const r = rng(21);
        const subscriptions = Array.from({ length: 60 }, (_, i) => subscription(r, i));
        const indexed = buildRouter(subscriptions, "indexed");
        const scan = buildRouter(subscriptions, "scan");
        for (let i = 0; i < 200; i++) {
            const e = event(r);
            const a = indexed.route(e);
            const b = indexed.route(e);
            assert.strictEqual(a.nonMatches, a.nonMatches, "computed once");
            assert.deepStrictEqual(names(a.matches), names(scan.route(e).matches));
            assert.deepStrictEqual(names(b.matches), names(a.matches));
        }
    });

    it("throws the scan's error for an event that is not an object", () => {
        const indexed = buildRouter([{ name: "all", filter: {} }], "indexed");
        const scan = buildRouter([{ name: "all", filter: {} }], "scan");
        for (const bad of [null, 1, "x", [], undefined]) {
            assert.throws(() => indexed.route(bad), {
                message: (() => {
                    try {
                        scan.route(bad);
                    } catch (err) {
                        return (err as Error).message;
                    }
                    return "no error";
                })(),
            });
        }
    });
});

describe("routing/prefixIndex: lower-casing as String.prototype.toLowerCase does", () => {
    const UNITS = ["a", "B", "z", "/", "1", ...ODD, "i", "\u0307", "s"];
    const randomString = (r: Rand, max: number) =>
        Array.from({ length: Math.floor(r() * max) }, () => pick(r, UNITS)).join("");

    it("a prefix trie collects exactly the keys the lower-cased subject begins with", () => {
        const r = rng(31);
        for (let round = 0; round < 300; round++) {
            const keys = Array.from({ length: 1 + Math.floor(r() * 8) }, () => randomString(r, 5).toLowerCase());
            const trie = new PrefixTrie<number>();
            keys.forEach((k, i) => trie.add(k, i));
            for (let q = 0; q < 20; q++) {
                const subject = randomString(r, 8);
                const out: number[] = [];
                const n = trie.collect(subject, out);
                const got = out.slice(0, n).sort((a, b) => a - b);
                const want = keys.flatMap((k, i) => (subject.toLowerCase().startsWith(k) ? [i] : []));
                assert.deepStrictEqual(got, want, JSON.stringify({ keys, subject }));
            }
        }
    });

    it("endsWithIgnoringCase(s, x) is s.toLowerCase().endsWith(x)", () => {
        const r = rng(32);
        for (let q = 0; q < 5000; q++) {
            const s = randomString(r, 8);
            const suffix = (r() < 0.5 ? s.slice(Math.floor(r() * (s.length + 1))) : randomString(r, 4)).toLowerCase();
            assert.strictEqual(endsWithIgnoringCase(s, suffix), s.toLowerCase().endsWith(suffix), JSON.stringify(s));
        }
    });
});
