/**
 * Reader for the bicep `types.json` contract files (Azure/bicep-types-az) in `../shared/arm-types/`.
 *
 * Each file is a flat array of type nodes that point at each other with `{"$ref": "#/<index>"}`. We keep the array
 * as it is and resolve references on demand, so loading a file costs one `JSON.parse` and nothing else. Files are
 * loaded lazily (only when a resource of that provider/version is checked) and cached for the process.
 */
import * as fs from "node:fs";
import * as path from "node:path";

export interface TypeRef {
    readonly $ref: string;
}

/** Property flags as bicep-types defines them (`TypePropertyFlags` in Azure/bicep-types `src/types.ts`). */
export const PropertyFlags = {
    Required: 1,
    ReadOnly: 2,
    WriteOnly: 4,
    DeployTimeConstant: 8,
    Identifier: 16,
} as const;

export interface ArmProperty {
    readonly type: TypeRef;
    readonly flags: number;
    readonly description?: string;
}

export interface StringType {
    readonly $type: "StringType";
    readonly minLength?: number;
    readonly maxLength?: number;
    readonly pattern?: string;
    readonly sensitive?: boolean;
}
export interface StringLiteralType {
    readonly $type: "StringLiteralType";
    readonly value: string;
}
/** bicep-types has no float type: `number`/`double` properties (e.g. metric thresholds) compile to IntegerType too. */
export interface IntegerType {
    readonly $type: "IntegerType";
    readonly minValue?: number;
    readonly maxValue?: number;
}
export interface BooleanType {
    readonly $type: "BooleanType";
}
export interface AnyType {
    readonly $type: "AnyType";
}
export interface NullType {
    readonly $type: "NullType";
}
export interface ArrayType {
    readonly $type: "ArrayType";
    readonly itemType: TypeRef;
    readonly minLength?: number;
    readonly maxLength?: number;
}
export interface ObjectType {
    readonly $type: "ObjectType";
    readonly name: string;
    readonly properties: Readonly<Record<string, ArmProperty>>;
    readonly additionalProperties?: TypeRef;
}
export interface DiscriminatedObjectType {
    readonly $type: "DiscriminatedObjectType";
    readonly name: string;
    readonly discriminator: string;
    readonly baseProperties: Readonly<Record<string, ArmProperty>>;
    readonly elements: Readonly<Record<string, TypeRef>>;
}
export interface UnionType {
    readonly $type: "UnionType";
    readonly elements: readonly TypeRef[];
}
export interface ResourceType {
    readonly $type: "ResourceType";
    /** `<ARM type>@<api version>`, e.g. `Microsoft.Storage/storageAccounts@2024-01-01`. */
    readonly name: string;
    readonly body: TypeRef;
}
export interface OtherType {
    readonly $type: "ResourceFunctionType";
}

export type ArmType =
    | StringType
    | StringLiteralType
    | IntegerType
    | BooleanType
    | AnyType
    | NullType
    | ArrayType
    | ObjectType
    | DiscriminatedObjectType
    | UnionType
    | ResourceType
    | OtherType;

/** One parsed `types.json` file. */
export class ContractFile {
    private readonly resourcesByName = new Map<string, ResourceType>();

    constructor(
        readonly file: string,
        private readonly types: readonly ArmType[],
    ) {
        for (const t of types) {
            if (t.$type === "ResourceType") this.resourcesByName.set(t.name.toLowerCase(), t);
        }
    }

    resolve(ref: TypeRef): ArmType {
        const match = /^#\/(\d+)$/.exec(ref.$ref);
        const t = match ? this.types[Number(match[1])] : undefined;
        if (!t) throw new Error(`${this.file}: unresolvable type reference ${ref.$ref}`);
        return t;
    }

    /** Object types (plain or discriminated) called `name` in this file; used to verify rename rows. */
    objectTypesNamed(name: string): (ObjectType | DiscriminatedObjectType)[] {
        return this.types.filter(
            (t): t is ObjectType | DiscriminatedObjectType =>
                (t.$type === "ObjectType" || t.$type === "DiscriminatedObjectType") && t.name === name,
        );
    }

    /**
     * The wire body of `<armType>@<apiVersion>`, or undefined if the file does not define it. ARM types are
     * case-insensitive.
     */
    resourceBody(armType: string, apiVersion: string): ObjectType | DiscriminatedObjectType | undefined {
        const resource = this.resourcesByName.get(`${armType}@${apiVersion}`.toLowerCase());
        if (!resource) return undefined;
        const body = this.resolve(resource.body);
        return body.$type === "ObjectType" || body.$type === "DiscriminatedObjectType" ? body : undefined;
    }
}

/**
 * Where the contract files live: `<project root>/../shared/arm-types`. The project root is the nearest directory at
 * or above `start` that holds `Pulumi.yaml`. Returns undefined when either cannot be found; callers turn that into a
 * "skipped" result rather than failing, because the shared folder is not part of the repository.
 */
export function findArmTypesDir(start: string = __dirname): string | undefined {
    const root = findProjectRoot(start);
    if (!root) return undefined;
    const dir = path.resolve(root, "..", "shared", "arm-types");
    return fs.existsSync(dir) && fs.statSync(dir).isDirectory() ? dir : undefined;
}

export function findProjectRoot(start: string): string | undefined {
    let dir = path.resolve(start);
    for (;;) {
        if (fs.existsSync(path.join(dir, "Pulumi.yaml"))) return dir;
        const parent = path.dirname(dir);
        if (parent === dir) return undefined;
        dir = parent;
    }
}

/** Parsed files, keyed by absolute path: each file is read and parsed at most once per process. */
const cache = new Map<string, ContractFile>();

/**
 * Loads `<dir>/<file>.types.json` (lazily, cached). Throws if the file is missing: the table names only shipped files.
 */
export function loadContractFile(dir: string, file: string): ContractFile {
    const full = path.join(dir, `${file}.types.json`);
    let loaded = cache.get(full);
    if (!loaded) {
        const types = JSON.parse(fs.readFileSync(full, "utf8")) as ArmType[];
        loaded = new ContractFile(file, types);
        cache.set(full, loaded);
    }
    return loaded;
}

/** For tests of the lazy loading: how many distinct files have been parsed so far. */
export function loadedContractFileCount(): number {
    return cache.size;
}
