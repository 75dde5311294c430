/**
 * Smoke test of harness/pulumiInternals.ts and components/pulumiInternals.ts: one check per SDK internal we rely on.
 * When one fails after an SDK upgrade, its title names what to recheck in the new @pulumi/pulumi or @pulumi/policy.
 */
import * as assert from "node:assert";
import * as fs from "node:fs";
import * as os from "node:os";
import * as path from "node:path";
import * as pulumi from "@pulumi/pulumi";
import { ResourceValidationPolicy, StackValidationPolicy } from "@pulumi/policy";
import { configKeyIsSecret } from "../../components/pulumiInternals";
import { evictModulesUnder, policyAnalyzer, processGlobal } from "../../harness/pulumiInternals";
import { rawStructsOf, runProgram } from "../../harness/runProgram";
import "../support/contractCheck";

class Thing extends pulumi.CustomResource {
    constructor(name: string, props: pulumi.Inputs, opts?: pulumi.CustomResourceOptions) {
        super("test:index:Thing", name, props, opts);
    }
}

class Box extends pulumi.ComponentResource {
    constructor(name: string, opts?: pulumi.ComponentResourceOptions) {
        super("test:index:Box", name, {}, opts);
        const first = new Thing(`${name}-first`, { size: 1, key: pulumi.secret("k") }, { parent: this });
        // Registered only once `first` has an id: runInPulumiStack returns before this happens.
        first.id.apply((id) => new Thing(`${name}-late`, { after: id }, { parent: this, dependsOn: [first] }));
        this.registerOutputs({ size: 1, token: pulumi.secret("t") });
    }
}

const mocks: pulumi.runtime.Mocks = {
    newResource: (args) => ({ id: `${args.name}-id`, state: args.inputs }),
    call: (args) => args.inputs,
};

