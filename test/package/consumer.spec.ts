import * as assert from "node:assert";
import { execFileSync } from "node:child_process";
import { createHash } from "node:crypto";
import * as fs from "node:fs";
import { createRequire } from "node:module";
import * as yaml from "js-yaml";
import * as os from "node:os";
import * as path from "node:path";
import { getPulumiComponents } from "@pulumi/pulumi/provider/experimental/provider";
import { Graph, GraphResource, ofType } from "../../harness/graph";
import { runProgram } from "../../harness/runProgram";
import { PROJECT_ROOT } from "../../harness/runStack";
import { flattenConfig, readProject } from "../../harness/stackConfig";
import "../support/contractCheck";

/**
 * The library as another stack gets it: `npm run build`, `npm pack`, install the tarball into a copy of
 * examples/consumer, type-check the consumer against the packed declarations, and run it under the mocks.
 *
 * Build and pack happen in a staging copy (this package.json + README, `npm run build -- --outDir` into it):
 * test runs share the working tree, and rebuilding the repository's own dist/ under a concurrent run (or the
 * Pulumi program it falls back to when dist/ is missing) made them flaky. The build itself is cached under
 * node_modules/.cache, keyed by a hash of the sources and settings it reads (cachedBuild).
 *
 * Install: the consumer's Pulumi packages (and typescript) are symlinked to this repository's node_modules
 * before `npm install`, which then treats them as present and adds only the tarball and its small pure-JS
 * dependencies (from the npm cache, or the registry on a cold machine). Symlinks resolve to the same
 * @pulumi/pulumi module instance the test's mocks are installed on; a second copy would ignore the mocks
 * (package.json pins). About 20–30 s, most of it tsc (about 10 s less with the build cached).
 */
const NPM = process.platform === "win32" ? "npm.cmd" : "npm";
const EXAMPLE = path.join(PROJECT_ROOT, "examples", "consumer");
const LINKED = ["@pulumi/pulumi", "@pulumi/azure-native", "typescript"];
/** The folders tsconfig.build.json compiles into dist/. */
const LIBRARY = ["components", "catalog", "config", "validation"];
/** Results that depend only on hashed inputs (cachedBuild, typeCheckKey). */
const CACHE = path.join(PROJECT_ROOT, "node_modules", ".cache", "acs-event-handling");
const rootPackage = JSON.parse(fs.readFileSync(path.join(PROJECT_ROOT, "package.json"), "utf8"));
const examplePackage = JSON.parse(fs.readFileSync(path.join(EXAMPLE, "package.json"), "utf8"));

function npm(args: string[], cwd: string): string {
    return execFileSync(NPM, args, { cwd, encoding: "utf8", stdio: ["ignore", "pipe", "pipe"] });
}

/** A package root with this package.json and README, built by the real build script. */
function stage(dir: string): void {
    for (const f of ["package.json", "README.md"]) fs.copyFileSync(path.join(PROJECT_ROOT, f), path.join(dir, f));
    // Dependencies of the built code resolve as in the repository (and to the same @pulumi/pulumi instance).
    fs.symlinkSync(path.join(PROJECT_ROOT, "node_modules"), path.join(dir, "node_modules"), "dir");
    fs.cpSync(cachedBuild(), path.join(dir, "dist"), { recursive: true });
}

/** Everything the library build reads: its sources, the tsconfigs and the locked dependency versions. */
function buildKey(): string {
    const hash = createHash("sha256");
    const files = ["tsconfig.json", "tsconfig.build.json", "package.json", "package-lock.json"];
    for (const dir of LIBRARY) {
        for (const f of fs.readdirSync(path.join(PROJECT_ROOT, dir), { recursive: true, encoding: "utf8" }))
            files.push(path.join(dir, f));
    }
    for (const f of files.sort()) {
        const abs = path.join(PROJECT_ROOT, f);
        if (fs.statSync(abs).isFile()) hash.update(`${f}\0`).update(fs.readFileSync(abs)).update("\0");
    }
    return hash.digest("hex").slice(0, 16);
}

/**
 * `npm run build` output for the current sources, built once per change (tsc's output depends only on what
 * buildKey hashes): the build is the costliest step of this spec, and most runs test unchanged sources.
 * Built into a temporary name and renamed, so a concurrent run never copies a half-written build.
 */
