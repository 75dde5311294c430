/**
 * The topology as a Mermaid flowchart (left to right): ACS → system topic → subscription (name and filter) →
 * handler, with dashed edges to dead-letter stores. Node ids are generated (`acs0`, `sub3`…), so names never
 * reach Mermaid syntax; labels are escaped by mermaidLabel(); URLs are never part of a topology.
 */
import { Topology } from "./topology";

/**
 * Characters that would end a quoted label or an edge label, open markup or an entity in Mermaid, or that
 * beautiful-mermaid reads specially inside labels (`]` ends a node, `\n` breaks a line, `<b>` is bold), are
 * replaced by look-alikes, so any name or filter value renders as text and cannot inject nodes or HTML.
 * Parentheses and braces are harmless inside quotes and kept.
 */
const LOOK_ALIKES: Readonly<Record<string, string>> = {
    '"': "'",
    "`": "'",
    "[": "⟦",
    "]": "⟧",
    "<": "‹",
    ">": "›",
    "|": "¦",
    "#": "＃",
    "&": "＆",
    "\\": "∖",
};

/** One label line made safe: look-alikes, no control characters. */
export function escapeLabelText(text: string): string {
    return [...text.replace(/[\u0000-\u001f\u007f]+/g, " ")].map((c) => LOOK_ALIKES[c] ?? c).join("");
}

/** A quoted, multi-line Mermaid label. */
export function mermaidLabel(lines: readonly string[]): string {
    return `"${lines.map(escapeLabelText).join("<br/>")}"`;
}

class NodeIds {
    private readonly ids = new Map<string, string>();
    private readonly counts = new Map<string, number>();

    has(key: string): boolean {
        return this.ids.has(key);
    }

    /** A stable Mermaid id per topology key, numbered per kind in order of first use. */
    id(prefix: string, key: string): string {
        const existing = this.ids.get(key);
        if (existing) return existing;
        const n = this.counts.get(prefix) ?? 0;
        this.counts.set(prefix, n + 1);
        const id = `${prefix}${n}`;
        this.ids.set(key, id);
        return id;
    }
}

export function toMermaid(t: Topology): string {
    const ids = new NodeIds();
    const out = ["flowchart LR"];
    for (const a of t.communicationServices) {
        out.push(
            `  ${ids.id("acs", a.key)}[${mermaidLabel([a.external ? "ACS (outside this stack)" : "ACS", a.name])}]`,
        );
    }
    for (const topic of t.systemTopics) {
        out.push(`  ${ids.id("topic", topic.key)}[${mermaidLabel(["System topic", topic.name])}]`);
        if (topic.source) out.push(`  ${ids.id("acs", topic.source)} --> ${ids.id("topic", topic.key)}`);
    }
    for (const h of t.handlers) {
        const lines =
            h.endpoint !== undefined ? [h.name, h.endpoint] : [`Handler ${h.name}`, ...(h.kind ? [h.kind] : [])];
        out.push(`  ${ids.id("handler", h.key)}([${mermaidLabel(lines)}])`);
    }
    for (const s of t.subscriptions) out.push(...subscriptionLines(s, ids));
    for (const w of t.warnings) out.push(`  %% ${escapeLabelText(w)}`);
    return `${out.join("\n")}\n`;
}

function subscriptionLines(s: Topology["subscriptions"][number], ids: NodeIds): string[] {
    const id = ids.id("sub", s.key);
    const via = s.destination.viaIdentity ? " via identity" : "";
    const lines = [`  ${id}[${mermaidLabel([s.name, ...s.filter])}]`];
    if (s.topic) lines.push(`  ${ids.id("topic", s.topic)} --> ${id}`);
    lines.push(`  ${id} -->|${mermaidLabel([`${s.destination.endpointType}${via}`])}| ${ids.id("handler", s.handler)}`);
    if (s.deadLetter) {
        const key = `deadletter:${s.deadLetter.label}`;
        const known = ids.has(key);
        const dl = ids.id("deadletter", key);
        if (!known) lines.push(`  ${dl}[(${mermaidLabel(["Dead letters", s.deadLetter.label])})]`);
        lines.push(`  ${id} -.->|dead letter| ${dl}`);
    }
    return lines;
}
