/**
 * Publishing the function code to a Flex Consumption app, and waiting until the function exists, as two Pulumi
 * dynamic resources. azure-native 3.28 has no resource for the `onedeploy` site extension (its
 * web.WebAppSiteExtension installs gallery extensions under /siteextensions), so the ARM calls are made here.
 *
 * Why (Microsoft's documentation and public trackers):
 * - Flex Consumption apps take code through one deploy: ARM `Microsoft.Web/sites/extensions` named `onedeploy` with
 *   a `packageUri` (https://learn.microsoft.com/azure/templates/microsoft.web/sites/extensions-onedeploy,
 *   https://learn.microsoft.com/azure/azure-functions/functions-deployment-technologies#one-deploy). Uploading a blob
 *   into the deployment container alone does not publish it.
 * - Event Grid validates an AzureFunction destination when the subscription is created and fails with
 *   "Destination endpoint not found" when the function is not registered yet
 *   (https://github.com/Azure/bicep/issues/11656);
 *   Microsoft's Flex + Event Grid sample creates the subscription in a `postdeploy` hook, after the code is deployed
 *   (https://github.com/Azure-Samples/functions-quickstart-javascript-azd-eventgrid-blob, azure.yaml).
 * - The app reads the package with its managed identity, and a new role assignment can take minutes to take effect
 *   (https://learn.microsoft.com/azure/role-based-access-control/troubleshooting, "Role assignment changes are not
 *   being detected"),
 *   so the publish is retried with backoff instead of failing on the first 403.
 *
 * The cloud calls sit behind `SiteApi`; the retry and timeout logic (`withRetries`, `waitForFunction`) is plain code
 * tested against a fake (test/components/functionDeploy.spec.ts).
 */
import * as pulumi from "@pulumi/pulumi";
import { isOfflineHarness } from "../offline";

/** The two ARM operations the deployment needs. */
export interface SiteApi {
    /** PUT <appId>/extensions/onedeploy with the package URL; resolves when the deployment succeeded. */
    publishPackage(appId: string, packageUri: string): Promise<void>;
    /** Names of the functions ARM lists for the app (GET <appId>/functions), with their trigger types. */
    listFunctions(appId: string): Promise<FunctionInfo[]>;
}

export interface FunctionInfo {
    name: string;
    triggerTypes: string[];
}

/** Bounded exponential backoff. */
export interface RetryPolicy {
    attempts: number;
    firstDelayMs: number;
    maxDelayMs: number;
}

/** 12 attempts, 5 s doubling to 60 s: about 8 minutes, within the documented role propagation time (up to 10 min). */
export const DEFAULT_RETRY: RetryPolicy = { attempts: 12, firstDelayMs: 5_000, maxDelayMs: 60_000 };

export type Sleep = (ms: number) => Promise<void>;
export const realSleep: Sleep = (ms) => new Promise((resolve) => setTimeout(resolve, ms));

/** Delay before attempt `n` (1-based, n ≥ 2). */
export function backoffDelay(policy: RetryPolicy, n: number): number {
    return Math.min(policy.maxDelayMs, policy.firstDelayMs * 2 ** (n - 2));
}

/**
 * Runs `attempt` until it returns a value, at most `policy.attempts` times with backoff between tries. `attempt`
 * returns `{ done: value }` or `{ retry: why }`; a thrown error is retried too (and reported if it was the last).
 */
export async function withRetries<T>(
    policy: RetryPolicy,
    sleep: Sleep,
    attempt: () => Promise<{ done: T } | { retry: string }>,
    giveUp: (lastReason: string, attempts: number) => Error,
): Promise<T> {
    let last = "no attempt made";
    for (let n = 1; n <= policy.attempts; n++) {
        if (n > 1) await sleep(backoffDelay(policy, n));
        try {
            const r = await attempt();
            if ("done" in r) return r.done;
            last = r.retry;
        } catch (e) {
            last = e instanceof Error ? e.message : String(e);
        }
    }
    throw giveUp(last, policy.attempts);
}

const appName = (appId: string) => appId.split("/").pop() ?? appId;

/** Publishes the package, retrying while the app's identity cannot read it yet (role propagation). */
export function publishWithRetries(
    api: SiteApi,
    appId: string,
    packageUri: string,
    policy: RetryPolicy,
    sleep: Sleep,
): Promise<void> {
    return withRetries(
        policy,
        sleep,
        async () => {
            await api.publishPackage(appId, packageUri);
            return { done: undefined };
        },
        (last, n) =>
            new Error(
                `publishing ${packageUri} to function app ${appName(appId)} failed ${n} times; last error: ${last}`,
            ),
    );
}

