/**
 * The stack configuration as a library: the schema of `Pulumi.<stack>.yaml` (under `acs-event-handling:`),
 * the semantic checks, and the loader that validates a whole config at once. Published as
 * `acs-event-handling/config`.
 */
export * from "./schema";
export { redactUrl } from "../validation/issue";
export {
    semanticIssues,
    CONFIG_KEYS,
    CONFIG_NAMESPACE,
    parseStackSettings,
    settingsFromConfigMap,
    settingsFromPulumiConfig,
} from "./load";
