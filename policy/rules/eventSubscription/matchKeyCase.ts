import * as eventgrid from "@pulumi/azure-native/eventgrid";
import { ResourceValidationPolicy, validateResourceOfType } from "@pulumi/policy";
import { reach } from "../../../catalog";
import { currentTypes } from "../../lib/eventTypes";
import { dataPath, keyedFilters } from "../../lib/filterKeys";
import { eventTypesOf } from "../../lib/subscription";

/**
 * A `data.` key that matches a payload key only when letter case is ignored (`data.to.PhoneNumber.Value` for
 * `data.to.phoneNumber.value`). Advisory, not mandatory: the Event Grid filtering docs
 * (https://learn.microsoft.com/azure/event-grid/event-filtering) do not say whether key names compare
 * case-insensitively, and the evidence is that they do: Microsoft's IncomingCall guide filters on
 * `data.to.PhoneNumber.Value`
 * (https://learn.microsoft.com/azure/communication-services/concepts/call-automation/incoming-call-notification) and
 * Microsoft's call-center-ai deploys exactly that key (https://github.com/microsoft/call-center-ai, Makefile
 * `eventgrid-register`). Writing the wire name removes the dependence on undocumented behaviour.
 */
export const eventSubscriptionMatchKeyCase: ResourceValidationPolicy = {
    name: "event-subscription-match-key-case",
    description:
        "Advanced-filter data keys should be spelled with the payload's letter case; Event Grid's key-case " +
        "handling is undocumented (Microsoft's own IncomingCall examples rely on it ignoring case).",
    enforcementLevel: "advisory",
    severity: "low",
    validateResource: validateResourceOfType(eventgrid.SystemTopicEventSubscription, (s, _args, report) => {
        const types = currentTypes(eventTypesOf(s) ?? []);
        for (const f of keyedFilters(s.filter?.advancedFilters)) {
            const path = dataPath(f.key);
            if (path === undefined || types.some((t) => reach(t.payloadKeys, path) !== undefined)) continue;
            const cased = types.map((t) => reach(t.payloadKeys, path, false)).find((r) => r?.kind === "key");
            if (cased?.kind !== "key") continue;
            report(
                `filter.advancedFilters[${f.index}].key: "${f.key}" differs from the payload key ` +
                    `"data.${cased.key}" only in letter case; Event Grid's key-case handling is undocumented ` +
                    "(Microsoft's IncomingCall examples rely on it being case-insensitive). Fix: write key: " +
                    `"data.${cased.key}"`,
            );
        }
    }),
};
