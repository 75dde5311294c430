import * as assert from "node:assert";
import { execFileSync } from "node:child_process";
import * as fs from "node:fs";
import * as path from "node:path";
import { PROJECT_ROOT } from "../../harness/runStack";

/**
 * Biome formats code to its line width but cannot wrap a string literal or a comment, so those are wrapped by hand
 * (a long message becomes a `+` chain of literals, a comment is reflowed). This guard keeps every tracked TypeScript
 * line within the width, generated files (*.generated.ts keep the shape their generator gives them) aside.
 */

/** The width, read from biome.jsonc (`formatter.lineWidth`) so that it is stated once. */
function lineWidth(): number {
    const config = fs.readFileSync(path.join(PROJECT_ROOT, "biome.jsonc"), "utf8");
    const m = /"formatter"\s*:\s*\{[^}]*"lineWidth"\s*:\s*(\d+)/.exec(config);
    if (!m) throw new Error("biome.jsonc: no formatter.lineWidth");
    return Number(m[1]);
}

/** Tracked TypeScript sources that exist in the work tree, generated files aside. */
function trackedSources(): string[] {
    return execFileSync("git", ["ls-files", "*.ts"], { cwd: PROJECT_ROOT, encoding: "utf8" })
        .split("\n")
        .filter((f) => f && !f.endsWith(".generated.ts") && fs.existsSync(path.join(PROJECT_ROOT, f)));
}

/** `line: length` of each line longer than `max` characters (code points, as an editor counts them, not bytes). */
function longLines(text: string, max: number): string[] {
    return text.split("\n").flatMap((line, i) => {
        const length = [...line.replace(/\r$/, "")].length;
        return length > max ? [`${i + 1}: ${length}`] : [];
    });
}

function offenders(files: readonly string[], max: number): string[] {
    return files.flatMap((f) =>
        longLines(fs.readFileSync(path.join(PROJECT_ROOT, f), "utf8"), max).map((l) => `${f}:${l} characters`),
    );
}

describe("line length", () => {
    const max = lineWidth();

    it("counts characters, not bytes, and only lines over the width", () => {
        const arrows = "→".repeat(max);
        assert.deepStrictEqual(longLines(`${arrows}\n${"x".repeat(max)}\r\n`, max), []);
        assert.deepStrictEqual(longLines(`ok\n${arrows}→\n${"x".repeat(max + 5)}`, max), [
            `2: ${max + 1}`,
            `3: ${max + 5}`,
        ]);
    });

    it("keeps every tracked .ts line (generated files aside) within biome.jsonc's lineWidth", () => {
        const long = offenders(trackedSources(), max);
        assert.deepStrictEqual(
            long,
            [],
            `${long.length} line(s) over ${max} characters; split long strings with + and wrap comments:\n` +
                long.join("\n"),
        );
    });
});
