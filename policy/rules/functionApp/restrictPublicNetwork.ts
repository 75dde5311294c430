import { StackValidationPolicy } from "@pulumi/policy";
import { functionApps, pushersOf } from "../../lib/functionApps";
import { eqi, show } from "../../lib/values";

/**
 * POL 969ac98b / CKV_AZURE_221/222 parity, scoped by decision 10.1 in docs/policies.md: only apps that receive no Event
 * Grid push can go private, so only they are asked to. Advisory: a private app needs private endpoints and DNS this
 * project does not create.
 */
export const functionAppRestrictPublicNetwork: StackValidationPolicy = {
    name: "function-app-restrict-public-network",
    description:
        "Function apps that receive no Event Grid push deliveries should disable public network access and " +
        "be reached through private endpoints.",
    enforcementLevel: "advisory",
    severity: "low",
    validateStack: (args, report) => {
        for (const app of functionApps(args.resources)) {
            if (eqi(app.props.publicNetworkAccess, "Disabled") || pushersOf(app, args.resources).length > 0) continue;
            report(
                'publicNetworkAccess: expected "Disabled" for an app no subscription pushes to, got ' +
                    `${show(app.props.publicNetworkAccess)}. Fix: set publicNetworkAccess: "Disabled" and add a ` +
                    "private endpoint",
                app.urn,
            );
        }
    },
};
