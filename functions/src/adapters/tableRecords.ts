/**
 * SMS records in Table Storage: PartitionKey = ACS phone number (digits), RowKey = ACS message id. Partitioning by
 * our number keeps one number's conversation in one partition (cheap range queries per line) and spreads load
 * across numbers. Rows of partition `ledger` (tableLedger.ts) share the table but never collide: numbers are digits.
 */
import { TableClient } from "@azure/data-tables";
import { DeliveryUpdate, InboundRecord, RecordStore } from "../ports";
import { definedOnly, hasStatus, requireEtag } from "./restErrors";

interface StoredStatus {
    statusAt?: string;
}

export class TableRecordStore implements RecordStore {
    constructor(private readonly table: TableClient, private readonly maxConflicts = 5) {}

    async recordInbound(record: InboundRecord): Promise<void> {
        // Merge-upsert is idempotent: a replay rewrites identical values.
        await this.table.upsertEntity(definedOnly({ ...record }), "Merge");
    }

    /**
     * Read-compare-write under the row's ETag, because delivery order means nothing: an older report arriving late
     * must not overwrite a newer status, and two reports racing must not lose one another's update.
     */
    async applyDeliveryReport(update: DeliveryUpdate): Promise<"applied" | "stale"> {
        const entity = definedOnly({ ...update });
        for (let attempt = 0; attempt < this.maxConflicts; attempt++) {
            const current = await this.tryGet(update.partitionKey, update.rowKey);
            if (!current) {
                if (await this.tryCreate(entity)) return "applied";
                continue;
            }
            if (current.statusAt && Date.parse(current.statusAt) > Date.parse(update.statusAt)) return "stale";
            if (await this.tryMerge(entity, current.etag)) return "applied";
        }
        throw new Error(`record ${update.partitionKey}/${update.rowKey} kept changing under ${this.maxConflicts} attempts`);
    }

    private async tryGet(partitionKey: string, rowKey: string): Promise<(StoredStatus & { etag: string }) | undefined> {
        try {
            const entity = await this.table.getEntity<StoredStatus>(partitionKey, rowKey);
            return { statusAt: entity.statusAt, etag: requireEtag(entity.etag) };
        } catch (e) {
            if (hasStatus(e, 404)) return undefined;
            throw e;
        }
    }

    private async tryCreate(entity: DeliveryUpdate): Promise<boolean> {
        try {
            await this.table.createEntity(entity);
            return true;
        } catch (e) {
            if (hasStatus(e, 409)) return false;
            throw e;
        }
    }

    private async tryMerge(entity: DeliveryUpdate, etag: string): Promise<boolean> {
        try {
            await this.table.updateEntity(entity, "Merge", { etag });
            return true;
        } catch (e) {
            if (hasStatus(e, 412)) return false;
            throw e;
        }
    }
}
