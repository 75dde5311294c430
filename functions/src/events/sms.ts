/**
 * Typed readers for the two SMS payloads (wire names in AzureCommunicationServices.tsp of
 * https://github.com/Azure/azure-rest-api-specs, folder
 * specification/eventgrid/Azure.Messaging.EventGrid.SystemEvents/Microsoft.Communication),
 * over `data` whose keys were lower-cased by the envelope parser. Each returns either the parsed value or the reason
 * the event is malformed.
 *
 * Tolerances, each because a published sample needs it:
 * - `segmentCount` and `receivedTimestamp` may be missing (2020/2021 samples);
 * - `deliveryStatus` "Success" is the 2020 spelling of "Delivered";
 * - phone numbers come with and without `+` (`15555555555` vs `+15555555555`): compared and stored as digits;
 * - the subject may be a placeholder (`SMS Event Test`), so the ACS number is read from `data.to` (received) or
 *   `data.from` (report), never from the subject.
 */
import { AcsEvent, describe, firstProblem, optionalString, requireString } from "./envelope";
import { isPlainObject, PlainObject } from "./normalise";

export interface SmsReceived {
    readonly kind: "smsReceived";
    readonly messageId: string;
    /** The ACS number that received the message (digits only): the record's partition. */
    readonly acsNumber: string;
    readonly from: string;
    readonly to: string;
    readonly message: string;
    readonly receivedAt?: string;
    readonly segmentCount?: number;
}

export type DeliveryStatus = "delivered" | "failed" | "unknown";

export interface SmsDeliveryReport {
    readonly kind: "smsDeliveryReport";
    readonly messageId: string;
    /** The ACS number that sent the message (digits only): the record's partition. */
    readonly acsNumber: string;
    readonly from: string;
    readonly to: string;
    readonly status: DeliveryStatus;
    /** The status exactly as ACS wrote it ("Delivered", "Failed", 2020: "Success"). */
    readonly rawStatus?: string;
    readonly statusDetails?: string;
    readonly attempts: number;
    readonly segmentsSucceeded: number;
    readonly segmentsFailed: number;
    readonly lastAttemptAt?: string;
    readonly receivedAt?: string;
    readonly tag?: string;
}

export type SmsParse<T> = { ok: true; value: T } | { ok: false; reason: string };

