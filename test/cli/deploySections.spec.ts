import * as assert from "node:assert";
import * as fs from "node:fs";
import * as path from "node:path";
import { emailQuotaSection, namespaceOf, resourceProviders, resourceProvidersSection } from "../../cli/deploySections";
import { Graph } from "../../harness/graph";
import { stackGraph } from "../support/sharedGraphs";

describe("plan: what the first deployment needs from the subscription", () => {
    let dev: Graph;
    let prod: Graph;
    before(async () => {
        dev = await stackGraph("dev");
        prod = await stackGraph("prod");
    });

    it("derives each type's namespace from the contract table (data-plane types from their parent)", () => {
        assert.strictEqual(namespaceOf("azure-native:eventgrid:SystemTopicEventSubscription"), "Microsoft.EventGrid");
        assert.strictEqual(namespaceOf("azure-native:storage:Blob"), "Microsoft.Storage");
        assert.strictEqual(namespaceOf("azure-native:authorization:RoleDefinition"), "Microsoft.Authorization");
        assert.strictEqual(namespaceOf("azure-native:foo:Bar"), undefined);
    });

    it("lists every namespace the dev graph deploys, with the command that registers it", () => {
        const providers = resourceProviders(dev);
        assert.ok(!providers.has("?"), "every type has a namespace");
        const section = resourceProvidersSection(dev);
        const register = (section.data as { register: string[] }).register;
        for (const ns of [
            "Microsoft.Communication",
            "Microsoft.EventGrid",
            "Microsoft.Storage",
            "Microsoft.Web",
            "Microsoft.Logic",
            "Microsoft.Insights",
            "Microsoft.OperationalInsights",
        ]) {
            assert.ok(register.includes(ns), ns);
            assert.ok(
                section.lines.includes(
                    section.lines.find((l) => l.startsWith(`az provider register --namespace ${ns} `))!,
                ),
                ns,
            );
        }
        assert.ok(
            !register.includes("Microsoft.Authorization") && !register.includes("Microsoft.Resources"),
            "registered by default",
        );
        assert.strictEqual(section.failed, false);
    });

    it("the README's registration loop names exactly the namespaces the dev plan derives", () => {
        const readme = fs.readFileSync(path.join(__dirname, "..", "..", "README.md"), "utf8");
        const loop = /for ns in ([^;]+); do\n\s+az provider register --namespace "\$ns" --wait/.exec(readme);
        assert.ok(loop, "README has the registration loop");
        assert.deepStrictEqual(
            loop[1].trim().split(/\s+/),
            (resourceProvidersSection(dev).data as { register: string[] }).register,
        );
    });

    it("prod deploys no app: no Microsoft.Web or Microsoft.Logic to register", () => {
        const register = (resourceProvidersSection(prod).data as { register: string[] }).register;
        assert.ok(!register.includes("Microsoft.Web") && !register.includes("Microsoft.Logic"));
        assert.ok(register.includes("Microsoft.EventGrid"));
    });

    it("states the Azure-managed email quota and what two emailing routes leave of it (dev)", () => {
        const s = emailQuotaSection(dev);
        const [view] = s.data as {
            domainKind: string;
            quota: { perMinute: number; perHour: number };
            routes: unknown[];
            emailsPerEvent: number;
        }[];
        assert.strictEqual(view.domainKind, "AzureManaged");
        assert.deepStrictEqual(view.quota, { perMinute: 5, perHour: 10 });
        assert.strictEqual(view.routes.length, 2);
        assert.strictEqual(view.emailsPerEvent, 2, "the function and the Logic App both email each SMS");
        assert.ok(s.lines.some((l) => /throttled \(429\) above 2 matching events a minute or 5 an hour/.test(l)));
        assert.deepStrictEqual(emailQuotaSection(prod).lines, ["no handler sends email"]);
    });
});
