/**
 * Issue 12's cases, one row each: every invalid input gives a clear error (key path, redacted value, what is
 * allowed), all at once; inputs Azure accepts plan. The config rows go through the program's own reader
 * (settingsFromConfigMap over the flattened stack file, as Pulumi hands config to the program).
 */
import * as assert from "node:assert";
import * as fs from "node:fs";
import * as os from "node:os";
import * as path from "node:path";
import { settingsFromConfigMap } from "../../config/load";
import { PROJECT_ROOT, runStack } from "../../harness/runStack";
import { ProgramError } from "../../harness/runProgram";
import { readProject, readStackConfig, stackFileConfig } from "../../harness/stackConfig";
import { InputFileError, parseYaml, readYamlFile } from "../../harness/yamlFile";
import "../support/contractCheck";
import { formatIssue, redactUrl, redactValue, ValidationError } from "../../validation/issue";

const NS = "acs-event-handling";
const KEY = "S3CRETKEY";
type Cfg = Record<string, any>;

/** The stack's config as the program reads it, with changes to its top-level values (objects, not JSON). */
function configMap(stack: string, change: (c: Cfg) => void): { all: Record<string, string>; secret: Set<string> } {
    const flat = readStackConfig(readProject(PROJECT_ROOT), stack);
    const c: Cfg = {};
    for (const [k, v] of Object.entries(flat.config)) c[k] = k === "azure-native:location" ? v : JSON.parse(v);
    change(c);
    const all: Record<string, string> = {};
    for (const [k, v] of Object.entries(c)) if (v !== undefined) all[k] = typeof v === "string" ? v : JSON.stringify(v);
    return { all, secret: new Set(flat.secretKeys) };
}

/** Every formatted error line for a change of the dev config, or [] when it is valid. */
function errorsFor(change: (c: Cfg) => void, stack = "dev", secretKeys: string[] = []): string[] {
    const { all, secret } = configMap(stack, change);
    for (const k of secretKeys) secret.add(k);
    try {
        settingsFromConfigMap(all, (k) => secret.has(k));
        return [];
    } catch (err) {
        assert.ok(ValidationError.is(err), `expected a ValidationError, got ${err instanceof Error ? err.stack : err}`);
        return err.issues.map((i) => formatIssue(`${NS}:`, i));
    }
}

const h = (c: Cfg) => c[`${NS}:handlers`];
const subs = (c: Cfg) => c[`${NS}:subscriptions`];
const SB = (ns: string) => `/subscriptions/0/resourceGroups/rg/providers/Microsoft.ServiceBus/namespaces/${ns}`;
const EH = (ns: string) => `/subscriptions/0/resourceGroups/rg/providers/Microsoft.EventHub/namespaces/${ns}`;

