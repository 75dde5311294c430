import assert from "node:assert/strict";
import type { AccessToken, TokenCredential } from "@azure/identity";
import { createClients } from "../src/clients";
import { APP_SETTINGS } from "../../components/handlers/functionContract";
import { readSettings } from "../src/settings";

const MANAGED = {
    AzureWebJobsStorage__accountName: "stsmsprod",
    ACS_ENDPOINT: "https://acs-prod.unitedstates.communication.azure.com/",
    EMAIL_SENDER: "DoNotReply@notify.contoso.example",
    NOTIFY_RECIPIENTS: "oncall@contoso.example; lead@contoso.example,",
};

class CountingCredential implements TokenCredential {
    created = 0;
    async getToken(): Promise<AccessToken> {
        return { token: "t", expiresOnTimestamp: Date.now() + 60_000 };
    }
}

describe("functions: app settings", () => {
    it("derives managed-identity endpoints from the storage account name and applies the defaults", () => {
        const s = readSettings(MANAGED);
        assert.deepEqual(s.table, { kind: "endpoint", url: "https://stsmsprod.table.core.windows.net" });
        assert.deepEqual(s.queue, { kind: "endpoint", url: "https://stsmsprod.queue.core.windows.net" });
        assert.deepEqual(s.acs, { kind: "endpoint", url: "https://acs-prod.unitedstates.communication.azure.com" });
        assert.equal(s.tableName, "smsrecords");
        assert.equal(s.queueName, "tickets");
        assert.deepEqual(s.recipients, ["oncall@contoso.example", "lead@contoso.example"]);
    });

    it(
        "prefers explicit service endpoints over the account name, and a connection string only when neither is " +
            "set",
        () => {
            const s = readSettings({
                ...MANAGED,
                RECORDS_TABLE_ENDPOINT: "https://other.table.core.windows.net/",
                TICKETS_QUEUE_ENDPOINT: "https://other.queue.core.windows.net",
                AzureWebJobsStorage: "UseDevelopmentStorage=true",
            });
            assert.deepEqual(s.table, { kind: "endpoint", url: "https://other.table.core.windows.net" });
            assert.deepEqual(s.queue, { kind: "endpoint", url: "https://other.queue.core.windows.net" });
            const local = readSettings({
                ...MANAGED,
                AzureWebJobsStorage__accountName: undefined,
                AzureWebJobsStorage: "UseDevelopmentStorage=true",
            });
            assert.deepEqual(local.table, { kind: "connectionString", connectionString: "UseDevelopmentStorage=true" });
        },
    );

    it("reports every missing or invalid setting at once, by name", () => {
        assert.throws(
            () => readSettings({}),
            (e: Error) => {
                for (const name of [
                    APP_SETTINGS.recordsTableEndpoint,
                    APP_SETTINGS.ticketsQueueEndpoint,
                    APP_SETTINGS.acsEndpoint,
                    APP_SETTINGS.emailSender,
                    APP_SETTINGS.notifyRecipients,
                ]) {
                    assert.ok(e.message.includes(name), `${name} missing from: ${e.message}`);
                }
                return true;
            },
        );
        assert.throws(
            () => readSettings({ ...MANAGED, NOTIFY_RECIPIENTS: "oncall@contoso.example, nobody" }),
            /NOTIFY_RECIPIENTS has invalid addresses: nobody/,
        );
    });

    it("builds clients on the configured endpoints and shares one lazily created credential", () => {
        const credential = new CountingCredential();
        const clients = createClients(readSettings(MANAGED), {
            credential: () => {
                credential.created++;
                return credential;
            },
        });
        assert.equal(clients.table.url, "https://stsmsprod.table.core.windows.net");
        assert.equal(clients.table.tableName, "smsrecords");
        assert.equal(clients.queue.url, "https://stsmsprod.queue.core.windows.net/tickets");
        assert.equal(credential.created, 1);
    });

    it("never asks for a credential when everything comes from connection strings", () => {
        const clients = createClients(
            readSettings({
                AzureWebJobsStorage: "UseDevelopmentStorage=true",
                ACS_CONNECTION_STRING: "endpoint=https://acs-dev.communication.azure.com/;accesskey=a2V5",
                EMAIL_SENDER: MANAGED.EMAIL_SENDER,
                NOTIFY_RECIPIENTS: "dev@contoso.example",
            }),
            { credential: () => assert.fail("no credential expected") },
        );
        assert.match(clients.table.url, /127\.0\.0\.1:10002/);
        assert.equal(clients.queue.name, "tickets");
    });
});
