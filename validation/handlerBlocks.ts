import { Issue, issue } from "./issue";

type Path = readonly (string | number)[];

/**
 * A handler has a `kind` and exactly the one settings block named like it (no TS unions in component args):
 * the stack config and the HandlerTarget component both check it here.
 */
export function handlerBlockIssues(kinds: readonly string[], h: Record<string, unknown>, at: Path = []): Issue[] {
    const kind = h.kind as string;
    if (!kinds.includes(kind)) {
        const near = kinds.find((k) => typeof h.kind === "string" && k.toLowerCase() === h.kind.toLowerCase());
        return [
            issue(
                [...at, "kind"],
                h.kind,
                `one of ${kinds.join(", ")}${near ? ` (did you mean "${near}"? kinds are case-sensitive)` : ""}`,
            ),
        ];
    }
    const blocks = kinds.filter((k) => Object.hasOwn(h, k) && h[k] !== undefined);
    const out: Issue[] = [];
    if (!blocks.includes(kind))
        out.push(issue([...at, kind], undefined, `kind is "${kind}", so a "${kind}" block is required`));
    for (const b of blocks.filter((b) => b !== kind))
        out.push(issue([...at, b], h[b], `kind is "${kind}"; remove the "${b}" block (one block, matching kind)`));
    return out;
}
