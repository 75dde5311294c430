import { createHash } from "node:crypto";
import { LedgerKey } from "./ports";

/**
 * A stable UUID per event, sent to ACS Email as `Operation-Id`. Why deterministic: the ledger records this id before
 * the send, and a delivery that finds it asks ACS for that operation's status (GET /emails/operations/{id}) instead of
 * sending again (processBatch.ts `sendEmailOnce`); a send that never reached ACS is repeated under the same id, so
 * ACS logs show one logical operation. We do not rely on ACS discarding a repeated id: nothing documents it.
 * Format: SHA-256 of `eventType|eventId`, shaped as an RFC 4122 version-5-style UUID (ACS requires a UUID).
 */
export function operationIdFor(key: LedgerKey): string {
    const hex = createHash("sha256").update(`${key.eventType}|${key.eventId}`).digest("hex").slice(0, 32).split("");
    hex[12] = "5";
    hex[16] = ((parseInt(hex[16], 16) & 0x3) | 0x8).toString(16);
    const h = hex.join("");
    return `${h.slice(0, 8)}-${h.slice(8, 12)}-${h.slice(12, 16)}-${h.slice(16, 20)}-${h.slice(20)}`;
}
