import { PolicyResource, StackValidationPolicy } from "@pulumi/policy";
import { codeDeploymentsFor, FUNCTION_ID, isFunctionAppKind } from "../../lib/functionApps";
import { byId, dependsOn, linked, ofType } from "../../lib/stack";
import { deliveryOf, rootKey } from "../../lib/subscription";
import { T } from "../../lib/types";
import { sameId, show } from "../../lib/values";

/** What keeps an AzureFunction destination from validating at create time, or undefined. */
function functionProblem(sub: PolicyResource, resources: readonly PolicyResource[]): string | undefined {
    const e = deliveryOf(sub.props);
    if (e?.destination?.endpointType !== "AzureFunction") return undefined;
    const id = e.destination.resourceId;
    const at = `${e.path}.resourceId`;
    const m = typeof id === "string" ? FUNCTION_ID.exec(id) : null;
    if (!m)
        return (
            `${at}: expected <function app id>/functions/<function name>, got ${show(id)}. Fix: build it as ` +
            `pulumi.interpolate\`\${app.id}/functions/<name>\``
        );
    const app =
        linked(sub, rootKey(e), T.WebApp).find((a) => sameId(a.props.id, m[1])) ?? byId(resources, T.WebApp, m[1]);
    if (!app)
        return (
            `${at}: the function app ${m[1].split("/").pop()} is not in this stack, so nothing orders the ` +
            "subscription after its code. Fix: manage the app here, or create the subscription in the stack that " +
            "deploys the code"
        );
    if (!isFunctionAppKind(app.props.kind))
        return (
            `${at}: ${app.name} has kind ${show(app.props.kind)}, expected a function app ("functionapp…", not ` +
            '"workflowapp"). Fix: point the destination at a function app'
        );
    const deployments = codeDeploymentsFor(app, id, resources);
    if (deployments.length === 0) {
        return (
            `${at}: nothing in this stack deploys code to ${app.name} (web.WebAppFunction, ` +
            `WebAppDeployment/SourceControl, or the blob its package URL names), so "${m[2]}" may not exist when ` +
            "Event Grid validates the destination (https://github.com/Azure/bicep/issues/11656). Fix: deploy the " +
            "code in this stack and make the subscription depend on it"
        );
    }
    if (!deployments.some((d) => dependsOn(sub, d))) {
        return (
            `${at}: the subscription does not depend on ${deployments.map((d) => d.name).join(" or ")}, which ` +
            `deploys ${app.name}'s code; Event Grid fails with "Destination endpoint not found" if it is created ` +
            "first (https://github.com/Azure/bicep/issues/11656). Fix: add dependsOn: [<that resource>] to the " +
            "subscription"
        );
    }
    return undefined;
}

/**
 * Graph rule (https://github.com/Azure/bicep/issues/11656): Event Grid checks at create time that
 * an AzureFunction destination exists with an Event Grid trigger, so the id must have the function shape, the
 * app must be a function app of this stack, and the subscription must wait for the code deployment: a
 * web.WebAppFunction, a site deployment resource, or the storage blob that the app's package URL (Flex
 * `functionAppConfig.deployment.storage.value`, `WEBSITE_RUN_FROM_PACKAGE`) points at.
 */
export const eventSubscriptionRequireFunctionDeployment: StackValidationPolicy = {
    name: "event-subscription-require-function-deployment",
    description:
        "An AzureFunction destination must be <app id>/functions/<name> of a function app in this stack, and " +
        'the subscription must depend on the code deployment; otherwise creation fails with "Destination ' +
        'endpoint not found".',
    enforcementLevel: "mandatory",
    severity: "high",
    validateStack: (args, report) => {
        for (const sub of ofType(args.resources, T.Subscription)) {
            const problem = functionProblem(sub, args.resources);
            if (problem) report(problem, sub.urn);
        }
    },
};
