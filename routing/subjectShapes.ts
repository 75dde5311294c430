/**
 * Concrete subjects for the catalog's subject shapes (`{digits}` = one or more digits, `{id}` = one or more
 * characters other than `/`, everything else literal and cased as ACS sends it). The catalog answers "can a
 * subject of this shape begin/end with X?"; the witness search also needs "is this a whole subject of the
 * shape?" and "give me one that begins (ends) with X", which live here.
 */

import { placeholderTakes, ShapeToken as Token, tokenizeShape as tokenize } from "../catalog/subjectShapes";

/** Palindromes, so completing the reversed shape (for suffixes) fills the same way. */
const FILL: Readonly<Record<"digits" | "id", string>> = { digits: "5551555", id: "x" };

const escape = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
const patternCache = new Map<string, RegExp>();

/** Whether `subject` is, exactly and with ACS's letter case, a subject of `shape`. */
export function fitsShape(shape: string, subject: string): boolean {
    let re = patternCache.get(shape);
    if (!re) {
        const body = tokenize(shape)
            .map((t) => (t.kind === "lit" ? escape(t.text) : t.kind === "digits" ? "[0-9]+" : "[^/]+"))
            .join("");
        re = new RegExp(`^${body}$`);
        patternCache.set(shape, re);
    }
    return re.test(subject);
}

/** A walk position: inside token `ti`, `off` characters consumed; `out` is the subject written so far. */
interface Position {
    readonly ti: number;
    readonly off: number;
    readonly out: string;
}

/**
 * A subject of `shape` that begins with `prefix` (compared ignoring case; the result takes the shape's case
 * for literal parts), or undefined when none exists.
 */
export function completeWithPrefix(shape: string, prefix: string): string | undefined {
    return complete(tokenize(shape), prefix);
}

/** A subject of `shape` that ends with `suffix`, built by completing the reversed shape. */
export function completeWithSuffix(shape: string, suffix: string): string | undefined {
    const reversed = tokenize(shape)
        .reverse()
        .map((t): Token => (t.kind === "lit" ? { kind: "lit", text: reverse(t.text) } : t));
    const out = complete(reversed, reverse(suffix));
    return out === undefined ? undefined : reverse(out);
}

const reverse = (s: string) => [...s].reverse().join("");

function complete(tokens: readonly Token[], prefix: string): string | undefined {
    let positions: Position[] = [{ ti: 0, off: 0, out: "" }];
    for (const ch of prefix) {
        positions = dedupe(positions.flatMap((p) => step(tokens, p, ch)));
        if (positions.length === 0) return undefined;
    }
    return finish(tokens, positions[0]);
}

/** Every position reachable by consuming `ch`; a placeholder with ≥ 1 character may also end before it. */
function step(tokens: readonly Token[], p: Position, ch: string): Position[] {
    const tok = tokens[p.ti];
    if (!tok) return [];
    if (tok.kind === "lit") {
        if (tok.text[p.off]?.toLowerCase() !== ch.toLowerCase()) return [];
        const out = p.out + tok.text[p.off];
        return [p.off + 1 === tok.text.length ? { ti: p.ti + 1, off: 0, out } : { ti: p.ti, off: p.off + 1, out }];
    }
    const fits = placeholderTakes(tok.kind, ch);
    const stay = fits ? [{ ti: p.ti, off: p.off + 1, out: p.out + ch }] : [];
    return p.off >= 1 ? [...stay, ...step(tokens, { ti: p.ti + 1, off: 0, out: p.out }, ch)] : stay;
}

function dedupe(ps: Position[]): Position[] {
    const seen = new Set<string>();
    return ps.filter((p) => !seen.has(`${p.ti}:${p.off}`) && !!seen.add(`${p.ti}:${p.off}`));
}

/** Write the rest of the shape after a position, with filler for placeholders. */
function finish(tokens: readonly Token[], p: Position): string {
    let out = p.out;
    const tok = tokens[p.ti];
    if (tok?.kind === "lit") out += tok.text.slice(p.off);
    else if (tok && p.off === 0) out += FILL[tok.kind];
    for (const t of tokens.slice(tok ? p.ti + 1 : tokens.length)) out += t.kind === "lit" ? t.text : FILL[t.kind];
    return out;
}
