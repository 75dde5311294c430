/**
 * Finds azure-native input names the contract does not know: feeds the generated sample inputs of every covered
 * class through the check and lists "is not a property" / "is read-only" findings. Each one is either a rename to
 * add to `renames.ts` (the SDK name and the wire name differ), a path parameter missing from `resourceTable.ts`,
 * or a real mismatch between azure-native and the contract file.
 *
 *   npx tsx contract/tools/findRenames.ts
 */
import { findArmTypesDir } from "../armTypes";
import { checkResource } from "../checkGraph";
import { RESOURCE_CONTRACTS } from "../resourceTable";
import { inputSamples } from "./inputSamples";

export interface NameFinding {
    readonly token: string;
    readonly path: string;
    readonly message: string;
}

/** Findings about property names (not values) for every sample input of every covered class. */
export function findUnknownInputNames(dir: string, tokens = RESOURCE_CONTRACTS.map((c) => c.token)): NameFinding[] {
    const found = new Map<string, NameFinding>();
    for (const { token, samples } of inputSamples(tokens)) {
        for (const inputs of samples) {
            for (const v of checkResource({ type: token, name: "sample", inputs }, dir)) {
                if (!isNameProblem(v.message)) continue;
                found.set(`${token}|${v.path}`, { token, path: v.path, message: v.message });
            }
        }
    }
    return [...found.values()];
}

/**
 * Messages that point at a name rather than a value: an unknown or read-only key, and, since every sample sets
 * every input, a required property (or discriminator) reported missing, which means its input has another name.
 */
function isNameProblem(message: string): boolean {
    return (
        message.startsWith("is not a property of") ||
        message.startsWith("is read-only") ||
        message.startsWith("is required")
    );
}

if (require.main === module) {
    const dir = findArmTypesDir();
    if (!dir) {
        console.log("skipped: ../shared/arm-types not found");
    } else {
        const findings = findUnknownInputNames(dir);
        for (const f of findings) console.log(`${f.token} ${f.path}: ${f.message}`);
        console.log(`${findings.length} finding(s)`);
    }
}
