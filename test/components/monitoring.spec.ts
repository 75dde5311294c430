import * as assert from "node:assert";
import { Monitoring } from "../../components";
import { frequencyFor, isoMinutes, shortNameFor } from "../../components/monitoring/alerts";
import { acsLogCategoriesFor } from "../../components/monitoring/logCategories";
import { Graph, GraphResource, ofType } from "../../harness/graph";
import { ProgramError } from "../../harness/runProgram";
import { runStack } from "../../harness/runStack";
import { stackGraph } from "../support/sharedGraphs";
import { ValidationError } from "../../validation/issue";
import { failingProgram, runComponents } from "../support/program";

/**
 * Monitoring as the stacks deploy it: read back from the graph of the real program, and checked against the
 * facts the policies rely on (https://learn.microsoft.com/azure/event-grid/monitor-push-reference,
 * https://learn.microsoft.com/azure/communication-services/concepts/logging-and-diagnostics), not against the
 * component's own tables.
 */
const WORKSPACE = "azure-native:operationalinsights:Workspace";
const DIAGNOSTIC = "azure-native:monitor:DiagnosticSetting";
const ALERT = "azure-native:monitor:MetricAlert";
const ACTION_GROUP = "azure-native:monitor:ActionGroup";
const MONITORING = "acs-event-handling:index:Monitoring";
const PER_SUBSCRIPTION_METRICS = ["DeliveryAttemptFailCount", "DeadLetteredCount", "DroppedEventCount"];
const SHARED_WORKSPACE =
    "/subscriptions/00000000-0000-0000-0000-000000000000/resourceGroups/rg-ops/providers" +
    "/Microsoft.OperationalInsights/workspaces/shared-logs";

function one(g: Graph, type: string, where: (r: GraphResource) => boolean = () => true): GraphResource {
    const found = ofType(g, type).filter(where);
    assert.strictEqual(found.length, 1, `expected one ${type}, found ${found.map((r) => r.name).join(", ") || "none"}`);
    return found[0];
}

/** The topic's alert on one metric. */
function alertOn(g: Graph, metric: string): GraphResource {
    return one(g, ALERT, (r) => r.inputs.criteria.allOf.some((c: any) => c.metricName === metric));
}

/**
 * Independent oracle for https://learn.microsoft.com/azure/communication-services/concepts/logging-and-diagnostics:
 * event type name → ACS log categories (by the feature prefix of the name).
 */
function expectedAcsCategories(eventTypes: string[], sendsEmail: boolean): Set<string> {
    const out = new Set([
        "Usage",
        "AuthOperational",
        ...(sendsEmail ? ["EmailSendMailOperational", "EmailStatusUpdateOperational"] : []),
    ]);
    for (const t of eventTypes.map((e) => e.replace("Microsoft.Communication.", ""))) {
        if (t.startsWith("SMS")) out.add("SMSOperational");
        if (t.startsWith("Chat")) out.add("ChatOperational");
        if (t.startsWith("Email"))
            ["EmailSendMailOperational", "EmailStatusUpdateOperational"].forEach((c) => out.add(c));
        if (t === "EmailEngagementTrackingReportReceived") out.add("EmailUserEngagementOperational");
        if (/^(Call|IncomingCall|Recording)/.test(t)) out.add("CallAutomationOperational");
    }
    return out;
}

const subscriptions = (g: Graph) => ofType(g, "azure-native:eventgrid:SystemTopicEventSubscription");

const EXPECTED = {
    dev: { prefix: "acs-events-dev", retention: 30, emails: [] as string[], shortName: "acseventsdev" },
    prod: { prefix: "acs-events-prod", retention: 90, emails: ["acs-operations@example.com"], shortName: "acs-prod" },
};

