import * as assert from "node:assert";
import * as fs from "node:fs";
import { builtinModules } from "node:module";
import * as path from "node:path";
import * as ts from "typescript";
import { PROJECT_ROOT } from "../../harness/runStack";

/**
 * Every package a source imports is declared by the package.json that owns the source, at the version installed;
 * what runs after deployment (the library, the Function App, the policy pack) needs only `dependencies`, and the
 * library's runtime dependencies are all used by it (a tool-only package such as js-yaml stays a dev dependency).
 */
const SKIPPED_DIRS = ["node_modules", "dist", "build", ".git"];

interface Manifest {
    readonly dir: string;
    readonly dependencies: Record<string, string>;
    readonly devDependencies: Record<string, string>;
}

function manifest(dir: string): Manifest {
    const json = JSON.parse(fs.readFileSync(path.join(PROJECT_ROOT, dir, "package.json"), "utf8"));
    return { dir, dependencies: json.dependencies ?? {}, devDependencies: json.devDependencies ?? {} };
}

const ROOT = manifest(".");
const WORKSPACES = [manifest("functions"), manifest("policy"), manifest("examples/consumer")];
const MANIFESTS = [ROOT, ...WORKSPACES];

/** The package.json that owns a repository-relative source path: its workspace's, else the root's. */
const ownerOf = (rel: string): Manifest => WORKSPACES.find((m) => rel.startsWith(`${m.dir}/`)) ?? ROOT;

function sources(dir = "."): string[] {
    return fs.readdirSync(path.join(PROJECT_ROOT, dir), { withFileTypes: true }).flatMap((e) => {
        const rel = path.posix.join(dir, e.name);
        if (e.isDirectory()) return SKIPPED_DIRS.includes(e.name) ? [] : sources(rel);
        return /\.[cm]?[jt]s$/.test(e.name) && !e.name.endsWith(".d.ts") ? [rel] : [];
    });
}

/** Module specifiers of imports, re-exports, `import x = require()`, `require()`, `import()` and `import("x").T`. */
function specifiersIn(text: string): string[] {
    const file = ts.createSourceFile("source.ts", text, ts.ScriptTarget.Latest, false);
    const found: string[] = [];
    const literal = (n: ts.Node | undefined) => {
        if (n && ts.isStringLiteralLike(n)) found.push(n.text);
    };
    const visit = (n: ts.Node): void => {
        if (ts.isImportDeclaration(n) || ts.isExportDeclaration(n)) literal(n.moduleSpecifier);
        else if (ts.isExternalModuleReference(n)) literal(n.expression);
        else if (ts.isImportTypeNode(n) && ts.isLiteralTypeNode(n.argument)) literal(n.argument.literal);
        else if (
            ts.isCallExpression(n) &&
            (n.expression.kind === ts.SyntaxKind.ImportKeyword ||
                (ts.isIdentifier(n.expression) && n.expression.text === "require"))
        )
            literal(n.arguments[0]);
        ts.forEachChild(n, visit);
    };
    visit(file);
    return found;
}

const parsed = new Map<string, string[]>();
/** Each file is parsed once for all the checks below. */
function specifiers(rel: string): string[] {
    if (!parsed.has(rel)) parsed.set(rel, specifiersIn(fs.readFileSync(path.join(PROJECT_ROOT, rel), "utf8")));
    return parsed.get(rel)!;
}

const isRelative = (spec: string) => spec.startsWith("./") || spec.startsWith("../");
const isBuiltin = (spec: string) => spec.startsWith("node:") || builtinModules.includes(spec.split("/")[0]);

/** The npm package a bare specifier names (`@scope/name/sub/path` → `@scope/name`). */
const packageOf = (spec: string) =>
    spec
        .split("/")
        .slice(0, spec.startsWith("@") ? 2 : 1)
        .join("/");

/** Packages a source imports (node built-ins left out). */
const packagesOf = (rel: string) =>
    specifiers(rel)
        .filter((s) => !isRelative(s) && !isBuiltin(s))
        .map(packageOf);

/** The repository file a relative specifier resolves to, as Node/TypeScript resolve it. */
function resolveRelative(from: string, spec: string): string {
    const base = path.posix.normalize(path.posix.join(path.posix.dirname(from), spec));
    const candidates = [base, `${base}.ts`, `${base}/index.ts`, base.replace(/\.js$/, ".ts")];
    const file = candidates.find((c) => fs.statSync(path.join(PROJECT_ROOT, c), { throwIfNoEntry: false })?.isFile());
    assert.ok(file, `${from}: cannot resolve ${spec}`);
    return file;
}

/** The sources reachable from `roots` through relative imports: what tsc emits for them or esbuild bundles. */
function closure(roots: readonly string[]): string[] {
    const seen = new Set<string>();
    const stack = [...roots];
    while (stack.length) {
        const rel = stack.pop()!;
        if (seen.has(rel)) continue;
        seen.add(rel);
        if (rel.endsWith(".ts"))
            stack.push(
                ...specifiers(rel)
                    .filter(isRelative)
                    .map((s) => resolveRelative(rel, s)),
            );
    }
    return [...seen].sort();
}

