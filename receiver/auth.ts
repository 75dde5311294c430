/**
 * Validates the Microsoft Entra ID bearer token Event Grid sends to a secured webhook
 * (https://learn.microsoft.com/azure/event-grid/secure-webhook-delivery): signature against the tenant's signing
 * keys, issuer (v1 `https://sts.windows.net/<tenant>/` or v2 `https://login.microsoftonline.com/<tenant>/v2.0`),
 * audience (the application ID or ID URI the subscription names), expiry, and the app role Event Grid's service
 * principal is assigned, `AzureEventGridSecureWebhookSubscriber`. Signature and claim checks are `jose`'s.
 */
import { createRemoteJWKSet, errors, JWTPayload, jwtVerify, JWTVerifyGetKey } from "jose";

export const EVENT_GRID_ROLE = "AzureEventGridSecureWebhookSubscriber";
/** Event Grid's first-party application id in the public cloud (same page). */
export const EVENT_GRID_APP_ID = "4962773b-9cdb-44cf-a8bf-237846a00ab7";

export interface EntraAuthOptions {
    readonly tenantId: string;
    /** The subscription's `azureActiveDirectoryApplicationIdOrUri`; both forms may be listed. */
    readonly audience: string | readonly string[];
    /** Signing keys; default: the tenant's published JWKS (fetched and cached by jose). Tests pass a local set. */
    readonly keys?: JWTVerifyGetKey;
    /** Require the token to be issued to Event Grid's app (`azp`/`appid`). Default true. */
    readonly requireEventGridApp?: boolean;
}

export class AuthError extends Error {}

export function tokenValidator(o: EntraAuthOptions): (authorization: string | undefined) => Promise<JWTPayload> {
    const keys =
        o.keys ?? createRemoteJWKSet(new URL(`https://login.microsoftonline.com/${o.tenantId}/discovery/v2.0/keys`));
    const issuer = [`https://sts.windows.net/${o.tenantId}/`, `https://login.microsoftonline.com/${o.tenantId}/v2.0`];
    const audience = typeof o.audience === "string" ? [o.audience] : [...o.audience];
    return async (authorization) => {
        const m = /^Bearer\s+(\S+)$/i.exec(authorization ?? "");
        if (!m) throw new AuthError("no bearer token");
        let payload: JWTPayload;
        try {
            ({ payload } = await jwtVerify(m[1], keys, { issuer, audience, algorithms: ["RS256"] }));
        } catch (e) {
            throw new AuthError(
                e instanceof errors.JOSEError ? `token rejected: ${e.code}: ${e.message}` : "token rejected",
            );
        }
        const roles = Array.isArray(payload.roles) ? payload.roles : [];
        if (!roles.includes(EVENT_GRID_ROLE)) throw new AuthError(`token lacks the ${EVENT_GRID_ROLE} role`);
        const app = payload.azp ?? payload.appid;
        if ((o.requireEventGridApp ?? true) && app !== EVENT_GRID_APP_ID)
            throw new AuthError("token was not issued to Event Grid");
        return payload;
    };
}
