/**
 * ACS Email send rate limits per Azure subscription, by kind of sender domain, from the "Email → Rate Limits" tables
 * of https://learn.microsoft.com/azure/communication-services/concepts/service-limits (MicrosoftDocs/azure-docs
 * articles/communication-services/concepts/service-limits.md at 006552ff35aa4673929bdbc42e1a0a8d4a8c33f5). Over
 * them ACS answers 429; custom-domain limits can be raised through a support request, Azure-managed ones are a sandbox.
 */
export interface EmailSendQuota {
    readonly perMinute: number;
    readonly perHour: number;
}

export const EMAIL_SEND_QUOTA: Readonly<Record<"AzureManaged" | "CustomerManaged", EmailSendQuota>> = {
    AzureManaged: { perMinute: 5, perHour: 10 },
    CustomerManaged: { perMinute: 30, perHour: 100 },
};

export const EMAIL_QUOTA_SOURCE = "https://learn.microsoft.com/azure/communication-services/concepts/service-limits";
