import * as assert from "node:assert";
import * as web from "@pulumi/azure-native/web";
import * as path from "node:path";
import { DEFAULT_PACKAGE_PATH, FUNCTION_RUNTIME } from "../../components/handlers/functionApp";
import {
    armSiteApi,
    backoffDelay,
    stepDiff,
    FUNCTION_PUBLISH_TYPE,
    FUNCTION_READY_TYPE,
    FunctionInfo,
    publishWithRetries,
    RetryPolicy,
    SiteApi,
    waitForFunction,
    WEB_API,
} from "../../components/handlers/functionDeploy";
import { installedApiVersion } from "../../contract/apiVersions";
import { Graph, GraphResource, ofType } from "../../harness/graph";
import { PROJECT_ROOT, runStack } from "../../harness/runStack";
import { stackGraph } from "../support/sharedGraphs";
import { FLEX_REJECTED_SITE_CONFIG } from "../../policy/rules/functionApp/flexSiteConfig";
import { FLEX_INSTANCE_MEMORY_MB } from "../../validation/limits";
import { findingsOf, fixture } from "../policy/support/findings";
import { parseStackSettings } from "../../config/load";
import { formatIssue, ValidationError } from "../../validation/issue";
import { rawStackConfig } from "../support/rawConfig";
import { BUNDLE_TARGET } from "../../functions/scripts/build";
import { joinRe } from "../support/regex";

const APP_ID = "/subscriptions/0/resourceGroups/rg/providers/Microsoft.Web/sites/func-x";
const POLICY: RetryPolicy = { attempts: 4, firstDelayMs: 100, maxDelayMs: 250 };

/** A SiteApi whose answers are scripted per call, recording what was asked. */
function fakeApi(
    publish: (n: number) => void,
    functions: (n: number) => FunctionInfo[],
): SiteApi & { publishes: string[]; lists: number } {
    const api = {
        publishes: [] as string[],
        lists: 0,
        async publishPackage(appId: string, uri: string) {
            api.publishes.push(`${appId} ${uri}`);
            publish(api.publishes.length);
        },
        async listFunctions() {
            api.lists++;
            return functions(api.lists);
        },
    };
    return api;
}

function recordSleeps(): { sleep: (ms: number) => Promise<void>; waits: number[] } {
    const waits: number[] = [];
    return {
        waits,
        sleep: async (ms) => {
            waits.push(ms);
        },
    };
}

const eventGrid = (name: string): FunctionInfo => ({ name, triggerTypes: ["eventGridTrigger"] });