/** Characters Table Storage forbids in PartitionKey/RowKey values. */
const FORBIDDEN_KEY_CHARS = /[/\\#?\u0000-\u001f\u007f-\u009f]/;

export function parseSmsReceived(event: AcsEvent): SmsParse<SmsReceived> {
    const d = event.data;
    const problem = firstProblem(
        messageIdProblem(d.messageid),
        requireString(d.from, "data.from"),
        requireString(d.to, "data.to"),
        optionalString(d.message, "data.message"),
        optionalString(d.receivedtimestamp, "data.receivedTimestamp"),
        optionalCount(d.segmentcount, "data.segmentCount"),
    );
    if (problem) return { ok: false, reason: problem };
    const acsNumber = phoneDigits(d.to as string);
    if (!acsNumber) return { ok: false, reason: `data.to ${describe(d.to)} holds no phone number digits` };
    return {
        ok: true,
        value: {
            kind: "smsReceived",
            messageId: d.messageid as string,
            acsNumber,
            from: d.from as string,
            to: d.to as string,
            message: text(d.message) ?? "",
            receivedAt: text(d.receivedtimestamp),
            segmentCount: typeof d.segmentcount === "number" ? d.segmentcount : undefined,
        },
    };
}

export function parseSmsDeliveryReport(event: AcsEvent): SmsParse<SmsDeliveryReport> {
    const d = event.data;
    const problem = firstProblem(
        messageIdProblem(d.messageid),
        requireString(d.from, "data.from"),
        requireString(d.to, "data.to"),
        optionalString(d.deliverystatus, "data.deliveryStatus"),
        optionalString(d.deliverystatusdetails, "data.deliveryStatusDetails"),
        optionalString(d.receivedtimestamp, "data.receivedTimestamp"),
        optionalString(d.tag, "data.tag"),
        attemptsProblem(d.deliveryattempts),
    );
    if (problem) return { ok: false, reason: problem };
    const acsNumber = phoneDigits(d.from as string);
    if (!acsNumber) return { ok: false, reason: `data.from ${describe(d.from)} holds no phone number digits` };
    const attempts = (d.deliveryattempts as PlainObject[] | undefined) ?? [];
    return {
        ok: true,
        value: {
            kind: "smsDeliveryReport",
            messageId: d.messageid as string,
            acsNumber,
            from: d.from as string,
            to: d.to as string,
            status: deliveryStatus(text(d.deliverystatus)),
            rawStatus: text(d.deliverystatus),
            statusDetails: text(d.deliverystatusdetails),
            attempts: attempts.length,
            segmentsSucceeded: sum(attempts, "segmentssucceeded"),
            segmentsFailed: sum(attempts, "segmentsfailed"),
            lastAttemptAt: latest(attempts.map((a) => text(a.timestamp))),
            receivedAt: text(d.receivedtimestamp),
            tag: text(d.tag),
        },
    };
}

/** "Delivered" today, "Success" in the 2020 preview; compared case-insensitively like every ACS status. */
export function deliveryStatus(raw: string | undefined): DeliveryStatus {
    const s = raw?.trim().toLowerCase();
    if (s === "delivered" || s === "success") return "delivered";
    if (s === "failed") return "failed";
    return "unknown";
}

/** E.164 digits without `+` or separators: ACS writes both `15555555555` and `+15555555555`. */
export function phoneDigits(value: string | undefined): string | undefined {
    const digits = value?.replace(/\D/g, "") ?? "";
    return digits === "" ? undefined : digits;
}

/** The message id is the record's RowKey, so it must be present and legal as a Table Storage key. */
function messageIdProblem(value: unknown): string | undefined {
    const problem = requireString(value, "data.messageId");
    if (problem) return problem;
    const id = value as string;
    if (FORBIDDEN_KEY_CHARS.test(id)) {
        return "data.messageId contains a character Table Storage forbids in keys (/ \\ # ? or a control character)";
    }
    return id.length > 512 ? "data.messageId is longer than 512 characters" : undefined;
}

function optionalCount(value: unknown, name: string): string | undefined {
    if (value === undefined || value === null) return undefined;
    return Number.isInteger(value) && (value as number) >= 0
        ? undefined
        : `${name} is ${describe(value)}, expected a count`;
}

function attemptsProblem(value: unknown): string | undefined {
    if (value === undefined || value === null) return undefined;
    if (!Array.isArray(value)) return `data.deliveryAttempts is ${describe(value)}, expected an array`;
    for (const [i, attempt] of value.entries()) {
        const where = `data.deliveryAttempts[${i}]`;
        if (!isPlainObject(attempt)) return `${where} is ${describe(attempt)}, expected an object`;
        const problem = firstProblem(
            optionalString(attempt.timestamp, `${where}.timestamp`),
            optionalCount(attempt.segmentssucceeded, `${where}.segmentsSucceeded`),
            optionalCount(attempt.segmentsfailed, `${where}.segmentsFailed`),
        );
        if (problem) return problem;
    }
    return undefined;
}

/** Optional string fields may arrive as `null`; the domain types only know "absent". */
function text(value: unknown): string | undefined {
    return typeof value === "string" ? value : undefined;
}

function sum(items: PlainObject[], key: string): number {
    return items.reduce((total, item) => total + ((item[key] as number | undefined) ?? 0), 0);
}

function latest(timestamps: (string | undefined)[]): string | undefined {
    return timestamps
        .filter((t): t is string => !!t)
        .sort((a, b) => Date.parse(a) - Date.parse(b))
        .pop();
}
