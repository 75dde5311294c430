/**
 * Offline ARM contract check: every azure-native resource in a captured graph is turned back into the ARM request
 * body azure-native would send and checked against Azure's published contract (`../shared/arm-types/`) and the
 * hand-kept service limits. Findings are data (`Violation`); `renderViolation` makes the one-line text form.
 */
import * as fs from "node:fs";
import type { Graph, GraphResource } from "../harness/graph";
import { installedApiVersion } from "./apiVersions";
import { checkDataPlane, dataPlaneFor } from "./dataPlane";
import { findArmTypesDir, loadContractFile, type DiscriminatedObjectType, type ObjectType } from "./armTypes";
import { ROOT } from "./jsonPath";
import { describeName, nameCandidates, type NameCandidate } from "./resourceName";
import { contractFor, isAzureNativeToken, substitutionFor, type ResourceContract } from "./resourceTable";
import { GRAPH_LIMITS, limitsFor } from "./serviceLimits";
import { toArmBody, unwrapSecrets } from "./toArmBody";
import { validateBody, type Finding, type ValidationContext } from "./validate";

export interface Violation {
    /** URN, or `<type>::<name>` when the resource has none. */
    readonly resource: string;
    /** JSON path in the ARM request body. */
    readonly path: string;
    /** What Azure requires. */
    readonly message: string;
}

export interface ContractCheckResult {
    /** Set when the check could not run (e.g. no contract files); then nothing was checked. */
    readonly skipped?: string;
    /** azure-native resources checked against a contract. */
    readonly checked: number;
    readonly violations: Violation[];
    /** azure-native type tokens in the graph that have no contract row (sorted, unique). */
    readonly uncovered: string[];
}

export interface CheckOptions {
    /** Directory of the `types.json` files; default `findArmTypesDir()` (`<project root>/../shared/arm-types`). */
    readonly armTypesDir?: string;
}

/** The subset of a graph resource the check reads (lets tests pass raw mock registrations). */
export type CheckableResource = Pick<GraphResource, "type" | "name" | "inputs"> &
    Partial<Pick<GraphResource, "urn" | "custom">>;

export const SKIPPED_NO_CONTRACT = "skipped: ../shared/arm-types not found";

const NAME_PATH = `${ROOT}.name`;

/**
 * Top-level body properties azure-native fills in when unset, so the contract's "required" does not apply to the
 * inputs: `location` defaults to the resource group's location (or the provider's `location` config) in the
 * provider's `applyDefaults` (pulumi/pulumi-azure-native `provider/pkg/provider/provider.go`).
 */
const PROVIDER_DEFAULTS: ReadonlySet<string> = new Set(["location"]);

export function checkGraph(graph: Graph, options: CheckOptions = {}): ContractCheckResult {
    const dir = options.armTypesDir ?? findArmTypesDir();
    if (!dir || !fs.existsSync(dir)) return { skipped: SKIPPED_NO_CONTRACT, checked: 0, violations: [], uncovered: [] };
    const azure = graph.resources.filter((r) => r.custom && isAzureNativeToken(r.type));
    const covered = azure.filter((r) => isCovered(r.type));
    const violations = [...covered.flatMap((r) => checkResource(r, dir)), ...graphLimitViolations(azure)];
    const uncovered = [...new Set(azure.filter((r) => !isCovered(r.type)).map((r) => r.type))].sort();
    return { checked: covered.length, violations, uncovered };
}

/** An ARM contract row, or a data-plane resource whose addressed ARM names are checked. */
function isCovered(token: string): boolean {
    return contractFor(token) !== undefined || dataPlaneFor(token) !== undefined;
}

export function renderViolation(v: Violation): string {
    return `${v.resource} ${v.path}: ${v.message}`;
}

/** Checks one covered resource (a contract row or a data-plane entry) against the contract files in `dir`. */
export function checkResource(resource: CheckableResource, dir: string): Violation[] {
    const id = resource.urn ?? `${resource.type}::${resource.name}`;
    return coveredFindings(resource, dir).map((f) => ({ resource: id, ...f }));
}

function coveredFindings(resource: CheckableResource, dir: string): Finding[] {
    const contract = contractFor(resource.type);
    if (contract) return findings(contract, resource, dir);
    const dataPlane = dataPlaneFor(resource.type);
    if (dataPlane) return checkDataPlane(dataPlane, unwrapSecrets(resource.inputs) as Record<string, unknown>, dir);
    throw new Error(`no contract row for ${resource.type}`);
}

