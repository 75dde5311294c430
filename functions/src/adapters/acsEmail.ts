/**
 * Notifications through ACS Email (`EmailClient.beginSend`, a long-running operation).
 *
 * The line that matters is "accepted": once ACS has answered the send POST with 202, ACS owns the email and sending
 * it again would duplicate it. `beginSend` of @azure/communication-email 1.1 POSTs and then polls the status once
 * (`await poller.poll()` in sdk/communication/communication-email/src/generated/src/operations/email.ts of
 * https://github.com/Azure/azure-sdk-for-js), and rejects when that poll fails or reports "Failed" although ACS
 * accepted the email. So acceptance is read from the POST's own response (the `onResponse` hook every SDK operation
 * has), never from whether `beginSend` resolved. When no answer came back at all, `send` rejects: the caller must
 * then ask `status` before sending again (processBatch.ts records every send before making it for that reason).
 *
 * `status` asks ACS about an operation without sending: EmailClient 1.1 exposes no Get Send Result call, but
 * `beginSend` with `resumeFrom` rebuilds the poller from a serialized state without the POST and polls
 * `GET /emails/operations/{operationId}` once
 * (https://learn.microsoft.com/rest/api/communication/dataplane/email/get-send-result). A 404 there means ACS has no
 * operation with that id: the send never reached it.
 */
import { EmailClient, EmailMessage, EmailSendOptionalParams } from "@azure/communication-email";
import { NOT_FOUND, Notification, NotificationResult, Notifier } from "../ports";

export interface AcsEmailOptions {
    /** Verified sender address of the ACS Email domain, e.g. `DoNotReply@<domain>`. */
    readonly sender: string;
    readonly recipients: readonly string[];
    /** How long to wait for a terminal status after acceptance; the email is sent either way. */
    readonly statusTimeoutMs?: number;
    readonly pollIntervalMs?: number;
}

type RawResponse = Parameters<NonNullable<EmailSendOptionalParams["onResponse"]>>[0];

const TERMINAL = ["Succeeded", "Failed", "Canceled"];

/** What ACS answered during one SDK call, whatever the SDK made of it. */
class Answers {
    accepted = false;
    notFound = false;
    /** The last operation status ACS reported. */
    status?: string;

    readonly onResponse = (raw: RawResponse): void => {
        const ok = raw.status >= 200 && raw.status < 300;
        if (raw.request.method === "POST" && ok) this.accepted = true;
        if (raw.request.method === "GET" && raw.status === 404) this.notFound = true;
        const body = raw.parsedBody as { status?: unknown } | undefined;
        if (ok && typeof body?.status === "string") this.status = body.status;
    };

    result(operationId: string): NotificationResult {
        return { operationId, status: this.status && TERMINAL.includes(this.status) ? this.status : "Accepted" };
    }
}

export class AcsEmailNotifier implements Notifier {
    constructor(
        private readonly client: EmailClient,
        private readonly options: AcsEmailOptions,
    ) {
        if (options.recipients.length === 0) throw new Error("AcsEmailNotifier needs at least one recipient");
    }

    async send(notification: Notification, operationId: string): Promise<NotificationResult> {
        const answers = new Answers();
        let poller: Awaited<ReturnType<EmailClient["beginSend"]>>;
        try {
            poller = await this.client.beginSend(this.message(notification), {
                ...this.callOptions(answers),
                operationId,
            });
        } catch (e) {
            if (answers.accepted) return answers.result(operationId);
            throw e;
        }
        // Accepted from here on: whatever the status polls do, the email is not sent again.
        try {
            const result = await poller.pollUntilDone({
                abortSignal: AbortSignal.timeout(this.options.statusTimeoutMs ?? 15_000),
            });
            return { operationId: result.id || operationId, status: result.status };
        } catch {
            return answers.result(operationId);
        }
    }

    async status(operationId: string): Promise<NotificationResult> {
        const answers = new Answers();
        try {
            // The message is required by the signature but never sent: a resumed poller only polls.
            await this.client.beginSend(this.message({ subject: "", plainText: "" }), {
                ...this.callOptions(answers),
                resumeFrom: resumeState(operationId),
            });
        } catch (e) {
            if (answers.notFound) return { operationId, status: NOT_FOUND };
            if (!answers.status) throw e;
        }
        return answers.result(operationId);
    }

    private callOptions(answers: Answers): EmailSendOptionalParams {
        return { updateIntervalInMs: this.options.pollIntervalMs ?? 1000, onResponse: answers.onResponse };
    }

    private message(notification: Notification): EmailMessage {
        return {
            senderAddress: this.options.sender,
            recipients: { to: this.options.recipients.map((address) => ({ address })) },
            content: { subject: notification.subject, plainText: notification.plainText },
        };
    }
}

/**
 * The state `poller.toString()` serializes (@azure/core-lro 2.x `createHttpPoller`), for an operation known only by
 * its id. A relative operation location resolves against the client's endpoint and gets the client's api-version.
 */
function resumeState(operationId: string): string {
    const operationLocation = `/emails/operations/${encodeURIComponent(operationId)}`;
    return JSON.stringify({
        state: { status: "running", config: { metadata: { mode: "OperationLocation" }, operationLocation } },
    });
}
