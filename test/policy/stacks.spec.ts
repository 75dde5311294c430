import * as assert from "node:assert";
import { Graph } from "../../harness/graph";
import { ProgramError } from "../../harness/runProgram";
import { runStack } from "../../harness/runStack";
import { stackGraph } from "../support/sharedGraphs";
import * as path from "node:path";
import { loadPackConfig } from "../../policy/config";
import { Finding, mandatory } from "../../policy/evaluate";
import { EARLY_DOC_FILTER, earlyDocProgram } from "./fixtures/earlyDoc";
import { eventPathsProgram } from "./fixtures/eventPath";
import { previewMocks } from "./fixtures/previewMocks";
import {
    acs,
    deadLetterStore,
    fixtureMocks,
    identityDeadLetter,
    principalOf,
    RG,
    SMS,
    subscription,
    topic,
} from "./fixtures/raw";
import * as web from "@pulumi/azure-native/web";
import * as pulumi from "@pulumi/pulumi";
import { findingsOf, fixture, stackWithMocks, tuples } from "./support/findings";
import { joinRe } from "../support/regex";

/**
 * The advisories each stack is known to carry, listed so that a change (a new finding or a fixed one) shows
 * up in review. Mandatory findings must be zero: they would block `pulumi up`.
 */
const KNOWN_ADVISORIES: Readonly<Record<string, readonly string[]>> = {
    dev: [
        // dev keeps ACS keys on for SDK samples and a locally redundant dead-letter account (Pulumi.dev.yaml).
        "communication-service-disable-local-auth acs-acs-acs advisory",
        // Both email handlers email every SMS on the Azure-managed domain (5 a minute, 10 an hour): dev only.
        "communication-service-fit-email-quota acs-acs-acs advisory",
        "storage-account-require-dead-letter-geo-replication acs-deadletter-account advisory",
        // The chat webhook and the Logic App trigger authenticate with a key in the URL, not Entra ID.
        "event-subscription-recommend-entra-webhook chat-messages-subscription advisory",
        "event-subscription-recommend-entra-webhook sms-email-subscription advisory",
        // sms-604 (queue), sms-records (function) and sms-email (Logic App) all receive SMS for 604 numbers:
        // intended fan-out, one finding per overlapping pair, on the later name.
        "event-subscription-report-overlapping-routes sms-email-subscription advisory",
        "event-subscription-report-overlapping-routes sms-records-subscription advisory",
        "event-subscription-report-overlapping-routes sms-records-subscription advisory",
        // Function host storage keeps an open firewall (its runtime is not a trusted service) and shared keys for the
        // package upload, recorded in its acs-event-handling:shared-key-reason tag and listed as an exemption (decision
        // 10.6 in docs/policies.md).
        "storage-account-report-shared-key-exemption sms-function-storage advisory",
        "storage-account-require-firewall sms-function-storage advisory",
    ],
    prod: [],
};