describe("function code deployment: retries and timeout (fake ARM)", () => {
    it("backs off exponentially up to the cap", () => {
        assert.deepStrictEqual(
            [2, 3, 4, 5].map((n) => backoffDelay(POLICY, n)),
            [100, 200, 250, 250],
        );
    });

    it("waits until the function is listed with an Event Grid trigger, backing off between checks", async () => {
        const { sleep, waits } = recordSleeps();
        const api = fakeApi(
            () => undefined,
            (n) => (n < 3 ? [] : [eventGrid("smsEvents")]),
        );
        await waitForFunction(api, APP_ID, "smsEvents", POLICY, sleep);
        assert.strictEqual(api.lists, 3);
        assert.deepStrictEqual(waits, [100, 200]);
    });

    it("times out after the bounded attempts, naming the app, the function and what was found", async () => {
        const { sleep, waits } = recordSleeps();
        const api = fakeApi(
            () => undefined,
            () => [{ name: "smsEvents", triggerTypes: ["httpTrigger"] }, eventGrid("other")],
        );
        await assert.rejects(waitForFunction(api, APP_ID, "smsEvents", POLICY, sleep), (e: Error) => {
            assert.match(e.message, /^function "smsEvents" is not registered on function app func-x after 4 checks/);
            assert.match(
                e.message,
                /smsEvents has no eventGridTrigger; found smsEvents \(httpTrigger\), other \(eventGridTrigger\)/,
            );
            return true;
        });
        assert.strictEqual(api.lists, 4);
        assert.strictEqual(waits.length, 3);
    });

    it("says so when the app lists no functions at all, and keeps retrying through errors", async () => {
        const api = fakeApi(
            () => undefined,
            (n) => {
                if (n === 1) throw new Error("HTTP 502");
                return [];
            },
        );
        await assert.rejects(
            waitForFunction(api, APP_ID, "smsEvents", POLICY, recordSleeps().sleep),
            /after 4 checks .*; found no functions\./,
        );
        assert.strictEqual(api.lists, 4);
    });

    it(
        "publishes again while the app's identity cannot read the package yet " + "(role propagation), then succeeds",
        async () => {
            const api = fakeApi(
                (n) => {
                    if (n < 3) throw new Error("HTTP 403 AuthorizationPermissionMismatch");
                },
                () => [],
            );
            await publishWithRetries(
                api,
                APP_ID,
                "https://st.blob.core.windows.net/app-package/upload/package.zip",
                POLICY,
                recordSleeps().sleep,
            );
            assert.deepStrictEqual(
                api.publishes,
                Array(3).fill(`${APP_ID} https://st.blob.core.windows.net/app-package/upload/package.zip`),
            );
        },
    );

    it("re-runs a step for a new package or app, never for a fresh token alone", () => {
        const olds = {
            appId: APP_ID,
            packageUri: "https://x/p.zip",
            packageHash: "a",
            functionName: "smsEvents",
            token: "t1",
        };
        assert.deepStrictEqual(stepDiff(olds, { ...olds, token: "t2" }), { changes: false, replaces: [] });
        assert.deepStrictEqual(stepDiff(olds, { ...olds, packageHash: "b", token: "t2" }), {
            changes: true,
            replaces: [],
        });
        assert.deepStrictEqual(stepDiff(olds, { ...olds, appId: `${APP_ID}2` }), {
            changes: true,
            replaces: ["appId"],
        });
    });

    it("gives up publishing after the bounded attempts with the last error", async () => {
        const api = fakeApi(
            () => {
                throw new Error("HTTP 403 AuthorizationPermissionMismatch");
            },
            () => [],
        );
        await assert.rejects(
            publishWithRetries(api, APP_ID, "https://x/p.zip", POLICY, recordSleeps().sleep),
            joinRe(
                /^Error: publishing https:\/\/x\/p\.zip to function app func-x failed 4 times; last /,
                /error: HTTP 403 AuthorizationPermissionMismatch$/,
            ),
        );
    });
});

