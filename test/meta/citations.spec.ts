import * as assert from "node:assert";
import { execFileSync } from "node:child_process";
import * as fs from "node:fs";
import * as path from "node:path";
import { PROJECT_ROOT } from "../../harness/runStack";

/**
 * Code and docs cite public sources (URLs, repository paths, issue numbers). A clone or an npm user does not have
 * the research notes beside the repository, so their section codes ("§11 #14", "F5", "event-grid-acs.md") mean
 * nothing to them. The Undocumented ids U1…U12 are ours and defined in routing/README.md, so they stay.
 */
const LOCAL_NOTE = [
    /shared\/reference/,
    /\b(?:policy-rules|field-notes|pulumi-practices|event-grid-acs|style-models)\.md\b/,
    /§/,
    /\bfield[- ]notes?\b/i,
    /\bfact sheet\b/i,
    /\bF\d{1,2}b?\b(?![-.\w])/,
];

/** Tracked text files (sources and docs), without generated or recorded data. */
function trackedTextFiles(): string[] {
    const out = execFileSync("git", ["ls-files", "*.ts", "*.md", "*.json", "*.yaml"], {
        cwd: PROJECT_ROOT,
        encoding: "utf8",
    });
    return out
        .split("\n")
        .filter(
            (f) =>
                f &&
                !/(^|\/)(package-lock\.json|__snapshots__\/|samples\/events\/)/.test(f) &&
                f !== "test/meta/citations.spec.ts",
        );
}

function localNoteReferences(text: string): string[] {
    return text
        .split("\n")
        .flatMap((line, i) =>
            LOCAL_NOTE.some((re) => re.test(line)) ? [`${i + 1}: ${line.trim().slice(0, 120)}`] : [],
        );
}

describe("citations", () => {
    it("recognises codes of the local research notes", () => {
        assert.strictEqual(
            localNoteReferences(
                "see policy-rules.md §11 #14\nfield-notes F5\n(F17)\nU1 is ours\nCKV_AZURE_35, AZR-000099, 2025-02-15",
            ).length,
            3,
        );
    });

    it("no tracked source or doc cites the local research notes instead of a public source", () => {
        const offenders = trackedTextFiles()
            .filter((f) => fs.existsSync(path.join(PROJECT_ROOT, f)))
            .flatMap((f) =>
                localNoteReferences(fs.readFileSync(path.join(PROJECT_ROOT, f), "utf8")).map((l) => `${f}:${l}`),
            )
            .filter((l) => !l.startsWith("test/samples/samples.spec.ts:") || !l.includes("early-preview-samples"));
        assert.deepStrictEqual(offenders, []);
    });
});