for (const stack of ["dev", "prod"] as const) {
    describe(`monitoring of the ${stack} stack`, () => {
        const want = EXPECTED[stack];
        let g: Graph;
        let topic: GraphResource;
        let acs: GraphResource;
        before(async () => {
            g = await stackGraph(stack);
            topic = one(g, "azure-native:eventgrid:SystemTopic");
            acs = one(g, "azure-native:communication:CommunicationService");
        });

        it("is on by default, one Monitoring component under AcsEventHandling owning every monitoring resource", () => {
            const m = one(g, MONITORING);
            assert.strictEqual(
                g.resources.find((r) => r.urn === m.parent)?.type,
                "acs-event-handling:index:AcsEventHandling",
            );
            const children = [
                ...ofType(g, DIAGNOSTIC),
                ...ofType(g, ALERT),
                ...ofType(g, ACTION_GROUP),
                ...ofType(g, WORKSPACE).filter((w) => w.name.startsWith("acs-monitoring")),
            ];
            // Diagnostic settings: topic, ACS, and one per Logic App workflow handler.
            assert.strictEqual(children.length, 2 + ofType(g, "azure-native:logic:Workflow").length + 4 + 1 + 1);
            for (const c of children)
                assert.strictEqual(c.parent, m.urn, `${c.name} is not parented to the Monitoring component`);
            assert.deepStrictEqual(Object.keys(m.componentOutputs ?? {}).sort(), [
                "acsLogCategories",
                "actionGroupId",
                "alertRuleIds",
                "workspaceId",
            ]);
        });

        it("exports each Logic App handler's run history (WorkflowRuntime) to the workspace", () => {
            const workflows = ofType(g, "azure-native:logic:Workflow");
            const workspace = ofType(g, WORKSPACE).find((w) => w.name.startsWith("acs-monitoring"))!;
            for (const wf of workflows) {
                const d = ofType(g, DIAGNOSTIC).find((x) => x.inputs.resourceUri === wf.id);
                assert.ok(d, `no diagnostic setting on ${wf.name}`);
                assert.deepStrictEqual(d.inputs.logs, [{ category: "WorkflowRuntime", enabled: true }]);
                assert.strictEqual(d.inputs.workspaceId, workspace.id);
            }
            assert.strictEqual(workflows.length, stack === "dev" ? 1 : 0);
        });

        it("creates a Log Analytics workspace named after the ACS resource, Entra ID only", () => {
            const w = one(g, WORKSPACE, (r) => r.inputs.workspaceName === `${want.prefix}-logs`);
            assert.strictEqual(w.inputs.features.disableLocalAuth, true);
            assert.strictEqual(w.inputs.retentionInDays, want.retention);
            assert.strictEqual(w.inputs.location, "westeurope");
        });

        it(
            "sends the system topic's DeliveryFailures log to the workspace " +
                "(https://learn.microsoft.com/azure/event-grid/monitor-push-reference)",
            () => {
                const w = one(g, WORKSPACE, (r) => r.inputs.workspaceName === `${want.prefix}-logs`);
                const d = one(g, DIAGNOSTIC, (r) => r.inputs.resourceUri === topic.id);
                assert.deepStrictEqual(d.inputs.logs, [{ category: "DeliveryFailures", enabled: true }]);
                assert.strictEqual(d.inputs.workspaceId, w.id);
                assert.strictEqual(d.inputs.name, `${want.prefix}-diagnostics`);
            },
        );

        it(
            "enables the ACS log categories of every routed feature plus Usage and AuthOperational " +
                "(https://learn.microsoft.com/azure/communication-services/concepts/logging-and-diagnostics), " +
                "and the email logs when a handler sends email",
            () => {
                const routed = subscriptions(g).flatMap((s) => s.inputs.filter.includedEventTypes as string[]);
                const sendsEmail =
                    ofType(g, "azure-native:web:WebApp").length + ofType(g, "azure-native:logic:Workflow").length > 0;
                const d = one(g, DIAGNOSTIC, (r) => r.inputs.resourceUri === acs.id);
                assert.deepStrictEqual(
                    new Set(d.inputs.logs.map((l: any) => l.category)),
                    expectedAcsCategories(routed, sendsEmail),
                );
                assert.ok(d.inputs.logs.every((l: any) => l.enabled === true));
                assert.ok(
                    d.inputs.logs.some((l: any) => l.category === "SMSOperational"),
                    "both stacks route SMS",
                );
            },
        );

        it(
            "alerts per subscription on failed, dead-lettered and dropped deliveries, covering every " +
                "subscription (https://learn.microsoft.com/azure/event-grid/monitor-push-reference)",
            () => {
                const names = subscriptions(g)
                    .map((s) => s.inputs.eventSubscriptionName)
                    .sort();
                assert.ok(names.length >= 2);
                for (const metric of PER_SUBSCRIPTION_METRICS) {
                    const a = alertOn(g, metric);
                    const [criterion] = a.inputs.criteria.allOf;
                    assert.deepStrictEqual(a.inputs.scopes, [topic.id], `${metric} alert is scoped to the topic`);
                    assert.strictEqual(a.inputs.autoMitigate, true);
                    assert.strictEqual(a.inputs.location, "global");
                    assert.strictEqual(criterion.metricNamespace, "Microsoft.EventGrid/systemTopics");
                    assert.strictEqual(criterion.timeAggregation, "Total");
                    assert.strictEqual(criterion.operator, "GreaterThanOrEqual");
                    assert.strictEqual(criterion.threshold, 1);
                    assert.deepStrictEqual(
                        criterion.dimensions.map((d: any) => [d.name, d.operator]),
                        [["EventSubscriptionName", "Include"]],
                    );
                    // "*": every current and future subscription, whatever casing Azure reports its name in.
                    assert.deepStrictEqual(criterion.dimensions[0].values, ["*"]);
                    assert.strictEqual(a.inputs.severity, 2);
                    assert.strictEqual(a.inputs.windowSize, "PT15M");
                    assert.strictEqual(a.inputs.evaluationFrequency, "PT5M");
                    assert.match(a.inputs.ruleName, new RegExp(`^${want.prefix}-`));
                }
            },
        );

        it("alerts on unmatched events for the whole topic, one severity level lower", () => {
            const a = alertOn(g, "UnmatchedEventCount");
            assert.deepStrictEqual(a.inputs.scopes, [topic.id]);
            assert.deepStrictEqual(
                a.inputs.criteria.allOf[0].dimensions,
                [],
                "unmatched events belong to no subscription",
            );
            assert.strictEqual(a.inputs.severity, 3);
            assert.strictEqual(a.inputs.autoMitigate, true);
        });

        it("wires every alert to the one action group, which mails the configured receivers", () => {
            const group = one(g, ACTION_GROUP);
            assert.strictEqual(group.inputs.actionGroupName, `${want.prefix}-alerts`);
            assert.strictEqual(group.inputs.groupShortName, want.shortName);
            assert.ok(group.inputs.groupShortName.length <= 12);
            assert.deepStrictEqual(
                group.inputs.emailReceivers.map((r: any) => r.emailAddress),
                want.emails,
            );
            for (const a of ofType(g, ALERT)) {
                assert.deepStrictEqual(
                    a.inputs.actions,
                    [{ actionGroupId: group.id }],
                    `${a.name} notifies the action group`,
                );
                assert.ok(a.dependencies.includes(group.urn), `${a.name} depends on the action group by output`);
            }
        });

        it("sets an explicit physical name on every monitoring resource", () => {
            const nameOf: Record<string, string> = {
                [WORKSPACE]: "workspaceName",
                [DIAGNOSTIC]: "name",
                [ALERT]: "ruleName",
                [ACTION_GROUP]: "actionGroupName",
            };
            const m = one(g, MONITORING);
            for (const r of g.resources.filter((x) => x.parent === m.urn)) {
                assert.match(String(r.inputs[nameOf[r.type]]), new RegExp(`^${want.prefix}-`), `${r.type} ${r.name}`);
            }
        });
    });
}

