import { joinRe, ruleCases } from "../../support/findings";
import { useSharedGraph } from "../../support/fixtures";

describe("policy/rules/communicationService/keepEventPathInGeography.ts", () => {
    const graph = useSharedGraph("residency");

    // Queue account, Service Bus namespace, function app (its telemetry stays in Europe), Logic App, dead-letter
    // account and a workspace receiving the ACS logs, each outside Europe once; a namespace without location is not
    // judged.
    ruleCases("communication-service-keep-event-path-in-geography", {
        graph,
        pass: [
            "steuqueue",
            "steuqueuedisplay",
            "steudl",
            "eu-app-insights",
            "eu-app-logs",
            "eu-logs",
            "stusqueue",
            "stusdl",
        ],
        fail: ["steuqueueus", "eu-sbns-us", "eu-app-us", "eu-wf-us", "steudlus", "eu-logs-us"],
        unset: { pass: ["eu-sbns-noloc"] },
        outOfScope: ["stxxqueue"],
        messages: {
            steuqueueus: [
                joinRe(
                    /^location: expected a region of ACS eu-acs's data location "Europe" \(northeurope, westeurope,/,
                    / .*\) for the queue handler of eu-queue-us, got "eastus"/,
                ),
            ],
            "eu-app-us": [/function handler of eu-fn-us/],
            "eu-wf-us": [/webhook handler of eu-hook-wf/],
            steudlus: [/dead letters of eu-dl-us/],
            "eu-logs-us": [/logs of eu-acs/],
        },
    });

    // The map is configuration: a strict reading of "Europe" (Azure's Europe geography) and an allowance for eastus.
    ruleCases("communication-service-keep-event-path-in-geography", {
        graph,
        config: {
            "communication-service-keep-event-path-in-geography": {
                geographies: { Europe: ["westeurope", "northeurope", "eastus"], "United States": ["eastus"] },
            },
        },
        pass: ["steuqueue", "steuqueueus", "eu-app-us", "stusqueue"],
        fail: ["stusdl"],
        unset: { pass: ["eu-sbns-noloc"] },
    });
});