/** [case, change, expected line start or substring]: each row must produce a line containing the expected text. */
const ROWS: [string, (c: Cfg) => void, string][] = [
    // Crashes 1-4
    [
        "top-level key holding a non-JSON string",
        (c) => {
            c[`${NS}:resourceGroup`] = "fuzz";
        },
        `${NS}:resourceGroup: must be an object (got "fuzz")`,
    ],
    [
        "handler named toString",
        (c) => {
            subs(c)["sms-604"].handler = "toString";
        },
        `${NS}:subscriptions.sms-604.handler: no handler with this name`,
    ],
    [
        "handler named constructor",
        (c) => {
            subs(c)["sms-604"].handler = "constructor";
        },
        `${NS}:subscriptions.sms-604.handler: no handler with this name`,
    ],
    [
        "handler named __proto__",
        (c) => {
            subs(c)["sms-604"].handler = "__proto__";
        },
        `${NS}:subscriptions.sms-604.handler: no handler with this name`,
    ],
    [
        "handler key __proto__",
        (c) => {
            c[`${NS}:handlers`] = JSON.parse(
                `{"__proto__": ${JSON.stringify(h(c)["sms-queue"])}, ${JSON.stringify(h(c)).slice(1)}`,
            );
        },
        `${NS}:handlers.__proto__: a name of 1–63 letters`,
    ],
    [
        "handler key constructor",
        (c) => {
            h(c).constructor = h(c)["sms-queue"];
        },
        `${NS}:handlers.constructor: names a member of every JavaScript object`,
    ],
    [
        "tag named constructor",
        (c) => {
            c[`${NS}:tags`].constructor = "x";
        },
        `${NS}:tags.constructor: a tag name that names a member of every JavaScript object`,
    ],
    [
        "tag named hasOwnProperty",
        (c) => {
            c[`${NS}:tags`].hasOwnProperty = "x";
        },
        `${NS}:tags.hasOwnProperty: a tag name that`,
    ],
    [
        "tag named toString",
        (c) => {
            c[`${NS}:tags`].toString = "x";
        },
        `${NS}:tags.toString: a tag name that`,
    ],
    // Invalid stacks accepted
    [
        "location Mars",
        (c) => {
            c["azure-native:location"] = "Mars";
        },
        'azure-native:location: an Azure region name, e.g. westeurope or "West Europe"',
    ],
    [
        "location 42",
        (c) => {
            c["azure-native:location"] = "42";
        },
        "azure-native:location: an Azure region name",
    ],
    [
        "location true",
        (c) => {
            c["azure-native:location"] = "true";
        },
        "azure-native:location: an Azure region name",
    ],
    [
        "location with NUL",
        (c) => {
            c["azure-native:location"] = "westeurope\u0000";
        },
        "azure-native:location: an Azure region name",
    ],
    [
        "location in full-width letters",
        (c) => {
            c["azure-native:location"] = "ｗｅｓｔｅｕｒｏｐｅ";
        },
        "azure-native:location: an Azure region name",
    ],
    [
        "51 tags",
        (c) => {
            for (let i = 0; i < 49; i++) c[`${NS}:tags`][`t${i}`] = "v";
        },
        `${NS}:tags: at most 50 tags per resource (Azure limit) (got "51 tags")`,
    ],
    [
        "tag name over 512",
        (c) => {
            c[`${NS}:tags`]["n".repeat(513)] = "v";
        },
        "a tag name is at most 128 characters (the limit of storage accounts",
    ],
    [
        "tag value over 256",
        (c) => {
            c[`${NS}:tags`].owner = "v".repeat(257);
        },
        `${NS}:tags.owner: a tag value is at most 256 characters (got "257 characters")`,
    ],
    ...["<", ">", "%", "&", "\\", "?", "/"].map((ch): [string, (c: Cfg) => void, string] => [
        `tag name with ${ch}`,
        (c) => {
            c[`${NS}:tags`][`a${ch}b`] = "v";
        },
        "a tag name cannot contain < > % & \\ ? /",
    ]),
    [
        "queue account = dead-letter account",
        (c) => {
            h(c)["sms-queue"].storageQueue.accountName = "stacsdeadletterdev";
        },
        `${NS}:handlers.sms-queue.storageQueue.accountName: the same storage account name as deadLetter.accountName`,
    ],
    [
        "function storage = dead-letter account",
        (c) => {
            h(c)["sms-function"].function.storageAccountName = "stacsdeadletterdev";
        },
        `${NS}:handlers.sms-function.function.storageAccountName: the same storage account name as ` +
            `deadLetter.accountName`,
    ],
    [
        "two storage-queue handlers on one account and queue",
        (c) => {
            h(c).q2 = JSON.parse(JSON.stringify(h(c)["sms-queue"]));
        },
        `${NS}:handlers.q2.storageQueue.queueName: the same storage queue name as ` +
            `handlers.sms-queue.storageQueue.queueName`,
    ],
    [
        "two Service Bus handlers on one namespace",
        (c) => {
            h(c).bus1 = { kind: "serviceBusQueue", serviceBusQueue: { namespaceName: "sb-acs-dev", queueName: "a" } };
            h(c).bus2 = { kind: "serviceBusTopic", serviceBusTopic: { namespaceName: "SB-ACS-DEV", topicName: "b" } };
        },
        `${NS}:handlers.bus2.serviceBusTopic.namespaceName: the same Service Bus / Event Hubs namespace ` +
            `(servicebus.windows.net) name as handlers.bus1`,
    ],
    [
        "Event Hubs namespace named like a Service Bus namespace",
        (c) => {
            h(c).bus1 = { kind: "serviceBusQueue", serviceBusQueue: { namespaceName: "acs-msg-dev", queueName: "a" } };
            h(c).hub1 = { kind: "eventHub", eventHub: { namespaceName: "acs-msg-dev", eventHubName: "b" } };
        },
        `${NS}:handlers.hub1.eventHub.namespaceName: the same Service Bus / Event Hubs namespace`,
    ],
    [
        "two function apps with one name",
        (c) => {
            h(c).fn2 = {
                kind: "function",
                function: {
                    appName: "func-acs-sms-dev",
                    storageAccountName: "stacsfunc2dev",
                    notifyRecipients: ["a@example.com"],
                },
            };
        },
        `${NS}:handlers.fn2.function.appName: the same function app (azurewebsites.net) name as ` +
            `handlers.sms-function.function.appName`,
    ],
    [
        "two workflows with one name",
        (c) => {
            h(c).la2 = {
                kind: "logicApp",
                logicApp: { workflowName: "la-acs-sms-email-dev", notifyRecipients: ["a@example.com"] },
            };
        },
        `${NS}:handlers.la2.logicApp.workflowName: the same Logic App workflow name`,
    ],
    [
        "dead-letter account ID of a Service Bus namespace",
        (c) => {
            c[`${NS}:deadLetter`] = { existingAccountId: SB("sb-x") };
        },
        `${NS}:deadLetter.existingAccountId: must be the ID of a Microsoft.Storage/storageAccounts resource`,
    ],
    [
        "queue account ID of an Event Hubs namespace",
        (c) => {
            h(c)["sms-queue"].storageQueue = { existingAccountId: EH("eh-x"), queueName: "sms-events" };
        },
        "this one names a Microsoft.EventHub/namespaces",
    ],
    [
        "Service Bus namespace ID of an Event Hubs namespace",
        (c) => {
            h(c).bus1 = {
                kind: "serviceBusQueue",
                serviceBusQueue: { existingNamespaceId: EH("eh-x"), queueName: "a" },
            };
        },
        `${NS}:handlers.bus1.serviceBusQueue.existingNamespaceId: must be the ID of a ` +
            `Microsoft.ServiceBus/namespaces resource`,
    ],
    [
        "Service Bus namespace ending -sb",
        (c) => {
            h(c).bus1 = {
                kind: "serviceBusQueue",
                serviceBusQueue: { namespaceName: "acs-events-sb", queueName: "a" },
            };
        },
        'a Service Bus namespace name cannot end with "-sb" or "-mgmt"',
    ],
    [
        "Service Bus namespace ending -mgmt",
        (c) => {
            h(c).bus1 = {
                kind: "serviceBusTopic",
                serviceBusTopic: { namespaceName: "acs-events-mgmt", topicName: "a" },
            };
        },
        'a Service Bus namespace name cannot end with "-sb" or "-mgmt"',
    ],
    [
        "static delivery header of 5,000 characters",
        (c) => {
            subs(c)["chat-messages"].delivery = {
                headers: [{ name: "x-tag", kind: "static", value: "v".repeat(5000) }],
            };
        },
        `${NS}:subscriptions.chat-messages.delivery.headers[0].value: a delivery header value is at most ` +
            `4096 bytes (Event Grid limit) (got "5000 bytes")`,
    ],
    ...[
        "https://localhost/x",
        "https://127.0.0.1/x",
        "https://10.1.2.3/x",
        "https://[::1]/x",
        "https://192.168.0.4/x",
    ].map((url): [string, (c: Cfg) => void, string] => [
        `webhook at ${url}`,
        (c) => {
            h(c)["chat-webhook"].webhook.url = url;
        },
        `${NS}:handlers.chat-webhook.webhook.url: a loopback, private or link-local host`,
    ]),
    // Lost or wrong without a word
    [
        "unknown key monitorng",
        (c) => {
            c[`${NS}:monitorng`] = { enabled: false };
        },
        `${NS}:monitorng: unknown key (the program would ignore it); did you mean "${NS}:monitoring"?`,
    ],
    [
        "unknown key tag",
        (c) => {
            c[`${NS}:tag`] = { a: "b" };
        },
        `did you mean "${NS}:tags"?`,
    ],
    [
        "unknown key systemtopic",
        (c) => {
            c[`${NS}:systemtopic`] = { name: "x" };
        },
        `did you mean "${NS}:systemTopic"?`,
    ],
    [
        "a misspelt namespace",
        (c) => {
            c[`acs-event-handlng:tags`] = { a: "b" };
        },
        `acs-event-handlng:tags: unknown namespace (the program would ignore this key); did you mean "${NS}:tags"?`,
    ],
    [
        "config set without --path",
        (c) => {
            c[`${NS}:handlers.chat-webhook.webhook.url`] = `https://h.example.com/x?code=${KEY}`;
        },
        `${NS}:handlers.chat-webhook.webhook.url: unknown key: a nested value is set with \`pulumi config set --path`,
    ],
    [
        "notifyRecipients omitted",
        (c) => {
            delete h(c)["sms-function"].function.notifyRecipients;
        },
        `${NS}:handlers.sms-function.function.notifyRecipients: required (array)`,
    ],
];

