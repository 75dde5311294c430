/**
 * Mermaid → SVG without a browser, and label escaping that survives both Mermaid syntax and the renderer:
 * the SVG must be well-formed, hold every node label line of the Mermaid text, and have exactly one node per
 * Mermaid node (a label that broke out of its quotes would add or lose nodes).
 */
import * as assert from "node:assert";
import { stackGraph } from "../support/sharedGraphs";
import { escapeLabelText, mermaidLabel, topologyFromGraph, toMermaid, toSvg } from "../../render";
import { tinyStackGraph } from "./tinyStack";
import { svgText, xmlProblem } from "./xmlish";

/** Node definitions of our Mermaid output: `id["…"]`, `id(["…"])`, `id[("…")]`, label lines split on <br/>. */
function nodeLabels(mermaid: string): string[][] {
    const node = /^\s+\w+(?:\[|\(\[|\[\()"(.*)"(?:\]|\]\)|\)\])$/;
    return mermaid
        .split("\n")
        .map((l) => node.exec(l))
        .filter((m): m is RegExpExecArray => m !== null)
        .map((m) => m[1].split("<br/>"));
}

const nodeCount = (svg: string) => (svg.match(/<g class="node"/g) ?? []).length;

async function checkSvg(mermaid: string): Promise<void> {
    const svg = await toSvg(mermaid);
    assert.strictEqual(xmlProblem(svg), undefined);
    const text = svgText(svg);
    const labels = nodeLabels(mermaid);
    assert.ok(labels.length > 0, "no node labels found in the Mermaid text");
    for (const line of labels.flat()) assert.ok(text.includes(line), `label line missing from the SVG: ${line}`);
    assert.strictEqual(nodeCount(svg), labels.length);
    assertSelfContained(svg);
}

/** Viewers without CSS variables draw unresolved shapes black; a font @import needs the network. */
function assertSelfContained(svg: string): void {
    const body = svg.replace(/<style>[\s\S]*?<\/style>/, "");
    assert.doesNotMatch(body, /var\(--/, "every theme colour is resolved to a plain value");
    assert.doesNotMatch(svg, /@import|https?:\/\/(?!www\.w3\.org)/, "no network reference");
    assert.match(body, /fill="#[0-9a-f]{6}"/);
}

describe("render/svg: topology pictures", () => {
    it("renders the tiny stack: well-formed, every node label present, one SVG node per Mermaid node", async () => {
        await checkSvg(toMermaid(topologyFromGraph(await tinyStackGraph())));
    });

    it("renders the dev stack the same way", async () => {
        await checkSvg(toMermaid(topologyFromGraph(await stackGraph("dev"))));
    });
});

describe("render/mermaid: label escaping", () => {
    const hostile = [
        'quote " inside',
        'end"] --> evil["injected',
        "<script>alert(1)</script>",
        "a|b|c",
        "#quot; and &amp; and &lt;",
        "back\\nslash",
        "brackets [x] {y} (z)",
        "`code`",
        "line\nbreak\ttab",
        "100% of %%comments",
    ];

    for (const name of hostile) {
        it(`keeps ${JSON.stringify(name)} inside one node`, async () => {
            const mermaid =
                `flowchart LR\n  n0[${mermaidLabel([name, "second line"])}]\n  ` +
                `n1[${mermaidLabel(["other"])}]\n  n0 --> n1\n`;
            await checkSvg(mermaid);
            const escaped = escapeLabelText(name);
            assert.ok(!/["[\]<>|#&`\\\n\t]/.test(escaped), escaped);
        });
    }

    it("keeps ordinary filter text readable", () => {
        assert.strictEqual(
            escapeLabelText("subject begins /phonenumber/1604 (case-sensitive)"),
            "subject begins /phonenumber/1604 (case-sensitive)",
        );
    });
});
