import * as web from "@pulumi/azure-native/web";
import { ResourceValidationPolicy, validateResourceOfType } from "@pulumi/policy";
import { isFunctionAppKind } from "../../lib/functionApps";
import { expected, hasIdentity } from "../../lib/values";

/** Unset fails. Logic App Standard (kind contains "workflowapp") and plain web apps are out of scope. */
export const functionAppRequireIdentity: ResourceValidationPolicy = {
    name: "function-app-require-identity",
    description:
        "Function apps should have a managed identity, so they reach storage, Application Insights and ACS " +
        "with Entra ID instead of keys in app settings.",
    enforcementLevel: "advisory",
    severity: "medium",
    validateResource: validateResourceOfType(web.WebApp, (app, args, report) => {
        if (!isFunctionAppKind(app.kind)) args.notApplicable("not a function app");
        if (!hasIdentity(app.identity))
            report(
                expected(
                    "identity.type",
                    '"SystemAssigned" or "UserAssigned"',
                    app.identity?.type,
                    'set identity: { type: "SystemAssigned" } and use identity-based connections',
                ),
            );
    }),
};
