/**
 * Join regex literals into one (same flags as the first), so a long pattern keeps its literal escaping and still
 * fits the line width. Each part must be a valid regex on its own: split outside groups and character classes.
 */
export function joinRe(...parts: readonly RegExp[]): RegExp {
    return new RegExp(parts.map((p) => p.source).join(""), parts[0]?.flags ?? "");
}
