/**
 * Builds the real SDK clients and adapters from validated settings. Managed identity (DefaultAzureCredential) for
 * every endpoint target, connection strings only for local runs. Kept out of app.ts so the wiring is testable
 * without the Functions host; app.ts stays a binding shim.
 */
import { EmailClient, EmailClientOptions } from "@azure/communication-email";
import { TableClient } from "@azure/data-tables";
import type { TokenCredential } from "@azure/identity";
import { QueueClient } from "@azure/storage-queue";
import { AcsEmailNotifier } from "./adapters/acsEmail";
import { TableLedger } from "./adapters/tableLedger";
import { TableRecordStore } from "./adapters/tableRecords";
import { StorageTicketQueue } from "./adapters/queueTickets";
import { HandlerDeps } from "./processBatch";
import { Logger } from "./ports";
import { Settings } from "./settings";

export interface Clients {
    readonly table: TableClient;
    readonly queue: QueueClient;
    readonly email: EmailClient;
}

export interface ClientOptions {
    /** Lazily created: only endpoint targets need it, and constructing it costs an identity probe. */
    readonly credential?: () => TokenCredential;
    /** Extra pipeline options for the email client (tests inject a recording `httpClient`). */
    readonly emailOptions?: EmailClientOptions;
}

export function createClients(settings: Settings, options: ClientOptions = {}): Clients {
    let credential: TokenCredential | undefined;
    const cred = () => (credential ??= (options.credential ?? defaultCredential)());
    return {
        table: tableClient(settings, cred),
        queue: queueClient(settings, cred),
        email: emailClient(settings, cred, options.emailOptions),
    };
}

export function createDeps(settings: Settings, clients: Clients, log: Logger): HandlerDeps {
    return {
        ledger: new TableLedger(clients.table),
        records: new TableRecordStore(clients.table),
        tickets: new StorageTicketQueue(clients.queue),
        notifier: new AcsEmailNotifier(clients.email, {
            sender: settings.emailSender,
            recipients: settings.recipients,
        }),
        log,
    };
}

function tableClient(settings: Settings, cred: () => TokenCredential): TableClient {
    const t = settings.table;
    return t.kind === "endpoint"
        ? new TableClient(t.url, settings.tableName, cred())
        : TableClient.fromConnectionString(t.connectionString, settings.tableName, {
              allowInsecureConnection: isLocal(t.connectionString),
          });
}

function queueClient(settings: Settings, cred: () => TokenCredential): QueueClient {
    const q = settings.queue;
    return q.kind === "endpoint"
        ? new QueueClient(`${q.url}/${settings.queueName}`, cred())
        : new QueueClient(q.connectionString, settings.queueName);
}

function emailClient(settings: Settings, cred: () => TokenCredential, options: EmailClientOptions = {}): EmailClient {
    const a = settings.acs;
    if (a.kind === "endpoint") return new EmailClient(a.url, cred(), options);
    // A loopback ACS emulator (local runs, the package smoke test) speaks plain HTTP.
    return new EmailClient(a.connectionString, { allowInsecureConnection: isLocal(a.connectionString), ...options });
}

/**
 * Azurite and local emulators speak plain HTTP on loopback; the SDKs refuse that unless told, and only loopback may.
 */
function isLocal(connectionString: string): boolean {
    return /UseDevelopmentStorage=true|=http:\/\/(127\.0\.0\.1|localhost)[:/]/i.test(connectionString);
}

function defaultCredential(): TokenCredential {
    // Required lazily so a local connection-string run never loads MSAL.
    // eslint-disable-next-line @typescript-eslint/no-require-imports
    const { DefaultAzureCredential } = require("@azure/identity") as typeof import("@azure/identity");
    return new DefaultAzureCredential();
}