function cachedBuild(): string {
    const built = path.join(CACHE, `library-build-${buildKey()}`);
    if (fs.existsSync(built)) return built;
    const partial = `${built}.${process.pid}.partial`;
    npm(["run", "build", "--", "--outDir", partial], PROJECT_ROOT);
    try {
        fs.renameSync(partial, built);
    } catch (err) {
        if (!fs.existsSync(built)) throw err;
        fs.rmSync(partial, { recursive: true, force: true }); // a concurrent run finished the same build first
    }
    // Builds of earlier sources are never read again: keep the cache at one build.
    for (const old of fs.readdirSync(CACHE).filter((n) => /^library-build-[0-9a-f]{16}$/.test(n)))
        if (path.join(CACHE, old) !== built) fs.rmSync(path.join(CACHE, old), { recursive: true, force: true });
    return built;
}

/** Pack the staged package into `dest`; returns the tarball path and its file list. */
function pack(dir: string, dest: string): { tarball: string; files: string[] } {
    // Scripts off: the build already ran, and "prepare" would build a second time.
    const [info] = JSON.parse(npm(["pack", "--json", "--ignore-scripts", "--pack-destination", dest], dir));
    return { tarball: path.join(dest, info.filename), files: info.files.map((f: { path: string }) => f.path) };
}

/** Copy the example, point it at the tarball, link the heavy dependencies, install the rest. */
function installConsumer(dir: string, tarball: string): void {
    for (const f of ["index.ts", "tsconfig.json", "Pulumi.yaml", "Pulumi.example.yaml"])
        fs.copyFileSync(path.join(EXAMPLE, f), path.join(dir, f));
    const pkg = {
        ...examplePackage,
        dependencies: { ...examplePackage.dependencies, "acs-event-handling": `file:${tarball}` },
    };
    fs.writeFileSync(path.join(dir, "package.json"), JSON.stringify(pkg, null, 2));
    for (const dep of LINKED) {
        const link = path.join(dir, "node_modules", dep);
        fs.mkdirSync(path.dirname(link), { recursive: true });
        fs.symlinkSync(path.join(PROJECT_ROOT, "node_modules", dep), link, "dir");
    }
    npm(
        [
            "install",
            "--no-save",
            "--no-package-lock",
            "--ignore-scripts",
            "--prefer-offline",
            "--no-audit",
            "--no-fund",
        ],
        dir,
    );
}

/** name@version of every package installed in a node_modules folder (scoped ones included). */
function installedVersions(nodeModules: string): string[] {
    const names = fs
        .readdirSync(nodeModules)
        .filter((n) => !n.startsWith("."))
        .flatMap((n) => (n.startsWith("@") ? fs.readdirSync(path.join(nodeModules, n)).map((m) => `${n}/${m}`) : [n]));
    return names.sort().map((n) => {
        const manifest = path.join(nodeModules, n, "package.json");
        return `${n}@${fs.existsSync(manifest) ? JSON.parse(fs.readFileSync(manifest, "utf8")).version : "?"}`;
    });
}

/**
 * Everything the consumer's tsc reads: the packed files (as staged; the tarball's bytes vary from pack to pack),
 * the consumer's own files, and the exact versions installed for it (typescript and @pulumi included).
 */
function typeCheckKey(dir: string, staged: string, packed: string[]): string {
    const hash = createHash("sha256");
    for (const f of [...packed].sort()) hash.update(`${f}\0`).update(fs.readFileSync(path.join(staged, f)));
    // The example's package.json: the copy in `dir` names the tarball by its temporary path.
    for (const f of ["index.ts", "tsconfig.json", "package.json"]) hash.update(fs.readFileSync(path.join(EXAMPLE, f)));
    hash.update(installedVersions(path.join(dir, "node_modules")).join("\n"));
    return hash.digest("hex").slice(0, 16);
}

function runConsumer(dir: string): Promise<Graph> {
    const project = readProject(dir);
    const doc = yaml.load(fs.readFileSync(path.join(dir, "Pulumi.example.yaml"), "utf8")) as {
        config: Record<string, unknown>;
    };
    const { config } = flattenConfig(project.name, doc.config);
    return runProgram({
        project: project.name,
        stack: "example",
        config,
        program: () => require(path.join(dir, project.main)),
    });
}