/** Which packages of `files` are missing from `declared`, as "package (file)". */
function missing(files: readonly string[], declared: Record<string, string>): string[] {
    return files.flatMap((f) =>
        packagesOf(f)
            .filter((p) => !(p in declared))
            .map((p) => `${p} (${f})`),
    );
}

/** The library as tsconfig.build.json compiles it to dist/: its include folders, spec files left out. */
const LIBRARY_FOLDERS: readonly string[] = JSON.parse(
    fs.readFileSync(path.join(PROJECT_ROOT, "tsconfig.build.json"), "utf8"),
).include.map((glob: string) => glob.replace(/\/\*\*\/\*\.ts$/, ""));
const library = () =>
    closure(LIBRARY_FOLDERS.flatMap((dir) => sources(dir)).filter((f) => f.endsWith(".ts") && !f.endsWith(".spec.ts")));

/** Where the installed copy of `name` is found from `dir`, as Node's resolution walks up node_modules. */
function installedVersion(dir: string, name: string): string | undefined {
    for (let d = path.join(PROJECT_ROOT, dir); ; d = path.dirname(d)) {
        const file = path.join(d, "node_modules", name, "package.json");
        // @pulumi/policy 1.21.0 writes its own version as "v1.21.0".
        if (fs.existsSync(file)) return JSON.parse(fs.readFileSync(file, "utf8")).version.replace(/^v/, "");
        if (path.relative(PROJECT_ROOT, d) === "") return undefined;
    }
}

describe("dependencies", () => {
    it("declares every imported package in the package.json that owns the importing file", () => {
        const undeclared = sources().flatMap((f) => {
            const m = ownerOf(f);
            return missing([f], { ...m.dependencies, ...m.devDependencies }).map((p) => `${m.dir}/package.json: ${p}`);
        });
        assert.deepStrictEqual(undeclared, []);
    });

    it("ships only the library's folders in dist/: no app, tool or test code is reachable from them", () => {
        const LIBRARY = library();
        const outside = LIBRARY.filter((f) => !LIBRARY_FOLDERS.some((dir) => f.startsWith(`${dir}/`)));
        assert.deepStrictEqual(outside, []);
        assert.ok(LIBRARY.includes("components/handlers/logicAppDefinition.ts"), "the Logic App body is library code");
    });

    it("runs the library, the Function App and the policy pack on their `dependencies` alone", () => {
        // The Functions worker injects @azure/functions-core; esbuild leaves it out of the bundle
        // (functions/scripts/build.ts), so it is never installed.
        const functionApp = closure(["functions/src/app.ts"]);
        const LIBRARY = library();
        assert.deepStrictEqual(
            [
                ...missing(LIBRARY, ROOT.dependencies),
                ...missing(functionApp, manifest("functions").dependencies),
                ...missing(closure(["policy/index.ts"]), manifest("policy").dependencies),
            ],
            [],
        );
        assert.deepStrictEqual(
            functionApp.filter((f) => !f.startsWith("functions/src/")),
            ["components/handlers/functionContract.ts"],
            "the app takes from the library only the contract it shares with the component",
        );
    });

    it("keeps tool-only packages out of the library's runtime dependencies", () => {
        const used = new Set(library().flatMap(packagesOf));
        assert.deepStrictEqual(
            Object.keys(ROOT.dependencies).filter((p) => !used.has(p)),
            [],
        );
    });

    it("pins exact versions, the installed ones, the same in every package.json", () => {
        const problems: string[] = [];
        const seen = new Map<string, string>();
        for (const m of MANIFESTS) {
            for (const [name, version] of Object.entries({ ...m.dependencies, ...m.devDependencies })) {
                if (version.startsWith("file:")) continue; // the example installs the packed library
                const at = `${m.dir}/package.json ${name}@${version}`;
                if (!/^\d+\.\d+\.\d+(-[\w.]+)?$/.test(version)) problems.push(`${at} is not an exact version`);
                const installed = installedVersion(m.dir, name);
                if (installed !== undefined && installed !== version) problems.push(`${at}: ${installed} installed`);
                if (seen.has(name) && seen.get(name) !== version) problems.push(`${at}: ${seen.get(name)} elsewhere`);
                seen.set(name, version);
            }
        }
        assert.deepStrictEqual(problems, []);
    });

    it("finds every import form, and names the package of a bare specifier", () => {
        const text = [
            'import * as web from "@pulumi/azure-native/web";',
            'import type { A } from "a-types";',
            'export { b } from "b";',
            'import c = require("c");',
            'const d = require("d");',
            'const e = await import("e");',
            'let f: import("f").F;',
            'import "./local";',
            'config.require("notAPackage");',
            'const g = `require("inATemplate")`;',
        ].join("\n");
        assert.deepStrictEqual(specifiersIn(text), [
            "@pulumi/azure-native/web",
            "a-types",
            "b",
            "c",
            "d",
            "e",
            "f",
            "./local",
        ]);
        assert.deepStrictEqual(
            ["@pulumi/azure-native/web", "zod/v4", "node:fs", "fs/promises", "./a"].map((s) =>
                isRelative(s) || isBuiltin(s) ? null : packageOf(s),
            ),
            ["@pulumi/azure-native", "zod", null, null, null],
        );
    });
});
