import { ResourceValidationPolicy } from "@pulumi/policy";
import { has } from "../../lib/values";
import { TRACKED_TYPES } from "../../lib/types";

export interface TagsConfig {
    /** Tag names every taggable resource must carry (case-insensitive, as Azure compares them). */
    requiredTags: string[];
}

/**
 * PSR Azure.Resource.UseTags (AZR-000166), RequiredTags (AZR-000477): cost allocation, ownership and
 * clean-up rely on tags. The required names are organisation policy, so the default is none, which makes the rule
 * not applicable until configured. Taggable = an azure-native tracked type the pack knows, or any resource
 * that has a `tags` input. Unset tags fail once names are required.
 */
export const resourceRequireTags: ResourceValidationPolicy = {
    name: "resource-require-tags",
    description:
        "Taggable resources should carry the tags the organisation requires (configured requiredTags), so " +
        "cost, ownership and clean-up can be traced.",
    enforcementLevel: "advisory",
    severity: "low",
    configSchema: { properties: { requiredTags: { type: "array", items: { type: "string" }, default: [] } } },
    validateResource: (args, report) => {
        const required = args.getConfig<Partial<TagsConfig>>().requiredTags ?? [];
        if (required.length === 0) args.notApplicable("no requiredTags configured");
        if (!args.type.startsWith("azure-native:") || !(TRACKED_TYPES.includes(args.type) || has(args.props, "tags")))
            args.notApplicable("not a taggable resource");
        const tags = args.props.tags;
        const have = new Set(Object.keys(tags ?? {}).map((k) => k.toLowerCase()));
        const missing = required.filter((t) => !have.has(t.toLowerCase()));
        if (missing.length === 0) return;
        const got = tags ? `${JSON.stringify(Object.keys(tags))} (missing ${missing.join(", ")})` : "nothing (unset)";
        report(
            `tags: expected the keys ${required.map((t) => `"${t}"`).join(", ")}, got ${got}. ` +
                "Fix: add the missing tags (acs-event-handling:tags in the stack config applies them to every " +
                "resource)",
        );
    },
};
