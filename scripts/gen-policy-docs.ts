/**
 * Generates docs/policies.md from the rule catalogue (policy/catalogue.ts) and the decisions
 * (policy/decisions.ts): `npx tsx scripts/gen-policy-docs.ts`. test/policy/docs.spec.ts fails when the
 * checked-in file differs from what this renders, so the docs cannot drift from the rules.
 */
import * as fs from "node:fs";
import * as path from "node:path";
import { CATALOGUE, HARNESS_CHECKS, PACK_NAME } from "../policy/catalogue";
import { DECISIONS, LEVEL_POLICY } from "../policy/decisions";
import { HarnessCheck, isStackPolicy, RuleEntry } from "../policy/lib/rule";

export const DOCS_FILE = path.join(__dirname, "..", "docs", "policies.md");

const SECTIONS: readonly { prefix: string; title: string }[] = [
    { prefix: "storage-account", title: "Storage accounts" },
    { prefix: "blob-container", title: "Blob containers" },
    { prefix: "servicebus-namespace", title: "Service Bus namespaces" },
    { prefix: "servicebus-topic", title: "Service Bus topics" },
    { prefix: "eventhub-namespace", title: "Event Hubs namespaces" },
    { prefix: "communication-service", title: "Communication Services" },
    { prefix: "system-topic", title: "Event Grid system topic" },
    { prefix: "event-subscription", title: "Event subscriptions" },
    { prefix: "function-app", title: "Function apps (web.WebApp, kind functionapp)" },
    { prefix: "logic-workflow", title: "Logic Apps (logic.Workflow)" },
    { prefix: "role-assignment", title: "Role assignments" },
    { prefix: "metric-alert", title: "Metric alerts" },
    { prefix: "log-analytics-workspace", title: "Log Analytics workspaces" },
    { prefix: "app-insights", title: "Application Insights" },
    { prefix: "resource", title: "Every resource (tags, regions)" },
];

type Row = {
    name: string;
    level: string;
    kind: string;
    entry: RuleEntry | HarnessCheck;
    description: string;
    configSchema?: RuleEntry["policy"]["configSchema"];
};

function rows(): Row[] {
    const rules: Row[] = CATALOGUE.map((e) => ({
        name: e.policy.name,
        level: e.policy.enforcementLevel ?? "advisory",
        kind: kindOf(e),
        entry: e,
        description: e.policy.description,
        configSchema: e.policy.configSchema,
    }));
    const checks: Row[] = HARNESS_CHECKS.map((c) => ({
        name: c.name,
        level: c.enforcementLevel,
        kind: "harness",
        entry: c,
        description: c.description,
    }));
    return [...rules, ...checks];
}

function kindOf(e: RuleEntry): string {
    if (isStackPolicy(e.policy)) return "stack";
    const fn = e.policy.validateResource as { __pulumiType?: string } | undefined;
    return fn?.__pulumiType ? `resource (${fn.__pulumiType})` : "resource";
}

const cell = (s: string) => s.replace(/\|/g, "\\|");

function summary(all: Row[]): string[] {
    const out = ["| Policy | Level | Kind | Pillar | Unset |", "|---|---|---|---|---|"];
    for (const r of all)
        out.push(
            `| [${r.name}](#${r.name}) | ${r.level} | ${r.kind.split(" ")[0]} | ${r.entry.pillar} | ${r.entry.unset} |`,
        );
    return out;
}

function configLines(r: Row): string[] {
    const props = Object.entries(r.configSchema?.properties ?? {});
    if (props.length === 0) return [];
    return props.map(([k, s]) => {
        const { type, default: value, description } = s as { type?: string; default?: unknown; description?: string };
        // A long default (a whole map) is described rather than dumped, when the schema describes it.
        const shown = JSON.stringify(value);
        if (description && shown !== undefined && shown.length > 120)
            return `- Config \`${k}\` (${type ?? "any"}): ${description}`;
        return `- Config \`${k}\` (${type ?? "any"}), default \`${shown}\`${description ? `: ${description}` : ""}`;
    });
}

function ruleBlock(r: Row): string[] {
    const kind =
        r.kind === "harness" ? "harness check in policy/evaluate.ts (CrossGuard sees secrets unwrapped)" : r.kind;
    return [
        `### ${r.name}`,
        "",
        `- **Level:** ${r.level} (${r.entry.why})`,
        `- **Kind:** ${kind} · **Pillar:** ${r.entry.pillar} · **Unset:** ${r.entry.unset}`,
        `- **What goes wrong:** ${cell(r.description)}`,
        ...(r.entry.azureBehaviour ? [`- **Azure behaviour:** ${cell(r.entry.azureBehaviour)}`] : []),
        `- **Fix:** ${r.entry.fix}`,
        `- **Anchors:** ${r.entry.anchors.join("; ")}`,
        ...configLines(r),
        "",
    ];
}

