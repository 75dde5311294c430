import * as eventgrid from "@pulumi/azure-native/eventgrid";
import { ResourceValidationPolicy, validateResourceOfType } from "@pulumi/policy";
import { isAcsId } from "../../lib/stack";
import { ACS_TOPIC_TYPE } from "../../lib/types";
import { eqi, expected } from "../../lib/values";

/** Whether a topic's props make it an ACS topic (topic type first: it is a plain input, the source an output). */
export function isAcsTopicProps(t: { topicType?: unknown; source?: unknown }): boolean {
    return eqi(t.topicType, ACS_TOPIC_TYPE) || isAcsId(t.source);
}

/**
 * Unset fails: azure-native fills the resource group's region and ARM answers "System topic's location must
 * match with location of the source resource" (https://github.com/MicrosoftDocs/azure-docs/issues/87683). Non-ACS
 * topics are out of scope (not applicable).
 */
export const systemTopicRequireGlobalLocation: ResourceValidationPolicy = {
    name: "system-topic-require-global-location",
    description:
        'The system topic of a Communication Services resource must be in location "global", like its ' +
        "source; any other location fails the deployment.",
    enforcementLevel: "mandatory",
    severity: "high",
    validateResource: validateResourceOfType(eventgrid.SystemTopic, (t, args, report) => {
        if (!isAcsTopicProps(t)) args.notApplicable("not a Communication Services system topic");
        if (!eqi(t.location, "global")) {
            report(
                expected(
                    "location",
                    '"global"',
                    t.location,
                    'set location: "global" explicitly; azure-native would otherwise use the resource group\'s region',
                ),
            );
        }
    }),
};
