/**
 * The routing table's fast path: which subscriptions receive an event, found without evaluating the others and
 * without allocating per event.
 *
 * - A filter is compiled once more into a FastFilter, a predicate that decides most outcomes without the
 *   general evaluator (delivery schema, exact type list, case-sensitive prefix, suffix).
 * - A PrefixTrie keys subscriptions by their lower-cased subjectBeginsWith, one code unit per level: walking the
 *   event's lower-cased subject visits exactly the subscriptions whose prefix it begins with, so the cost depends
 *   on the subject's length and on the subscriptions that can match, not on how many prefixes the table holds.
 *
 * The fast path is exact by construction: it only rules out a subscription when evaluateCompiled() (evaluate.ts)
 * would answer noMatch, and it answers match on its own only in the one case where evaluateCompiled()'s answer
 * is plainly match (type listed exactly, subject clauses hold, no advanced filters); everything else goes to
 * evaluateCompiled(). Lower-casing follows the evaluator's `String.prototype.toLowerCase()` exactly: ASCII code
 * units are folded in place (A-Z → a-z, the only ASCII change toLowerCase makes, and one that no other code
 * point's mapping affects), and the first non-ASCII code unit falls back to toLowerCase() of the whole subject.
 */
import { CompiledFilter } from "./compile";

/** The fast check's answers: the evaluator's, or that only the evaluator can tell. */
export type Quick = "noMatch" | "match" | "evaluate";

/**
 * A filter compiled once more into the predicate of the fast path: the few facts that decide most outcomes
 * without the general evaluator. A class, so that the router calls one method and reads no module binding per
 * subscription.
 */
export class FastFilter {
    /** A U2/U12 type list: the evaluator answers undocumented before looking at anything else. */
    readonly undocumentedTypes: boolean;
    /** Advanced filters: only the evaluator can answer once the subject clauses hold. */
    readonly advanced: boolean;
    /** Delivered in the Event Grid schema: a CloudEvents input can never be (evaluate.ts checkSchema). */
    readonly eventGridOnly: boolean;
    /** The exact type entries (undefined = all types): a type listed only in another case is U1, for the evaluator. */
    readonly exactTypes: ReadonlySet<string> | undefined;
    /** A case-sensitive prefix, checked as written (the trie checks the lower-cased one only). */
    readonly beginsCaseSensitive: string | undefined;
    readonly endsWith: string | undefined;
    readonly endsWithLower: string | undefined;
    readonly caseSensitive: boolean;
    /** Where the subscription sits in the trie: see trieKey(). */
    readonly trieKey: string;

    constructor(f: CompiledFilter) {
        this.undocumentedTypes = f.types.kind === "undocumented";
        this.advanced = f.advanced.length > 0;
        this.eventGridOnly = f.deliverySchema === "EventGridSchema";
        this.exactTypes = f.types.kind === "list" ? f.types.exact : undefined;
        this.beginsCaseSensitive = f.caseSensitive ? f.subjectBeginsWith : undefined;
        this.endsWith = f.subjectEndsWith;
        this.endsWithLower = f.subjectEndsWithLower;
        this.caseSensitive = f.caseSensitive;
        // Evaluated for every event of the bucket: the evaluator reports U2/U12 whatever the subject.
        this.trieKey = this.undocumentedTypes ? "" : trieKey(f);
    }

    /**
     * What evaluateCompiled() would answer, when that is cheap to know: noMatch or match, else evaluate.
     * Assumes the subscription came out of the index for this event: its type list names the event's type at
     * least ignoring case, and the event's lower-cased subject begins with its trie key. The checks follow the
     * evaluator's clause order (undocumented type list, schema, type, subject, advanced filters).
     */
    outcome(cloudEvent: boolean, eventType: string | undefined, subject: string | undefined): Quick {
        if (this.undocumentedTypes) return "evaluate";
        if (cloudEvent && this.eventGridOnly) return "noMatch";
        const begins = this.beginsCaseSensitive;
        if (begins !== undefined && (subject === undefined || !subject.startsWith(begins))) return "noMatch";
        if (this.endsWith !== undefined) {
            if (subject === undefined) return "noMatch";
            const fits = this.caseSensitive
                ? subject.endsWith(this.endsWith)
                : endsWithIgnoringCase(subject, this.endsWithLower as string);
            if (!fits) return "noMatch";
        }
        // A type listed only in another case (U1) or an advanced filter: match, noMatch or undocumented.
        if (this.advanced) return "evaluate";
        const exact = this.exactTypes;
        if (exact !== undefined && (eventType === undefined || !exact.has(eventType))) return "evaluate";
        return "match";
    }
}

/**
 * The lower-cased prefix every subject the filter accepts begins with, after lower-casing. Case-insensitive:
 * the evaluator's own subjectBeginsWithLower. Case-sensitive: only the leading ASCII part, folded (a subject
 * that begins with "AbΣ" lower-cases to one that begins with "ab", but not always with toLowerCase("AbΣ"): a
 * final sigma lower-cases by context).
 */
