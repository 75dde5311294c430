/**
 * A uniform view of "an object shape" over the two contract node kinds that describe objects: a plain ObjectType,
 * and a DiscriminatedObjectType whose element is picked by the value's discriminator. The converter and the
 * validator both walk objects through this view, so they agree on which properties exist.
 */
import type { ArmProperty, ArmType, ContractFile, DiscriminatedObjectType, ObjectType, TypeRef } from "./armTypes";
import { sdkNamesFor } from "./renames";

export interface ObjectView {
    /** Contract type names to look renames up under, most specific first. */
    readonly names: readonly string[];
    readonly properties: Readonly<Record<string, ArmProperty>>;
    readonly additionalProperties?: TypeRef;
    /** Set for discriminated objects. */
    readonly discriminator?: {
        readonly property: string;
        /** The value found on the object (undefined when absent or not a string). */
        readonly value?: string;
        /** True when `value` selects an element; false for a missing or unknown discriminator value. */
        readonly known: boolean;
        readonly allowed: readonly string[];
    };
}

export function isObjectLike(t: ArmType): t is ObjectType | DiscriminatedObjectType {
    return t.$type === "ObjectType" || t.$type === "DiscriminatedObjectType";
}

/**
 * The view of `type` for `value`. For a discriminated type the discriminator is read under its wire name or, if
 * azure-native renamed it (MetricAlert `odataType` for `odata.type`), under its SDK name.
 */
export function objectView(
    file: ContractFile,
    provider: string,
    type: ObjectType | DiscriminatedObjectType,
    value: unknown,
): ObjectView {
    if (type.$type === "ObjectType") {
        return { names: [type.name], properties: type.properties, additionalProperties: type.additionalProperties };
    }
    const found = discriminatorValue(provider, type, value);
    const allowed = Object.keys(type.elements);
    const elementRef = found !== undefined ? type.elements[found] : undefined;
    const element = elementRef ? file.resolve(elementRef) : undefined;
    const elementProps = element?.$type === "ObjectType" ? element.properties : {};
    return {
        names: element?.$type === "ObjectType" ? [element.name, type.name] : [type.name],
        properties: { ...type.baseProperties, ...elementProps },
        discriminator: { property: type.discriminator, value: found, known: element !== undefined, allowed },
    };
}

function discriminatorValue(provider: string, type: DiscriminatedObjectType, value: unknown): string | undefined {
    if (!isPlainObject(value)) return undefined;
    const candidates = [type.discriminator, ...sdkNamesFor(provider, type.name, type.discriminator)];
    for (const k of candidates) {
        if (typeof value[k] === "string") return value[k] as string;
    }
    return undefined;
}

/**
 * Every property name any element of `type` can have: used to decide whether a flattened input belongs under a
 * discriminated `properties` object before its element is known.
 */
export function allMemberNames(file: ContractFile, type: ObjectType | DiscriminatedObjectType): Set<string> {
    if (type.$type === "ObjectType") return new Set(Object.keys(type.properties));
    const names = new Set(Object.keys(type.baseProperties));
    for (const ref of Object.values(type.elements)) {
        const element = file.resolve(ref);
        if (element.$type === "ObjectType") Object.keys(element.properties).forEach((n) => names.add(n));
    }
    return names;
}

export function isPlainObject(v: unknown): v is Record<string, unknown> {
    return typeof v === "object" && v !== null && !Array.isArray(v);
}
