/**
 * Logic App (Consumption) workflow that emails every SMS received — the low-code alternative to the Functions app,
 * reached by an Event Grid WebHook subscription on the Request trigger's callback URL.
 *
 * Design choices:
 * - Webhook handshake (https://learn.microsoft.com/azure/event-grid/webhook-event-delivery): a body whose first
 *   event is `SubscriptionValidationEvent` is answered 200 with `{"validationResponse": <code>}`, synchronously
 *   (202 is refused), before anything else.
 * - No OAuth API connections: the email goes through the ACS Email REST API with the workflow's managed identity
 *   (`ManagedServiceIdentity`, audience `https://communication.azure.com/` with the trailing slash: the scope the
 *   Azure SDKs request is `https://communication.azure.com//.default`, Azure/azure-sdk-for-js
 *   sdk/communication/communication-common/src/credential/communicationAuthPolicy.ts), so nothing needs consent.
 * - `api-version=2023-03-31` is the GA version of `POST /emails:send` (answers 202 + operation-location).
 * - Data keys are read in camelCase and PascalCase (`coalesce`), because both are published
 *   (https://github.com/MicrosoftDocs/azure-docs/issues/117303).
 * - Event Grid waits 30 s for an answer, then counts the delivery as failed and redelivers while the first run goes
 *   on (https://learn.microsoft.com/azure/event-grid/delivery-and-retry). So the email call never retries inside
 *   the run (`retryPolicy: none`; the default policy is up to 4 retries 5–45 s apart,
 *   https://learn.microsoft.com/azure/logic-apps/logic-apps-exception-handling) and gives up after
 *   EMAIL_CALL_TIMEOUT; the answer is 200 once every email is accepted, otherwise 503, which Event Grid retries
 *   later (its own retry schedule, dead-lettering after the last attempt). At-least-once: an event whose email
 *   went out before another one failed is emailed again. Use the Functions app where exactly-once matters.
 * - The subscription must output EventGridSchema: CloudEvents output would need an OPTIONS handshake, which a
 *   Request trigger does not answer.
 */

export const WORKFLOW_SCHEMA =
    "https://schema.management.azure.com/providers/Microsoft.Logic/schemas/2016-06-01/workflowdefinition.json#";
export const ACS_EMAIL_API_VERSION = "2023-03-31";
export const ACS_AUDIENCE = "https://communication.azure.com/";
/** Longest the email call may take (ISO 8601): well inside Event Grid's 30 s, leaving time to answer. */
export const EMAIL_CALL_TIMEOUT = "PT10S";
/** Answer when an email was not accepted: a status Event Grid retries (not 400/401/403/413, which it does not). */
export const RETRY_LATER_STATUS = 503;

const SMS_RECEIVED = "Microsoft.Communication.SMSReceived";
const SUBSCRIPTION_VALIDATION = "Microsoft.EventGrid.SubscriptionValidationEvent";
const LOOP = "For_each_event";

/** The workflow definition (WDL JSON) to put in `Microsoft.Logic/workflows` `definition`. */
export function logicAppDefinition(): Record<string, unknown> {
    return {
        $schema: WORKFLOW_SCHEMA,
        contentVersion: "1.0.0.0",
        parameters: {
            acsEndpoint: {
                type: "String",
                metadata: {
                    description:
                        "ACS resource endpoint, https://<name>.<geo>.communication.azure.com, no trailing slash",
                },
            },
            sender: {
                type: "String",
                metadata: { description: "Verified sender address of the ACS Email domain linked to the ACS resource" },
            },
            recipients: { type: "Array", metadata: { description: "Email addresses to notify" } },
        },
        triggers: {
            manual: {
                type: "Request",
                kind: "Http",
                inputs: { method: "POST", schema: { type: "array", items: { type: "object" } } },
            },
        },
        actions: {
            Recipient_addresses: {
                type: "Select",
                inputs: { from: "@parameters('recipients')", select: { address: "@item()" } },
                runAfter: {},
            },
            Is_subscription_validation: {
                type: "If",
                expression: { and: [{ equals: ["@first(triggerBody())?['eventType']", SUBSCRIPTION_VALIDATION] }] },
                actions: { Validation_response: validationResponse() },
                else: { actions: notificationActions() },
                runAfter: { Recipient_addresses: ["Succeeded"] },
            },
        },
        outputs: {},
    };
}