describe("monitoring settings from stack config", () => {
    it("takes thresholds, window and severity from config", async () => {
        const g = await runStack({
            stack: "dev",
            overrides: {
                monitoring: {
                    thresholds: { deliveryFailures: 7, deadLettered: 2, dropped: 3, unmatched: 50 },
                    windowMinutes: 60,
                    severity: 1,
                    alertEmails: ["oncall@example.com", "team@example.com"],
                },
            },
        });
        const threshold = (m: string) => alertOn(g, m).inputs.criteria.allOf[0].threshold;
        assert.deepStrictEqual(
            [
                threshold("DeliveryAttemptFailCount"),
                threshold("DeadLetteredCount"),
                threshold("DroppedEventCount"),
                threshold("UnmatchedEventCount"),
            ],
            [7, 2, 3, 50],
        );
        for (const a of ofType(g, ALERT)) {
            assert.strictEqual(a.inputs.windowSize, "PT1H");
            assert.strictEqual(a.inputs.evaluationFrequency, "PT15M");
        }
        assert.strictEqual(alertOn(g, "DeadLetteredCount").inputs.severity, 1);
        assert.strictEqual(alertOn(g, "UnmatchedEventCount").inputs.severity, 2);
        assert.deepStrictEqual(
            one(g, ACTION_GROUP).inputs.emailReceivers.map((r: any) => [
                r.name,
                r.emailAddress,
                r.useCommonAlertSchema,
            ]),
            [
                ["email-1", "oncall@example.com", true],
                ["email-2", "team@example.com", true],
            ],
        );
    });

    it("creates no monitoring resource when switched off", async () => {
        const g = await runStack({ stack: "dev", overrides: { monitoring: { enabled: false } } });
        const topic = one(g, "azure-native:eventgrid:SystemTopic");
        const acs = one(g, "azure-native:communication:CommunicationService");
        assert.deepStrictEqual(ofType(g, MONITORING), []);
        assert.deepStrictEqual(
            g.resources.filter((r) => r.urn.includes(`$${MONITORING}$`)).map((r) => r.name),
            [],
        );
        assert.deepStrictEqual(ofType(g, ALERT), []);
        assert.deepStrictEqual(
            ofType(g, DIAGNOSTIC).filter((d) => [topic.id, acs.id].includes(d.inputs.resourceUri)),
            [],
        );
        assert.ok(subscriptions(g).length > 0, "the event path itself is unchanged");
    });

    it("writes to an existing workspace instead of creating one", async () => {
        const g = await runStack({
            stack: "dev",
            overrides: { monitoring: { existingWorkspaceId: SHARED_WORKSPACE } },
        });
        const m = one(g, MONITORING);
        assert.deepStrictEqual(
            ofType(g, WORKSPACE).filter((w) => w.parent === m.urn),
            [],
        );
        for (const d of ofType(g, DIAGNOSTIC).filter((x) => x.parent === m.urn))
            assert.strictEqual(d.inputs.workspaceId, SHARED_WORKSPACE);
    });

    for (const [what, monitoring, path] of [
        [
            "both a new and an existing workspace",
            { workspaceName: "my-logs", existingWorkspaceId: SHARED_WORKSPACE },
            "monitoring",
        ],
        ["a window Azure does not offer", { windowMinutes: 10 }, "monitoring.windowMinutes"],
        ["a threshold of 0 (would fire forever)", { thresholds: { dropped: 0 } }, "monitoring.thresholds.dropped"],
        ["a severity outside 0–4", { severity: 5 }, "monitoring.severity"],
        [
            "an action group short name over 12 characters",
            { actionGroupShortName: "acs-events-production" },
            "monitoring.actionGroupShortName",
        ],
    ] as const) {
        it(`rejects ${what} before registering anything`, async () => {
            let caught: unknown;
            try {
                await runStack({ stack: "dev", overrides: { monitoring } });
            } catch (err) {
                caught = err;
            }
            assert.ok(caught instanceof ProgramError, `expected ProgramError, got ${caught}`);
            assert.ok(ValidationError.is(caught.cause));
            assert.ok(
                caught.cause.issues.some((i) => i.path.join(".") === path),
                `no issue at ${path}: ${caught.message}`,
            );
            assert.deepStrictEqual(
                caught.partial.resources.filter((r) => r.custom).map((r) => r.type),
                [],
            );
        });
    }
});