describe("hostile stack config: one clear error per case (issue 12)", () => {
    for (const [name, change, expected] of ROWS) {
        it(name, () => {
            const lines = errorsFor(change);
            assert.ok(
                lines.some((l) => l.includes(expected)),
                `expected a line with:\n  ${expected}\ngot:\n  ${lines.join("\n  ")}`,
            );
            for (const l of lines) assert.ok(!l.includes(KEY), `leaked: ${l}`);
        });
    }

    it("reports every problem at once", () => {
        const lines = errorsFor((c) => {
            for (const [, change] of ROWS.slice(9, 14)) change(c);
        });
        assert.ok(lines.filter((l) => l.startsWith("azure-native:location")).length === 1, lines.join("\n"));
    });

    it("accepts the display name of a region, as ARM does", () => {
        assert.deepStrictEqual(
            errorsFor((c) => {
                c["azure-native:location"] = "West Europe";
            }),
            [],
        );
    });

    it("takes an unquoted timestamp as the string it is (YAML 1.2 core, as Pulumi reads stack files)", () => {
        const doc = parseYaml(
            `config:\n  ${NS}:subscriptions:\n    s:\n      expirationTimeUtc: 2027-01-01T00:00:00Z\n    ` +
                `  enabled: yes\n`,
            "t.yaml",
        ) as Cfg;
        assert.deepStrictEqual(doc.config[`${NS}:subscriptions`].s, {
            expirationTimeUtc: "2027-01-01T00:00:00Z",
            enabled: "yes",
        });
        assert.deepStrictEqual(
            errorsFor((c) => {
                subs(c)["sms-604"].expirationTimeUtc = doc.config[`${NS}:subscriptions`].s.expirationTimeUtc;
            }),
            [],
        );
    });
});

