/**
 * A compressible clock: at `speed` 600, Event Grid's 10-minute retry wait passes in one real second. Time the
 * engine reads (`now`) is virtual: it starts at the real time and runs `speed` times faster, so publish times,
 * time-to-live checks and dead-letter blob paths stay consistent with the waits.
 *
 * Every pending wait is tracked so `stop()` can cancel them all: a stopped loop leaves no timer behind.
 */
export interface Clock {
    readonly speed: number;
    now(): number;
    /** Resolves after `virtualMs` of virtual time, or rejects with ClockStopped once the clock is stopped. */
    sleep(virtualMs: number): Promise<void>;
    stop(): void;
}

export class ClockStopped extends Error {
    constructor() {
        super("the local Event Grid clock was stopped");
    }
}

export function compressedClock(speed: number, start = Date.now()): Clock {
    if (!(speed >= 1 && Number.isFinite(speed))) throw new Error(`--speed must be a number ≥ 1, got ${speed}`);
    const realStart = Date.now();
    const pending = new Map<NodeJS.Timeout, () => void>();
    let stopped = false;
    return {
        speed,
        now: () => start + (Date.now() - realStart) * speed,
        sleep(virtualMs: number): Promise<void> {
            if (stopped) return Promise.reject(new ClockStopped());
            return new Promise((resolve, reject) => {
                const timer = setTimeout(() => {
                    pending.delete(timer);
                    resolve();
                }, Math.max(0, virtualMs / speed));
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
