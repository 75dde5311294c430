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
import { armNameFor } from "./renames";

/** Marker object the Pulumi runtime wraps secret values in (`sig.Secret` in `@pulumi/pulumi/runtime/rpc`). */
const SECRET_SIG_KEY = "4dabf18193072939515e22adb298388d";
const SECRET_SIG_VALUE = "1b47061264138c4ac30d75fd1eb44270";

export interface Converter {
    readonly file: ContractFile;
    /** ARM provider namespace, e.g. `Microsoft.EventGrid` (scopes the rename table). */
    readonly provider: string;
}

/** Plain JSON with secrets unwrapped; the graph already does this, raw mock inputs (tests) do not. */
export function unwrapSecrets(value: unknown): unknown {
    if (Array.isArray(value)) return value.map(unwrapSecrets);
    if (!isPlainObject(value)) return value;
    if (value[SECRET_SIG_KEY] === SECRET_SIG_VALUE) return unwrapSecrets(value["value"]);
    return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, unwrapSecrets(v)]));
}

/** Converts `body` (path parameters already removed, `name` already set) against the resource body type. */
export function toArmBody(
    conv: Converter,
    bodyType: ObjectType | DiscriminatedObjectType,
    body: Record<string, unknown>,
): Record<string, unknown> {
    return convertObject(conv, objectView(conv.file, conv.provider, bodyType, body), body);
}

function convertValue(conv: Converter, type: ArmType, value: unknown): unknown {
    if (isObjectLike(type)) {
        return isPlainObject(value) ? convertObject(conv, objectView(conv.file, conv.provider, type, value), value) : value;
    }
    if (type.$type === "ArrayType" && Array.isArray(value)) {
        const itemType = conv.file.resolve(type.itemType);
        return value.map((item) => convertValue(conv, itemType, item));
    }
    if (type.$type === "UnionType" && isPlainObject(value)) {
        const objectElements = type.elements.map((e) => conv.file.resolve(e)).filter(isObjectLike);
        return objectElements.length === 1 ? convertValue(conv, objectElements[0], value) : value;
    }
    return value;
}

function convertObject(conv: Converter, view: ObjectView, value: Record<string, unknown>): Record<string, unknown> {
    const nested = nestedProperties(conv, view);
    const out: Record<string, unknown> = {};
    const flattened: Record<string, unknown> = {};
    for (const [sdkName, v] of Object.entries(value)) {
        if (v === undefined) continue;
        const wire = armNameFor(conv.provider, view.names, sdkName);
        if (wire in view.properties) {
            out[wire] = v;
        } else if (nested && nested.members.has(armNameFor(conv.provider, nested.names, sdkName))) {
            flattened[armNameFor(conv.provider, nested.names, sdkName)] = v;
        } else {
            out[sdkName] = v; // unknown here: left for the validator to report (or an additionalProperties entry)
        }
    }
    if (Object.keys(flattened).length > 0) {
        out["properties"] = { ...(isPlainObject(out["properties"]) ? out["properties"] : {}), ...flattened };
    }
    return convertChildren(conv, view, out);
}

/** The object-typed `properties` member of `view`, if any: the target of azure-native's flattening. */
function nestedProperties(conv: Converter, view: ObjectView) {
    const prop = view.properties["properties"];
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

function convertChildren(conv: Converter, view: ObjectView, out: Record<string, unknown>): Record<string, unknown> {
    const result: Record<string, unknown> = {};
    for (const [k, v] of Object.entries(out)) {
        const declared = view.properties[k];
        const typeRef = declared?.type ?? view.additionalProperties;
        if (!typeRef) {
            result[k] = v;
            continue;
        }
        const type = conv.file.resolve(typeRef);
        result[k] = convertValue(conv, type, identityMapFromArray(k, type, v));
    }
    return result;
}

/**
 * azure-native takes `userAssignedIdentities: string[]` (resource ids) where the wire wants
 * `{ "<id>": {} }` (pulumi-practices.md §7.2). Only that key is reshaped, so an array sent where any other map
 * is expected is still reported as a type error.
 */
function identityMapFromArray(key: string, type: ArmType, value: unknown): unknown {
    const wantsMap = type.$type === "ObjectType" && type.additionalProperties !== undefined;
    if (key !== "userAssignedIdentities" || !wantsMap || !Array.isArray(value)) return value;
    if (!value.every((id) => typeof id === "string")) return value;
    return Object.fromEntries(value.map((id: string) => [id, {}]));
}
