/**
 * Can a subject filter ever match a subject of a given published shape? Shapes use `{digits}` (one or more
 * decimal digits) and `{id}` (one or more characters other than `/`); everything else is literal.
 *
 * We answer "could some concrete subject of this shape begin (end) with this literal?", so the check is
 * conservative: it only rejects prefixes that no instance of the shape can start with, like `phonenumber/604`
 * (real SMS subjects start with `/phonenumber/`) or a `thread/` prefix on an SMS subscription.
 */

/** One piece of a shape: literal text, or a placeholder. The only parser of the shape grammar (routing/ reuses it). */
export type ShapeToken = { readonly kind: "lit"; readonly text: string } | { readonly kind: "digits" | "id" };
type Token = ShapeToken;

export function tokenizeShape(shape: string): ShapeToken[] {
    const out: Token[] = [];
    const re = /\{(digits|id)\}/g;
    let last = 0;
    for (let m = re.exec(shape); m; m = re.exec(shape)) {
        if (m.index > last) out.push({ kind: "lit", text: shape.slice(last, m.index) });
        out.push({ kind: m[1] as "digits" | "id" });
        last = m.index + m[0].length;
    }
    if (last < shape.length) out.push({ kind: "lit", text: shape.slice(last) });
    return out;
}

/** Whether one character can be part of a placeholder: `{digits}` takes 0-9, `{id}` anything but `/`. */
export function placeholderTakes(kind: "digits" | "id", ch: string): boolean {
    return kind === "digits" ? ch >= "0" && ch <= "9" : ch !== "/";
}

/**
 * Whether `text` is a prefix of some string in the shape's language. Placeholders need at least one character
 * and take any number more; a non-deterministic walk over (token index, chars consumed) positions.
 */
function prefixFits(tokens: Token[], text: string, caseSensitive: boolean): boolean {
    const norm = (s: string) => (caseSensitive ? s : s.toLowerCase());
    const t = norm(text);
    // states: [tokenIndex, offsetInsideToken]; for placeholders offset = chars consumed so far (0 or >=1)
    let states = new Set<string>(["0:0"]);
    for (const ch of t) {
        const next = new Set<string>();
        for (const s of states) {
            const [ti, off] = s.split(":").map(Number);
            step(ti, off, ch, next);
        }
        if (next.size === 0) return false;
        states = next;
    }
    return true;

    function step(ti: number, off: number, ch: string, next: Set<string>): void {
        if (ti >= tokens.length) return;
        const tok = tokens[ti];
        if (tok.kind === "lit") {
            const lit = norm(tok.text);
            if (lit[off] === ch) next.add(off + 1 === lit.length ? `${ti + 1}:0` : `${ti}:${off + 1}`);
            return;
        }
        if (placeholderTakes(tok.kind, ch)) next.add(`${ti}:${off + 1}`);
        if (off >= 1) step(ti + 1, 0, ch, next); // placeholder done, let the next token take this char
    }
}

function reverseTokens(tokens: Token[]): Token[] {
    return tokens
        .slice()
        .reverse()
        .map((t) => (t.kind === "lit" ? { kind: "lit", text: [...t.text].reverse().join("") } : t));
}

export function subjectCanBeginWith(shape: string, prefix: string, caseSensitive = false): boolean {
    return prefixFits(tokenizeShape(shape), prefix, caseSensitive);
}

export function subjectCanEndWith(shape: string, suffix: string, caseSensitive = false): boolean {
    return prefixFits(reverseTokens(tokenizeShape(shape)), [...suffix].reverse().join(""), caseSensitive);
}

/** A concrete example subject for a shape, for messages and generated sample events. */
export function exampleSubject(shape: string, digits = "15555555555", id = "id"): string {
    return shape.replace(/\{digits\}/g, digits).replace(/\{id\}/g, id);
}