function one(g: Graph, type: string): GraphResource {
    const found = ofType(g, type);
    assert.strictEqual(found.length, 1, `expected one ${type}, found ${found.length}`);
    return found[0];
}

describe("the packed library in another stack (examples/consumer)", function () {
    this.timeout(120_000);
    let tmp: string;
    let staged: string;
    let consumer: string;
    let files: string[];
    let g: Graph;
    const acsId = (yaml.load(fs.readFileSync(path.join(EXAMPLE, "Pulumi.example.yaml"), "utf8")) as any).config[
        "acs-events-consumer:acsId"
    ];

    before(() => {
        tmp = fs.mkdtempSync(path.join(os.tmpdir(), "acs-consumer-"));
        staged = path.join(tmp, "package");
        consumer = path.join(tmp, "consumer");
        fs.mkdirSync(staged);
        fs.mkdirSync(consumer);
        stage(staged);
        const packed = pack(staged, tmp);
        files = packed.files;
        installConsumer(consumer, packed.tarball);
    });
    after(() => {
        if (tmp) fs.rmSync(tmp, { recursive: true, force: true });
    });

    it("the example depends on this version's tarball and on the same Pulumi versions as the library", () => {
        assert.strictEqual(
            examplePackage.dependencies["acs-event-handling"],
            `file:../../acs-event-handling-${rootPackage.version}.tgz`,
        );
        for (const dep of ["@pulumi/pulumi", "@pulumi/azure-native"])
            assert.strictEqual(examplePackage.dependencies[dep], rootPackage.dependencies[dep], dep);
        assert.strictEqual(
            rootPackage.private,
            true,
            "kept private so nobody publishes it to the public registry by accident",
        );
    });

    it("packs the compiled library with declarations and nothing else", () => {
        for (const entry of ["components", "catalog", "config"]) {
            assert.ok(
                files.includes(`dist/${entry}/index.js`) && files.includes(`dist/${entry}/index.d.ts`),
                `dist/${entry} entry`,
            );
        }
        // dist holds the library's folders only (tsconfig.build.json), compiled: never the Function App's code,
        // the Pulumi program, tests or tools.
        const library = ["components", "catalog", "config", "validation"];
        const stray = files.filter(
            (f) =>
                !["package.json", "README.md"].includes(f) &&
                !library.some((dir) => f.startsWith(`dist/${dir}/`) && /\.(js|d\.ts)$/.test(f)),
        );
        assert.deepStrictEqual(stray, []);
        assert.deepStrictEqual(
            files.filter((f) => /\.spec\.|\/test\/|functions\//.test(f)),
            [],
        );
        assert.ok(files.includes("dist/components/handlers/logicAppDefinition.js"), "the Logic App body ships");
    });

    it("resolves the default function package from the package, not the working directory", () => {
        const built = require(path.join(staged, "dist", "components", "handlers", "functionApp.js"));
        assert.notStrictEqual(process.cwd(), staged);
        assert.strictEqual(built.DEFAULT_PACKAGE_PATH, path.join(staged, "functions", "dist", "package.zip"));
    });

    it("serves every component from package.json main, as the Pulumi plugin host loads it", () => {
        // The host requires the package directory (so package.json "main"), then collects the exported classes.
        const names = getPulumiComponents(require(staged))
            .map((c) => c.name)
            .sort();
        const fromSources = getPulumiComponents(require("../../components"))
            .map((c) => c.name)
            .sort();
        assert.deepStrictEqual(names, fromSources);
        assert.ok(names.includes("AcsEventHandling") && names.includes("Monitoring"), names.join(", "));
    });

    it("type-checks against the packed declarations (including the ./catalog and ./config subpaths)", () => {
        // A pass is recorded under the hash of every input tsc reads: the same inputs type-check the same way.
        const passed = path.join(CACHE, `consumer-typecheck-${typeCheckKey(consumer, staged, files)}`);
        if (fs.existsSync(passed)) return;
        execFileSync(
            process.execPath,
            [path.join(consumer, "node_modules", "typescript", "bin", "tsc"), "-p", "tsconfig.json"],
            { cwd: consumer, stdio: "pipe" },
        );
        fs.mkdirSync(CACHE, { recursive: true });
        fs.writeFileSync(passed, "");
    });

    describe("its graph under the mocks", () => {
        before(async () => {
            g = await runConsumer(consumer);
        });

        it("loads the library from the installed tarball, not from this repository's sources", () => {
            // Resolve as the consumer does (createRequire): require.resolve from here would self-reference this
            // repository's own package name and answer with its dist/.
            const entry = createRequire(path.join(consumer, "index.ts")).resolve("acs-event-handling");
            assert.ok(fs.realpathSync(entry).startsWith(fs.realpathSync(consumer)), entry);
            assert.ok(require.cache[entry], "the consumer run required the packed entry");
        });

        it("references the existing ACS resource and puts its own topic on it", () => {
            assert.deepStrictEqual(
                ofType(g, "azure-native:communication:CommunicationService"),
                [],
                "nothing is created or changed on the other team's ACS",
            );
            const topic = one(g, "azure-native:eventgrid:SystemTopic");
            assert.strictEqual(topic.inputs.source, acsId);
            assert.strictEqual(topic.inputs.systemTopicName, "billing-acs-events");
            const byUrn = new Map(g.resources.map((r) => [r.urn, r]));
            const chain = [topic.parent, byUrn.get(topic.parent!)?.parent].map((u) => byUrn.get(u!)?.type);
            assert.deepStrictEqual(
                chain,
                ["acs-event-handling:index:AcsSystemTopic", "acs-event-handling:index:AcsEventHandling"],
                "the package's component tokens",
            );
        });

        it("routes the one subscription to the Service Bus queue with the topic's identity and the sender role", () => {
            const queue = one(g, "azure-native:servicebus:Queue");
            const sub = one(g, "azure-native:eventgrid:SystemTopicEventSubscription");
            assert.strictEqual(sub.inputs.eventSubscriptionName, "billing-sms");
            assert.deepStrictEqual(sub.inputs.filter.includedEventTypes, [
                "Microsoft.Communication.SMSReceived",
                "Microsoft.Communication.SMSDeliveryReportReceived",
            ]);
            assert.strictEqual(sub.inputs.deliveryWithResourceIdentity.destination.resourceId, queue.id);
            const topic = one(g, "azure-native:eventgrid:SystemTopic");
            const role = ofType(g, "azure-native:authorization:RoleAssignment").find(
                (r) => r.inputs.scope === queue.id,
            );
            assert.strictEqual(role?.inputs.principalId, topic.outputs.identity.principalId);
            assert.ok(
                sub.inputs.deadLetterWithResourceIdentity.deadLetterDestination.resourceId.endsWith(
                    "/stbillingdeadletters",
                ),
            );
        });

        it("monitors it with the package's defaults and the consumer's receivers", () => {
            const acsLogs = ofType(g, "azure-native:monitor:DiagnosticSetting").find(
                (d) => d.inputs.resourceUri === acsId,
            );
            assert.deepStrictEqual(
                acsLogs?.inputs.logs.map((l: any) => l.category),
                ["SMSOperational", "Usage", "AuthOperational"],
            );
            const alerts = ofType(g, "azure-native:monitor:MetricAlert");
            assert.strictEqual(alerts.length, 4);
            const dropped = alerts.find((a) => a.inputs.criteria.allOf[0].metricName === "DroppedEventCount");
            assert.deepStrictEqual(
                dropped?.inputs.criteria.allOf[0].dimensions[0].values,
                ["*"],
                "every subscription, whatever casing Azure reports",
            );
            assert.ok(
                alerts.every((a) => a.inputs.ruleName.startsWith("billing-acs-") && a.inputs.autoMitigate === true),
            );
            assert.deepStrictEqual(
                one(g, "azure-native:monitor:ActionGroup").inputs.emailReceivers.map((r: any) => r.emailAddress),
                ["billing-ops@example.com"],
            );
        });

        it("exports the topic, the subscription with its handler, and the handler endpoint", () => {
            const out = ofType(g, "pulumi:pulumi:Stack")[0].componentOutputs ?? {};
            const sub = one(g, "azure-native:eventgrid:SystemTopicEventSubscription");
            assert.deepStrictEqual(out.subscriptions, { "billing-sms": { id: sub.id, handler: "billing-bus" } });
            assert.strictEqual(out.handlers["billing-bus"].endpointType, "ServiceBusQueue");
        });
    });
});
