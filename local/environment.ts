/**
 * Starts the whole local loop for one stack — Azurite, the ACS Email stand-in, the Logic App stand-in, a local
 * webhook receiver, the Function host and the delivery engine — and stops all of it again. Every start is paired
 * with a stop registered before the next start, so a failure half-way stops what was started.
 */
import { runStack, RunStackOptions } from "../harness/runStack";
import { Graph } from "../harness/graph";
import { redactUrl } from "../validation/issue";
import { Azurite, startAzurite } from "./azurite";
import { createReceiver, PermanentEventError, TypedAcsEvent } from "../receiver";
import { AcsEmailStandIn, startAcsEmail } from "./acsEmail";
import { Clock, compressedClock } from "./clock";
import { Engine, Target } from "./engine";
import { localEntra, LocalEntra } from "./entra";
import { FunctionHost, startFunctionHost } from "./functionHost";
import { listenLoopback } from "./http";
import { startIngest } from "./ingest";
import { startLogicApp } from "./logicApp";
import { LocalStorage } from "./storage";
import { LocalSubscription, localSubscriptions } from "./subscriptions";

export interface LocalOptions {
    readonly stack: string;
    /** Change stack config values before the program runs (as harness/runStack `overrides`). */
    readonly overrides?: RunStackOptions["overrides"];
    /** Virtual seconds per real second (≥ 1). */
    readonly speed?: number;
    /** Handler name → loopback URL to deliver that webhook handler's events to, instead of the local receiver. */
    readonly webhooks?: Readonly<Record<string, string>>;
    /** Handler name → 400 or 500: the local receiver's user code fails that way (to watch retries/dead letters). */
    readonly failures?: Readonly<Record<string, number>>;
    readonly responseTimeoutMs?: number;
    readonly log: (line: string) => void;
    /** An already computed graph of the stack (tests reuse one instead of running the program again). */
    readonly graph?: Graph;
    /** A running Azurite to use (and leave running) instead of starting one. */
    readonly azurite?: Azurite;
}

export interface LocalRun {
    readonly engine: Engine;
    readonly storage: LocalStorage;
    readonly email: AcsEmailStandIn;
    readonly subscriptions: readonly LocalSubscription[];
    readonly graph: Graph;
    readonly entra: LocalEntra;
    readonly clock: Clock;
    /** Function App settings as applied locally (table/queue names). */
    readonly functionSettings?: Readonly<Record<string, string>>;
    /** Where a publisher POSTs Event Grid schema arrays. */
    readonly ingestUrl: string;
    stop(): Promise<void>;
}

export class LocalSetupError extends Error {}

export async function startLocal(o: LocalOptions): Promise<LocalRun> {
    const graph = o.graph ?? (await runStack({ stack: o.stack, overrides: o.overrides }));
    const subscriptions = localSubscriptions(graph);
    checkWebhookOverrides(o, subscriptions);
    const clock = compressedClock(o.speed ?? 1);
    const stops: (() => Promise<void> | void)[] = [];
    let engine: Engine | undefined;
    // Cancel pending retries first, let attempts in progress end (bounded), then stop servers, newest first.
    const stop = async () => {
        clock.stop();
        if (engine) await Promise.race([engine.idle(), new Promise((r) => setTimeout(r, 5_000).unref())]);
        for (const s of stops.splice(0).reverse())
            await Promise.resolve()
                .then(s)
                .catch(() => undefined);
    };
    try {
        const azurite: Azurite = o.azurite ?? (await startAzurite());
        if (!o.azurite) stops.push(() => azurite.stop());
        o.log(
            `Azurite (in memory): blob ${azurite.blobEndpoint}, queue ${azurite.queueEndpoint}, table ` +
                `${azurite.tableEndpoint}`,
        );
        const storage = new LocalStorage(azurite.connectionString);
        o.log(
            "Created in Azurite as the stack declares them: " +
                `${(await storage.createDeclared(graph.resources)).join(", ")}`,
        );
        const email = await startAcsEmail((e) =>
            o.log(`  ✉ email recorded (${e.via}) to ${e.to.join(", ")}: "${e.subject}"`),
        );
        stops.push(() => email.close());
        const entra = await localEntra();
        const ingest = await startIngest(() => engine);
        stops.push(() => ingest.close());
        const targets = new Map<string, Target>();
        const ctx: Ctx = { azurite, email, entra, stops, log: o.log, shared: {} };
        let functionSettings: Record<string, string> | undefined;
        for (const sub of subscriptions) {
            const t = await targetFor(sub, graph, o, ctx);
            if (t.kind === "function") functionSettings = t.settings;
            targets.set(sub.name, t.target);
        }
        engine = new Engine({
            subscriptions,
            targets,
            storage,
            clock,
            log: o.log,
            responseTimeoutMs: o.responseTimeoutMs,
            validationBaseUrl: ingest.url,
            tokenFor: (sub) =>
                entra.token(
                    sub.destination.azureActiveDirectoryTenantId,
                    sub.destination.azureActiveDirectoryApplicationIdOrUri ?? "",
                ),
        });
        o.log(`Publish endpoint: POST ${ingest.url}/api/events (an Event Grid schema array)`);
        await engine.start();
        return {
            engine,
            storage,
            email,
            subscriptions,
            graph,
            entra,
            clock,
            functionSettings,
            ingestUrl: `${ingest.url}/api/events`,
            stop,
        };
    } catch (e) {
        await stop();
        throw e;
    }
}

