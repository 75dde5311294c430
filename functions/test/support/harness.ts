/**
 * Wires the handler exactly as app.ts does (readSettings → createClients → createDeps), but with Azurite storage
 * and the recording ACS Email transport. Every harness gets its own table and queue, so tests cannot see each
 * other's rows.
 */
import { randomBytes } from "node:crypto";
import { createClients, createDeps, Clients } from "../../src/clients";
import { decodeTicket } from "../../src/adapters/queueTickets";
import { LEDGER_PARTITION } from "../../src/adapters/tableLedger";
import { HandlerDeps } from "../../src/processBatch";
import { Logger, Ticket } from "../../src/ports";
import { readSettings } from "../../src/settings";
import { Azurite } from "../../../local/azurite";
import { FakeAcsEmail } from "./fakeAcsEmail";

export const SENDER = "DoNotReply@notify.contoso.example";
export const RECIPIENTS = ["oncall@contoso.example", "lead@contoso.example"];
export const ACS_TEST_ENDPOINT = "https://acs-test.communication.azure.com";

export interface LogEntry {
    readonly level: "info" | "warn" | "error";
    readonly message: string;
    readonly fields?: Record<string, unknown>;
}

export interface Harness {
    readonly deps: HandlerDeps;
    readonly clients: Clients;
    readonly email: FakeAcsEmail;
    readonly logs: LogEntry[];
    records(): Promise<Record<string, unknown>[]>;
    ledgerRows(): Promise<Record<string, unknown>[]>;
    tickets(): Promise<Ticket[]>;
}

export async function createHarness(azurite: Azurite): Promise<Harness> {
    const suffix = randomBytes(4).toString("hex");
    const settings = readSettings({
        AzureWebJobsStorage: azurite.connectionString,
        RECORDS_TABLE_NAME: `records${suffix}`,
        TICKETS_QUEUE_NAME: `tickets-${suffix}`,
        // A syntactically valid ACS connection string: the SDK signs requests with it; the fake transport answers.
        ACS_CONNECTION_STRING: `endpoint=${ACS_TEST_ENDPOINT}/;accesskey=${randomBytes(32).toString("base64")}`,
        EMAIL_SENDER: SENDER,
        NOTIFY_RECIPIENTS: RECIPIENTS.join(", "),
    });
    const email = new FakeAcsEmail();
    // No SDK-level retries: a refused send must surface at once, the ledger's retry path is what is under test.
    const clients = createClients(settings, { emailOptions: { httpClient: email, retryOptions: { maxRetries: 0 } } });
    await clients.table.createTable();
    await clients.queue.create();
    const logs: LogEntry[] = [];
    return {
        deps: createDeps(settings, clients, recordingLogger(logs)),
        clients,
        email,
        logs,
        records: () => rows(clients, (p) => p !== LEDGER_PARTITION),
        ledgerRows: () => rows(clients, (p) => p === LEDGER_PARTITION),
        tickets: async () => {
            const peeked = await clients.queue.peekMessages({ numberOfMessages: 32 });
            return peeked.peekedMessageItems.map((m) => decodeTicket(m.messageText));
        },
    };
}

async function rows(clients: Clients, partition: (p: string) => boolean): Promise<Record<string, unknown>[]> {
    const out: Record<string, unknown>[] = [];
    for await (const entity of clients.table.listEntities<Record<string, unknown>>()) {
        if (partition(entity.partitionKey ?? "")) out.push(entity);
    }
    return out;
}

function recordingLogger(logs: LogEntry[]): Logger {
    return {
        info: (message, fields) => logs.push({ level: "info", message, fields }),
        warn: (message, fields) => logs.push({ level: "warn", message, fields }),
        error: (message, fields) => logs.push({ level: "error", message, fields }),
    };
}