function decisions(): string[] {
    return DECISIONS.flatMap((d) => [
        `### ${/^\d/.test(d.id) ? `${d.id} ` : ""}${d.title}`,
        "",
        `- **Conflict:** ${d.conflict}`,
        `- **Decision:** ${d.decision}`,
        ...(d.policies.length ? [`- **Policies:** ${d.policies.map((p) => `[${p}](#${p})`).join(", ")}`] : []),
        "",
    ]);
}

const USAGE = [
    "## Running the pack",
    "",
    "- With the Pulumi CLI: `pulumi preview --policy-pack policy [--policy-pack-config policy-config.json]` " +
        "(same for `pulumi up`).",
    "  Mandatory violations fail the preview/update; advisory ones are reported.",
    "- Offline, without the CLI or Azure: `npm run plan -- --stack dev [--policy-config policy-config.json]` " +
        "(without the",
    "  flag the plan applies `policy/config.<stack>.json` when it exists), or in code",
    "  `evaluateGraph(graph, { config })` from `policy/evaluate.ts`. It runs every policy through the policy " +
        "SDK's own analyzer",
    "  handlers on the graph captured under mocks (resource pass on inputs, stack pass on outputs with parents and",
    "  dependencies) and returns findings `{ policy, level, urn, resourceType, resourceName, message, fix " +
        "}`, mandatory first.",
    "",
    "## Configuring levels and properties",
    "",
    "The pack config is the JSON file `--policy-pack-config` takes; the offline evaluation reads the same " +
        "file. Each key is a",
    "policy name (or `all` for every policy), each value a level (`advisory`, `mandatory`, `remediate`, " +
        "`disabled`) or an",
    "object with `enforcementLevel` and the policy's own properties. A per-policy entry wins over `all`; " +
        "unknown policy names",
    "and levels are errors offline.",
    "",
    "```json",
    "{",
    '  "storage-account-require-dead-letter-geo-replication": "mandatory",',
    '  "event-subscription-report-overlapping-routes": "disabled",',
    '  "communication-service-restrict-data-location": { "allowedDataLocations": ["Europe"] },',
    '  "system-topic-require-source-in-stack": { "externalSources": ' +
        '["/subscriptions/…/communicationServices/acs-shared"] },',
    '  "function-app-allow-push-delivery": { "enforcementLevel": "mandatory", "exemptApps": ["func-private-tested"] }',
    "}",
    "```",
    "",
    "`policy/config.prod.json` raises to mandatory the hygiene rules prod already meets (storage, messaging and ACS",
    "baselines, identity delivery, queue TTL, webhook TLS, monitoring and ACS feature logs, data residency " +
        "along the event",
    "path), narrows the ACS data locations to Europe, requires the `environment` and `owner` tags and allows " +
        "only West and",
    "North Europe, so a regression blocks prod while dev only reports it. Pass it to the CLI with",
    "`--policy-pack-config policy/config.prod.json`.",
    "",
];

export function renderPolicyDocs(): string {
    const all = rows();
    const out = [
        `# Policy pack \`${PACK_NAME}\``,
        "",
        "> Generated by scripts/gen-policy-docs.ts — do not edit. After changing policy/, run `npx tsx " +
            "scripts/gen-policy-docs.ts`.",
        "",
        `${CATALOGUE.length} CrossGuard policies and ${HARNESS_CHECKS.length} harness checks for the ACS → ` +
            "Event Grid → handler path: baseline parity with",
        "PSRule for Azure, Checkov and Azure Policy for every resource type the components emit, plus " +
            "Event-Grid-semantic checks",
        "none of them has. Anchor keys: PSR = PSRule (AZR- id), CKV = Checkov, POL = Azure",
        "Policy definition GUID, APRL = Proactive Resiliency Library, WAF = Well-Architected service guide, " +
            "BT = ARM schema,",
        "URLs are the public sources of the facts a rule rests on.",
        "",
        "## Levels",
        "",
        LEVEL_POLICY,
        "",
        ...USAGE,
        "## Decisions",
        "",
        ...decisions(),
        "## Summary",
        "",
        ...summary(all),
        "",
    ];
    for (const s of SECTIONS) {
        out.push(`## ${s.title}`, "");
        for (const r of all.filter((x) => x.name.startsWith(`${s.prefix}-`))) out.push(...ruleBlock(r));
    }
    return `${out
        .join("\n")
        .replace(/\n{3,}/g, "\n\n")
        .trimEnd()}\n`;
}

if (require.main === module) {
    fs.writeFileSync(DOCS_FILE, renderPolicyDocs());
    process.stdout.write(`wrote ${path.relative(process.cwd(), DOCS_FILE)}\n`);
}
