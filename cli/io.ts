import * as fs from "node:fs";
import * as path from "node:path";

/**
 * Where a CLI writes. `main(argv, io)` takes one, so tests run the CLIs in process and read what they printed;
 * the bin entries pass `processIo`.
 */
export interface CliIo {
    stdout(text: string): void;
    stderr(text: string): void;
}

export const processIo: CliIo = {
    stdout: (text) => {
        process.stdout.write(text);
    },
    stderr: (text) => {
        process.stderr.write(text);
    },
};

/** An io that keeps what was written, for tests and the benchmark. */
export function bufferIo(): CliIo & { out: string; err: string } {
    const io = {
        out: "",
        err: "",
        stdout: (t: string) => {
            io.out += t;
        },
        stderr: (t: string) => {
            io.err += t;
        },
    };
    return io;
}

/** Run a CLI's main from its bin entry: exit only once stdout has drained (a piped `--json` exceeds a pipe buffer). */
export function runAsBin(main: (argv: string[], io: CliIo) => Promise<number>): void {
    if (__filename.endsWith(".js")) {
        // The SDK formats a stack trace for every promise it wraps (runtime/debuggable.js), about 15% of a
        // 500-subscription plan's CPU. Users get messages, not traces; `npm run plan:ts` keeps them for debugging.
        Error.stackTraceLimit = 0;
        const compiledDir = path.resolve(__dirname, "..");
        const note = staleBuildWarning(compiledDir, path.resolve(compiledDir, ".."));
        if (note) process.stderr.write(note);
    }
    main(process.argv.slice(2), processIo).then(
        (code) => process.stdout.write("", () => process.exit(code)),
        (err) => {
            process.stderr.write(`${err instanceof Error ? err.message : String(err)}\n`);
            process.exit(2);
        },
    );
}

/** The source folders compiled into build/ (tsconfig.tools.json follows the imports of index.ts and the CLIs). */
const SOURCE_DIRS = [
    "cli",
    "components",
    "config",
    "catalog",
    "contract",
    "deploy",
    "harness",
    "policy",
    "render",
    "routing",
    "samples",
    "validation",
];

/**
 * Running from build/, a source edited since the last `npm run build:tools` would silently not count: say so.
 * Costs a few milliseconds of stat calls.
 */
export function staleBuildWarning(compiledDir: string, sourceRoot: string): string | undefined {
    const stamp = path.join(compiledDir, ".built"); // written by `npm run build:tools` after tsc
    if (!fs.existsSync(stamp)) return undefined;
    const built = fs.statSync(stamp).mtimeMs;
    const newer = (file: string) => file.endsWith(".ts") && fs.statSync(file).mtimeMs > built;
    const walk = (dir: string): string | undefined => {
        for (const e of fs.readdirSync(dir, { withFileTypes: true })) {
            const full = path.join(dir, e.name);
            const found = e.isDirectory()
                ? e.name === "node_modules"
                    ? undefined
                    : walk(full)
                : newer(full)
                  ? full
                  : undefined;
            if (found) return found;
        }
        return undefined;
    };
    const stale = newer(path.join(sourceRoot, "index.ts"))
        ? "index.ts"
        : SOURCE_DIRS.map((d) => path.join(sourceRoot, d))
              .filter((d) => fs.existsSync(d))
              .map(walk)
              .find(Boolean);
    return stale
        ? `note: ${path.relative(sourceRoot, stale)} changed after the last build; ` +
              "run `npm run build:tools` (or `npm run plan:ts`)\n"
        : undefined;
}
