import * as fs from "node:fs";
import * as path from "node:path";
import { LineCounter, parseDocument } from "yaml";
import { redactUrl } from "../validation/issue";

/**
 * Reading a YAML file a user wrote, with bounded work and an error that says where: a stack file is hostile input
 * like any other. Parsed as YAML 1.2 with the core schema, as Pulumi reads stack files (a timestamp stays a string;
 * `yes` stays a string), duplicate keys rejected, unknown tags (`!Ref`) rejected instead of silently dropped.
 */
export const YAML_LIMITS = {
    /** A stack file is a few KB; 1 MiB leaves room for any real one and bounds parse time and memory. */
    bytes: 1024 * 1024,
    /** Aliases resolved per document: an alias bomb (aliases of aliases) fails fast instead of filling the heap. */
    aliases: 100,
    /** Nesting depth of the parsed value: our config is at most 7 levels deep. */
    depth: 32,
} as const;

/** A file that cannot be read as the YAML asked for. The message names the file, and the line where known. */
export class InputFileError extends Error {
    static is(err: unknown): err is InputFileError {
        return err instanceof Error && err.name === "InputFileError";
    }

    constructor(
        readonly file: string,
        problem: string,
    ) {
        super(`${shown(file)}: ${redactUrl(problem)}`);
        this.name = "InputFileError";
        this.stack = `${this.name}: ${this.message}`; // the message is the whole story for a user
    }
}

/** A file under the working directory by its relative path (as the user typed it, usually), others in full. */
function shown(file: string): string {
    const rel = path.relative(process.cwd(), file);
    return rel && !rel.startsWith("..") && !path.isAbsolute(rel) ? rel : file;
}

export function readYamlFile(file: string): unknown {
    return parseYaml(readText(file), file);
}

/** The file as UTF-8 text, or an error saying why not (missing, too large, UTF-16, binary, another encoding). */
function readText(file: string): string {
    let bytes: Buffer;
    try {
        const stat = fs.statSync(file);
        if (!stat.isFile()) throw new InputFileError(file, "not a file");
        if (stat.size > YAML_LIMITS.bytes)
            throw new InputFileError(
                file,
                `${stat.size} bytes; a stack file may be at most ${YAML_LIMITS.bytes} bytes`,
            );
        bytes = fs.readFileSync(file);
    } catch (err) {
        if (InputFileError.is(err)) throw err;
        const code = (err as NodeJS.ErrnoException)?.code;
        throw new InputFileError(file, code === "ENOENT" ? "no such file" : `cannot be read (${code ?? String(err)})`);
    }
    if ((bytes[0] === 0xff && bytes[1] === 0xfe) || (bytes[0] === 0xfe && bytes[1] === 0xff))
        throw new InputFileError(file, "is UTF-16; save it as UTF-8");
    if (bytes.includes(0))
        throw new InputFileError(file, "contains NUL bytes (a binary or UTF-16 file?); a stack file is UTF-8 text");
    try {
        return new TextDecoder("utf-8", { fatal: true, ignoreBOM: false }).decode(bytes);
    } catch {
        throw new InputFileError(file, "is not valid UTF-8 (Latin-1 or another encoding?); save it as UTF-8");
    }
}

export function parseYaml(text: string, file: string): unknown {
    if (text.length > YAML_LIMITS.bytes)
        throw new InputFileError(file, `${text.length} characters; at most ${YAML_LIMITS.bytes}`);
    // prettyErrors off: its source excerpt would print the line, which may hold a key; we print line and column only.
    const lines = new LineCounter();
    const doc = parseDocument(text, {
        version: "1.2",
        schema: "core",
        uniqueKeys: true,
        prettyErrors: false,
        strict: true,
        lineCounter: lines,
    });
    const problems = [...doc.errors, ...doc.warnings].map((e) => {
        const at = lines.linePos(e.pos[0]);
        const what = /call stack/i.test(e.message) ? "nested too deeply" : firstLine(e.message);
        return `line ${at.line}, column ${at.col}: ${what}`;
    });
    if (problems.length)
        throw new InputFileError(
            file,
            `not valid YAML: ${problems.slice(0, 5).join("; ")}` +
                (problems.length > 5 ? `; and ${problems.length - 5} more` : ""),
        );
    let value: unknown;
    try {
        value = doc.toJS({ maxAliasCount: YAML_LIMITS.aliases });
    } catch (err) {
        throw new InputFileError(
            file,
            `cannot be expanded: ${firstLine(err instanceof Error ? err.message : String(err))} ` +
                `(at most ${YAML_LIMITS.aliases} alias uses)`,
        );
    }
    const deep = depthOver(value, YAML_LIMITS.depth);
    if (deep)
        throw new InputFileError(
            file,
            `nested more than ${YAML_LIMITS.depth} levels deep (or an alias refers to itself)`,
        );
    return value;
}

function firstLine(s: string): string {
    const line = s.split("\n")[0];
    return line.endsWith(":") ? line.slice(0, -1) : line;
}

/**
 * Whether a value nests deeper than `max` (a self-referencing alias nests forever); iterative, so no stack
 * overflow.
 */
function depthOver(value: unknown, max: number): boolean {
    const stack: [unknown, number][] = [[value, 0]];
    while (stack.length) {
        const [v, d] = stack.pop()!;
        if (v === null || typeof v !== "object") continue;
        if (d >= max) return true;
        for (const child of Object.values(v)) stack.push([child, d + 1]);
    }
    return false;
}