function checkWebhookOverrides(o: LocalOptions, subs: readonly LocalSubscription[]): void {
    const handlers = new Set(subs.filter((s) => s.handlerKind === "webhook").map((s) => s.handler));
    const problems: string[] = [];
    for (const [h, url] of Object.entries(o.webhooks ?? {})) {
        if (!handlers.has(h))
            problems.push(
                `--webhook ${h}: no webhook handler of that name in stack "${o.stack}" (webhook handlers: ` +
                    `${[...handlers].join(", ") || "none"})`,
            );
        else if (!/^http:\/\/(127\.0\.0\.1|localhost)(:\d+)?(\/|$)/.test(url))
            problems.push(
                `--webhook ${h}: ${redactUrl(url)} is not a loopback http:// URL (the local loop never calls out)`,
            );
    }
    for (const [h, status] of Object.entries(o.failures ?? {})) {
        if (!handlers.has(h)) problems.push(`--fail ${h}: no webhook handler of that name in stack "${o.stack}"`);
        if (status !== 400 && status !== 500)
            problems.push(`--fail ${h}=${status}: only 400 (dead-lettered at once) and 500 (retried) are supported`);
    }
    if (problems.length) throw new LocalSetupError(problems.join("\n"));
}

interface Ctx {
    readonly azurite: Azurite;
    readonly email: AcsEmailStandIn;
    readonly entra: LocalEntra;
    readonly stops: (() => Promise<void> | void)[];
    readonly log: (line: string) => void;
    readonly shared: { host?: FunctionHost };
}

type Made = { kind: "plain"; target: Target } | { kind: "function"; target: Target; settings: Record<string, string> };

async function targetFor(sub: LocalSubscription, graph: Graph, o: LocalOptions, c: Ctx): Promise<Made> {
    const d = sub.destination;
    switch (sub.endpointType) {
        case "StorageQueue":
            c.log(`[${sub.name}] storage queue "${d.queueName}" → Azurite's queue of the same name`);
            return {
                kind: "plain",
                target: { kind: "storageQueue", queue: d.queueName, ttlSeconds: d.queueMessageTimeToLiveInSeconds },
            };
        case "AzureFunction": {
            // One Function App in a stack: every subscription to it shares one host (app.ts is loaded once).
            const settings = functionAppSettings(graph, c);
            if (!c.shared.host) {
                const started = startFunctionHost(settings, (level, message) => c.log(`  ƒ ${level}: ${message}`));
                c.stops.push(() => started.stop());
                c.shared.host = started;
            }
            const host = c.shared.host;
            c.log(
                `[${sub.name}] Function ${host.functionName} → functions/src/app.ts run in process ` +
                    "(tables/queues in Azurite, email to the local ACS stand-in)",
            );
            return { kind: "function", target: { kind: "function", host }, settings };
        }
        case "WebHook": {
            if (sub.handlerKind === "logicApp") {
                const la = await startLogicApp(logicAppParameters(graph, c.email.endpoint), c.log);
                c.stops.push(() => la.close());
                c.log(
                    `[${sub.name}] Logic App trigger → local stand-in ${la.url} (handshake branch and email ` +
                        "emulated; see local/logicApp.ts for what is not)",
                );
                return { kind: "plain", target: { kind: "webhook", url: la.url, label: "Logic App stand-in" } };
            }
            const given = o.webhooks?.[sub.handler];
            if (given) {
                c.log(`[${sub.name}] webhook ${sub.secretUrl ? "(secret URL)" : redactUrl(d.endpointUrl)} → ${given}`);
                return { kind: "plain", target: { kind: "webhook", url: given, label: given } };
            }
            const server = await listenLoopback(localReceiver(sub, o.failures?.[sub.handler], c).nodeListener());
            c.stops.push(() => server.close());
            const failing = o.failures?.[sub.handler] ? `, failing with ${o.failures[sub.handler]}` : "";
            c.log(
                `[${sub.name}] webhook ${sub.secretUrl ? "(secret URL)" : redactUrl(d.endpointUrl)} → local ` +
                    `receiver (receiver/) at ${server.url}${failing}`,
            );
            return {
                kind: "plain",
                target: { kind: "webhook", url: `${server.url}/api/events`, label: "local receiver" },
            };
        }
        default: {
            const label = `${sub.endpointType} ${String(d.resourceId ?? "")
                .split("/")
                .slice(-3)
                .join("/")}`;
            c.log(`[${sub.name}] ${label}: no emulator runs offline — deliveries are RECORDED locally, not sent`);
            return { kind: "plain", target: { kind: "sink", label } };
        }
    }
}