/**
 * Waits until ARM lists `functionName` on the app with an Event Grid trigger (what Event Grid validates). On timeout
 * the error names the app, the function and what was found instead.
 */
export function waitForFunction(
    api: SiteApi,
    appId: string,
    functionName: string,
    policy: RetryPolicy,
    sleep: Sleep,
): Promise<void> {
    return withRetries(
        policy,
        sleep,
        async () => {
            const found = await api.listFunctions(appId);
            const fn = found.find((f) => f.name.toLowerCase() === functionName.toLowerCase());
            if (fn?.triggerTypes.some((t) => t.toLowerCase() === "eventgridtrigger")) return { done: undefined };
            const seen = found.length
                ? found.map((f) => `${f.name} (${f.triggerTypes.join(", ") || "no trigger"})`).join(", ")
                : "no functions";
            return { retry: fn ? `${functionName} has no eventGridTrigger; found ${seen}` : `found ${seen}` };
        },
        (last, n) =>
            new Error(
                `function "${functionName}" is not registered on function app ${appName(appId)} after ${n} checks ` +
                    `(GET ${appId}/functions); ${last}. Check the app's deployment log and that the package ` +
                    `registers "${functionName}" with an Event Grid trigger`,
            ),
    );
}

const ARM = "https://management.azure.com";
/**
 * The Microsoft.Web API version of our two ARM calls, pinned to the current version of both operations in
 * Microsoft's SDK and REST reference: WebApps_CreateOneDeployOperation (PUT sites/{name}/extensions/onedeploy,
 * "Default Api Version: 2025-05-01" in
 * https://learn.microsoft.com/dotnet/api/azure.resourcemanager.appservice.websiteresource.createonedeployoperation)
 * and WebApps_ListFunctions (GET sites/{name}/functions,
 * https://learn.microsoft.com/rest/api/appservice/webapps/listfunctions). It is also the version the installed
 * azure-native creates the Flex site with, so the app we call is the shape this version describes; a test
 * (test/components/functionDeploy.spec.ts) fails when an SDK upgrade moves the site to another version.
 */
export const WEB_API = "2025-05-01";

/** SiteApi over ARM REST with a bearer token (from azure-native's getClientToken: the provider's own login). */
export function armSiteApi(token: string, sleep: Sleep = realSleep): SiteApi {
    const call = async (method: string, url: string, body?: unknown) => {
        const res = await fetch(url, {
            method,
            headers: { authorization: `Bearer ${token}`, "content-type": "application/json" },
            body: body === undefined ? undefined : JSON.stringify(body),
        });
        const text = await res.text();
        if (!res.ok) throw new Error(`${method} ${url.split("?")[0]}: HTTP ${res.status} ${text.slice(0, 500)}`);
        return { res, json: text ? JSON.parse(text) : {} };
    };
    return {
        async publishPackage(appId, packageUri) {
            const { res } = await call("PUT", `${ARM}${appId}/extensions/onedeploy?api-version=${WEB_API}`, {
                properties: { packageUri, remoteBuild: false },
            });
            const poll = res.headers.get("azure-asyncoperation") ?? res.headers.get("location");
            if (!poll) return;
            // Long-running ARM operation: poll until it ends (bounded; a deployment takes seconds to minutes).
            for (let n = 0; n < 120; n++) {
                await sleep(5_000);
                const { json } = await call("GET", poll);
                const status = String(json.status ?? json.properties?.provisioningState ?? "Succeeded");
                if (/^succeeded$/i.test(status)) return;
                if (/^(failed|canceled)$/i.test(status))
                    throw new Error(`one deploy ${status}: ${JSON.stringify(json.error ?? json).slice(0, 500)}`);
            }
            throw new Error("one deploy did not finish within 10 minutes");
        },
        async listFunctions(appId) {
            const { json } = await call("GET", `${ARM}${appId}/functions?api-version=${WEB_API}`);
            return (json.value ?? []).map((f: any) => ({
                name: String(
                    f.properties?.name ??
                        String(f.name ?? "")
                            .split("/")
                            .pop(),
                ),
                triggerTypes: (f.properties?.config?.bindings ?? [])
                    .map((b: any) => String(b.type ?? ""))
                    .filter((t: string) => /trigger$/i.test(t)),
            }));
        },
    };
}

/** Inputs that decide whether the step runs again; the token changes every run and is ignored by `diff`. */
const KEYS = ["appId", "packageUri", "packageHash", "functionName"] as const;

export interface StepInputs {
    appId: string;
    packageUri: string;
    packageHash: string;
    functionName: string;
    token: string;
}