describe("Pulumi internals (recheck these on an SDK upgrade)", () => {
    let graph: Awaited<ReturnType<typeof runProgram>>;
    before(async () => {
        graph = await runProgram({ project: "internals", stack: "smoke", program: () => new Box("b"), mocks });
    });

    it("1. runtime.waitForRPCs (runtime/settings.js): waits for resources registered inside apply", () => {
        assert.deepStrictEqual(
            graph.resources
                .filter((r) => r.type === "test:index:Thing")
                .map((r) => r.name)
                .sort(),
            ["b-first", "b-late"],
        );
    });

    it("2. the mock monitor's registerResource and RegisterResourceRequest/Response getters (resource_pb)", () => {
        const late = graph.resources.find((r) => r.name === "b-late")!;
        const first = graph.resources.find((r) => r.name === "b-first")!;
        const box = graph.resources.find((r) => r.type === "test:index:Box")!;
        assert.strictEqual(late.parent, box.urn);
        assert.ok(late.dependencies.includes(first.urn));
        assert.deepStrictEqual(late.inputs, { after: "b-first-id" });
        assert.strictEqual(first.id, "b-first-id");
        assert.deepStrictEqual(first.secretPaths, ["key"]);
        assert.ok(rawStructsOf(first)?.inputs?.toJavaScript, "the request's protobuf Struct is kept");
    });

    it("2. the mock monitor's registerResourceOutputs: component outputs, secrets marked", () => {
        const box = graph.resources.find((r) => r.type === "test:index:Box")!;
        assert.deepStrictEqual(box.componentOutputs, { size: 1, token: "t" });
        assert.deepStrictEqual(box.componentOutputSecretPaths, ["token"]);
    });

    it("3. @pulumi/policy/server makeAnalyzeRpcFun / makeAnalyzeStackRpcFun with analyzer_pb messages", async () => {
        const perResource: ResourceValidationPolicy = {
            name: "thing-small",
            description: "Things are small.",
            enforcementLevel: "mandatory",
            validateResource: (args, report) => {
                if (args.type === "test:index:Thing" && args.props.size === 1) report("size is 1");
            },
        };
        const perStack: StackValidationPolicy = {
            name: "two-things",
            description: "At most one thing.",
            enforcementLevel: "advisory",
            validateStack: (args, report) => {
                if (args.resources.filter((r) => r.type === "test:index:Thing").length > 1) report("two things");
            },
        };
        const analyzer = policyAnalyzer("smoke", "0.0.1", [perResource, perStack]);
        const asAnalyzed = (name: string, which: "inputs" | "outputs") => {
            const r = graph.resources.find((x) => x.name === name)!;
            return { ...r, properties: rawStructsOf(r)![which] };
        };
        const resourcePass = await analyzer.analyze(asAnalyzed("b-first", "inputs"));
        assert.deepStrictEqual(
            resourcePass.map((d) => [d.policyName, d.enforcementLevel, d.message.endsWith("size is 1")]),
            [["thing-small", 1, true]],
        );
        const stackPass = await analyzer.analyzeStack(["b-first", "b-late"].map((n) => asAnalyzed(n, "outputs")));
        assert.deepStrictEqual(
            stackPass.map((d) => [d.policyName, d.enforcementLevel, d.message.endsWith("two things")]),
            [["two-things", 0, true]],
        );
    });

    it("4. require.cache eviction reloads our modules, never node_modules; globalThis state survives", () => {
        const dir = fs.mkdtempSync(path.join(os.tmpdir(), "internals-"));
        try {
            fs.mkdirSync(path.join(dir, "node_modules"));
            const counter = processGlobal("test/pulumiInternals/loads", () => ({ own: 0, dep: 0 }));
            fs.writeFileSync(
                path.join(dir, "own.js"),
                "globalThis[Symbol.for('acs-event-handling/test/pulumiInternals/loads')].own++;",
            );
            fs.writeFileSync(
                path.join(dir, "node_modules", "dep.js"),
                "globalThis[Symbol.for('acs-event-handling/test/pulumiInternals/loads')].dep++;",
            );
            for (let i = 0; i < 2; i++) {
                require(path.join(dir, "own.js"));
                require(path.join(dir, "node_modules", "dep.js"));
                evictModulesUnder(dir);
            }
            assert.deepStrictEqual(counter, { own: 2, dep: 1 });
            assert.strictEqual(
                processGlobal("test/pulumiInternals/loads", () => ({ own: -1, dep: -1 })),
                counter,
            );
        } finally {
            for (const key of Object.keys(require.cache)) if (key.startsWith(dir)) delete require.cache[key];
            fs.rmSync(dir, { recursive: true, force: true });
        }
    });

    it("2. a recorded Struct converts to JS once, for the recorder and every policy that reads it", () => {
        const inputs = rawStructsOf(graph.resources.find((r) => r.name === "b-first")!)!.inputs;
        assert.strictEqual(inputs.toJavaScript(), inputs.toJavaScript());
        assert.deepStrictEqual(Object.keys(inputs.toJavaScript()).sort(), ["key", "size"]);
    });

    it("5. Resource.callsites (resource.js, private): replaced during mock runs, the graph unchanged", () => {
        const callsites = (pulumi.Resource as unknown as { callsites(): unknown[] }).callsites;
        assert.deepStrictEqual(callsites(), [], "no stack captured per resource");
        assert.deepStrictEqual(graph.resources.find((r) => r.name === "b-first")?.inputs, { size: 1, key: "k" });
    });

    it("5. API-version aliases lose their parent (a stack transformation), a program's own alias stays", async () => {
        const seen: unknown[] = [];
        const program = () => {
            // Registered after the harness's: sees the aliases as the harness left them.
            pulumi.runtime.registerStackTransformation(({ name, opts }) => {
                if (name === "aliased") seen.push(opts.aliases);
                return undefined;
            });
            const version = { type: "azure-native:eventgrid/v20200401preview:SystemTopic" };
            new Thing("aliased", {}, { aliases: [version, { name: "old-name" }] });
        };
        const g = await runProgram({ project: "internals", stack: "aliases", program, mocks });
        assert.deepStrictEqual(seen, [
            [{ type: "azure-native:eventgrid/v20200401preview:SystemTopic", parent: undefined }, { name: "old-name" }],
        ]);
        assert.ok(g.resources.some((r) => r.name === "aliased"));
    });

    it("6. runtime.isConfigSecret (runtime/config.js, internal): components/pulumiInternals.ts", async () => {
        const keys = ["internals:token", "internals:region"];
        let secret: boolean[] = [];
        await runProgram({
            project: "internals",
            stack: "smoke",
            mocks,
            config: { "internals:token": "s3cret", "internals:region": "westeurope" },
            secretKeys: ["internals:token"],
            program: () => {
                secret = keys.map(configKeyIsSecret);
            },
        });
        assert.deepStrictEqual(secret, [true, false], "the program learns which of its config values are secret");
    });
});