/** Everything needed to check one resource: its contract row, body type, validation context and name candidates. */
interface Prepared {
    readonly contract: ResourceContract;
    readonly bodyType: ObjectType | DiscriminatedObjectType;
    readonly ctx: ValidationContext;
    readonly names: readonly NameCandidate[];
    /** The ARM body with the first name candidate. */
    readonly body: Record<string, unknown>;
    /** Inputs that azure-native would not send (wire names given instead of its input names). */
    readonly conversionFindings: readonly Finding[];
}

/**
 * The ARM request body azure-native would send for `resource` (with the explicit, fixed or first autoname
 * candidate as `name`), or undefined when the type has no contract row or the contract lacks the resource type.
 */
export function armBodyOf(resource: CheckableResource, dir: string): Record<string, unknown> | undefined {
    const contract = contractFor(resource.type);
    return contract ? prepare(contract, resource, dir)?.body : undefined;
}

function prepare(contract: ResourceContract, resource: CheckableResource, dir: string): Prepared | undefined {
    const file = loadContractFile(dir, contract.contractFile);
    const bodyType = file.resourceBody(contract.armType, contract.contractApiVersion);
    if (!bodyType) return undefined;
    const ctx: ValidationContext = {
        file,
        provider: contract.armType.split("/")[0],
        providerDefaults: PROVIDER_DEFAULTS,
        unverifiable: new Set(substitutionFor(contract)?.newerProperties ?? []),
    };
    const inputs = unwrapSecrets(resource.inputs) as Record<string, unknown>;
    const names = nameCandidates(contract, inputs, resource.name);
    const { body, findings } = toArmBody(ctx, bodyType, { name: names[0].value, ...bodyInputs(contract, inputs) });
    return { contract, bodyType, ctx, names, body, conversionFindings: findings };
}

function findings(contract: ResourceContract, resource: CheckableResource, dir: string): Finding[] {
    const drift = apiVersionDrift(contract);
    if (drift) return [drift];
    const p = prepare(contract, resource, dir);
    if (!p)
        return [
            {
                path: ROOT,
                message: `${contract.contractFile} defines no ${contract.armType}@${contract.contractApiVersion}`,
            },
        ];
    const [first, ...others] = p.names;
    const all = [...p.conversionFindings, ...bodyFindings(p, p.body, first)];
    for (const other of others) all.push(...nameOnly(bodyFindings(p, { ...p.body, name: other.value }, other)));
    return dedupe(all);
}

/** Inputs minus URL path parameters and the name input. */
function bodyInputs(contract: ResourceContract, inputs: Record<string, unknown>): Record<string, unknown> {
    const drop = new Set([...contract.pathInputs, ...(contract.nameInput ? [contract.nameInput] : [])]);
    return Object.fromEntries(Object.entries(inputs).filter(([k]) => !drop.has(k)));
}

/** Contract and limit findings for `body`; the findings about its name are merged into one per candidate name. */
function bodyFindings(p: Prepared, body: Record<string, unknown>, name: NameCandidate): Finding[] {
    const found = [
        ...validateBody(p.ctx, p.bodyType, body, ROOT),
        ...limitsFor(p.contract.armType).flatMap((l) => l.check(body)),
    ];
    const about = found.filter((f) => f.path === NAME_PATH).map((f) => f.message);
    const rest = found.filter((f) => f.path !== NAME_PATH);
    return about.length === 0
        ? rest
        : [{ path: NAME_PATH, message: describeName(name, about, p.contract.nameInput) }, ...rest];
}

function nameOnly(found: Finding[]): Finding[] {
    return found.filter((f) => f.path === NAME_PATH);
}

/**
 * The installed azure-native sends `apiVersion`; a row whose contract file is for another version (and is not a
 * recorded substitution) would check the wrong contract.
 */
export function apiVersionDrift(contract: ResourceContract): Finding | undefined {
    const installed = installedApiVersion(contract.token);
    if (installed === undefined || installed === contract.contractApiVersion) return undefined;
    if (substitutionFor({ ...contract, apiVersion: installed })?.uses === contract.contractApiVersion) return undefined;
    return {
        path: ROOT,
        message:
            `installed azure-native uses API ${installed} but contract/resourceTable.ts checks it against ` +
            `${contract.contractApiVersion}; add the contract file for ${installed} to the row (or a ` +
            "substitution)",
    };
}

function graphLimitViolations(resources: readonly GraphResource[]): Violation[] {
    return GRAPH_LIMITS.flatMap((l) => l.check(resources)).map((f) => ({
        resource: f.resource.urn ?? `${f.resource.type}::${f.resource.name}`,
        path: f.path,
        message: f.message,
    }));
}

function dedupe(found: Finding[]): Finding[] {
    const seen = new Set<string>();
    return found.filter((f) => {
        const k = `${f.path}\u0000${f.message}`;
        if (seen.has(k)) return false;
        seen.add(k);
        return true;
    });
}
