import { createHash } from "node:crypto";
import { LedgerKey } from "./ports";

/**
 * A stable UUID per event, sent to ACS Email as `Operation-Id`. Why deterministic: if a delivery dies after ACS
 * accepted the email but before the ledger recorded it, the retry sends again under the SAME operation id, so the
 * two sends are visibly one logical operation in ACS logs (and ACS can correlate them). We do not rely on ACS
 * discarding the repeat: that window is the one place where an email can be duplicated (never lost).
 * Format: SHA-256 of `eventType|eventId`, shaped as an RFC 4122 version-5-style UUID (ACS requires a UUID).
 */
export function operationIdFor(key: LedgerKey): string {
    const hex = createHash("sha256").update(`${key.eventType}|${key.eventId}`).digest("hex").slice(0, 32).split("");
    hex[12] = "5";
    hex[16] = ((parseInt(hex[16], 16) & 0x3) | 0x8).toString(16);
    const h = hex.join("");
    return `${h.slice(0, 8)}-${h.slice(8, 12)}-${h.slice(12, 16)}-${h.slice(16, 20)}-${h.slice(20)}`;
}
