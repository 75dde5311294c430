import * as assert from "node:assert";
import * as fs from "node:fs";
import * as yaml from "js-yaml";
import * as os from "node:os";
import * as path from "node:path";
import { findArmTypesDir } from "../../contract";
import { main } from "../../cli/plan";
import { bufferIo } from "../../cli/io";
import { onGraphCaptured } from "../../harness/runProgram";
import { PROJECT_ROOT } from "../../harness/runStack";
import "../support/contractCheck";

/** Run `npm run plan`'s main in process, with what it prints captured (cli/io.ts). */
async function plan(args: string[]): Promise<{ status: number; stdout: string; stderr: string }> {
    const io = bufferIo();
    const status = await main(args, io);
    return { status, stdout: io.out, stderr: io.err };
}

/** The dev stack file with a change, written to a temp file for --config-file. */
function devConfigWith(change: (config: Record<string, any>) => void): string {
    const doc = yaml.load(fs.readFileSync(path.join(PROJECT_ROOT, "Pulumi.dev.yaml"), "utf8")) as any;
    change(doc.config);
    const file = path.join(fs.mkdtempSync(path.join(os.tmpdir(), "acs-plan-")), "Pulumi.test.yaml");
    fs.writeFileSync(file, yaml.dump(doc));
    return file;
}

describe("npm run plan", () => {
    it("runs nothing when imported: only its bin entry calls main", async () => {
        const file = require.resolve("../../cli/plan");
        const cached = require.cache[file];
        const built: string[] = [];
        const unsubscribe = onGraphCaptured((g) => built.push(g.stack));
        try {
            delete require.cache[file];
            const fresh = require(file);
            assert.strictEqual(typeof fresh.main, "function");
            await new Promise((resolve) => setTimeout(resolve, 50));
        } finally {
            unsubscribe();
            if (cached) require.cache[file] = cached;
        }
        assert.deepStrictEqual(built, []);
    });

    it("plans dev: tree, counts, routes, a clean policy and contract report, coverage; exit 0", async () => {
        const r = await plan(["--stack", "dev"]);
        assert.strictEqual(r.status, 0, r.stderr);
        for (const expected of [
            "azure-native:communication:CommunicationService  acs-acs-acs",
            "azure-native:eventgrid:SystemTopic  acs-events-topic",
            "azure-native:storage:BlobContainer  acs-deadletter-container",
            "azure-native:authorization:RoleAssignment  sms-queue-sender-role",
            'sms-604: [SMSReceived, SMSDeliveryReportReceived] begins "/phonenumber/1604" → sms-queue ' +
                "(StorageQueue (topic identity); retry 30x/1440min; dead-letter deadletters)",
            "Policy report (0 mandatory,",
            // A fresh clone without ../shared has no contract data: the plan says so in one line.
            findArmTypesDir() ? "every request body fits the contract" : "skipped: ../shared/arm-types not found",
            "SMSReceived → sms-email (sms-logic-app), sms-604 (sms-queue), sms-records (sms-function)",
            "First deployment: critical path (estimate):",
            "eventgrid:SystemTopicEventSubscription  sms-records-subscription",
            "Plan OK.",
        ])
            assert.ok(r.stdout.includes(expected), `missing: ${expected}`);
    });

    it("--json prints the whole captured graph and the findings", async () => {
        const r = await plan(["--stack", "prod", "--json"]);
        assert.strictEqual(r.status, 0, r.stderr);
        const report = JSON.parse(r.stdout);
        assert.strictEqual(report.stack, "prod");
        assert.strictEqual(report.graph.resources.length, report.resourceCount);
        const topic = report.graph.resources.find((x: any) => x.type === "azure-native:eventgrid:SystemTopic");
        assert.strictEqual(topic.inputs.location, "global");
        assert.ok(Array.isArray(report.sections.find((s: any) => s.title.startsWith("Policy report")).data));
    });

    it("fails with exit 1 and every config error when the early-doc filter is used", async () => {
        const file = devConfigWith((c) => {
            c["acs-event-handling:subscriptions"]["sms-604"].filter.eventTypes = [
                "Microsoft.Resources.SMSReceived",
                "Microsoft.Resources.SMSDeliveryReport",
            ];
            c["acs-event-handling:subscriptions"]["sms-604"].filter.subject = { beginsWith: "phonenumber/604" };
        });
        const r = await plan(["--config-file", file, "--stack", "test"]);
        assert.strictEqual(r.status, 1);
        assert.match(r.stderr, /eventTypes\[0\]: .* use "Microsoft.Communication.SMSReceived"/);
        assert.match(r.stderr, /eventTypes\[1\]: .* use "Microsoft.Communication.SMSDeliveryReportReceived"/);
        assert.match(r.stderr, /subject.beginsWith: .* e.g. "\/phonenumber\/1604"/);
    });

    it("fails with exit 1 on a mandatory policy violation", async () => {
        const file = devConfigWith((c) => {
            c["acs-event-handling:subscriptions"]["sms-604"].deadLetter = false;
        });
        const r = await plan(["--config-file", file, "--stack", "test"]);
        assert.strictEqual(r.status, 1, r.stdout.slice(-2000));
        assert.match(r.stdout, /\[mandatory\] [a-z-]*dead-letter[a-z-]*: /);
        assert.match(r.stdout, /Plan FAILED/);
    });
});