describe("Monitoring component on its own", () => {
    const TOPIC =
        "/subscriptions/00000000-0000-0000-0000-000000000000/resourceGroups/rg/providers" +
        "/Microsoft.EventGrid/systemTopics/t";
    const base = {
        resourceGroupName: "rg",
        location: "westeurope",
        systemTopicId: TOPIC,
        subscriptionNames: ["a-sub", "b-sub"],
    };

    it("without an ACS resource ID: topic diagnostics only, names from the component name", async () => {
        const g = await runComponents(() => new Monitoring("ops", base));
        assert.deepStrictEqual(
            ofType(g, DIAGNOSTIC).map((d) => d.inputs.resourceUri),
            [TOPIC],
        );
        assert.strictEqual(one(g, WORKSPACE).inputs.workspaceName, "ops-logs");
        assert.deepStrictEqual(alertOn(g, "DroppedEventCount").inputs.criteria.allOf[0].dimensions[0].values, ["*"]);
        assert.deepStrictEqual(one(g, MONITORING).componentOutputs?.acsLogCategories, []);
    });

    it("throws on invalid settings before creating a child", async () => {
        const err = await failingProgram(
            () => new Monitoring("ops", { ...base, windowMinutes: 7, thresholds: { unmatched: 0.5 } }),
        );
        assert.match(err.message, /windowMinutes: one of 5, 15, 30, 60 .*\(got 7\)/);
        assert.match(err.message, /thresholds\.unmatched: a whole number from 1 to 1000000 \(got 0\.5\)/);
        assert.deepStrictEqual(
            err.partial.resources.filter((r) => r.parent?.includes("Monitoring")),
            [],
        );
    });
});

