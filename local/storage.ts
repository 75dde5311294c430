/**
 * What Event Grid writes into Azure Storage, written into Azurite: storage-queue messages and dead-letter blobs.
 * Azurite has one account (devstoreaccount1), so every storage account of the stack maps onto it; queue and
 * container names are the stack's own.
 */
import { randomUUID } from "node:crypto";
import { TableClient } from "@azure/data-tables";
import { BlobServiceClient } from "@azure/storage-blob";
import { QueueServiceClient } from "@azure/storage-queue";

/** Event Grid's TTL for a queue message when the subscription sets none: 7 days (the page cited at enqueue). */
export const DEFAULT_QUEUE_MESSAGE_TTL_SECONDS = 7 * 24 * 3600;

export interface DeadLetterInfo {
    readonly deadLetterReason: string;
    readonly deliveryAttempts: number;
    readonly lastDeliveryOutcome: string;
    readonly lastHttpStatusCode?: number;
    readonly publishTime: number;
    readonly lastDeliveryAttemptTime: number;
}

export class LocalStorage {
    private readonly queues: QueueServiceClient;
    private readonly blobs: BlobServiceClient;

    constructor(readonly connectionString: string) {
        this.queues = QueueServiceClient.fromConnectionString(connectionString);
        this.blobs = BlobServiceClient.fromConnectionString(connectionString);
    }

    /** The stack creates its queues and containers; so does the loop, once, before anything is delivered. */
    async ensureQueue(name: string): Promise<void> {
        await this.queues.getQueueClient(name).createIfNotExists();
    }

    async ensureContainer(name: string): Promise<void> {
        await this.blobs.getContainerClient(name).createIfNotExists();
    }

    async ensureTable(name: string): Promise<void> {
        await TableClient.fromConnectionString(this.connectionString, name, {
            allowInsecureConnection: true,
        }).createTable();
    }

    /** Every queue, table and blob container the stack declares (azure-native storage:Queue/Table/BlobContainer). */
    async createDeclared(resources: readonly { type: string; inputs: Record<string, any> }[]): Promise<string[]> {
        const made: string[] = [];
        for (const r of resources) {
            if (r.type === "azure-native:storage:Queue") await this.ensureQueue(r.inputs.queueName);
            else if (r.type === "azure-native:storage:Table") await this.ensureTable(r.inputs.tableName);
            else if (r.type === "azure-native:storage:BlobContainer")
                await this.ensureContainer(r.inputs.containerName);
            else continue;
            made.push(
                `${r.type.split(":").pop()} ${r.inputs.queueName ?? r.inputs.tableName ?? r.inputs.containerName}`,
            );
        }
        return made;
    }

    /**
     * One message per event, the event's JSON base64-encoded, as Event Grid writes them (observed and reported in
     * https://github.com/MicrosoftDocs/azure-docs/issues/102923 — older docs said plain text). TTL is the
     * subscription's `queueMessageTimeToLiveInSeconds` (-1: never expires; default 7 days,
     * https://learn.microsoft.com/azure/event-grid/delivery-properties, section "Configure time to live on outgoing
     * events to Azure Storage queues").
     */
    async enqueue(queue: string, event: unknown, ttlSeconds: number | undefined): Promise<string> {
        const text = Buffer.from(JSON.stringify(event), "utf8").toString("base64");
        const sent = await this.queues
            .getQueueClient(queue)
            .sendMessage(text, { messageTimeToLive: ttlSeconds ?? DEFAULT_QUEUE_MESSAGE_TTL_SECONDS });
        return sent.messageId;
    }

    async peekQueue(queue: string, max = 32): Promise<unknown[]> {
        const peeked = await this.queues.getQueueClient(queue).peekMessages({ numberOfMessages: max });
        return peeked.peekedMessageItems.map((m) => JSON.parse(Buffer.from(m.messageText, "base64").toString("utf8")));
    }

    /**
     * A dead-letter blob: `<container>/<SUBSCRIPTION NAME IN UPPER CASE>/<Y>/<M>/<D>/<H>/<guid>.json`, UTC, not
     * zero-padded, holding an array of the events with the dead-letter properties added
     * (https://learn.microsoft.com/azure/event-grid/manage-event-delivery#set-dead-letter-location and
     * https://learn.microsoft.com/azure/event-grid/delivery-and-retry#dead-letter-events). `lastHttpStatusCode`
     * is not on those pages; it appears in dead-letter blobs read by community tools (e.g. mystiqu/tools
     * EventGridDeadLetterEvent.cs) and is kept because it is what a user debugging a failure wants.
     */
    async writeDeadLetter(
        container: string,
        subscription: string,
        events: readonly Record<string, unknown>[],
        info: DeadLetterInfo,
        atMs: number,
    ): Promise<string> {
        const t = new Date(atMs);
        const name = [
            subscription.toUpperCase(),
            t.getUTCFullYear(),
            t.getUTCMonth() + 1,
            t.getUTCDate(),
            t.getUTCHours(),
            `${randomUUID()}.json`,
        ].join("/");
        const body = JSON.stringify(
            events.map((e) => ({
                ...e,
                deadLetterReason: info.deadLetterReason,
                deliveryAttempts: info.deliveryAttempts,
                lastDeliveryOutcome: info.lastDeliveryOutcome,
                ...(info.lastHttpStatusCode !== undefined ? { lastHttpStatusCode: info.lastHttpStatusCode } : {}),
                publishTime: new Date(info.publishTime).toISOString(),
                lastDeliveryAttemptTime: new Date(info.lastDeliveryAttemptTime).toISOString(),
            })),
        );
        await this.blobs
            .getContainerClient(container)
            .getBlockBlobClient(name)
            .upload(body, Buffer.byteLength(body), {
                blobHTTPHeaders: { blobContentType: "application/json" },
            });
        return `${container}/${name}`;
    }

    async countRows(table: string): Promise<number> {
        let n = 0;
        for await (const _ of TableClient.fromConnectionString(this.connectionString, table, {
            allowInsecureConnection: true,
        }).listEntities())
            n++;
        return n;
    }

    async listBlobs(container: string): Promise<string[]> {
        const names: string[] = [];
        for await (const b of this.blobs.getContainerClient(container).listBlobsFlat()) names.push(b.name);
        return names;
    }

    async readBlob(container: string, name: string): Promise<unknown> {
        const buf = await this.blobs.getContainerClient(container).getBlobClient(name).downloadToBuffer();
        return JSON.parse(buf.toString("utf8"));
    }
}
