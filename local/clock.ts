/**
 * A compressible clock: at `speed` 600, Event Grid's 10-minute retry wait passes in one real second. Only waits
 * are compressed; each delivery keeps its own timeline of virtual time (engine.ts), so time-to-live checks and
 * dead-letter paths do not depend on the speed.
 *
 * Every pending wait is tracked so `stop()` can cancel them all: a stopped loop leaves no timer behind.
 */
export interface Clock {
    readonly speed: number;
    /** Resolves after `virtualMs` of virtual time, or rejects with ClockStopped once the clock is stopped. */
    sleep(virtualMs: number): Promise<void>;
    stop(): void;
}

export class ClockStopped extends Error {
    constructor() {
        super("the local Event Grid clock was stopped");
    }
}

export function compressedClock(speed: number): Clock {
    if (!(speed >= 1 && Number.isFinite(speed))) throw new Error(`--speed must be a number ≥ 1, got ${speed}`);
    const pending = new Map<NodeJS.Timeout, () => void>();
    let stopped = false;
    return {
        speed,
        sleep(virtualMs: number): Promise<void> {
            if (stopped) return Promise.reject(new ClockStopped());
            return new Promise((resolve, reject) => {
                const timer = setTimeout(
                    () => {
                        pending.delete(timer);
                        resolve();
                    },
                    Math.max(0, virtualMs / speed),
                );
                pending.set(timer, () => reject(new ClockStopped()));
            });
        },
        stop() {
            stopped = true;
            for (const [timer, cancel] of pending) {
                clearTimeout(timer);
                cancel();
            }
            pending.clear();
        },
    };
}
