/**
 * Generates catalog/payloads.generated.ts: the `data` key tree of every ACS event type, from Microsoft's
 * machine-readable definitions instead of a hand-written list.
 *
 * 1. The `@azure/eventgrid` npm package (pinned in devDependencies): its `SystemEventNameToEventData` map
 *    (dist/commonjs/predicates.d.ts) names the model of each `Microsoft.Communication.*` type, and the generated
 *    serializer mappers (dist/commonjs/generated/models/mappers.js) give each property's wire name
 *    (`serializedName`), nesting (`Composite`), arrays (`Sequence`), open string maps (`Dictionary`) and
 *    `required` flags. This part needs nothing outside the repository, so CI checks its drift.
 * 2. Where the package lags, the Event Grid data-plane swagger of Azure/azure-rest-api-specs
 *    (specification/eventgrid/data-plane/Microsoft.Communication/stable/2018-01-01/AzureCommunicationServices.json
 *    at commit 31c65e1b80195ae589bc7f4b3d9a0c850c668b3c): keys the swagger defines and the package does not.
 *    Read only when a local copy is given (`--spec DIR`); otherwise the committed additions are kept as they are.
 * 3. A type defined in neither (AdvancedMessageAnalysisCompleted) takes its keys from Microsoft's example event,
 *    committed under samples/events (see samples/events/README.md for its provenance).
 *
 * Usage: tsx scripts/gen-event-payloads.ts [--spec <dir holding swagger/AzureCommunicationServices.json>]
 */
import * as fs from "node:fs";
import * as path from "node:path";

import { reach } from "../catalog/payloads";
import type { KeyType, PayloadKey, TypePayload } from "../catalog/payloadTypes";

const P = "Microsoft.Communication.";
const OUT = path.join(__dirname, "..", "catalog", "payloads.generated.ts");

/** The package names RouterJobWorkerSelectorsExpired without the final "d" (the swagger and ACS use the "d"). */
export const PACKAGE_MISSPELLINGS: Readonly<Record<string, string>> = {
    [`${P}RouterJobWorkerSelectorsExpire`]: `${P}RouterJobWorkerSelectorsExpired`,
};

function packageDir(): string {
    return path.dirname(require.resolve("@azure/eventgrid/package.json"));
}

export function packageVersion(): string {
    return JSON.parse(fs.readFileSync(path.join(packageDir(), "package.json"), "utf8")).version;
}

/** Event type → model class name, from the package's SystemEventNameToEventData interface. */
export function packageEventModels(): Map<string, string> {
    const dts = fs.readFileSync(path.join(packageDir(), "dist", "commonjs", "predicates.d.ts"), "utf8");
    const out = new Map<string, string>();
    for (const m of dts.matchAll(/"(Microsoft\.Communication\.\w+)": (\w+);/g))
        out.set(PACKAGE_MISSPELLINGS[m[1]] ?? m[1], m[2]);
    return out;
}

interface Mapper {
    type: {
        name: string;
        className?: string;
        element?: Mapper;
        value?: Mapper;
        modelProperties?: Record<string, Prop>;
    };
}
interface Prop extends Mapper {
    serializedName: string;
    required?: boolean;
}

function mappers(): Record<string, Mapper> {
    // Not in the package's "exports" map, so resolved by file path; the mappers are what the SDK (de)serializes with.
    return require(path.join(packageDir(), "dist", "commonjs", "generated", "models", "mappers.js"));
}

const SCALAR: Readonly<Record<string, KeyType>> = {
    String: "string",
    Number: "number",
    Boolean: "boolean",
    DateTime: "string",
    Enum: "string",
    any: "any",
};

function walkMapper(
    all: Record<string, Mapper>,
    className: string,
    prefix: string,
    out: PayloadKey[],
    seen: string[],
): void {
    const props = all[className]?.type.modelProperties;
    if (!props) throw new Error(`@azure/eventgrid has no mapper for ${className}`);
    for (const p of Object.values(props)) {
        const key = prefix + p.serializedName;
        const t = p.type;
        if (t.name === "Composite") {
            out.push([key, "object", !!p.required]);
            if (!seen.includes(t.className!)) walkMapper(all, t.className!, `${key}.`, out, [...seen, t.className!]);
        } else if (t.name === "Sequence") {
            out.push([`${key}[]`, "array", !!p.required]);
            const el = t.element!.type;
            if (el.name === "Composite" && !seen.includes(el.className!))
                walkMapper(all, el.className!, `${key}[].`, out, [...seen, el.className!]);
        } else if (t.name === "Dictionary") {
            out.push([`${key}.*`, "map", !!p.required]);
        } else {
            out.push([key, SCALAR[t.name] ?? "any", !!p.required]);
        }
    }
}

