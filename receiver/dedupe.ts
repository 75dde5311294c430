/**
 * Remembers which events were handled, so Event Grid's at-least-once redeliveries reach user code once.
 * Event ids are unique per event type and publisher, so the key is `<eventType>|<id>`.
 */
export interface DedupeStore {
    seen(key: string): Promise<boolean>;
    /** Called only after user code succeeded for the event. */
    remember(key: string): Promise<void>;
}

/**
 * In-memory, bounded (oldest forgotten first). Enough for one instance; a scaled-out or restarted receiver needs a
 * durable store (a table keyed by the same string) — see functions/src/adapters/tableLedger.ts for one.
 * Event Grid retries for at most 24 hours, so 100,000 keys cover a busy receiver's redelivery window.
 */
export class MemoryDedupe implements DedupeStore {
    private readonly keys = new Set<string>();

    constructor(private readonly capacity = 100_000) {}

    async seen(key: string): Promise<boolean> {
        return this.keys.has(key);
    }

    async remember(key: string): Promise<void> {
        this.keys.add(key);
        if (this.keys.size > this.capacity) this.keys.delete(this.keys.values().next().value!);
    }
}
