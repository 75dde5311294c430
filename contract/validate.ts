/**
 * Validates an ARM request body against its contract type: required properties, JSON types, string length and
 * pattern, integer range, array length, closed enums (open `modelAsString` enums accept any string), discriminated
 * unions, read-only properties (must not be sent) and unknown properties (must not be sent either: a wrong rename
 * would otherwise pass silently).
 */
import { closest, distance } from "fastest-levenshtein";
import {
    PropertyFlags,
    type ArmProperty,
    type ArmType,
    type ArrayType,
    type ContractFile,
    type IntegerType,
    type StringType,
    type UnionType,
} from "./armTypes";
import { child, isUnknown } from "./jsonPath";
import { isObjectLike, isPlainObject, objectView, type ObjectView } from "./objectView";

export interface Finding {
    /** JSON path in the ARM body. */
    readonly path: string;
    /** What Azure requires there. */
    readonly message: string;
}

export interface ValidationContext {
    readonly file: ContractFile;
    readonly provider: string;
    /** Top-level properties azure-native fills in itself when unset (e.g. `location`), so "required" does not apply. */
    readonly providerDefaults?: ReadonlySet<string>;
    /** `<contract object>.<property>` names newer than a substitute contract file: accepted unvalidated. */
    readonly unverifiable?: ReadonlySet<string>;
}

export function validateValue(ctx: ValidationContext, type: ArmType, value: unknown, path: string): Finding[] {
    if (isUnknown(value)) return [];
    switch (type.$type) {
        case "StringType":
            return validateString(type, value, path);
        case "StringLiteralType":
            return value === type.value ? [] : [{ path, message: `must be '${type.value}'${got(value)}` }];
        case "IntegerType":
            return validateNumber(type, value, path);
        case "BooleanType":
            return typeof value === "boolean" ? [] : [{ path, message: `must be a boolean${got(value)}` }];
        case "AnyType":
            return [];
        case "NullType":
            return value === null ? [] : [{ path, message: `must be null${got(value)}` }];
        case "ArrayType":
            return validateArray(ctx, type, value, path);
        case "UnionType":
            return validateUnion(ctx, type, value, path);
        case "ObjectType":
        case "DiscriminatedObjectType":
            if (!isPlainObject(value)) return [{ path, message: `must be an object${got(value)}` }];
            return validateObject(ctx, objectView(ctx.file, ctx.provider, type, value), value, path, false);
        default:
            return [{ path, message: `has contract type ${type.$type}, which cannot be sent in a request` }];
    }
}

/** Validates a whole request body: like an object, but provider-defaulted top-level properties are not "required". */
export function validateBody(
    ctx: ValidationContext,
    type: ArmType,
    body: Record<string, unknown>,
    path: string,
): Finding[] {
    if (!isObjectLike(type)) return validateValue(ctx, type, body, path);
    return validateObject(ctx, objectView(ctx.file, ctx.provider, type, body), body, path, true);
}

function validateObject(
    ctx: ValidationContext,
    view: ObjectView,
    value: Record<string, unknown>,
    path: string,
    isRoot: boolean,
): Finding[] {
    if (isUnknown(view.discriminator?.value)) return []; // which element applies is not known yet
    const findings: Finding[] = [...discriminatorFindings(view, path)];
    if (view.discriminator && !view.discriminator.known) return findings; // element unknown: its properties are too
    for (const [key, v] of Object.entries(value)) {
        if (v === undefined || v === null) continue;
        findings.push(...validateMember(ctx, view, key, v, child(path, key)));
    }
    for (const [key, prop] of Object.entries(view.properties)) {
        const required = (prop.flags & PropertyFlags.Required) !== 0 && (prop.flags & PropertyFlags.ReadOnly) === 0;
        const defaulted = isRoot && ctx.providerDefaults?.has(key);
        if (required && !defaulted && (value[key] === undefined || value[key] === null)) {
            findings.push({ path: child(path, key), message: `is required by ${view.names[0]}` });
        }
    }
    return findings;
}

function validateMember(ctx: ValidationContext, view: ObjectView, key: string, v: unknown, path: string): Finding[] {
    // Own keys only: a tag named "constructor" must not find Object.prototype.constructor.
    const prop = Object.hasOwn(view.properties, key) ? view.properties[key] : undefined;
    if (prop) {
        if ((prop.flags & PropertyFlags.ReadOnly) !== 0) {
            return [{ path, message: `is read-only on ${view.names[0]} (set by Azure); it must not be sent` }];
        }
        return validateValue(ctx, ctx.file.resolve(prop.type), v, path);
    }
    if (view.additionalProperties) return validateValue(ctx, ctx.file.resolve(view.additionalProperties), v, path);
    if (view.names.some((n) => ctx.unverifiable?.has(`${n}.${key}`))) return [];
    const known = writable(view.properties);
    const hint = suggestion(key, [...known, ...writable(nestedPropertiesOf(ctx, view))]);
    return [
        {
            path,
            message: `is not a property of ${view.names[0]}${hint}; Azure accepts: ${known.join(", ") || "(none)"}`,
        },
    ];
}

function writable(props: Readonly<Record<string, ArmProperty>>): string[] {
    return Object.entries(props)
        .filter(([, p]) => (p.flags & PropertyFlags.ReadOnly) === 0)
        .map(([k]) => k)
        .sort();
}

