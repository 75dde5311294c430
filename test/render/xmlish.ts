/**
 * A small well-formedness check for generated SVG, enough to catch broken escaping: every `<` opens a tag
 * with valid attribute syntax, tags nest and close, `&` only starts an entity. No DTDs, no processing
 * instructions beyond the XML declaration.
 */
const TAG = /^<(\/?)([A-Za-z][\w:.-]*)((?:\s+[A-Za-z_:][\w:.-]*\s*=\s*(?:"[^"<]*"|'[^'<]*'))*)\s*(\/?)>/;
const ENTITY = /^&(?:[A-Za-z][A-Za-z0-9]*|#[0-9]+|#x[0-9A-Fa-f]+);/;

/** Undefined when well-formed, else what is wrong and where. */
export function xmlProblem(xml: string): string | undefined {
    const stack: string[] = [];
    let i = xml.startsWith("<?xml") ? xml.indexOf("?>") + 2 : 0;
    while (i < xml.length) {
        const rest = xml.slice(i);
        if (rest.startsWith("<!--")) {
            const end = rest.indexOf("-->");
            if (end < 0) return `unclosed comment at ${i}`;
            i += end + 3;
        } else if (rest[0] === "<") {
            const m = TAG.exec(rest);
            if (!m) return `malformed tag at ${i}: ${rest.slice(0, 40)}`;
            const [, closing, name, attrs, selfClosing] = m;
            if (closing && stack.pop() !== name) return `unexpected </${name}> at ${i}`;
            if (!closing && !selfClosing) stack.push(name);
            if (/&(?![A-Za-z][A-Za-z0-9]*;|#[0-9]+;|#x[0-9A-Fa-f]+;)/.test(attrs))
                return `bare & in attributes at ${i}`;
            i += m[0].length;
        } else if (rest[0] === "&") {
            if (!ENTITY.test(rest)) return `bare & at ${i}`;
            i += 1;
        } else {
            i += 1;
        }
    }
    return stack.length ? `unclosed <${stack.join("> <")}>` : undefined;
}

/** The text of an SVG with tags removed and the five XML entities decoded. */
export function svgText(svg: string): string {
    return svg
        .replace(/<[^>]*>/g, " ")
        .replace(/&lt;/g, "<")
        .replace(/&gt;/g, ">")
        .replace(/&quot;/g, '"')
        .replace(/&#39;|&apos;/g, "'")
        .replace(/&amp;/g, "&");
}