function validationResponse(): Record<string, unknown> {
    return {
        type: "Response",
        kind: "Http",
        inputs: {
            statusCode: 200,
            headers: { "Content-Type": "application/json" },
            body: { validationResponse: "@first(triggerBody())?['data']?['validationCode']" },
        },
        runAfter: {},
    };
}

function notificationActions(): Record<string, unknown> {
    return {
        [LOOP]: {
            type: "Foreach",
            foreach: "@triggerBody()",
            actions: {
                Is_sms_received: {
                    type: "If",
                    expression: { and: [{ equals: [`@items('${LOOP}')?['eventType']`, SMS_RECEIVED] }] },
                    actions: { Send_email: sendEmail() },
                    // Any other event type: nothing to do (the subscription filter should not send them anyway).
                    else: { actions: {} },
                    runAfter: {},
                },
            },
            runAfter: {},
        },
        Notification_response: {
            type: "Response",
            kind: "Http",
            inputs: { statusCode: 200 },
            runAfter: { [LOOP]: ["Succeeded"] },
        },
        Retry_later_response: {
            type: "Response",
            kind: "Http",
            inputs: { statusCode: RETRY_LATER_STATUS },
            runAfter: { [LOOP]: ["Failed", "TimedOut"] },
        },
    };
}

function sendEmail(): Record<string, unknown> {
    return {
        type: "Http",
        inputs: {
            method: "POST",
            uri: `@{parameters('acsEndpoint')}/emails:send?api-version=${ACS_EMAIL_API_VERSION}`,
            headers: { "Content-Type": "application/json" },
            body: {
                senderAddress: "@parameters('sender')",
                recipients: { to: "@body('Recipient_addresses')" },
                content: {
                    subject: `SMS received from @{${dataField("from")}}`,
                    plainText: [
                        `From: @{${dataField("from")}}`,
                        `To: @{${dataField("to")}}`,
                        `Received: @{${dataField("receivedTimestamp")}}`,
                        `Message id: @{${dataField("messageId")}}`,
                        "",
                        `@{${dataField("message")}}`,
                    ].join("\n"),
                },
            },
            authentication: { type: "ManagedServiceIdentity", audience: ACS_AUDIENCE },
            retryPolicy: { type: "none" },
        },
        limit: { timeout: EMAIL_CALL_TIMEOUT },
        runAfter: {},
    };
}

/** `data.<key>` of the current event, in camelCase or PascalCase. */
function dataField(camel: string): string {
    const pascal = camel[0].toUpperCase() + camel.slice(1);
    const data = `items('${LOOP}')?['data']`;
    return `coalesce(${data}?['${camel}'], ${data}?['${pascal}'])`;
}

export interface LogicAppParameterValues {
    /** ACS resource endpoint; a trailing slash is removed. */
    readonly acsEndpoint: string;
    readonly sender: string;
    readonly recipients: readonly string[];
}

/**
 * Checked values in the shape `Microsoft.Logic/workflows` `parameters` expects (`{ name: { value } }`).
 * Throws naming the parameter, so a bad stack config fails at preview rather than at the first SMS.
 */
export function logicAppParameters(values: LogicAppParameterValues): Record<string, { value: unknown }> {
    const problems: string[] = [];
    const endpoint = values.acsEndpoint.trim().replace(/\/+$/, "");
    if (!/^https:\/\/[^/\s]+$/.test(endpoint))
        problems.push(`acsEndpoint "${values.acsEndpoint}" is not an https:// origin`);
    if (!isEmail(values.sender)) problems.push(`sender "${values.sender}" is not an email address`);
    if (values.recipients.length === 0) problems.push("recipients is empty");
    for (const r of values.recipients) if (!isEmail(r)) problems.push(`recipient "${r}" is not an email address`);
    if (problems.length) throw new Error(`Invalid Logic App parameters: ${problems.join("; ")}`);
    return {
        acsEndpoint: { value: endpoint },
        sender: { value: values.sender.trim() },
        recipients: { value: values.recipients.map((r) => r.trim()) },
    };
}

function isEmail(value: string): boolean {
    return /^[^@\s]+@[^@\s]+\.[^@\s]+$/.test(value.trim());
}
