import * as assert from "node:assert";
import * as fs from "node:fs";
import * as path from "node:path";
import * as pulumi from "@pulumi/pulumi";
import {
    ComponentProvider,
    ComponentResourceConstructor,
    getPulumiComponents,
} from "@pulumi/pulumi/provider/experimental/provider";
import * as library from "../../components";
import { runProgram } from "../../harness/runProgram";
import { PROJECT_ROOT } from "../../harness/runStack";
import "../support/contractCheck";

/**
 * The multi-language package as `pulumi package add` would see it (PulumiPlugin.yaml, runtime nodejs): Pulumi's
 * own schema inference, run in-process on the components (https://www.pulumi.com/docs/iac/concepts/components/), then
 * checked and compared with a committed snapshot so any change to what other languages get is a reviewed change.
 *
 * Update the snapshot after an intended change: UPDATE_SNAPSHOTS=1 npx mocha test/package/schema.spec.ts
 */
const SNAPSHOT = path.join(__dirname, "__snapshots__", "schema.json");
const rootPackage = JSON.parse(fs.readFileSync(path.join(PROJECT_ROOT, "package.json"), "utf8"));
/** As the plugin host derives it: package name without scope, other characters → "-". */
const PACKAGE = rootPackage.name.replace(/^@[^/]+\//, "").replace(/[^-a-zA-Z0-9_]/g, "-");
const ENUMS: Record<string, Record<string, string>> = {
    HandlerKind: library.HandlerKind,
    EndpointType: library.EndpointType,
    DeliverySchema: library.DeliverySchema,
    DeliveryHeaderKind: library.DeliveryHeaderKind,
};
const WEBHOOK_URL = "https://hooks.example.com/api/acs?code=secret-key";

type Schema = {
    name: string;
    version: string;
    resources: Record<string, any>;
    types: Record<string, any>;
    dependencies: unknown[];
};

const token = (cls: string) => `${PACKAGE}:index:${cls}`;

/** Every `class X extends pulumi.ComponentResource` in components/ with the token its constructor passes to super(). */
function declaredTokens(): Map<string, string> {
    const out = new Map<string, string>();
    const walk = (dir: string): string[] =>
        fs
            .readdirSync(dir, { withFileTypes: true })
            .flatMap((e) =>
                e.isDirectory() ? walk(path.join(dir, e.name)) : e.name.endsWith(".ts") ? [path.join(dir, e.name)] : [],
            );
    for (const file of walk(path.join(PROJECT_ROOT, "components"))) {
        const src = fs.readFileSync(file, "utf8");
        for (const m of src.matchAll(/class (\w+) extends pulumi\.ComponentResource[\s\S]*?super\("([^"]+)"/g))
            out.set(m[1], m[2]);
    }
    return out;
}

/** Compare with the snapshot per resource and type, so a failure names what changed instead of dumping JSON. */
function driftFrom(snapshot: Schema, schema: Schema): string[] {
    const out: string[] = [];
    for (const section of ["resources", "types"] as const) {
        const keys = new Set([...Object.keys(snapshot[section]), ...Object.keys(schema[section])]);
        for (const k of keys) {
            if (JSON.stringify(snapshot[section][k]) !== JSON.stringify(schema[section][k])) {
                out.push(
                    `${section} ${k}: ` +
                        `${!(k in schema[section]) ? "removed" : !(k in snapshot[section]) ? "added" : "changed"}`,
                );
            }
        }
    }
    for (const k of ["name", "version", "description", "dependencies", "language"] as const) {
        if (JSON.stringify((snapshot as any)[k]) !== JSON.stringify((schema as any)[k])) out.push(`${k} changed`);
    }
    return out;
}

describe("multi-language package schema (Pulumi schema inference)", function () {
    // The analyzer type-checks the whole tsconfig.json program: ~5 s alone, ~20 s on a busy machine.
    this.timeout(120_000);
    let components: ComponentResourceConstructor[];
    let provider: ComponentProvider;
    let schema: Schema;

    before(async () => {
        components = getPulumiComponents(library);
        provider = new ComponentProvider({ components, dirname: PROJECT_ROOT, name: PACKAGE });
        // Throws on anything other languages cannot express: unions, intersections, aliases as args, functions.
        schema = JSON.parse(await provider.getSchema());
    });

    it("covers every exported component, under the name package.json gives the package", () => {
        assert.strictEqual(PACKAGE, "acs-event-handling");
        assert.strictEqual(schema.name, PACKAGE);
        assert.deepStrictEqual(Object.keys(schema.resources).sort(), components.map((c) => token(c.name)).sort());
        assert.ok(components.length >= 7, components.map((c) => c.name).join(", "));
    });

    it(
        "registers each component with exactly the token the schema gives it (others cannot construct it " +
            "otherwise)",
        () => {
            const declared = declaredTokens();
            for (const c of components)
                assert.strictEqual(declared.get(c.name), token(c.name), `super() token of ${c.name}`);
        },
    );

    it("turns the TypeScript enums into schema enum types and references them", () => {
        for (const [name, values] of Object.entries(ENUMS)) {
            const t = schema.types[token(name)];
            assert.ok(t?.enum, `${name} is a schema enum`);
            assert.deepStrictEqual(t.enum.map((e: any) => e.value).sort(), Object.values(values).sort());
        }
        assert.strictEqual(
            schema.types[token("AcsHandlerArgs")].properties.kind.$ref,
            `#/types/${token("HandlerKind")}`,
        );
        assert.strictEqual(
            schema.types[token("RouteDeliveryArgs")].properties.schema.$ref,
            `#/types/${token("DeliverySchema")}`,
        );
    });

    it("describes every component input and every field of the arg types (from JSDoc)", () => {
        const missing: string[] = [];
        for (const [tok, r] of Object.entries(schema.resources)) {
            for (const [p, def] of Object.entries<any>(r.inputProperties))
                if (!def.description) missing.push(`${tok}.${p}`);
        }
        for (const [tok, t] of Object.entries(schema.types)) {
            for (const [p, def] of Object.entries<any>(t.properties ?? {}))
                if (!def.description) missing.push(`${tok}.${p}`);
        }
        assert.deepStrictEqual(missing, []);
    });

    it("lets callers pass Outputs where the component only forwards values, plain values where it branches", () => {
        const monitoring = schema.resources[token("Monitoring")].inputProperties;
        for (const p of ["subscriptionNames", "subscribedEventTypes", "alertEmails", "systemTopicId"])
            assert.ok(!monitoring[p].plain, `Monitoring.${p}`);
        assert.ok(!schema.types[token("RouteFilterArgs")].properties.eventTypes.plain);
        assert.strictEqual(
            schema.types[token("AcsHandlerArgs")].properties.kind.plain,
            true,
            "kind selects the block in the constructor",
        );
        assert.deepStrictEqual(schema.resources[token("Monitoring")].requiredInputs, [
            "location",
            "resourceGroupName",
            "subscriptionNames",
            "systemTopicId",
        ]);
    });

    it("publishes only real outputs: no TypeScript-only wiring, no dependency on azure-native's schema", () => {
        assert.deepStrictEqual(Object.keys(schema.resources[token("HandlerTarget")].properties).sort(), [
            "endpointType",
            "endpointUrl",
            "resourceId",
        ]);
        assert.deepStrictEqual(Object.keys(schema.resources[token("DeadLetterStore")].properties).sort(), [
            "accountId",
            "containerName",
        ]);
        assert.ok(!("topic" in schema.resources[token("AcsSystemTopic")].properties));
        assert.deepStrictEqual(Object.keys(schema.resources[token("Monitoring")].properties).sort(), [
            "acsLogCategories",
            "actionGroupId",
            "alertRuleIds",
            "workspaceId",
        ]);
        assert.deepStrictEqual(schema.dependencies, []);
    });

    it("returns webhook URLs as secrets when another language constructs the components", async () => {
        // The inferred schema cannot mark outputs secret (3.248 has no such annotation), so check the values the
        // provider's construct returns: they cross to the other language with their secret flag.
        const states: Record<string, any> = {};
        await runProgram({
            project: PACKAGE,
            stack: "schema",
            program: async () => {
                states.target = (
                    await provider.construct(
                        "hook",
                        token("HandlerTarget"),
                        {
                            kind: "webhook",
                            resourceGroupName: "rg",
                            location: "westeurope",
                            webhook: { url: WEBHOOK_URL },
                        },
                        {},
                    )
                ).state;
                states.events = (
                    await provider.construct(
                        "events",
                        token("AcsEventHandling"),
                        {
                            resourceGroupName: "rg",
                            location: "westeurope",
                            communication: {
                                existingId:
                                    "/subscriptions/00000000-0000-0000-0000-000000000000/resourceGroups" +
                                    "/rg/providers/Microsoft.Communication/communicationServices/acs",
                            },
                            deadLetter: { enabled: false },
                            handlers: { hook: { kind: "webhook", webhook: { url: WEBHOOK_URL } } },
                            subscriptions: {
                                "sms-in": {
                                    handler: "hook",
                                    filter: { eventTypes: ["Microsoft.Communication.SMSReceived"] },
                                    deadLetter: false,
                                },
                            },
                        },
                        {},
                    )
                ).state;
            },
        });
        assert.strictEqual(await pulumi.isSecret(states.target.endpointUrl), true, "HandlerTarget.endpointUrl");
        assert.strictEqual(
            await pulumi.isSecret(states.events.handlerEndpoints),
            true,
            "AcsEventHandling.handlerEndpoints",
        );
        assert.strictEqual(
            await pulumi.isSecret(states.target.endpointType),
            false,
            "non-secret outputs stay readable",
        );
    });

    it("matches the committed snapshot (update: UPDATE_SNAPSHOTS=1 npx mocha test/package/schema.spec.ts)", () => {
        if (process.env.UPDATE_SNAPSHOTS === "1" || !fs.existsSync(SNAPSHOT)) {
            fs.mkdirSync(path.dirname(SNAPSHOT), { recursive: true });
            fs.writeFileSync(SNAPSHOT, `${JSON.stringify(schema, null, 2)}\n`);
            if (process.env.UPDATE_SNAPSHOTS !== "1")
                assert.fail(`no snapshot yet: wrote ${path.relative(PROJECT_ROOT, SNAPSHOT)}; review and commit it`);
            return;
        }
        const drift = driftFrom(JSON.parse(fs.readFileSync(SNAPSHOT, "utf8")), schema);
        assert.deepStrictEqual(
            drift,
            [],
            "the schema other languages get changed; if intended, update the snapshot and review the diff",
        );
    });
});