describe("npm run plan --diagram / --mermaid", () => {
    it("writes an SVG and prints Mermaid text that show the same nodes", async () => {
        const svgFile = path.join(fs.mkdtempSync(path.join(os.tmpdir(), "acs-diagram-")), "dev.svg");
        const r = await plan(["--stack", "dev", "--mermaid", "--diagram", svgFile]);
        assert.strictEqual(r.status, 0, r.stderr);
        const mermaid = /```mermaid\n([\s\S]*?)```/.exec(r.stdout)?.[1] ?? "";
        const labels = [...mermaid.matchAll(/\["([^"]*)"\]|\(\["([^"]*)"\]\)|\[\("([^"]*)"\)\]/g)].map(
            (m) => (m[1] ?? m[2] ?? m[3]).split("<br/>")[0],
        );
        assert.ok(labels.length >= 10, mermaid);
        const svg = fs.readFileSync(svgFile, "utf8");
        for (const l of labels) assert.ok(svg.includes(l), `SVG lacks ${l}`);
    });
});

describe("npm run plan --json and secrets", () => {
    it("masks every value recorded as a secret, as pulumi preview --json does", async () => {
        const file = devConfigWith((c) => {
            c["acs-event-handling:handlers"]["chat-webhook"].webhook.url =
                "https://hooks.example.com/x?code=SUPERSECRETKEY";
        });
        const r = await plan(["--config-file", file, "--stack", "test", "--json"]);
        assert.strictEqual(r.status, 0, r.stderr);
        assert.ok(!r.stdout.includes("SUPERSECRETKEY"), "the webhook key leaked into --json");
        assert.ok(!r.stdout.includes("sig=mock-signature"), "the Logic App callback key leaked into --json");
        const report = JSON.parse(r.stdout);
        const sub = report.graph.resources.find((x: any) => x.inputs.eventSubscriptionName === "chat-messages");
        assert.strictEqual(sub.inputs.destination.endpointUrl, "[secret]");
        assert.deepStrictEqual(sub.secretPaths, ["destination.endpointUrl"]);
    });

    it("names the config file it read and says when a stack does not exist", async () => {
        const bad = devConfigWith((c) => {
            c["acs-event-handling:subscriptions"]["sms-604"].retry = { maxDeliveryAttempts: 99 };
        });
        const r = await plan(["--config-file", bad, "--stack", "test"]);
        assert.strictEqual(r.status, 1);
        assert.ok(r.stderr.startsWith(`${bad}: invalid stack configuration`), r.stderr);
        const none = await plan(["--stack", "staging"]);
        assert.strictEqual(none.status, 1);
        assert.match(none.stderr, /^no stack "staging": Pulumi.staging.yaml does not exist \(stacks here: dev, prod\)/);
    });

    it("accepts a referenced ACS resource as the topic's source", async () => {
        const file = devConfigWith((c) => {
            c["acs-event-handling:communication"] = {
                existingId:
                    "/subscriptions/00000000-0000-0000-0000-000000000000/resourceGroups/rg-shared" +
                    "/providers/Microsoft.Communication/communicationServices/acs-shared",
            };
            for (const h of ["sms-function", "sms-logic-app"]) delete c["acs-event-handling:handlers"][h];
            for (const s of ["sms-records", "sms-email"]) delete c["acs-event-handling:subscriptions"][s];
        });
        const r = await plan(["--config-file", file, "--stack", "test"]);
        assert.strictEqual(r.status, 0, r.stdout.slice(-3000) + r.stderr);
        assert.doesNotMatch(r.stdout, /system-topic-require-source-in-stack/);
    });
});
