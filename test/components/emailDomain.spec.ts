import * as assert from "node:assert";
import { ofType } from "../../harness/graph";
import { runStack } from "../../harness/runStack";
import { stackGraph } from "../support/sharedGraphs";
import { ValidationError } from "../../validation/issue";
import { ProgramError } from "../../harness/runProgram";
import "../support/contractCheck";

const DOMAIN_ID =
    "/subscriptions/00000000-0000-0000-0000-000000000000/resourceGroups/rg-mail/providers" +
    "/Microsoft.Communication/emailServices/mail-prod/domains/notify.contoso.com";

describe("email domain option (emailDomain)", () => {
    it("defaults to an Azure-managed domain created and linked by the stack", async () => {
        const g = await stackGraph("dev");
        const [domain] = ofType(g, "azure-native:communication:Domain");
        assert.strictEqual(domain.inputs.domainManagement, "AzureManaged");
        assert.deepStrictEqual(ofType(g, "azure-native:communication:CommunicationService")[0].inputs.linkedDomains, [
            domain.id,
        ]);
    });

    it("kind custom: links the verified domain, sends from its address, creates no email service", async () => {
        const g = await runStack({
            stack: "dev",
            overrides: {
                emailDomain: {
                    kind: "custom",
                    custom: { domainId: DOMAIN_ID, senderAddress: "DoNotReply@notify.contoso.com" },
                },
            },
        });
        assert.strictEqual(ofType(g, "azure-native:communication:EmailService").length, 0);
        assert.strictEqual(ofType(g, "azure-native:communication:Domain").length, 0);
        assert.deepStrictEqual(ofType(g, "azure-native:communication:CommunicationService")[0].inputs.linkedDomains, [
            DOMAIN_ID,
        ]);
        const wf = ofType(g, "azure-native:logic:Workflow")[0];
        assert.strictEqual(wf.inputs.parameters.sender.value, "DoNotReply@notify.contoso.com");
        // A Flex app's settings live in its config/appsettings child (components/handlers/functionApp.ts).
        const settings = ofType(g, "azure-native:web:WebAppApplicationSettings")[0];
        assert.ok(Object.values(settings.inputs.properties).includes("DoNotReply@notify.contoso.com"));
    });

    it("kind custom without its block is a config error naming the key", async () => {
        const err = await runStack({ stack: "dev", overrides: { emailDomain: { kind: "custom" } } }).then(
            () => undefined,
            (e) => e,
        );
        const cause = err instanceof ProgramError ? err.cause : err;
        assert.ok(ValidationError.is(cause), String(err));
        assert.match(
            cause.message,
            /emailDomain\.custom: kind is "custom", so set custom \{ domainId, senderAddress \}/,
        );
    });
});
