import * as eventgrid from "@pulumi/azure-native/eventgrid";
import { ResourceValidationPolicy, validateResourceOfType } from "@pulumi/policy";
import { isAcsId } from "../../lib/stack";
import { ACS_TOPIC_TYPE } from "../../lib/types";
import { eqi, expected } from "../../lib/values";

/** A topic whose source is an ACS resource must say so in topicType, and an ACS-typed topic needs an ACS source. */
export const systemTopicMatchSourceType: ResourceValidationPolicy = {
    name: "system-topic-match-source-type",
    description:
        "A system topic's topicType must match its source: an ACS source needs topicType " +
        '"Microsoft.Communication.CommunicationServices", or ARM rejects the topic.',
    enforcementLevel: "mandatory",
    severity: "high",
    validateResource: validateResourceOfType(eventgrid.SystemTopic, (t, args, report) => {
        const acsType = eqi(t.topicType, ACS_TOPIC_TYPE);
        const acsSource = isAcsId(t.source);
        if (!acsType && !acsSource) args.notApplicable("not a Communication Services system topic");
        if (acsSource && !acsType) {
            report(
                expected(
                    "topicType",
                    `"${ACS_TOPIC_TYPE}"`,
                    t.topicType,
                    `set topicType: "${ACS_TOPIC_TYPE}" for a Communication Services source`,
                ),
            );
        }
        if (acsType && !acsSource) {
            report(
                expected(
                    "source",
                    "a Communication Services resource id " +
                        "(…/providers/Microsoft.Communication/communicationServices/<name>)",
                    t.source,
                    "set source to the ACS resource's id, e.g. acs.id",
                ),
            );
        }
    }),
};