describe("policy: the dev and prod stacks", () => {
    for (const stack of ["dev", "prod"]) {
        describe(stack, () => {
            let findings: Finding[];
            before(async () => {
                findings = await findingsOf(await stackGraph(stack));
            });

            it("passes every mandatory rule", () => {
                assert.deepStrictEqual(
                    mandatory(findings).map((f) => `${f.policy} ${f.resourceName}: ${f.message}`),
                    [],
                );
            });

            it("carries exactly the known advisories", () => {
                assert.deepStrictEqual(tuples(findings), [...KNOWN_ADVISORIES[stack]].sort());
            });

            if (stack === "prod") {
                // policy/config.prod.json raises the hygiene rules prod already meets, so regressions block there.
                it("passes with policy/config.prod.json, which makes its baseline mandatory", async () => {
                    const config = loadPackConfig(path.join(__dirname, "../../policy/config.prod.json"));
                    const raised = await findingsOf(await stackGraph(stack), config);
                    assert.deepStrictEqual(tuples(raised), []);
                    assert.ok(Object.values(config).filter((v) => v === "mandatory").length >= 15);
                });
            }

            // A first `pulumi preview` knows no ids, principal ids or host names: rules must not guess.
            it("raises no mandatory finding in a preview where computed outputs are unknown", async () => {
                const preview = await findingsOf(await stackWithMocks(stack, previewMocks, true));
                assert.deepStrictEqual(
                    mandatory(preview).map((f) => `${f.policy} ${f.resourceName}: ${f.message}`),
                    [],
                );
                assert.ok(
                    preview.some((f) => /^can't run /.test(f.message)),
                    "some rules need ids: they must say they could not run",
                );
            });
        });
    }
});

describe("policy: the early ACS docs' SMS filter", () => {
    let g: Graph;
    before(async () => {
        g = await fixture(earlyDocProgram);
    });

    it("is rejected by the stack config before anything is registered", async () => {
        const overrides = {
            subscriptions: {
                "sms-604": {
                    handler: "sms-queue",
                    filter: {
                        eventTypes: EARLY_DOC_FILTER.includedEventTypes,
                        subject: { beginsWith: EARLY_DOC_FILTER.subjectBeginsWith },
                    },
                },
            },
        };
        const err = await runStack({ stack: "dev", overrides }).then(
            () => undefined,
            (e: unknown) => e,
        );
        const cause = err instanceof ProgramError ? err.cause : err;
        assert.match(String((cause as Error)?.message), /Microsoft\.Resources\.SMSReceived/);
    });

    it("as a raw subscription, fails exactly the event-type and subject rules", async () => {
        const onSub = (await findingsOf(g)).filter((f) => f.resourceName === "early-doc");
        assert.deepStrictEqual(tuples(onSub), [
            "event-subscription-require-known-event-types early-doc mandatory",
            "event-subscription-require-known-event-types early-doc mandatory",
            "event-subscription-require-matchable-subject early-doc mandatory",
        ]);
    });

    it("says exactly what to write instead", async () => {
        const fixes = (await findingsOf(g))
            .filter((f) => f.resourceName === "early-doc")
            .map((f) => /Fix: (.*)$/.exec(f.message)?.[1]);
        assert.deepStrictEqual(fixes.sort(), [
            'write "Microsoft.Communication.SMSDeliveryReportReceived"',
            'write "Microsoft.Communication.SMSReceived"',
            'write filter.subjectBeginsWith: "/phonenumber/1604"',
        ]);
    });
});

/**
 * A real preview of new resources knows no ids or principal ids. A rule that needs them must make the SDK
 * report "can't run … during preview" (advisory), never pass silently: here the role assignment is missing,
 * which the same fixture without preview reports as mandatory.
 */
describe("policy: unknown values during preview", () => {
    const paths = { norole: { role: "removed" as const } };
    let preview: Finding[];
    let update: Finding[];
    before(async () => {
        preview = await findingsOf(await fixture(eventPathsProgram(paths), { preview: true, mocks: previewMocks }));
        update = await findingsOf(await fixture(eventPathsProgram(paths), { mocks: fixtureMocks }));
    });

    it("reports the missing role as mandatory once ids are known", () => {
        assert.deepStrictEqual(tuples(update), ["event-subscription-require-identity-role norole-sub mandatory"]);
    });

    it("turns the stack policy into the SDK's \"can't run during preview\" advisory instead of a pass", () => {
        const role = preview.filter((f) => f.policy === "event-subscription-require-identity-role");
        assert.deepStrictEqual(
            role.map((f) => f.level),
            ["advisory"],
        );
        assert.match(
            role[0].message,
            joinRe(
                /^can't run policy 'event-subscription-require-identity-role' from policy pack /,
                /'acs-event-handling@v[\d.]+' during preview: .* can't be known during preview$/,
            ),
        );
    });

    it("asks for ids only where a rule needs them: URN links decide the rest", () => {
        assert.deepStrictEqual(tuples(preview), [
            "event-subscription-require-identity-role  advisory",
            "system-topic-match-source-type norole-topic advisory",
        ]);
        assert.ok(preview.every((f) => /^can't run policy/.test(f.message)));
    });
});

/** A webhook URL built from the app's host name, not wrapped in a secret: the harness check's unknown case. */
function plainHostUrlProgram(): void {
    const t = topic("hook-topic", acs("hook-acs").id);
    const store = deadLetterStore("sthookdl", { writer: principalOf(t) });
    const app = new web.WebApp("hook-app", { resourceGroupName: RG, name: "hook-app", kind: "app" });
    subscription(
        "hook-sub",
        t,
        {
            filter: { includedEventTypes: [SMS.received] },
            destination: {
                endpointType: "WebHook",
                endpointUrl: pulumi.interpolate`https://${app.defaultHostName}/api/events`,
                minimumTlsVersionAllowed: "1.2",
            },
            ...identityDeadLetter(store),
        },
        { dependsOn: [store.role!] },
    );
}

describe("policy: harness checks on unknown values", () => {
    const check = "event-subscription-keep-endpoint-url-secret";

    it("fails a plain webhook URL once it is known", async () => {
        const findings = (await findingsOf(await fixture(plainHostUrlProgram))).filter((f) => f.policy === check);
        assert.deepStrictEqual(tuples(findings), [`${check} hook-sub mandatory`]);
    });

    it('reports "can\'t run during preview" while the URL is unknown, like the SDK does for policies', async () => {
        const findings = (
            await findingsOf(await fixture(plainHostUrlProgram, { preview: true, mocks: previewMocks }))
        ).filter((f) => f.policy === check);
        assert.deepStrictEqual(tuples(findings), [`${check} hook-sub advisory`]);
        assert.match(
            findings[0].message,
            joinRe(
                /^can't run harness check 'event-subscription-keep-endpoint-url-secret' from policy pack /,
                /'acs-event-handling@v[\d.]+' during preview: destination\.endpointUrl can't be known /,
                /during preview$/,
            ),
        );
    });
});