describe("function handler in the dev stack: first deploy", () => {
    let g: Graph;
    let app: GraphResource;
    const byName = (name: string) => g.resources.find((r) => r.name === name)!;
    before(async () => {
        g = await stackGraph("dev");
        app = ofType(g, "azure-native:web:WebApp").find((r) => r.inputs.name === "func-acs-sms-dev")!;
    });

    it("sends a Flex body with no property Flex rejects, defaults azure-native injects included", () => {
        // The recorded inputs are what the SDK sends: constructor defaults (hyperV, isXenon, ...) are in them.
        assert.strictEqual(app.inputs.hyperV, false, "the graph holds the SDK's injected defaults");
        assert.strictEqual(app.inputs.siteConfig, undefined);
        const keys: string[] = [];
        const walk = (v: unknown) => {
            if (v && typeof v === "object")
                for (const [k, x] of Object.entries(v)) {
                    keys.push(k);
                    walk(x);
                }
        };
        walk(app.inputs);
        assert.deepStrictEqual(
            keys.filter((k) => (FLEX_REJECTED_SITE_CONFIG as readonly string[]).includes(k)),
            [],
        );
        assert.deepStrictEqual(app.inputs.functionAppConfig.runtime, { ...FUNCTION_RUNTIME });
        assert.strictEqual(FUNCTION_RUNTIME.version, "22");
        assert.strictEqual(
            BUNDLE_TARGET,
            `node${FUNCTION_RUNTIME.version}`,
            "the bundle targets the runtime the app runs",
        );
        assert.ok(
            (FLEX_INSTANCE_MEMORY_MB as readonly number[]).includes(
                app.inputs.functionAppConfig.scaleAndConcurrency.instanceMemoryMB,
            ),
        );
    });

    it("puts the app settings in the appsettings child, which the publish waits for", () => {
        const settings = ofType(g, "azure-native:web:WebAppApplicationSettings").find(
            (r) => r.inputs.name === "func-acs-sms-dev",
        )!;
        assert.strictEqual(settings.inputs.properties.AzureWebJobsStorage__accountName, "stacsfuncdev");
        assert.strictEqual(settings.inputs.properties.APPLICATIONINSIGHTS_AUTHENTICATION_STRING, "Authorization=AAD");
        assert.ok(byName("sms-function-publish").dependencies.includes(settings.urn));
    });

    it(
        "orders: package readable by the app's identity → " + "package published → function registered → subscription",
        () => {
            const publish = byName("sms-function-publish");
            const registered = byName("sms-function-registered");
            assert.strictEqual(publish.type, FUNCTION_PUBLISH_TYPE);
            assert.strictEqual(registered.type, FUNCTION_READY_TYPE);
            const blobRole = ofType(g, "azure-native:authorization:RoleAssignment").find(
                (r) => r.name === "sms-function-blob-role",
            )!;
            const code = ofType(g, "azure-native:storage:Blob").find((r) => r.name === "sms-function-code")!;
            // The role the app's identity reads the package with, on the account holding it.
            assert.strictEqual(blobRole.inputs.principalId, app.outputs.identity.principalId);
            assert.strictEqual(
                blobRole.inputs.scope,
                ofType(g, "azure-native:storage:StorageAccount").find((r) => r.inputs.accountName === "stacsfuncdev")!
                    .id,
            );
            assert.ok(publish.dependencies.includes(blobRole.urn) && publish.dependencies.includes(code.urn));
            assert.strictEqual(
                publish.inputs.packageUri,
                `https://stacsfuncdev.blob.core.windows.net/app-package/${code.inputs.blobName}`,
            );
            assert.strictEqual(publish.inputs.appId, app.id);
            assert.ok(registered.dependencies.includes(publish.urn));
            assert.strictEqual(registered.inputs.functionName, "smsEvents");
            const sub = ofType(g, "azure-native:eventgrid:SystemTopicEventSubscription").find(
                (r) => r.inputs.destination?.endpointType === "AzureFunction",
            )!;
            assert.strictEqual(sub.inputs.destination.resourceId, `${app.id}/functions/smsEvents`);
            assert.ok(sub.dependencies.includes(registered.urn));
            // Roles used only once events flow gate the subscription, not the publish (keeps the email domain's
            // provisioning off the publish path).
            const emailRole = ofType(g, "azure-native:authorization:RoleAssignment").find(
                (r) => r.name === "sms-function-email-role",
            )!;
            assert.ok(!publish.dependencies.includes(emailRole.urn), "publish waits for the email role");
            assert.ok(sub.dependencies.includes(emailRole.urn), "the subscription waits for the email role");
        },
    );

    it("keeps the ARM token a secret and out of what decides a re-run", () => {
        for (const step of [byName("sms-function-publish"), byName("sms-function-registered")]) {
            assert.ok(step.secretPaths.includes("token"), step.name);
            assert.match(step.inputs.packageHash, /^([0-9a-f]{64}|not-built)$/);
        }
    });

    it("passes the Flex body rule and the function-deployment rule", async () => {
        const findings = await findingsOf(g);
        const mine = findings.filter((f) =>
            ["function-app-flex-site-config", "event-subscription-require-function-deployment"].includes(f.policy),
        );
        assert.deepStrictEqual(
            mine.map((f) => `${f.policy} ${f.resourceName}: ${f.message}`),
            [],
        );
    });
});

describe("function handler: the body before this fix is refused", () => {
    it("function-app-flex-site-config names netFrameworkVersion (injected by azure-native) and ftpsState", async () => {
        const g = await fixture(() => {
            new web.WebApp("old-body", {
                resourceGroupName: "rg",
                name: "old-body",
                kind: "functionapp,linux",
                httpsOnly: true,
                identity: { type: "SystemAssigned" },
                siteConfig: {
                    minTlsVersion: "1.2",
                    scmMinTlsVersion: "1.2",
                    ftpsState: "Disabled",
                    http20Enabled: true,
                    remoteDebuggingEnabled: false,
                    appSettings: [],
                },
                functionAppConfig: { runtime: { name: "node", version: "22" } },
            });
        });
        const findings = (await findingsOf(g, {}, "function-app-flex-site-config"))
            .map((f) => f.message.split(":")[0])
            .sort();
        assert.deepStrictEqual(findings, ["siteConfig.ftpsState", "siteConfig.netFrameworkVersion"]);
    });
});

