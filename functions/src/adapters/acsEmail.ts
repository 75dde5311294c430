/**
 * Notifications through ACS Email (`EmailClient.beginSend`, a long-running operation).
 *
 * The line that matters is "accepted": once `beginSend` resolves, ACS has answered the POST with 202 and owns the
 * send. A failure BEFORE that point rejects (nothing was sent, so the event's retry may send again); anything AFTER
 * it — a slow or failed status poll, a terminal "Failed" — resolves with the status we saw, because re-sending an
 * accepted email would duplicate it, and a content/recipient failure would not be fixed by a retry anyway.
 */
import { EmailClient, EmailMessage } from "@azure/communication-email";
import { Notification, NotificationResult, Notifier } from "../ports";

export interface AcsEmailOptions {
    /** Verified sender address of the ACS Email domain, e.g. `DoNotReply@<domain>`. */
    readonly sender: string;
    readonly recipients: readonly string[];
    /** How long to wait for a terminal status after acceptance; the email is sent either way. */
    readonly statusTimeoutMs?: number;
    readonly pollIntervalMs?: number;
}

export class AcsEmailNotifier implements Notifier {
    constructor(private readonly client: EmailClient, private readonly options: AcsEmailOptions) {
        if (options.recipients.length === 0) throw new Error("AcsEmailNotifier needs at least one recipient");
    }

    async send(notification: Notification, operationId: string): Promise<NotificationResult> {
        const poller = await this.client.beginSend(this.message(notification), {
            operationId,
            updateIntervalInMs: this.options.pollIntervalMs ?? 1000,
        });
        // Accepted from here on (see the module comment).
        try {
            const result = await poller.pollUntilDone({ abortSignal: AbortSignal.timeout(this.options.statusTimeoutMs ?? 15_000) });
            return { operationId: result.id || operationId, status: result.status };
        } catch {
            return { operationId, status: poller.getOperationState().status === "failed" ? "Failed" : "Accepted" };
        }
    }

    private message(notification: Notification): EmailMessage {
        return {
            senderAddress: this.options.sender,
            recipients: { to: this.options.recipients.map((address) => ({ address })) },
            content: { subject: notification.subject, plainText: notification.plainText },
        };
    }
}
