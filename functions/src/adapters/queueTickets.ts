/**
 * Tickets on a Storage queue. Messages are base64-encoded JSON because that is what an Azure Functions queue
 * trigger (the likely consumer) decodes by default (`messageEncoding: base64`); a plain-text message would be
 * rejected there as poison.
 */
import { QueueClient } from "@azure/storage-queue";
import { Ticket, TicketQueue } from "../ports";

export class StorageTicketQueue implements TicketQueue {
    constructor(private readonly queue: QueueClient) {}

    async enqueue(ticket: Ticket): Promise<void> {
        await this.queue.sendMessage(encodeTicket(ticket));
    }
}

export function encodeTicket(ticket: Ticket): string {
    return Buffer.from(JSON.stringify(ticket), "utf8").toString("base64");
}

export function decodeTicket(messageText: string): Ticket {
    return JSON.parse(Buffer.from(messageText, "base64").toString("utf8")) as Ticket;
}