describe("the webhook key is never printed", () => {
    const url = `https://hook:${KEY}@h.example.com/api?code=${KEY}#${KEY}`;
    const SHAPES: [string, unknown][] = [
        ["userinfo, query and fragment", url],
        ["a trailing newline", `https://h.example.com/api?code=${KEY}\n`],
        ["several lines", `first line\nhttps://h.example.com/api?code=${KEY}\nhttp://u:${KEY}@h`],
        ["a list", [url, url]],
        ["a nested structure", { a: { b: [{ url }] } }],
        ["no scheme", `h.example.com/api?code=${KEY}`],
        ["user:password@ without scheme", `hook:${KEY}@h.example.com/api`],
    ];
    for (const [name, value] of SHAPES) {
        it(`redacts ${name}`, () => {
            assert.ok(!JSON.stringify(redactValue(value)).includes(KEY), JSON.stringify(redactValue(value)));
            const err = new ValidationError(
                [
                    {
                        path: ["handlers", "h", "webhook", "url"],
                        value,
                        message: `bad ${typeof value === "string" ? value : ""}`,
                    },
                ],
                `${NS}:`,
            );
            assert.ok(!err.message.includes(KEY) && !JSON.stringify(err.issues).includes(KEY), err.message);
        });
    }

    it("keeps scheme, host and path so the user can still tell which URL is meant", () => {
        assert.strictEqual(redactUrl(url), "https://…@h.example.com/api?…#…");
    });

    it("redacts a webhook block left on a handler of another kind", () => {
        const lines = errorsFor((c) => {
            h(c)["sms-queue"].webhook = { url };
        });
        assert.ok(
            lines.some((l) =>
                l.startsWith(`${NS}:handlers.sms-queue.webhook: kind is "storageQueue"; remove the "webhook" block`),
            ),
            lines.join("\n"),
        );
        assert.ok(!lines.join("\n").includes(KEY));
    });

    it("never echoes the value of a secret config key, even one that is not JSON", () => {
        const lines = errorsFor(
            (c) => {
                c[`${NS}:handlers`] = `not json ${KEY}`;
            },
            "dev",
            [`${NS}:handlers`],
        );
        assert.ok(
            lines.some((l) => l === `${NS}:handlers: must be a record (got "[secret]")`),
            lines.join("\n"),
        );
        assert.ok(!lines.join("\n").includes(KEY));
    });
});