describe("Flex instance memory in the stack config", () => {
    const errorsFor = (mb: unknown): string[] => {
        const cfg = rawStackConfig("dev");
        cfg.handlers["sms-function"].function.instanceMemoryMB = mb;
        try {
            parseStackSettings(cfg);
        } catch (err) {
            assert.ok(ValidationError.is(err));
            return err.issues.map((i) => formatIssue("acs-event-handling:", i));
        }
        return [];
    };

    it("refuses 512 MB (rejected by the service, azure-rest-api-specs#40898) and says what is allowed", () => {
        const [line, ...rest] = errorsFor(512);
        assert.deepStrictEqual(rest, []);
        assert.match(
            line,
            /^acs-event-handling:handlers\.sms-function\.function\.instanceMemoryMB: .*2048.*4096.*\(got 512\)/,
        );
    });

    it("accepts every size in FLEX_INSTANCE_MEMORY_MB", () => {
        for (const mb of FLEX_INSTANCE_MEMORY_MB) assert.deepStrictEqual(errorsFor(mb), [], String(mb));
    });
});

describe("deterministic program", () => {
    it("the same stack run twice gives identical resource inputs (second `pulumi up` is a no-op)", async () => {
        const shape = (g: Graph) =>
            g.resources.map((r) => ({ urn: r.urn, inputs: r.inputs, deps: [...r.dependencies].sort() }));
        const [a, b] = [await runStack({ stack: "dev" }), await runStack({ stack: "dev" })];
        assert.ok(a.resources.length > 50);
        assert.deepStrictEqual(shape(b), shape(a));
    });
});

describe("function package path", () => {
    it("defaults to this package's functions/dist/package.zip whatever the working directory", () => {
        assert.strictEqual(DEFAULT_PACKAGE_PATH, path.join(PROJECT_ROOT, "functions", "dist", "package.zip"));
    });
});

describe("function code deployment: the ARM calls (armSiteApi)", () => {
    /** Replace global fetch for one call sequence; records each request and answers with `reply`. */
    async function withFetch<T>(reply: (url: string) => unknown, run: () => Promise<T>) {
        const calls: { method: string; url: string; body?: string }[] = [];
        const real = globalThis.fetch;
        globalThis.fetch = (async (url: string, init: RequestInit) => {
            calls.push({ method: String(init.method), url, body: init.body as string | undefined });
            return new Response(JSON.stringify(reply(url)), { status: 200 });
        }) as typeof fetch;
        try {
            return { calls, result: await run() };
        } finally {
            globalThis.fetch = real;
        }
    }

    it("calls Microsoft.Web at the API version the installed azure-native creates the site with", () => {
        assert.strictEqual(WEB_API, installedApiVersion("azure-native:web:WebApp"));
    });

    it("publishes with one deploy and lists functions at that version", async () => {
        const api = armSiteApi("token", async () => {});
        const { calls, result } = await withFetch(
            (url) =>
                url.includes("/functions?")
                    ? {
                          value: [
                              {
                                  name: "func-x/smsEvents",
                                  properties: { config: { bindings: [{ type: "eventGridTrigger" }] } },
                              },
                          ],
                      }
                    : {},
            async () => {
                await api.publishPackage(APP_ID, "https://st.blob.core.windows.net/pkg/app.zip");
                return api.listFunctions(APP_ID);
            },
        );
        assert.deepStrictEqual(
            calls.map((c) => `${c.method} ${c.url}`),
            [
                `PUT https://management.azure.com${APP_ID}/extensions/onedeploy?api-version=${WEB_API}`,
                `GET https://management.azure.com${APP_ID}/functions?api-version=${WEB_API}`,
            ],
        );
        assert.deepStrictEqual(JSON.parse(calls[0].body!), {
            properties: { packageUri: "https://st.blob.core.windows.net/pkg/app.zip", remoteBuild: false },
        });
        assert.deepStrictEqual(result, [eventGrid("smsEvents")]);
    });
});