function trieKey(f: CompiledFilter): string {
    if (f.subjectBeginsWith === undefined) return "";
    if (!f.caseSensitive) return f.subjectBeginsWithLower as string;
    let end = 0;
    while (end < f.subjectBeginsWith.length && f.subjectBeginsWith.charCodeAt(end) < 128) end++;
    return f.subjectBeginsWith.slice(0, end).toLowerCase();
}

const isUpperAscii = (c: number): boolean => c >= 65 && c <= 90;

/** `s.toLowerCase().endsWith(lower)` without lower-casing `s` while its tail is ASCII. */
export function endsWithIgnoringCase(s: string, lower: string): boolean {
    const n = lower.length;
    const m = s.length;
    if (m < n) return isAscii(s) ? false : s.toLowerCase().endsWith(lower);
    for (let k = 1; k <= n; k++) {
        let c = s.charCodeAt(m - k);
        if (c >= 128) return s.toLowerCase().endsWith(lower);
        if (isUpperAscii(c)) c += 32;
        if (c !== lower.charCodeAt(n - k)) return false;
    }
    return true;
}

function isAscii(s: string): boolean {
    for (let i = 0; i < s.length; i++) if (s.charCodeAt(i) >= 128) return false;
    return true;
}

/** A radix-tree node: `label` is the lower-cased key part from its parent; `here` the items whose key ends here. */
class TrieNode<T> {
    readonly here: T[] = [];
    /** Children by the first code unit of their label. */
    next: Map<number, TrieNode<T>> | undefined;
    constructor(public label: string) {}
}

/**
 * Items keyed by a lower-cased prefix (their trie key), in a radix tree: collect() visits only the nodes on the
 * path of the event's lower-cased subject, one Map lookup per branching and a code-unit compare per character.
 */
export class PrefixTrie<T> {
    private readonly root = new TrieNode<T>("");
    /** Whether the last collect() took items from more than one key, so that `out` may be out of insertion order. */
    lastCollectMixed = false;

    add(key: string, item: T): void {
        let node = this.root;
        let i = 0;
        while (i < key.length) {
            const c = key.charCodeAt(i);
            node.next ??= new Map();
            const child = node.next.get(c);
            if (child === undefined) {
                const leaf = new TrieNode<T>(key.slice(i));
                node.next.set(c, leaf);
                node = leaf;
                break;
            }
            let j = 1;
            while (j < child.label.length && i + j < key.length && child.label.charCodeAt(j) === key.charCodeAt(i + j))
                j++;
            if (j < child.label.length) {
                // The key leaves the child's label part-way: split the label there.
                const middle = new TrieNode<T>(child.label.slice(0, j));
                child.label = child.label.slice(j);
                middle.next = new Map([[child.label.charCodeAt(0), child]]);
                node.next.set(c, middle);
                node = middle;
            } else node = child;
            i += j;
        }
        node.here.push(item);
    }

    /**
     * Writes to out[0, n) every item whose key the lower-cased subject begins with, shortest key first (within
     * one key, in insertion order), and returns n. ASCII is folded in place; a subject with another code unit
     * on the path is walked again lower-cased by toLowerCase(), as the evaluator does.
     */
    collect(subject: string | undefined, out: T[]): number {
        this.lastCollectMixed = false;
        if (subject === undefined) return append(this.root.here, out, 0);
        const n = this.walk(subject, true, out);
        return n >= 0 ? n : this.walk(subject.toLowerCase(), false, out);
    }

    /** With `fold`, returns -1 at the first non-ASCII code unit compared. */
    private walk(s: string, fold: boolean, out: T[]): number {
        let node = this.root;
        let n = append(node.here, out, 0);
        this.lastCollectMixed = false;
        let i = 0;
        while (node.next !== undefined && i < s.length) {
            const c = unitAt(s, i, fold);
            if (c < 0) return -1;
            const child = node.next.get(c);
            if (child === undefined) return n;
            const label = child.label;
            for (let j = 1; j < label.length; j++) {
                // Running out of units is a miss only once every unit was seen: lower-casing may lengthen a string.
                if (i + j >= s.length) return n;
                const u = unitAt(s, i + j, fold);
                if (u < 0) return -1;
                if (u !== label.charCodeAt(j)) return n;
            }
            i += label.length;
            node = child;
            if (node.here.length > 0 && n > 0) this.lastCollectMixed = true;
            n = append(node.here, out, n);
        }
        return n;
    }
}

/** The code unit at i, ASCII-folded with `fold` (-1 for a non-ASCII one then). */
function unitAt(s: string, i: number, fold: boolean): number {
    const c = s.charCodeAt(i);
    if (!fold) return c;
    if (c >= 128) return -1;
    return isUpperAscii(c) ? c + 32 : c;
}

function append<T>(items: readonly T[], out: T[], n: number): number {
    for (let i = 0; i < items.length; i++) out[n++] = items[i];
    return n;
}
