import { ofType } from "../../../harness/graph";
import { HarnessCheck } from "../../lib/rule";
import { destinationPath, isSecretPath, isUnknown } from "../../lib/secrets";
import { T } from "../../lib/types";

/**
 * Harness check (policies see secrets unwrapped, so CrossGuard cannot tell): a WebHook URL usually carries a
 * key (`?code=`, Logic App `sig=`), and ARM marks `endpointUrl` sensitive; as a plain input it is stored in
 * clear in the Pulumi state and shown in diffs.
 */
export const eventSubscriptionKeepEndpointUrlSecret: HarnessCheck = {
    name: "event-subscription-keep-endpoint-url-secret",
    description:
        "A WebHook destination's endpointUrl must be a Pulumi secret: it usually carries a key, and a plain " +
        "value is stored in clear in the state and shown in previews.",
    enforcementLevel: "mandatory",
    resourceType: T.Subscription,
    anchors: [
        "BT eventgrid 2025-02-15 (endpointUrl is sensitive)",
        "https://learn.microsoft.com/azure/logic-apps/logic-apps-securing-a-logic-app",
        "https://learn.microsoft.com/azure/event-grid/secure-webhook-delivery",
    ],
    pillar: "security",
    unset: "n/a",
    fix: "wrap the URL in pulumi.secret() (the webhook handler does) or set it with `pulumi config set --secret`",
    why: "a key written to the state in clear cannot be taken back, only rotated",
    check: (graph) =>
        ofType(graph, T.Subscription).flatMap((r) => {
            const at = destinationPath(r.inputs);
            if (at?.destination.endpointType !== "WebHook" || at.destination.endpointUrl === undefined) return [];
            const path = `${at.path}.endpointUrl`;
            if (isUnknown(at.destination.endpointUrl))
                return [{ resource: r, unknown: true, message: `${path} can't be known during preview` }];
            return isSecretPath(r, path)
                ? []
                : [
                      {
                          resource: r,
                          message:
                              `${path}: expected a Pulumi secret, got a plain value. Fix: pass ` +
                              "pulumi.secret(url); never put a keyed URL in clear config",
                      },
                  ];
        }),
};
