/**
 * A recording HTTP transport for the REAL `@azure/communication-email` client: passed as `httpClient` in the
 * client's pipeline options, it answers the way ACS Email does —
 *   POST {endpoint}/emails:send → 202, `operation-location: {endpoint}/emails/operations/{id}`,
 *        body {id, status: "Running"}
 *   GET  {endpoint}/emails/operations/{id} → 200, body {id, status: "Succeeded"}
 * — so the SDK's serialisation, HMAC signing and long-running-operation polling all run for real.
 * `failSends(n)` makes the next n POSTs answer 503, to exercise failures before ACS accepted anything.
 * `inject(faults)` adds seeded random faults on both sides of acceptance (see `EmailFaults`). Every accepted POST is a
 * separate email, even under an operation id seen before: we do not assume ACS collapses repeated sends.
 */
import { EmailClientOptions } from "@azure/communication-email";

type HttpClient = NonNullable<EmailClientOptions["httpClient"]>;
type PipelineRequest = Parameters<HttpClient["sendRequest"]>[0];
type PipelineResponse = Awaited<ReturnType<HttpClient["sendRequest"]>>;
type HttpHeaders = PipelineResponse["headers"];

export interface RecordedSend {
    readonly operationId: string;
    readonly url: string;
    readonly headers: Readonly<Record<string, string>>;
    readonly body: {
        senderAddress: string;
        recipients: { to: { address: string }[] };
        content: { subject: string; plainText?: string };
    };
}

/** Shares (0..1) of requests that go wrong, drawn from `random` (seeded by the test, so a failure can be replayed). */
export interface EmailFaults {
    readonly random: () => number;
    /** Status polls (GET) answered 500: ACS is up, the check failed. */
    readonly statusCheckFailure?: number;
    /** Status polls answered 404 for an operation ACS did accept, as seen in Azure/azure-sdk-for-python#35849. */
    readonly notYetKnown?: number;
    /** Accepted sends whose operation ends "Failed" (every poll, the first included, reports it). */
    readonly operationFailure?: number;
    /** Sends ACS accepts but whose answer is lost on the way back (the client sees a connection error). */
    readonly lostAnswer?: number;
    /** Sends refused with 503 before anything was accepted. */
    readonly refusedSend?: number;
}

export class FakeAcsEmail implements HttpClient {
    /** Accepted sends (202), in order. */
    readonly sends: RecordedSend[] = [];
    /** Every request, including polls and refused sends. */
    readonly requests: { method: string; url: string }[] = [];
    private failuresLeft = 0;
    private generated = 0;
    private faults?: EmailFaults;
    private readonly failedOperations = new Set<string>();

    failSends(count: number): void {
        this.failuresLeft = count;
    }

    inject(faults: EmailFaults | undefined): void {
        this.faults = faults;
    }

    /** Accepted sends per operation id. */
    sendsPerOperation(): Map<string, number> {
        const counts = new Map<string, number>();
        for (const s of this.sends) counts.set(s.operationId, (counts.get(s.operationId) ?? 0) + 1);
        return counts;
    }

    async sendRequest(request: PipelineRequest): Promise<PipelineResponse> {
        this.requests.push({ method: request.method, url: request.url });
        const url = new URL(request.url);
        if (request.method === "POST" && url.pathname === "/emails:send") return this.send(request, url);
        const poll = /^\/emails\/operations\/([^/]+)$/.exec(url.pathname);
        if (request.method === "GET" && poll) return this.status(request, decodeURIComponent(poll[1]));
        return respond(request, 404, { error: { code: "NotFound", message: `${request.method} ${url.pathname}` } });
    }

    private send(request: PipelineRequest, url: URL): PipelineResponse {
        if (this.failuresLeft > 0 || this.draw(this.faults?.refusedSend)) {
            this.failuresLeft = Math.max(0, this.failuresLeft - 1);
            return respond(request, 503, { error: { code: "ServiceUnavailable", message: "try again" } });
        }
        const operationId = request.headers.get("operation-id") ?? `generated-${++this.generated}`;
        this.sends.push({
            operationId,
            url: request.url,
            headers: request.headers.toJSON(),
            body: JSON.parse(String(request.body)),
        });
        if (this.draw(this.faults?.operationFailure)) this.failedOperations.add(operationId);
        if (this.draw(this.faults?.lostAnswer))
            throw Object.assign(new Error("socket hang up"), { code: "ECONNRESET" });
        const location = `${url.origin}/emails/operations/${operationId}?${url.searchParams}`;
        return respond(
            request,
            202,
            { id: operationId, status: "Running" },
            { "operation-location": location, "retry-after": "0" },
        );
    }

    private status(request: PipelineRequest, operationId: string): PipelineResponse {
        if (this.draw(this.faults?.statusCheckFailure)) {
            return respond(request, 500, { error: { code: "InternalServerError", message: "status unavailable" } });
        }
        const known = this.sends.some((s) => s.operationId === operationId) && !this.draw(this.faults?.notYetKnown);
        if (!known) return respond(request, 404, { error: { code: "NotFound", message: `operation ${operationId}` } });
        return this.failedOperations.has(operationId)
            ? respond(request, 200, {
                  id: operationId,
                  status: "Failed",
                  error: { code: "RecipientRejected", message: "no mailbox" },
              })
            : respond(request, 200, { id: operationId, status: "Succeeded" });
    }

    private draw(share: number | undefined): boolean {
        return !!share && !!this.faults && this.faults.random() < share;
    }
}

function respond(
    request: PipelineRequest,
    status: number,
    body: unknown,
    headers: Record<string, string> = {},
): PipelineResponse {
    return {
        request,
        status,
        headers: new FakeHeaders({ "content-type": "application/json", ...headers }),
        bodyAsText: JSON.stringify(body),
    };
}

/** Minimal case-insensitive HttpHeaders, so the test does not depend on a transitive core-rest-pipeline copy. */
class FakeHeaders implements HttpHeaders {
    private readonly map = new Map<string, string>();

    constructor(initial: Record<string, string>) {
        for (const [k, v] of Object.entries(initial)) this.set(k, v);
    }
    get(name: string): string | undefined {
        return this.map.get(name.toLowerCase());
    }
    has(name: string): boolean {
        return this.map.has(name.toLowerCase());
    }
    set(name: string, value: string | number | boolean): void {
        this.map.set(name.toLowerCase(), String(value));
    }
    delete(name: string): void {
        this.map.delete(name.toLowerCase());
    }
    toJSON(): Record<string, string> {
        return Object.fromEntries(this.map);
    }
    [Symbol.iterator](): IterableIterator<[string, string]> {
        return this.map.entries();
    }
}
