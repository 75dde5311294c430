/**
 * azure-native inputs → the ARM request body that azure-native would PUT.
 *
 * What azure-native does to the wire shape, undone here:
 * - URL path parameters (`resourceGroupName`, parent names, `scope`, …) and the name input are inputs, not body
 *   properties: dropped; the name becomes the body's `name`.
 * - `properties` is flattened, recursively: a key that is not a property of the wire object but is one of its
 *   `properties` object goes under `properties` (eventgrid destination `{endpointType, endpointUrl}` →
 *   `{endpointType, properties: {endpointUrl}}`; advanced filters, dead-letter destinations and delivery attribute
 *   mappings the same way).
 * - Renamed inputs (`renames.ts`) get their wire names back.
 * - `identity.userAssignedIdentities` is a string array of identity ids in azure-native (all modules we use except
 *   eventgrid) but a map `{ <id>: {} }` on the wire.
 * Keys that fit nowhere are kept where they were, so the validator reports them as unknown properties instead of
 * them vanishing silently.
 */
import type { ArmType, ContractFile, ObjectType, DiscriminatedObjectType } from "./armTypes";
import { allMemberNames, isObjectLike, isPlainObject, objectView, type ObjectView } from "./objectView";
import { child, ROOT } from "./jsonPath";
import { armNameFor, sdkNamesFor } from "./renames";
import type { Finding } from "./validate";

/** Marker object the Pulumi runtime wraps secret values in (`sig.Secret` in `@pulumi/pulumi/runtime/rpc`). */
const SECRET_SIG_KEY = "4dabf18193072939515e22adb298388d";
const SECRET_SIG_VALUE = "1b47061264138c4ac30d75fd1eb44270";

export interface Converter {
    readonly file: ContractFile;
    /** ARM provider namespace, e.g. `Microsoft.EventGrid` (scopes the rename table). */
    readonly provider: string;
}

export interface Conversion {
    readonly body: Record<string, unknown>;
    /**
     * Inputs given under a wire name that azure-native renamed (e.g. `supportsHttpsTrafficOnly` instead of
     * `enableHttpsTrafficOnly`): azure-native does not know them and would not send them, so they are left out of
     * the body and reported here.
     */
    readonly findings: Finding[];
}

/** Plain JSON with secrets unwrapped; the graph already does this, raw mock inputs (tests) do not. */
export function unwrapSecrets(value: unknown): unknown {
    if (Array.isArray(value)) return value.map(unwrapSecrets);
    if (!isPlainObject(value)) return value;
    if (value[SECRET_SIG_KEY] === SECRET_SIG_VALUE) return unwrapSecrets(value.value);
    return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, unwrapSecrets(v)]));
}

/** Converts `body` (path parameters already removed, `name` already set) against the resource body type. */
export function toArmBody(
    conv: Converter,
    bodyType: ObjectType | DiscriminatedObjectType,
    body: Record<string, unknown>,
): Conversion {
    const run: Run = { ...conv, findings: [] };
    const converted = convertObject(run, objectView(conv.file, conv.provider, bodyType, body), body, ROOT);
    return { body: converted, findings: run.findings };
}

/** One conversion: the converter plus where misnamed inputs are collected. */
interface Run extends Converter {
    readonly findings: Finding[];
}

function convertValue(conv: Run, type: ArmType, value: unknown, path: string): unknown {
    if (isObjectLike(type)) {
        return isPlainObject(value)
            ? convertObject(conv, objectView(conv.file, conv.provider, type, value), value, path)
            : value;
    }
    if (type.$type === "ArrayType" && Array.isArray(value)) {
        const itemType = conv.file.resolve(type.itemType);
        return value.map((item, i) => convertValue(conv, itemType, item, child(path, i)));
    }
    if (type.$type === "UnionType" && isPlainObject(value)) {
        const objectElements = type.elements.map((e) => conv.file.resolve(e)).filter(isObjectLike);
        return objectElements.length === 1 ? convertValue(conv, objectElements[0], value, path) : value;
    }
    return value;
}

