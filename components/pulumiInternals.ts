/**
 * The Pulumi SDK internals the program relies on, in one place below it (the offline harness, a layer above the
 * program, has its own: harness/pulumiInternals.ts). test/harness/pulumiInternals.spec.ts checks each one, so an
 * SDK upgrade that changes one fails there, by name.
 */
import * as pulumi from "@pulumi/pulumi";

/**
 * Whether the stack config marks `key` ("<project>:<name>") secret, through the SDK's `runtime.isConfigSecret`
 * (@pulumi/pulumi runtime/config.js: marked internal, so left out of the typings). Without it no value is known
 * secret, and URLs are still redacted.
 */
export function configKeyIsSecret(key: string): boolean {
    const runtime = pulumi.runtime as { isConfigSecret?: (k: string) => boolean };
    return runtime.isConfigSecret?.(key) ?? false;
}
