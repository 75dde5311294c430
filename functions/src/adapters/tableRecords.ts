/**
 * SMS records in Table Storage: PartitionKey = ACS phone number (digits), RowKey = ACS message id. Partitioning by
 * our number keeps one number's conversation in one partition (cheap range queries per line) and spreads load
 * across numbers. Rows of partition `ledger` (tableLedger.ts) share the table but never collide: numbers are digits.
 *
 * Both writes (an inbound SMS, a delivery report) go through one guarded write: read, compare, ETag-conditional
 * write. Event Grid does not order deliveries (https://learn.microsoft.com/azure/event-grid/delivery-and-retry), so
 * a row keeps the LATEST write: by `statusAt`, then by status rank (a tie between a received SMS and a report, or
 * between two reports, always ends the same way), then by event id. A write that is not later is "stale" and changes
 * nothing; an ETag conflict (a concurrent write) re-reads and compares again. So a report before its SMS, or any
 * number of concurrent arrivals, end in the same status and the same values of the winning write; a replay of the
 * same event rewrites the same values. Fields only a losing write carries may remain from a merge that came first.
 */
import { TableClient } from "@azure/data-tables";
import { DeliveryUpdate, InboundRecord, RecordStore } from "../ports";
import { definedOnly, hasStatus, requireEtag } from "./restErrors";

type RecordWrite = InboundRecord | DeliveryUpdate;

/** What orders two writes of one row. */
interface WriteOrder {
    statusAt?: string;
    status?: string;
    eventId?: string;
}

/** Tie-break for equal times: the later in an SMS's life wins (received < unknown < failed < delivered). */
const STATUS_RANK: Readonly<Record<string, number>> = { received: 0, unknown: 1, failed: 2, delivered: 3 };

export class TableRecordStore implements RecordStore {
    constructor(
        private readonly table: TableClient,
        private readonly maxConflicts = 5,
    ) {}

    recordInbound(record: InboundRecord): Promise<"applied" | "stale"> {
        return this.guardedWrite(record);
    }

    /** Merge, not replace: the sending side may have stored the outbound message on the row; a report keeps it. */
    applyDeliveryReport(update: DeliveryUpdate): Promise<"applied" | "stale"> {
        return this.guardedWrite(update);
    }

    private async guardedWrite(write: RecordWrite): Promise<"applied" | "stale"> {
        const entity = definedOnly({ ...write });
        for (let attempt = 0; attempt < this.maxConflicts; attempt++) {
            const current = await this.tryGet(write.partitionKey, write.rowKey);
            if (!current) {
                if (await this.tryCreate(entity)) return "applied";
                continue;
            }
            if (compareWrites(current, write) > 0) return "stale";
            if (await this.tryMerge(entity, current.etag)) return "applied";
        }
        throw new Error(
            `record ${write.partitionKey}/${write.rowKey} kept changing under ${this.maxConflicts} attempts`,
        );
    }

    private async tryGet(partitionKey: string, rowKey: string): Promise<(WriteOrder & { etag: string }) | undefined> {
        try {
            const entity = await this.table.getEntity<WriteOrder>(partitionKey, rowKey);
            return {
                statusAt: entity.statusAt,
                status: entity.status,
                eventId: entity.eventId,
                etag: requireEtag(entity.etag),
            };
        } catch (e) {
            if (hasStatus(e, 404)) return undefined;
            throw e;
        }
    }

    private async tryCreate(entity: RecordWrite): Promise<boolean> {
        try {
            await this.table.createEntity(entity);
            return true;
        } catch (e) {
            if (hasStatus(e, 409)) return false;
            throw e;
        }
    }

    private async tryMerge(entity: RecordWrite, etag: string): Promise<boolean> {
        try {
            await this.table.updateEntity(entity, "Merge", { etag });
            return true;
        } catch (e) {
            if (hasStatus(e, 412)) return false;
            throw e;
        }
    }
}

/** > 0 when `a` is the later write. A row written before statusAt existed (no time) loses to any timed write. */
export function compareWrites(a: WriteOrder, b: WriteOrder): number {
    return (
        time(a.statusAt) - time(b.statusAt) ||
        (STATUS_RANK[a.status ?? ""] ?? -1) - (STATUS_RANK[b.status ?? ""] ?? -1) ||
        order(a.eventId ?? "", b.eventId ?? "")
    );
}

/** Code-unit order, not localeCompare: the outcome must not depend on the host's locale. */
function order(a: string, b: string): number {
    return a < b ? -1 : a > b ? 1 : 0;
}

function time(iso: string | undefined): number {
    const t = iso === undefined ? NaN : Date.parse(iso);
    return Number.isNaN(t) ? -Infinity : t;
}