/** Part 1: every ACS type the package defines, with its key tree. */
export function fromPackage(): Record<string, TypePayload> {
    const all = mappers();
    const out: Record<string, TypePayload> = {};
    for (const [type, model] of [...packageEventModels()].sort(([a], [b]) => a.localeCompare(b))) {
        const keys: PayloadKey[] = [];
        walkMapper(all, model, "", keys, [model]);
        out[type] = { model, keys };
    }
    return out;
}

/** Part 2: keys the swagger defines that the package lacks, per type (same path notation). */
export function fromSwagger(specDir: string, pkg: Record<string, TypePayload>): Record<string, PayloadKey[]> {
    const swagger = JSON.parse(
        fs.readFileSync(path.join(specDir, "swagger", "AzureCommunicationServices.json"), "utf8"),
    );
    const defs: Record<string, any> = swagger.definitions;
    const identifier = pkg[`${P}IncomingCall`].keys
        .filter(([k]) => k.startsWith("to."))
        .map(([k, t, r]) => [k.slice(3), t, r] as PayloadKey);
    const out: Record<string, PayloadKey[]> = {};
    for (const [name, def] of Object.entries(defs)) {
        const m = /Microsoft\.Communication\.(\w+)/.exec(def.description ?? "");
        if (!m || !name.endsWith("EventData")) continue;
        const keys: PayloadKey[] = [];
        walkSchema(defs, def, "", keys, identifier, [name]);
        const known = new Set((pkg[P + m[1]]?.keys ?? []).map(([k]) => k));
        const extra = keys.filter(([k]) => !known.has(k));
        if (extra.length) out[P + m[1]] = extra;
    }
    return out;
}

function walkSchema(
    defs: Record<string, any>,
    schema: any,
    prefix: string,
    out: PayloadKey[],
    identifier: PayloadKey[],
    seen: string[],
): void {
    const { properties, required } = flatten(defs, schema);
    for (const [prop, raw] of Object.entries<any>(properties)) {
        const key = prefix + prop;
        const req = required.includes(prop);
        const ref: string | undefined = raw.$ref;
        if (ref?.includes("CommunicationIdentifierModel")) {
            out.push([key, "object", req]);
            for (const [k, t, r] of identifier) out.push([`${key}.${k}`, t, r]);
            continue;
        }
        const s = ref ? defs[ref.replace("#/definitions/", "")] : raw;
        if (s.type === "array") {
            out.push([`${key}[]`, "array", req]);
            const itemRef: string = s.items.$ref ?? `${key}[]`;
            const item = s.items.$ref ? defs[itemRef.replace("#/definitions/", "")] : s.items;
            if ((item.properties || item.allOf) && !seen.includes(itemRef))
                walkSchema(defs, item, `${key}[].`, out, identifier, [...seen, itemRef]);
        } else if (s.additionalProperties) {
            out.push([`${key}.*`, "map", req]);
        } else if (s.properties || s.allOf) {
            out.push([key, "object", req]);
            const name = ref ?? key;
            if (!seen.includes(name)) walkSchema(defs, s, `${key}.`, out, identifier, [...seen, name]);
        } else {
            const t: KeyType =
                s.type === "integer" || s.type === "number"
                    ? "number"
                    : s.type === "boolean"
                      ? "boolean"
                      : s.type === "string"
                        ? "string"
                        : "any";
            out.push([key, t, req]);
        }
    }
}

/** A definition's own and inherited (allOf) properties and required names. */
function flatten(defs: Record<string, any>, schema: any): { properties: Record<string, any>; required: string[] } {
    const properties: Record<string, any> = {};
    const required: string[] = [];
    for (const parent of schema.allOf ?? []) {
        const f = flatten(defs, parent.$ref ? defs[parent.$ref.replace("#/definitions/", "")] : parent);
        Object.assign(properties, f.properties);
        required.push(...f.required);
    }
    Object.assign(properties, schema.properties ?? {});
    required.push(...(schema.required ?? []));
    return { properties, required };
}

/** Part 3: a type defined nowhere but in an example event: its data keys, typed by their JSON values. */
export function fromExample(data: Record<string, unknown>): PayloadKey[] {
    const out: PayloadKey[] = [];
    const walk = (obj: Record<string, unknown>, prefix: string) => {
        for (const [k, v] of Object.entries(obj)) {
            const key = prefix + k;
            if (Array.isArray(v)) {
                out.push([`${key}[]`, "array", false]);
                // Fields of object items too: a filter reaches them as `key.field` (the advisory array-item rule's
                // case), and the mandatory key rule must know Microsoft's examples carry them.
                for (const item of v)
                    if (item && typeof item === "object" && !Array.isArray(item))
                        walk(item as Record<string, unknown>, `${key}[].`);
            } else if (v !== null && typeof v === "object") {
                out.push([key, "object", false]);
                walk(v as Record<string, unknown>, `${key}.`);
            } else
                out.push([
                    key,
                    typeof v === "number" ? "number" : typeof v === "boolean" ? "boolean" : "string",
                    false,
                ]);
        }
    };
    walk(data, "");
    return out;
}