describe("stack files: bounded, UTF-8, YAML 1.2, the right shape (issue 12)", () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), "acs-yaml-"));
    after(() => fs.rmSync(dir, { recursive: true, force: true }));
    const file = (name: string, content: string | Buffer) => {
        const p = path.join(dir, name);
        fs.writeFileSync(p, content);
        return p;
    };
    const bomb = [
        "config:",
        "  acs-event-handling:ignored:",
        '    a: &a ["x","x","x","x","x","x","x","x","x"]',
        ..."bcdefgh".split("").map((l, i) => `    ${l}: &${l} [${Array(9).fill(`*${"abcdefgh"[i]}`).join(",")}]`),
    ].join("\n");
    const CASES: [string, string | Buffer | undefined, RegExp][] = [
        ["duplicate keys", "config:\n  a: 1\n  a: 2\n", /line 3, column 3: Map keys must be unique/],
        ["tab indentation", "config:\n\ta: 1\n", /line 2, column 1: .*[Tt]ab/],
        ["an unknown tag", "config:\n  a: !Ref x\n", /line 2, column 6: Unresolved tag: !Ref/],
        [
            "20,000-deep nesting",
            `config:\n  a: ${"[".repeat(20000)}${"]".repeat(20000)}\n`,
            /nested too deeply|nested more than 32 levels/,
        ],
        ["an alias bomb", bomb, /cannot be expanded: .*at most 100 alias uses/],
        [
            "an alias that refers to itself",
            "config:\n  a: &a [*a]\n",
            /nested more than 32 levels deep \(or an alias refers to itself\)/,
        ],
        ["a UTF-16 file", Buffer.from("\ufeffconfig:\n", "utf16le"), /is UTF-16; save it as UTF-8/],
        ["a binary file", Buffer.from([0x7f, 0x45, 0x4c, 0x46, 0, 1, 2]), /contains NUL bytes/],
        [
            "a Latin-1 file",
            Buffer.from("config:\n  acs-event-handling:tags: {owner: caf\xe9}\n", "latin1"),
            /is not valid UTF-8 \(Latin-1/,
        ],
        [
            "a file over 1 MiB",
            `config:\n  a: "${"x".repeat(1024 * 1024)}"\n`,
            /bytes; a stack file may be at most 1048576 bytes/,
        ],
        ["a missing file", undefined, /: no such file$/],
        ["a top-level list", "- a\n", /holds a list; a stack file is a mapping with a `config:` mapping/],
        ["a top-level scalar", "hello\n", /holds a string; a stack file is a mapping/],
        ["an empty file", "", /is empty; a stack file is a mapping/],
        ["config: as a list", "config:\n  - a\n", /`config:` holds a list/],
    ];
    for (const [name, content, expected] of CASES) {
        it(`rejects ${name} with a one-line error naming the file`, () => {
            const p =
                content === undefined
                    ? path.join(dir, "missing.yaml")
                    : file(`${name.replace(/\W+/g, "-")}.yaml`, content);
            const started = Date.now();
            assert.throws(
                () => stackFileConfig(readYamlFile(p), p),
                (err: unknown) => {
                    assert.ok(InputFileError.is(err), String(err));
                    assert.ok(err.message.startsWith(`${p}: `), err.message);
                    assert.match(err.message, expected);
                    assert.ok(!err.message.includes("\n") && !/\n\s+at /.test(err.stack ?? ""), "no stack trace");
                    return true;
                },
            );
            assert.ok(Date.now() - started < 20_000, "bounded");
        });
    }
});

