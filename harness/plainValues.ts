/**
 * Turn a recorded protobuf Struct (as `toJavaScript()` gives it) into plain JSON, unwrapping Pulumi's special
 * values and remembering which paths were secret. Policies see secrets unwrapped (that is what CrossGuard does),
 * so secretness is checked here, in the harness.
 */
const SIG_KEY = "4dabf18193072939515e22adb298388d";
const SECRET_SIG = "1b47061264138c4ac30d75fd1eb44270";
const RESOURCE_SIG = "5cf8f73096256a8f31e491e813e4eb8e";
const OUTPUT_SIG = "d0e6a833031e9bbcd3f4e8bde6ca49a4";
/** `unknownValue` in `@pulumi/pulumi/runtime/rpc`: an output not known yet (during a preview). */
export const UNKNOWN = "04da6b54-80e4-46f7-96ec-b56ff0331ba9";

export function plainify(value: any, secretPaths: string[], path = ""): any {
    if (Array.isArray(value)) return value.map((v, i) => plainify(v, secretPaths, `${path}[${i}]`));
    if (value === null || typeof value !== "object") return value;
    const sig = value[SIG_KEY];
    if (sig === SECRET_SIG) {
        secretPaths.push(path);
        return plainify(value.value, [], path);
    }
    if (sig === RESOURCE_SIG) return value.urn;
    if (sig === OUTPUT_SIG) {
        if (value.secret) secretPaths.push(path);
        return "value" in value ? plainify(value.value, [], path) : UNKNOWN;
    }
    const out: Record<string, any> = {};
    for (const [k, v] of Object.entries(value)) out[k] = plainify(v, secretPaths, path ? `${path}.${k}` : k);
    return out;
}