function convertObject(
    conv: Run,
    view: ObjectView,
    value: Record<string, unknown>,
    path: string,
): Record<string, unknown> {
    const nested = nestedProperties(conv, view);
    const out: Record<string, unknown> = {};
    const flattened: Record<string, unknown> = {};
    for (const [sdkName, v] of Object.entries(value)) {
        if (v === undefined) continue;
        if (reportWireName(conv, [view.names, nested?.names ?? []], sdkName, path)) continue;
        const wire = armNameFor(conv.provider, view.names, sdkName);
        if (wire in view.properties) {
            out[wire] = v;
        } else if (nested?.members.has(armNameFor(conv.provider, nested.names, sdkName))) {
            flattened[sdkName] = v; // renamed when the `properties` object itself is converted
        } else {
            out[sdkName] = v; // unknown here: left for the validator to report (or an additionalProperties entry)
        }
    }
    if (Object.keys(flattened).length > 0) {
        out.properties = { ...(isPlainObject(out.properties) ? out.properties : {}), ...flattened };
    }
    return convertChildren(conv, view, out, path);
}

/** True (and a finding) when `key` is a wire name azure-native exposes under another input name. */
function reportWireName(conv: Run, scopes: readonly (readonly string[])[], key: string, path: string): boolean {
    for (const names of scopes) {
        const sdk = names.flatMap((n) => sdkNamesFor(conv.provider, n, key)).filter((s) => s !== key);
        if (sdk.length > 0) {
            conv.findings.push({
                path: child(path, key),
                message:
                    `'${key}' is the ARM wire name; azure-native's input is '${sdk[0]}', so this value would not ` +
                    "be sent",
            });
            return true;
        }
    }
    return false;
}

/** The object-typed `properties` member of `view`, if any: the target of azure-native's flattening. */
function nestedProperties(conv: Converter, view: ObjectView) {
    const prop = view.properties.properties;
    if (!prop) return undefined;
    const type = conv.file.resolve(prop.type);
    if (!isObjectLike(type)) return undefined;
    const names = type.$type === "ObjectType" ? [type.name] : [type.name, ...elementNames(conv.file, type)];
    return { type, names, members: allMemberNames(conv.file, type) };
}

function elementNames(file: ContractFile, type: DiscriminatedObjectType): string[] {
    return Object.values(type.elements)
        .map((ref) => file.resolve(ref))
        .flatMap((e) => (e.$type === "ObjectType" ? [e.name] : []));
}

function convertChildren(
    conv: Run,
    view: ObjectView,
    out: Record<string, unknown>,
    path: string,
): Record<string, unknown> {
    const result: Record<string, unknown> = {};
    for (const [k, v] of Object.entries(out)) {
        const declared = Object.hasOwn(view.properties, k) ? view.properties[k] : undefined;
        const typeRef = declared?.type ?? view.additionalProperties;
        if (!typeRef) {
            result[k] = v;
            continue;
        }
        const type = conv.file.resolve(typeRef);
        result[k] = convertValue(conv, type, identityMapFromArray(k, type, v), child(path, k));
    }
    return result;
}

/**
 * azure-native takes `userAssignedIdentities: string[]` (resource ids) where the wire wants
 * `{ "<id>": {} }` (`userAssignedIdentities?: Input<string>[]` in @pulumi/azure-native's types/input.d.ts). Only that
 * key is reshaped, so an array sent where any other map is expected is still reported as a type error.
 */
function identityMapFromArray(key: string, type: ArmType, value: unknown): unknown {
    const wantsMap = type.$type === "ObjectType" && type.additionalProperties !== undefined;
    if (key !== "userAssignedIdentities" || !wantsMap || !Array.isArray(value)) return value;
    if (!value.every((id) => typeof id === "string")) return value;
    return Object.fromEntries(value.map((id: string) => [id, {}]));
}