/** The demo webhook: the deployable receiver with user code that prints what it got (or fails, with --fail). */
function localReceiver(sub: LocalSubscription, failWith: number | undefined, c: Ctx) {
    const tenant = sub.destination.azureActiveDirectoryTenantId;
    return createReceiver({
        subscriptions: [sub.name],
        entra: tenant
            ? { tenantId: tenant, audience: sub.destination.azureActiveDirectoryApplicationIdOrUri, keys: c.entra.jwks }
            : undefined,
        log: (line) => c.log(`  ⇢ receiver: ${line}`),
        onEvent: (event: TypedAcsEvent) => {
            if (failWith === 400) throw new PermanentEventError("--fail 400: user code refuses this event");
            if (failWith === 500) throw new Error("--fail 500: user code failed");
            c.log(`  ⇢ receiver (${sub.handler}): ${event.eventType} ${event.id}${summary(event)}`);
        },
    });
}

function summary(e: TypedAcsEvent): string {
    if (!e.known) return "";
    switch (e.eventType) {
        case "Microsoft.Communication.ChatMessageReceived":
            return ` — "${e.data.messageBody ?? ""}" from ${e.data.senderDisplayName ?? "?"}`;
        case "Microsoft.Communication.SMSReceived":
            return ` — "${e.data.message}" from ${e.data.from ?? "?"}`;
        default:
            return "";
    }
}

/**
 * The app settings the stack gives the Function App, with the cloud-only ones replaced for the loop: storage by
 * Azurite's connection string (instead of the identity-based account name), ACS by the local stand-in.
 */
function functionAppSettings(graph: Graph, c: Ctx): Record<string, string> {
    // A Flex app carries its settings in the config/appsettings child, not in siteConfig
    // (components/handlers/functionApp.ts).
    const child = graph.resources.find((r) => r.type === "azure-native:web:WebAppApplicationSettings");
    const stackSettings: Record<string, unknown> = child?.inputs?.properties ?? {};
    const cloudOnly = new Set([
        "AzureWebJobsStorage__accountName",
        "ACS_ENDPOINT",
        "APPLICATIONINSIGHTS_CONNECTION_STRING",
        "APPLICATIONINSIGHTS_AUTHENTICATION_STRING",
    ]);
    const settings = Object.fromEntries(
        Object.entries(stackSettings)
            .filter(([name]) => !cloudOnly.has(name))
            .map(([name, value]) => [name, String(value)]),
    );
    return {
        ...settings,
        AzureWebJobsStorage: c.azurite.connectionString,
        ACS_CONNECTION_STRING: c.email.connectionString,
    };
}

function logicAppParameters(graph: Graph, acsEndpoint: string) {
    const wf = graph.resources.find((r) => r.type === "azure-native:logic:Workflow");
    const p = wf?.inputs?.parameters ?? {};
    return { acsEndpoint, sender: p.sender?.value ?? "", recipients: p.recipients?.value ?? [] };
}