/** Microsoft's example events for a type, as committed in samples/events (`<family>/<Name>.spec.*.json`). */
function specSamples(type: string): Record<string, unknown>[] {
    const name = type.slice(P.length);
    const root = path.join(__dirname, "..", "samples", "events");
    return fs
        .readdirSync(root, { withFileTypes: true })
        .filter((d) => d.isDirectory())
        .flatMap((d) =>
            ["eventgrid", "cloudevents"]
                .map((env) => path.join(root, d.name, `${name}.spec.${env}.json`))
                .filter((f) => fs.existsSync(f))
                .map((f) => {
                    const content = JSON.parse(fs.readFileSync(f, "utf8"));
                    return (Array.isArray(content) ? content[0] : content).data;
                }),
        );
}

/**
 * Part 3: keys of Microsoft's example events that no definition has: the whole key list of a type defined
 * nowhere (AdvancedMessageAnalysisCompleted), and for the others the example keys outside the definitions
 * (older names such as `senderId`). Microsoft documents them, so a filter on them must not be blocked.
 */
export function fromExamples(
    types: readonly string[],
    defined: (type: string) => readonly PayloadKey[],
): Record<string, TypePayload> {
    const out: Record<string, TypePayload> = {};
    for (const type of types) {
        const known = defined(type);
        const keys = new Map<string, PayloadKey>();
        for (const data of specSamples(type)) {
            for (const k of fromExample(data as Record<string, unknown>)) {
                const covered = known.length > 0 && reach(known, k[0].replace(/\[\]/g, ""), false) !== undefined;
                if (!covered && !keys.has(k[0])) keys.set(k[0], k);
            }
        }
        if (keys.size)
            out[type] = {
                model: known.length ? "example keys outside the definitions" : "example events only",
                keys: [...keys.values()],
            };
    }
    return out;
}

export function render(
    pkg: Record<string, TypePayload>,
    swagger: Record<string, PayloadKey[]>,
    examples: Record<string, TypePayload>,
): string {
    const obj = (o: Record<string, unknown>) =>
        JSON.stringify(o, null, 1).replace(/\[\n\s*("[^"]*"),\n\s*("[^"]*"),\n\s*(true|false)\n\s*\]/g, "[$1, $2, $3]");
    return `// GENERATED by scripts/gen-event-payloads.ts — do not edit; run \`npx tsx scripts/gen-event-payloads.ts\`.
// Sources: see the header of scripts/gen-event-payloads.ts. test/catalog/payloads.spec.ts fails when this is stale.
import type { PayloadKey, TypePayload } from "./payloadTypes";

/** From @azure/eventgrid@${packageVersion()} (SystemEventNameToEventData + serializer mappers). */
export const PACKAGE_PAYLOADS: Readonly<Record<string, TypePayload>> = ${obj(pkg)};

/** Keys the Azure/azure-rest-api-specs swagger (commit 31c65e1b) defines that the package lacks. */
export const SWAGGER_ADDITIONS: Readonly<Record<string, readonly PayloadKey[]>> = ${obj(swagger)};

/** Keys of Microsoft's example events (samples/events/SPEC-EXAMPLES.md) that no definition has. */
export const EXAMPLE_PAYLOADS: Readonly<Record<string, TypePayload>> = ${obj(examples)};
`;
}

/** Types the package lacks; their keys come from the examples only. */
export const NOT_IN_PACKAGE: readonly string[] = [`${P}AdvancedMessageAnalysisCompleted`];

export function allTypes(pkg: Record<string, TypePayload>): string[] {
    return [...Object.keys(pkg), ...NOT_IN_PACKAGE].sort();
}

export function definedKeys(
    pkg: Record<string, TypePayload>,
    swagger: Record<string, readonly PayloadKey[]>,
    type: string,
): PayloadKey[] {
    return [...(pkg[type]?.keys ?? []), ...(swagger[type] ?? [])];
}

function main(argv: string[]): void {
    const i = argv.indexOf("--spec");
    const pkg = fromPackage();
    // Without a spec copy, keep the committed swagger additions (they only change when the spec revision does).
    const swagger = i >= 0 ? fromSwagger(argv[i + 1], pkg) : require("../catalog/payloads.generated").SWAGGER_ADDITIONS;
    fs.writeFileSync(
        OUT,
        render(
            pkg,
            swagger,
            fromExamples(allTypes(pkg), (t) => definedKeys(pkg, swagger, t)),
        ),
    );
    process.stdout.write(`wrote ${path.relative(process.cwd(), OUT)}\n`);
}

if (require.main === module) main(process.argv.slice(2));
