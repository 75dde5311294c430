/**
 * Hard crashes around the email send, and a seeded random source for the fault tests.
 *
 * A crash is the host process dying: "before" the send (nothing reaches ACS) or "after" it (ACS accepted the email,
 * the ledger never hears of it). A dead process releases nothing, so the wrapped ledger skips `release` for the
 * delivery that crashed, and the event waits for its lease to expire exactly as it would in production.
 */
import { operationIdFor } from "../../src/idempotency";
import { EventLedger, LedgerKey, Notifier } from "../../src/ports";

export type CrashPoint = "beforeSend" | "afterSend";

export class CrashInjector {
    /** Crashes still to happen, by the event's email operation id. */
    private readonly planned = new Map<string, CrashPoint>();
    /** Deliveries that crashed and must not release their lease. */
    private readonly dead = new Set<string>();
    readonly happened: { operationId: string; point: CrashPoint }[] = [];

    plan(key: LedgerKey, point: CrashPoint): void {
        this.planned.set(operationIdFor(key), point);
    }

    notifier(inner: Notifier): Notifier {
        return {
            send: async (notification, operationId) => {
                const point = this.planned.get(operationId);
                this.planned.delete(operationId);
                if (point === "beforeSend") throw this.die(operationId, point);
                const sent = await inner.send(notification, operationId);
                if (point === "afterSend") throw this.die(operationId, point);
                return sent;
            },
            status: (operationId) => inner.status(operationId),
        };
    }

    ledger(inner: EventLedger): EventLedger {
        return {
            claim: (...a) => inner.claim(...a),
            markDone: (...a) => inner.markDone(...a),
            recordEmailAttempt: (...a) => inner.recordEmailAttempt(...a),
            release: (claim) =>
                this.dead.delete(operationIdFor(claim.key)) ? Promise.resolve() : inner.release(claim),
        };
    }

    private die(operationId: string, point: CrashPoint): Error {
        this.dead.add(operationId);
        this.happened.push({ operationId, point });
        return new Error(`process killed (${point})`);
    }
}

/** mulberry32: a small seeded PRNG, so a failing fault run can be replayed with the same seed. */
export function seededRandom(seed: number): () => number {
    let a = seed >>> 0;
    return () => {
        a = (a + 0x6d2b79f5) >>> 0;
        let t = a;
        t = Math.imul(t ^ (t >>> 15), t | 1);
        t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
        return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
    };
}
