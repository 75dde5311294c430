/** Small helpers for the loop's loopback HTTP servers: start on a random 127.0.0.1 port, read bodies, stop. */
import * as http from "node:http";
import { AddressInfo } from "node:net";

export interface LoopbackServer {
    readonly url: string;
    close(): Promise<void>;
}

/** Listens on 127.0.0.1 only (never all interfaces), port chosen by the OS. */
export async function listenLoopback(handler: http.RequestListener): Promise<LoopbackServer> {
    const server = http.createServer(handler);
    await new Promise<void>((resolve, reject) => {
        server.once("error", reject);
        server.listen(0, "127.0.0.1", () => resolve());
    });
    const { port } = server.address() as AddressInfo;
    return {
        url: `http://127.0.0.1:${port}`,
        close: () =>
            new Promise<void>((resolve) => {
                server.closeAllConnections();
                server.close(() => resolve());
            }),
    };
}

/** Reads a request body, refusing more than `limit` bytes (a hostile client must not exhaust memory). */
export function readBody(req: http.IncomingMessage, limit = 2 * 1024 * 1024): Promise<string> {
    return new Promise((resolve, reject) => {
        const chunks: Buffer[] = [];
        let size = 0;
        req.on("data", (c: Buffer) => {
            size += c.length;
            if (size > limit) {
                reject(new BodyTooLarge(limit));
                req.destroy();
            } else chunks.push(c);
        });
        req.on("end", () => resolve(Buffer.concat(chunks).toString("utf8")));
        req.on("error", reject);
    });
}

export class BodyTooLarge extends Error {
    constructor(readonly limit: number) {
        super(`request body exceeds ${limit} bytes`);
    }
}

export function sendJson(
    res: http.ServerResponse,
    status: number,
    body?: unknown,
    headers: Record<string, string> = {},
): void {
    const text = body === undefined ? "" : JSON.stringify(body);
    res.writeHead(status, { ...(text ? { "content-type": "application/json" } : {}), ...headers });
    res.end(text);
}