describe("monitoring helpers", () => {
    it("maps routed features to ACS log categories, baseline last", () => {
        assert.deepStrictEqual(acsLogCategoriesFor([]), ["Usage", "AuthOperational"]);
        assert.deepStrictEqual(
            acsLogCategoriesFor([
                "Microsoft.Communication.EmailDeliveryReportReceived",
                "Microsoft.Communication.RecordingFileStatusUpdated",
                "Microsoft.Communication.ChatThreadCreated",
            ]),
            [
                "CallAutomationOperational",
                "ChatOperational",
                "EmailSendMailOperational",
                "EmailStatusUpdateOperational",
                "Usage",
                "AuthOperational",
            ],
        );
        assert.ok(
            acsLogCategoriesFor(["Microsoft.Communication.EmailEngagementTrackingReportReceived"]).includes(
                "EmailUserEngagementOperational",
            ),
        );
        assert.deepStrictEqual(acsLogCategoriesFor(["Microsoft.Communication.NoSuchEvent"]), [
            "Usage",
            "AuthOperational",
        ]);
        // A handler that sends email needs its send/status logs even when only SMS is routed.
        assert.deepStrictEqual(acsLogCategoriesFor(["Microsoft.Communication.SMSReceived"], true), [
            "EmailSendMailOperational",
            "EmailStatusUpdateOperational",
            "SMSOperational",
            "Usage",
            "AuthOperational",
        ]);
    });

    it("evaluates each window at a frequency no longer than the window", () => {
        assert.deepStrictEqual(
            [5, 15, 30, 60].map((w) => [isoMinutes(w), frequencyFor(w)]),
            [
                ["PT5M", "PT1M"],
                ["PT15M", "PT5M"],
                ["PT30M", "PT5M"],
                ["PT1H", "PT15M"],
            ],
        );
    });

    it("derives action group short names of at most 12 characters", () => {
        assert.strictEqual(shortNameFor("acs-ops"), "acs-ops");
        assert.strictEqual(shortNameFor("acs-events-prod"), "acseventspro");
    });
});
