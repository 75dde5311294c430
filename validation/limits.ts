/**
 * Event Grid's own delivery header prefix: "don't use the aeg- prefix as it's used by system properties"
 * (https://learn.microsoft.com/azure/event-grid/delivery-properties). LIMITS.deliveryHeaderName refuses it too.
 */
export const RESERVED_HEADER_PREFIX = "aeg-";

/** Whether a header name starts with Event Grid's reserved prefix, in any letter case. */
export function hasReservedHeaderPrefix(name: string): boolean {
    return name.toLowerCase().startsWith(RESERVED_HEADER_PREFIX);
}

/**
 * Event Grid and ACS limits our validation enforces. Sources:
 * https://learn.microsoft.com/azure/event-grid/quotas-limits,
 * https://learn.microsoft.com/azure/event-grid/event-filtering,
 * https://learn.microsoft.com/azure/event-grid/delivery-and-retry,
 * https://learn.microsoft.com/azure/event-grid/system-topics.
 */
export const LIMITS = {
    subscriptionsPerTopic: 500,
    advancedFiltersPerSubscription: 25,
    advancedFilterValuesPerSubscription: 25,
    advancedFilterStringLength: 512,
    maxDeliveryAttempts: { min: 1, max: 30, default: 30 },
    eventTimeToLiveInMinutes: { min: 1, max: 1440, default: 1440 },
    maxEventsPerBatch: { min: 1, max: 5000, default: 1 },
    preferredBatchSizeInKilobytes: { min: 1, max: 1024, default: 64 },
    deliveryAttributeMappings: 10,
    /**
     * https://learn.microsoft.com/azure/event-grid/delivery-properties: "Each header value shouldn't be greater than
     * 4,096 (4K) bytes."
     */
    deliveryHeaderValueBytes: 4096,
    /**
     * A delivery header's name: not Event Grid's own prefix (RESERVED_HEADER_PREFIX above); letters, digits and
     * hyphens, at most 128, is this project's conservative rule for an HTTP header name.
     */
    deliveryHeaderName: new RegExp(`^(?!${RESERVED_HEADER_PREFIX})[A-Za-z0-9-]{1,128}$`, "i"),
    subscriptionName: /^[A-Za-z0-9-]{3,64}$/,
    systemTopicName: /^[A-Za-z0-9-]{3,128}$/,
    communicationServiceName: /^[-\w]{1,63}$/,
    storageAccountName: /^[a-z0-9]{3,24}$/,
    blobContainerName: /^[a-z0-9](?!.*--)[a-z0-9-]{1,61}[a-z0-9]$/,
    queueName: /^[a-z0-9](?!.*--)[a-z0-9-]{1,61}[a-z0-9]$/,
} as const;

/**
 * Flex Consumption instance memory sizes the service accepts today: 2048 and 4096 MB
 * (https://learn.microsoft.com/azure/azure-functions/flex-consumption-plan#instance-memory). The docs also list 512 MB,
 * but Microsoft.Web/sites@2024-04-01 rejected `instanceMemoryMB: 512`
 * (https://github.com/Azure/azure-rest-api-specs/issues/40898,
 * still open; reported fixed in some regions only), so 512 is refused until the fix is confirmed everywhere. Azure's
 * Load Testing API also lists only 2048 and 4096 as a Flex app's supported sizes
 * (https://learn.microsoft.com/javascript/api/@azure-rest/load-testing/functionflexconsumptionresourceconfiguration).
 */
export const FLEX_INSTANCE_MEMORY_MB = [2048, 4096] as const;

/**
 * Event Grid's retry schedule (delays after each failed attempt); after 6 h it retries every 12 h up to 24 h
 * (https://learn.microsoft.com/azure/event-grid/delivery-and-retry, "Retry schedule"). The local loop
 * (local/retryPolicy.ts) reads it from here.
 */
export const RETRY_SCHEDULE_SECONDS: readonly number[] = [10, 30, 60, 300, 600, 1800, 3600, 10800, 21600];
/** The delay between retries once RETRY_SCHEDULE_SECONDS is used up (same page). */
export const RETRY_THEN_EVERY_SECONDS = 43200;

/**
 * How many delivery attempts fit into a TTL under Event Grid's schedule: the first attempt is immediate, then
 * one attempt per schedule step while the cumulative delay stays within the TTL.
 */
export function attemptsWithinTtl(ttlMinutes: number): number {
    const ttl = ttlMinutes * 60;
    let elapsed = 0;
    let attempts = 1;
    for (const delay of RETRY_SCHEDULE_SECONDS) {
        elapsed += delay;
        if (elapsed > ttl) return attempts;
        attempts++;
    }
    while (elapsed + RETRY_THEN_EVERY_SECONDS <= ttl) {
        elapsed += RETRY_THEN_EVERY_SECONDS;
        attempts++;
    }
    return attempts;
}
