/**
 * Reads and checks the app settings. Their names and defaults are the contract with the Pulumi component
 * (components/handlers/functionContract.ts), bundled in at build time; functions/README.md documents them.
 */
import {
    APP_SETTINGS,
    DEFAULT_RECORDS_TABLE_NAME,
    DEFAULT_TICKETS_QUEUE_NAME,
} from "../../components/handlers/functionContract";

export type ServiceTarget =
    | { readonly kind: "endpoint"; readonly url: string }
    | { readonly kind: "connectionString"; readonly connectionString: string };

export interface Settings {
    readonly table: ServiceTarget;
    readonly tableName: string;
    readonly queue: ServiceTarget;
    readonly queueName: string;
    readonly acs: ServiceTarget;
    readonly emailSender: string;
    readonly recipients: readonly string[];
}

type Env = Readonly<Record<string, string | undefined>>;

/** Reads and checks every setting; the error lists all problems at once, naming each setting. */
export function readSettings(env: Env): Settings {
    const problems: string[] = [];
    const get = (name: string) => env[name]?.trim() || undefined;
    const table = storageTarget(get, APP_SETTINGS.recordsTableEndpoint, "table", problems);
    const queue = storageTarget(get, APP_SETTINGS.ticketsQueueEndpoint, "queue", problems);
    const acs = acsTarget(get, problems);
    const emailSender = get(APP_SETTINGS.emailSender) ?? "";
    if (!emailSender) problems.push(`${APP_SETTINGS.emailSender} is not set (the verified ACS Email sender address)`);
    const recipients = parseRecipients(get(APP_SETTINGS.notifyRecipients));
    if (recipients.length === 0)
        problems.push(`${APP_SETTINGS.notifyRecipients} is not set (comma-separated email addresses)`);
    const invalid = recipients.filter((r) => !/^[^@\s]+@[^@\s]+$/.test(r));
    if (invalid.length) problems.push(`${APP_SETTINGS.notifyRecipients} has invalid addresses: ${invalid.join(", ")}`);
    if (problems.length) throw new Error(`Invalid app settings:\n- ${problems.join("\n- ")}`);
    return {
        table: table!,
        tableName: get(APP_SETTINGS.recordsTableName) ?? DEFAULT_RECORDS_TABLE_NAME,
        queue: queue!,
        queueName: get(APP_SETTINGS.ticketsQueueName) ?? DEFAULT_TICKETS_QUEUE_NAME,
        acs: acs!,
        emailSender,
        recipients,
    };
}

export function parseRecipients(value: string | undefined): string[] {
    return (value ?? "")
        .split(/[,;]/)
        .map((r) => r.trim())
        .filter((r) => r !== "");
}

function storageTarget(
    get: (name: string) => string | undefined,
    endpointSetting: string,
    service: "table" | "queue",
    problems: string[],
): ServiceTarget | undefined {
    const endpoint = get(endpointSetting);
    if (endpoint) return { kind: "endpoint", url: trimSlash(endpoint) };
    const account = get(APP_SETTINGS.storageAccountName);
    if (account) return { kind: "endpoint", url: `https://${account}.${service}.core.windows.net` };
    const connectionString = get(APP_SETTINGS.storageConnectionString);
    if (connectionString) return { kind: "connectionString", connectionString };
    problems.push(
        `no ${service} storage: set ${endpointSetting}, ${APP_SETTINGS.storageAccountName} or (locally) ` +
            `${APP_SETTINGS.storageConnectionString}`,
    );
    return undefined;
}

function acsTarget(get: (name: string) => string | undefined, problems: string[]): ServiceTarget | undefined {
    const endpoint = get(APP_SETTINGS.acsEndpoint);
    if (endpoint) return { kind: "endpoint", url: trimSlash(endpoint) };
    const connectionString = get(APP_SETTINGS.acsConnectionString);
    if (connectionString) return { kind: "connectionString", connectionString };
    problems.push(`${APP_SETTINGS.acsEndpoint} is not set (the ACS resource endpoint)`);
    return undefined;
}

function trimSlash(url: string): string {
    return url.replace(/\/+$/, "");
}
