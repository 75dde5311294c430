/**
 * The per-event ledger in Table Storage: one row per `(eventType, id)` in partition `ledger` of the records table,
 * holding the step flags and a lease. Every write after the first is conditional on the ETag read or written last,
 * so two deliveries of the same event can never both believe they own it.
 *
 * Why a lease with an expiry and not just "row exists = done": a delivery that crashes half-way must not block the
 * event forever. If it failed cleanly it releases the lease (the retry proceeds at once); if the process died, the
 * next delivery after `leaseMs` takes over and resumes from the first unfinished step.
 * `leaseMs` (default 6 min) is longer than the host's function timeout (host.json `functionTimeout` 5 min), so a
 * live, slow delivery is never overtaken.
 *
 * The trade-off, stated: a HARD crash (the process dies, nothing is released) holds the event until the lease ends.
 * Event Grid retries after 10 s, 30 s, 1 min, 5 min, 10 min, 30 min, 1 h, ...
 * (https://learn.microsoft.com/azure/event-grid/delivery-and-retry), i.e. about 0:10, 0:40, 1:40 and 6:40 after the
 * first attempt: attempts 2–4 find the lease live and ask for a retry, the 5th takes over. So a crash before the
 * email delays it by about 7 minutes. Catching the 4th attempt would need a lease under ~100 s (less Event Grid's
 * randomisation) AND a function timeout under the lease; otherwise a live delivery could be overtaken while its
 * email send is in flight, and the overtaking delivery, finding no operation at ACS yet, would send a second email.
 * A rare 7-minute delay is the better failure than a duplicate, so the lease stays above the 5-minute timeout.
 */
import { TableClient } from "@azure/data-tables";
import { Claim, ClaimResult, EventLedger, LeaseLostError, LedgerKey, StepFlags, StepName, STEPS } from "../ports";
import { hasStatus, requireEtag } from "./restErrors";

export const LEDGER_PARTITION = "ledger";
export const DEFAULT_LEASE_MS = 6 * 60 * 1000;

interface LedgerRow extends Record<StepName, boolean> {
    partitionKey: string;
    rowKey: string;
    eventType: string;
    eventId: string;
    leaseOwner: string;
    leaseUntil: string;
    deliveries: number;
    completedAt?: string;
    emailOperationId?: string;
    emailAttemptAt?: string;
}

export interface TableLedgerOptions {
    readonly leaseMs?: number;
    /** Conditional-write conflicts retried before answering "busy". */
    readonly maxConflicts?: number;
}

export function ledgerRowKey(key: LedgerKey): string {
    // Keys may not contain / \ # ?; URI-encoding the id removes them (ids are at most 256 characters).
    return `${key.eventType}|${encodeURIComponent(key.eventId)}`;
}

export class TableLedger implements EventLedger {
    private readonly leaseMs: number;
    private readonly maxConflicts: number;

    constructor(
        private readonly table: TableClient,
        options: TableLedgerOptions = {},
    ) {
        this.leaseMs = options.leaseMs ?? DEFAULT_LEASE_MS;
        this.maxConflicts = options.maxConflicts ?? 3;
    }

    async claim(key: LedgerKey, owner: string, now: Date): Promise<ClaimResult> {
        const created = await this.tryCreate(key, owner, now);
        if (created) return { state: "claimed", claim: created };
        for (let attempt = 0; attempt < this.maxConflicts; attempt++) {
            const { row, etag } = await this.read(key);
            if (row.completedAt || STEPS.every((s) => row[s])) return { state: "done" };
            if (Date.parse(row.leaseUntil) > now.getTime() && row.leaseOwner !== owner) {
                return { state: "busy", leaseUntil: row.leaseUntil };
            }
            const taken = await this.tryTakeOver(key, row, etag, owner, now);
            if (taken) return { state: "claimed", claim: taken };
        }
        return { state: "busy", leaseUntil: "another delivery won the takeover" };
    }

    async markDone(claim: Claim, step: StepName, now: Date, details: Record<string, string> = {}): Promise<Claim> {
        const steps: StepFlags = { ...claim.steps, [step]: true };
        const finished = STEPS.every((s) => steps[s]);
        // The last step also ends the lease, so nothing waits on a finished event.
        const patch = finished ? { completedAt: now.toISOString(), leaseUntil: now.toISOString() } : {};
        const etag = await this.conditionalMerge(claim, { [step]: true, ...details, ...patch });
        return { ...claim, etag, steps };
    }

    async recordEmailAttempt(claim: Claim, operationId: string, now: Date): Promise<Claim> {
        const emailAttemptAt = now.toISOString();
        const etag = await this.conditionalMerge(claim, { emailOperationId: operationId, emailAttemptAt });
        return { ...claim, etag, emailOperationId: operationId, emailAttemptAt };
    }

    async release(claim: Claim): Promise<void> {
        await this.conditionalMerge(claim, { leaseUntil: new Date(0).toISOString() });
    }

    private async tryCreate(key: LedgerKey, owner: string, now: Date): Promise<Claim | undefined> {
        const row: LedgerRow = {
            partitionKey: LEDGER_PARTITION,
            rowKey: ledgerRowKey(key),
            eventType: key.eventType,
            eventId: key.eventId,
            recorded: false,
            ticketed: false,
            emailed: false,
            leaseOwner: owner,
            leaseUntil: this.leaseEnd(now),
            deliveries: 1,
        };
        try {
            const { etag } = await this.table.createEntity(row);
            return claimFrom(key, owner, etag, row);
        } catch (e) {
            if (hasStatus(e, 409)) return undefined;
            throw e;
        }
    }

    private async tryTakeOver(
        key: LedgerKey,
        row: LedgerRow,
        etag: string,
        owner: string,
        now: Date,
    ): Promise<Claim | undefined> {
        const patch = { leaseOwner: owner, leaseUntil: this.leaseEnd(now), deliveries: (row.deliveries ?? 0) + 1 };
        try {
            const result = await this.table.updateEntity(
                { partitionKey: LEDGER_PARTITION, rowKey: ledgerRowKey(key), ...patch },
                "Merge",
                { etag },
            );
            return claimFrom(key, owner, result.etag, { ...row, ...patch });
        } catch (e) {
            if (hasStatus(e, 412)) return undefined;
            throw e;
        }
    }

    private async read(key: LedgerKey): Promise<{ row: LedgerRow; etag: string }> {
        const entity = await this.table.getEntity<LedgerRow>(LEDGER_PARTITION, ledgerRowKey(key));
        return { row: entity, etag: entity.etag };
    }

    private async conditionalMerge(claim: Claim, patch: Record<string, unknown>): Promise<string> {
        try {
            const result = await this.table.updateEntity(
                { partitionKey: LEDGER_PARTITION, rowKey: ledgerRowKey(claim.key), ...patch },
                "Merge",
                { etag: claim.etag },
            );
            return requireEtag(result.etag);
        } catch (e) {
            if (hasStatus(e, 412)) throw new LeaseLostError(claim.key);
            throw e;
        }
    }

    private leaseEnd(now: Date): string {
        return new Date(now.getTime() + this.leaseMs).toISOString();
    }
}

function claimFrom(key: LedgerKey, owner: string, etag: string | undefined, row: LedgerRow): Claim {
    return {
        key,
        owner,
        etag: requireEtag(etag),
        steps: { recorded: !!row.recorded, ticketed: !!row.ticketed, emailed: !!row.emailed },
        deliveries: row.deliveries,
        ...(row.emailOperationId ? { emailOperationId: row.emailOperationId, emailAttemptAt: row.emailAttemptAt } : {}),
    };
}