/** What changed between runs, ignoring the token (a fresh token every run must not re-run the step). */
export function stepDiff(olds: StepInputs, news: StepInputs): pulumi.dynamic.DiffResult {
    const changed = KEYS.filter((k) => olds[k] !== news[k]);
    return { changes: changed.length > 0, replaces: changed.filter((k) => k === "appId" || k === "functionName") };
}

function provider(step: (api: SiteApi, i: StepInputs) => Promise<void>): pulumi.dynamic.ResourceProvider {
    const run = async (i: StepInputs) => {
        await step(armSiteApi(i.token), i);
        const { token: _token, ...outs } = i;
        return outs;
    };
    return {
        async create(inputs: StepInputs) {
            return { id: `${inputs.appId}/functions/${inputs.functionName}`, outs: await run(inputs) };
        },
        async diff(_id: string, olds: StepInputs, news: StepInputs) {
            return stepDiff(olds, news);
        },
        async update(_id: string, _olds: StepInputs, news: StepInputs) {
            return { outs: await run(news) };
        },
    };
}

const publishProvider = provider((api, i) => publishWithRetries(api, i.appId, i.packageUri, DEFAULT_RETRY, realSleep));
const readyProvider = provider((api, i) => waitForFunction(api, i.appId, i.functionName, DEFAULT_RETRY, realSleep));

export interface FunctionStepArgs {
    appId: pulumi.Input<string>;
    packageUri: pulumi.Input<string>;
    /** SHA-256 of the package: a new package publishes again. */
    packageHash: pulumi.Input<string>;
    functionName: pulumi.Input<string>;
    /** ARM bearer token (secret); read by the step, never compared or stored in outputs. */
    token: pulumi.Input<string>;
}

/** Module of the two dynamic resource types: `pulumi-nodejs:dynamic/acs-event-handling:<Type>`. */
export const DYNAMIC_MODULE = "acs-event-handling";
export const FUNCTION_PUBLISH_TYPE = `pulumi-nodejs:dynamic/${DYNAMIC_MODULE}:FunctionPackagePublish`;
export const FUNCTION_READY_TYPE = `pulumi-nodejs:dynamic/${DYNAMIC_MODULE}:FunctionRegistered`;

/** The step's inputs as sent: the ARM token secret, in the inputs and in any output that echoes it. */
const stepInputs = (args: FunctionStepArgs) => ({ ...args, token: pulumi.secret(args.token) });
const stepOptions = (opts?: pulumi.CustomResourceOptions) => ({ ...opts, additionalSecretOutputs: ["token"] });

/** One deploy of the package to the app (after the app's identity holds its role on the package's container). */
export class FunctionPackagePublish extends pulumi.dynamic.Resource {
    constructor(name: string, args: FunctionStepArgs, opts?: pulumi.CustomResourceOptions) {
        super(publishProvider, name, stepInputs(args), stepOptions(opts), DYNAMIC_MODULE, "FunctionPackagePublish");
    }
}

/** Completes when ARM lists the function with an Event Grid trigger; subscriptions to it depend on this. */
export class FunctionRegistered extends pulumi.dynamic.Resource {
    constructor(name: string, args: FunctionStepArgs, opts?: pulumi.CustomResourceOptions) {
        super(readyProvider, name, stepInputs(args), stepOptions(opts), DYNAMIC_MODULE, "FunctionRegistered");
    }
}

/**
 * The same resource as the offline harness (plan, tests) records it: its type, inputs and options, without the
 * serialized provider. Serializing a dynamic provider parses its closure with TypeScript (the SDK's
 * runtime/closure), which would cost every offline plan a TypeScript load for code the mocks never run.
 */
class OfflineStep extends pulumi.CustomResource {
    constructor(type: string, name: string, args: FunctionStepArgs, opts?: pulumi.CustomResourceOptions) {
        super(
            type,
            name,
            { ...stepInputs(args), __provider: "offline harness: the provider is not serialized" },
            stepOptions(opts),
        );
    }
}

/** One deploy of the package ({@link FunctionPackagePublish}; its offline stand-in under the harness). */
export function functionPackagePublish(name: string, args: FunctionStepArgs, opts?: pulumi.CustomResourceOptions) {
    return isOfflineHarness()
        ? new OfflineStep(FUNCTION_PUBLISH_TYPE, name, args, opts)
        : new FunctionPackagePublish(name, args, opts);
}

/** Waits for the function ({@link FunctionRegistered}; its offline stand-in under the harness). */
export function functionRegistered(name: string, args: FunctionStepArgs, opts?: pulumi.CustomResourceOptions) {
    return isOfflineHarness()
        ? new OfflineStep(FUNCTION_READY_TYPE, name, args, opts)
        : new FunctionRegistered(name, args, opts);
}
