/**
 * What the Function App component (functionApp.ts) and the code it deploys (functions/src) must agree on, stated
 * once on the library's side: the function's name and the app settings the code reads. The app imports this
 * module and esbuild bundles it into the deployed code (functions/scripts/build.ts), so the library ships no app
 * code and the app cannot drift from the settings the component writes. It imports nothing.
 */

/**
 * Name of the Event Grid-triggered function.
 *
 * The component builds the subscription destination id `<function app id>/functions/smsEvents` from this
 * constant, and Event Grid checks at subscription-create time that a function with this name and an
 * `EventGridTrigger` binding exists (https://github.com/Azure/bicep/issues/11656). Renaming it therefore breaks
 * every existing subscription: treat it as a public contract.
 */
export const SMS_EVENTS_FUNCTION_NAME = "smsEvents";

/**
 * App settings the function app reads (functions/src/settings.ts checks them; functions/README.md documents them).
 *
 * Production uses managed identity (no secrets in settings): storage by endpoint or account name, ACS by endpoint.
 * The connection-string forms exist for local runs against Azurite (`AzureWebJobsStorage=UseDevelopmentStorage=true`).
 */
export const APP_SETTINGS = {
    /** Table service endpoint, e.g. `https://<account>.table.core.windows.net`. Wins over the account name. */
    recordsTableEndpoint: "RECORDS_TABLE_ENDPOINT",
    /** Queue service endpoint, e.g. `https://<account>.queue.core.windows.net`. Wins over the account name. */
    ticketsQueueEndpoint: "TICKETS_QUEUE_ENDPOINT",
    /** Identity-based host storage; when set, the table and queue endpoints default to this account. */
    storageAccountName: "AzureWebJobsStorage__accountName",
    /** Connection string (local/Azurite only); used when no endpoint or account name is set. */
    storageConnectionString: "AzureWebJobsStorage",
    recordsTableName: "RECORDS_TABLE_NAME",
    ticketsQueueName: "TICKETS_QUEUE_NAME",
    /** ACS resource endpoint, e.g. `https://<acs>.<region>.communication.azure.com`. */
    acsEndpoint: "ACS_ENDPOINT",
    /** ACS connection string (local only, it holds a key); used when ACS_ENDPOINT is not set. */
    acsConnectionString: "ACS_CONNECTION_STRING",
    /** Verified sender address of the ACS Email domain linked to the ACS resource. */
    emailSender: "EMAIL_SENDER",
    /** Comma-separated notification recipients. */
    notifyRecipients: "NOTIFY_RECIPIENTS",
    /** Client id of a user-assigned identity; read by DefaultAzureCredential itself. Omit for system-assigned. */
    managedIdentityClientId: "AZURE_CLIENT_ID",
} as const;

export const DEFAULT_RECORDS_TABLE_NAME = "smsrecords";
export const DEFAULT_TICKETS_QUEUE_NAME = "tickets";
