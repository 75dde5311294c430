/**
 * A local stand-in for Microsoft Entra ID: one RSA key pair generated per run, which signs the bearer tokens the
 * loop sends to webhook subscriptions secured with `azureActiveDirectoryTenantId` — with the claims Event Grid's
 * tokens carry (v2 issuer of the tenant, the subscription's audience, Event Grid's app id, the
 * AzureEventGridSecureWebhookSubscriber role; https://learn.microsoft.com/azure/event-grid/secure-webhook-delivery).
 * `jwks` is what a receiver under test trusts instead of the tenant's published keys.
 */
import { createLocalJWKSet, exportJWK, generateKeyPair, JWTVerifyGetKey, SignJWT } from "jose";
import { EVENT_GRID_APP_ID, EVENT_GRID_ROLE } from "../receiver/auth";

export interface LocalEntra {
    readonly jwks: JWTVerifyGetKey;
    /** A token as Event Grid gets it; `claims` replace the defaults (tests use it to drop the role). */
    token(tenantId: string, audience: string, claims?: Record<string, unknown>): Promise<string>;
}

export async function localEntra(): Promise<LocalEntra> {
    const { publicKey, privateKey } = await generateKeyPair("RS256");
    const kid = "local-event-grid-key";
    const jwk = { ...(await exportJWK(publicKey)), kid, alg: "RS256", use: "sig" };
    return {
        jwks: createLocalJWKSet({ keys: [jwk] }),
        token: (tenantId, audience, claims) =>
            new SignJWT({ roles: [EVENT_GRID_ROLE], azp: EVENT_GRID_APP_ID, ...claims })
                .setProtectedHeader({ alg: "RS256", kid, typ: "JWT" })
                .setIssuer(`https://login.microsoftonline.com/${tenantId}/v2.0`)
                .setAudience(audience)
                .setIssuedAt()
                .setExpirationTime("1h")
                .sign(privateKey),
    };
}
