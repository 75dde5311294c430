import { ResourceValidationPolicy } from "@pulumi/policy";
import { normRegion } from "../../lib/geography";
import { GLOBAL_TYPES } from "../../lib/types";
import { show } from "../../lib/values";

export interface LocationsConfig {
    /** Regions resources may be created in (ARM names or display names). */
    allowedLocations: string[];
}

/**
 * PSR Azure.Resource.AllowedRegions (AZR-000167): resources only in the regions the organisation allows. The
 * list is organisation policy, so the default is empty, which makes the rule not applicable. `global` is accepted
 * for the types that live there (GLOBAL_TYPES) whatever the list; elsewhere it is a region like any other. Unset
 * passes (the resource group's region applies).
 */
export const resourceRestrictLocations: ResourceValidationPolicy = {
    name: "resource-restrict-locations",
    description:
        "Resources should be created only in the regions the organisation allows (configured allowedLocations); " +
        "global is accepted for the types that live there (ACS, email, the system topic, alerts, action groups).",
    enforcementLevel: "advisory",
    severity: "medium",
    configSchema: { properties: { allowedLocations: { type: "array", items: { type: "string" }, default: [] } } },
    validateResource: (args, report) => {
        const allowed = (args.getConfig<Partial<LocationsConfig>>().allowedLocations ?? []).map(normRegion);
        if (allowed.length === 0) args.notApplicable("no allowedLocations configured");
        if (!args.type.startsWith("azure-native:") || args.props.location === undefined) return;
        const where = normRegion(args.props.location);
        if (where === "global" && GLOBAL_TYPES.includes(args.type)) return;
        if (allowed.includes(where)) return;
        const orGlobal = GLOBAL_TYPES.includes(args.type) ? ' or "global"' : "";
        const globalNote =
            where === "global"
                ? '; "global" is only valid for ACS, email, system topics of global sources, alerts and action groups'
                : "";
        report(
            `location: expected one of ${allowed.map((l) => `"${l}"`).join(", ")}${orGlobal}, ` +
                `got ${show(args.props.location)}. Fix: deploy to an allowed region (azure-native:location in ` +
                `the stack config)${globalNote}`,
        );
    },
};
