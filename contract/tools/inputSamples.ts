/**
 * Sample inputs for azure-native classes, generated from the installed `.d.ts` files with the TypeScript checker:
 * every input property of `<Class>Args`, recursively, with a placeholder value of its type (the first literal of
 * an enum, "x" for strings, 1, true), and one extra sample per additional union variant (e.g. each destination
 * `endpointType`), so every SDK property name appears in at least one sample.
 *
 * Used to find azure-native renames (`findRenames.ts`) and by the test that keeps `renames.ts` complete. Building
 * the program parses azure-native's large `types/input.d.ts`, so this is for tools and tests, not the check; its
 * result is cached under node_modules/.cache while the files it read stay unchanged (about 9 s a run otherwise).
 */
import { createHash } from "node:crypto";
import * as fs from "node:fs";
import * as path from "node:path";
import * as ts from "typescript";
import { declarationFile } from "../apiVersions";

export interface ClassSamples {
    readonly token: string;
    readonly samples: Record<string, unknown>[];
}

const MAX_DEPTH = 10;

export function inputSamples(tokens: readonly string[]): ClassSamples[] {
    const files = tokens.map((t) => declarationFile(t) ?? fail(`no .d.ts for ${t}`));
    const cache = path.join(__dirname, "..", "..", "node_modules", ".cache", "acs-event-handling");
    // The entry is found by what selects the program (tokens, root files, this code, TypeScript's version) and
    // reused only while every file the program read is unchanged: the samples are a function of those files.
    const key = createHash("sha256")
        .update(JSON.stringify([tokens, files, ts.version]))
        .update(fs.readFileSync(__filename))
        .digest("hex")
        .slice(0, 16);
    const entry = path.join(cache, `input-samples-${key}.json`);
    if (fs.existsSync(entry)) {
        const saved = JSON.parse(fs.readFileSync(entry, "utf8")) as Cached;
        if (saved.sources === digest(saved.files)) return saved.samples;
    }
    const program = ts.createProgram(files, { skipLibCheck: true, noEmit: true, strict: true, types: [] });
    const checker = program.getTypeChecker();
    const samples = tokens.map((token, i) => ({ token, samples: samplesForArgs(program, checker, token, files[i]) }));
    const read = program.getSourceFiles().map((f) => f.fileName);
    fs.mkdirSync(cache, { recursive: true });
    const partial = `${entry}.${process.pid}.partial`;
    fs.writeFileSync(partial, JSON.stringify({ files: read, sources: digest(read), samples } satisfies Cached));
    fs.renameSync(partial, entry); // atomic: a concurrent run reads a whole entry or none
    return samples;
}

/** A cached run: the files its program read, their digest, and the samples they gave. */
interface Cached {
    readonly files: string[];
    readonly sources: string;
    readonly samples: ClassSamples[];
}

/** The contents of these files, hashed (a missing file changes the digest). */
function digest(files: readonly string[]): string {
    const hash = createHash("sha256");
    for (const f of files) hash.update(`${f}\0`).update(fs.existsSync(f) ? fs.readFileSync(f) : "\u0001missing");
    return hash.digest("hex");
}

function samplesForArgs(
    program: ts.Program,
    checker: ts.TypeChecker,
    token: string,
    file: string,
): Record<string, unknown>[] {
    const source = program.getSourceFile(file) ?? fail(`cannot load ${file}`);
    const cls = token.split(":")[2];
    const decl = source.statements.find(
        (s): s is ts.InterfaceDeclaration => ts.isInterfaceDeclaration(s) && s.name.text === `${cls}Args`,
    );
    if (!decl) fail(`${file} declares no ${cls}Args`);
    const samples = new Sampler(checker).objectSamples(checker.getTypeAtLocation(decl), 0);
    return samples as Record<string, unknown>[];
}

class Sampler {
    constructor(private readonly checker: ts.TypeChecker) {}

    /** Samples for a property type: ≥ 1 value, one per union variant of object types. */
    samples(type: ts.Type, depth: number): unknown[] {
        const parts = this.inputParts(type);
        const literal = parts.find((p) => p.isStringLiteral() || p.isNumberLiteral());
        if (literal && (literal.isStringLiteral() || literal.isNumberLiteral())) return [literal.value];
        if (parts.some((p) => p.flags & ts.TypeFlags.BooleanLike)) return [true];
        if (parts.some((p) => p.flags & ts.TypeFlags.StringLike)) return ["x"];
        if (parts.some((p) => p.flags & ts.TypeFlags.NumberLike)) return [1];
        if (parts.some((p) => p.flags & ts.TypeFlags.Any) || depth > MAX_DEPTH) return [{}];
        const arrays = parts.filter((p) => this.checker.isArrayType(p));
        if (arrays.length > 0) return this.arraySamples(arrays[0], depth);
        return parts.filter((p) => p.flags & ts.TypeFlags.Object).flatMap((p) => this.objectSamples(p, depth + 1));
    }

    objectSamples(type: ts.Type, depth: number): unknown[] {
        const index = type.getStringIndexType();
        if (index && type.getProperties().length === 0) return this.samples(index, depth).map((v) => ({ key: v }));
        const perProp = type.getProperties().map((p) => [p.name, this.samples(this.propType(p), depth)] as const);
        const base = Object.fromEntries(perProp.filter(([, s]) => s.length > 0).map(([k, s]) => [k, s[0]]));
        const variants = perProp.flatMap(([k, s]) => s.slice(1).map((v) => ({ ...base, [k]: v })));
        return [base, ...variants];
    }

    private arraySamples(arrayType: ts.Type, depth: number): unknown[] {
        const element = this.checker.getTypeArguments(arrayType as ts.TypeReference)[0];
        return this.samples(element, depth).map((v) => [v]);
    }

    private propType(symbol: ts.Symbol): ts.Type {
        const decl = symbol.valueDeclaration ?? symbol.declarations?.[0];
        return decl ? this.checker.getTypeOfSymbolAtLocation(symbol, decl) : this.checker.getAnyType();
    }

    /** Union members without `undefined`, `Promise<…>` and `Output<…>` (what `pulumi.Input<T>` adds to T). */
    private inputParts(type: ts.Type): ts.Type[] {
        const members = type.isUnion() ? type.types : [type];
        return members.flatMap((m) => {
            if (m.flags & (ts.TypeFlags.Undefined | ts.TypeFlags.Null)) return [];
            const name = m.getSymbol()?.getName() ?? m.aliasSymbol?.getName();
            if (name === "Promise" || name === "OutputInstance" || name === "Output") return [];
            return m.isUnion() ? this.inputParts(m) : [m];
        });
    }
}

function fail(message: string): never {
    throw new Error(message);
}
