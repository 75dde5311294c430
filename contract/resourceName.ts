/**
 * The name a resource would get: the name input when set, the API's fixed name for singletons, otherwise what
 * azure-native's autonaming would produce (the provider's `Check`, which does not run under mocks).
 *
 * azure-native autonaming (pulumi/pulumi-azure-native `provider/pkg/provider/provider.go`, `getDefaultName`):
 * - strategy "random" (every optional name input we use): without engine autonaming options the provider appends
 *   8 random hex characters to the logical name, no separator: `resource.NewUniqueName(seed, name, 8, 0, nil)`,
 *   e.g. `test614742c2` (`autonaming_test.go`). When the engine sends autonaming options in "propose" mode, the
 *   provider takes the engine's proposed name instead, whose default pattern is `<name>-<7 hex>`
 *   (`${name}-${hex(7)}`). Both are the logical name plus 8 characters; the check tries both, because which one
 *   a deployment gets depends on the CLI, and a name must be valid either way (or be set explicitly).
 * - strategy "uuid" (role assignments): a random UUID.
 * Names are case-preserving; the random part is lower-case hex.
 */
import type { ResourceContract } from "./resourceTable";

export interface NameCandidate {
    readonly value: string;
    /** How the name came about, for messages; undefined when the name was set explicitly. */
    readonly autonamed?: string;
}

/** Stand-ins for the random parts: lower-case hex, like the real suffix. */
const HEX7 = "0a1b2c3";
const HEX8 = "0a1b2c3d";
const UUID_SAMPLE = "00000000-0000-4000-8000-000000000000";

export function nameCandidates(
    contract: ResourceContract,
    inputs: Record<string, unknown>,
    logicalName: string,
): NameCandidate[] {
    const explicit = contract.nameInput ? inputs[contract.nameInput] : undefined;
    if (typeof explicit === "string") return [{ value: explicit }];
    if (contract.fixedName !== undefined) return [{ value: contract.fixedName }];
    if (contract.autoname === "uuid") return [{ value: UUID_SAMPLE, autonamed: "a random UUID" }];
    return [
        { value: `${logicalName}${HEX8}`, autonamed: `'${logicalName}xxxxxxxx' (azure-native random suffix)` },
        { value: `${logicalName}-${HEX7}`, autonamed: `'${logicalName}-xxxxxxx' (engine-proposed autoname)` },
    ];
}

/**
 * One message for everything wrong with a candidate name. For an autoname it shows the naming pattern instead of
 * the stand-in suffix and says how to fix it.
 */
export function describeName(
    candidate: NameCandidate,
    messages: readonly string[],
    nameInput: string | undefined,
): string {
    if (!candidate.autonamed) return messages.join("; ");
    const shown = messages.map((m) =>
        m.split(` (got '${candidate.value}')`).join("").split(`'${candidate.value}'`).join("the autoname"),
    );
    const fix = nameInput ? `; set ${nameInput} explicitly` : "";
    return `autonamed as ${candidate.autonamed}: ${shown.join("; ")}${fix}`;
}