describe("inputs Azure accepts plan (issue 12)", () => {
    for (const [name, acsName] of [
        ["an ACS name with an underscore", "acs_events_dev"],
        ["a 63-character ACS name", "a".repeat(63)],
        ["the ACS name __proto__", "__proto__"],
    ]) {
        it(`${name}: the derived monitoring and email service names are valid`, async () => {
            const g = await runStack({
                stack: "dev",
                overrides: { communication: { name: acsName, dataLocation: "Europe" } },
            });
            assert.ok(
                g.resources.some((r) => r.type === "azure-native:communication:EmailService"),
                "dev has email handlers",
            );
            const ws = g.resources.find((r) => r.type === "azure-native:operationalinsights:Workspace")!;
            assert.match(ws.inputs.workspaceName, /^[A-Za-z0-9][-A-Za-z0-9]{2,61}[A-Za-z0-9]$/);
            const email = g.resources.find((r) => r.type === "azure-native:communication:EmailService");
            if (email) assert.match(email.inputs.emailServiceName, /^[a-zA-Z0-9-]{1,63}$/);
        });
    }

    it("a failed program leaves nothing behind: a second run in the same process succeeds", async () => {
        const unhandled: unknown[] = [];
        const onUnhandled = (e: unknown) => unhandled.push(e);
        process.on("unhandledRejection", onUnhandled);
        try {
            await assert.rejects(
                runStack({ stack: "prod", overrides: { monitoring: { severity: 9 } } }),
                (e: unknown) => e instanceof ProgramError && ValidationError.is(e.cause),
            );
            const g = await runStack({ stack: "prod" });
            await new Promise((r) => setTimeout(r, 200));
            assert.ok(g.resources.length > 10);
            assert.deepStrictEqual(unhandled, []);
        } finally {
            process.off("unhandledRejection", onUnhandled);
        }
    });
});

describe("the configuration guide's route example (it was read as a Date and rejected)", () => {
    it("is a valid route of the dev stack, read as Pulumi reads YAML", () => {
        const guide = fs.readFileSync(path.join(PROJECT_ROOT, "docs", "stack-config.md"), "utf8");
        const block = /A route:\n\n```yaml\n([\s\S]*?)```/.exec(guide);
        assert.ok(block, "docs/stack-config.md shows a route");
        const route = parseYaml(block[1], "docs/stack-config.md") as Cfg;
        assert.strictEqual(typeof route["sms-604"].expirationTimeUtc, "string");
        assert.deepStrictEqual(
            errorsFor((c) => {
                subs(c)["sms-604"] = route["sms-604"];
            }),
            [],
        );
    });
});