/** Members of the object's `properties` object: azure-native users write those names on the object itself. */
function nestedPropertiesOf(ctx: ValidationContext, view: ObjectView): Readonly<Record<string, ArmProperty>> {
    const prop = view.properties.properties;
    const type = prop ? ctx.file.resolve(prop.type) : undefined;
    return type?.$type === "ObjectType" ? type.properties : {};
}

/** " (did you mean 'x'?)" for a near miss (a typo or a wrong rename), else "". */
function suggestion(key: string, candidates: readonly string[]): string {
    if (candidates.length === 0) return "";
    const best = closest(
        key.toLowerCase(),
        candidates.map((c) => c.toLowerCase()),
    );
    const match = candidates.find((c) => c.toLowerCase() === best);
    const close = match !== undefined && distance(key.toLowerCase(), best) <= Math.max(2, Math.floor(key.length / 4));
    return close ? ` (did you mean '${match}'?)` : "";
}

function discriminatorFindings(view: ObjectView, path: string): Finding[] {
    const d = view.discriminator;
    if (!d || d.known) return [];
    const allowed = d.allowed.map((a) => `'${a}'`).join(", ");
    const what = d.value === undefined ? "is required" : `'${d.value}' is not a known ${d.property}`;
    return [{ path: child(path, d.property), message: `${what}; Azure accepts ${allowed}` }];
}

function validateString(type: StringType, value: unknown, path: string): Finding[] {
    if (typeof value !== "string") return [{ path, message: `must be a string${got(value)}` }];
    const findings: Finding[] = [];
    if (type.minLength !== undefined && value.length < type.minLength) {
        findings.push({ path, message: `must be at least ${type.minLength} characters (got ${value.length})` });
    }
    if (type.maxLength !== undefined && value.length > type.maxLength) {
        findings.push({ path, message: `must be at most ${type.maxLength} characters (got ${value.length})` });
    }
    const re = type.pattern !== undefined ? compilePattern(type.pattern) : undefined;
    if (re && !re.test(value)) findings.push({ path, message: `must match ${type.pattern} (got '${value}')` });
    return findings;
}

/** IntegerType also stands for `number`/`double` in bicep-types, so fractions are accepted. */
function validateNumber(type: IntegerType, value: unknown, path: string): Finding[] {
    if (typeof value !== "number" || !Number.isFinite(value))
        return [{ path, message: `must be a number${got(value)}` }];
    const { minValue: min, maxValue: max } = type;
    if ((min !== undefined && value < min) || (max !== undefined && value > max)) {
        return [{ path, message: `must be ${rangeText(min, max)} (got ${value})` }];
    }
    return [];
}

function validateArray(ctx: ValidationContext, type: ArrayType, value: unknown, path: string): Finding[] {
    if (!Array.isArray(value)) return [{ path, message: `must be an array${got(value)}` }];
    const findings: Finding[] = [];
    if (type.minLength !== undefined && value.length < type.minLength) {
        findings.push({ path, message: `must have at least ${type.minLength} items (got ${value.length})` });
    }
    if (type.maxLength !== undefined && value.length > type.maxLength) {
        findings.push({ path, message: `must have at most ${type.maxLength} items (got ${value.length})` });
    }
    const itemType = ctx.file.resolve(type.itemType);
    value.forEach((item, i) => findings.push(...validateValue(ctx, itemType, item, child(path, i))));
    return findings;
}

/**
 * Enums are unions of string literals; `modelAsString` (open) enums add a plain StringType element, so any string
 * passes them. Other unions pass when any element accepts the value.
 */
function validateUnion(ctx: ValidationContext, type: UnionType, value: unknown, path: string): Finding[] {
    const elements = type.elements.map((e) => ctx.file.resolve(e));
    const literals = elements.flatMap((e) => (e.$type === "StringLiteralType" ? [e.value] : []));
    if (literals.length === elements.length) {
        if (typeof value === "string" && literals.includes(value)) return [];
        return [{ path, message: `must be one of ${literals.map((l) => `'${l}'`).join(", ")}${got(value)}` }];
    }
    const attempts = elements.map((e) => validateValue(ctx, e, value, path));
    if (attempts.some((a) => a.length === 0)) return [];
    const sameKind = elements.findIndex((e) => kindMatches(e, value));
    return sameKind >= 0 ? attempts[sameKind] : attempts[0];
}

function kindMatches(t: ArmType, v: unknown): boolean {
    if (t.$type === "StringType" || t.$type === "StringLiteralType") return typeof v === "string";
    if (t.$type === "IntegerType") return typeof v === "number";
    if (t.$type === "BooleanType") return typeof v === "boolean";
    if (t.$type === "ArrayType") return Array.isArray(v);
    return isObjectLike(t) && isPlainObject(v);
}

function rangeText(min?: number, max?: number): string {
    if (min !== undefined && max !== undefined) return `between ${min} and ${max}`;
    return min !== undefined ? `≥ ${min}` : `≤ ${max}`;
}

function got(value: unknown): string {
    if (typeof value === "string") return ` (got '${value}')`;
    if (Array.isArray(value)) return " (got an array)";
    if (isPlainObject(value)) return " (got an object)";
    return ` (got ${String(value)})`;
}

const patterns = new Map<string, RegExp | null>();

/** Contract patterns are ECMAScript-compatible in practice; one that is not is skipped rather than misapplied. */
function compilePattern(pattern: string): RegExp | undefined {
    if (!patterns.has(pattern)) {
        try {
            patterns.set(pattern, new RegExp(pattern));
        } catch {
            patterns.set(pattern, null);
        }
    }
    return patterns.get(pattern) ?? undefined;
}
