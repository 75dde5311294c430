/**
 * The fixture graphs the rule specs (test/policy/rules/**) share. Each is built the first time a spec asks for it
 * and then reused by every spec in the process, as is its pack evaluation (findingsOf caches per graph), so one
 * spec file per rule costs no extra program run. test/policy/fixtures.spec.ts asks for each of them first in a
 * full run, so the graphs that break Azure's contract on purpose are built by that file
 * (test/contract/everyGraph.allowlist.ts); test/policy/eventPath.spec.ts does the same for the event paths.
 */
import { Graph } from "../../../harness/graph";
import { appsProgram } from "../fixtures/apps";
import { baselineProgram } from "../fixtures/baseline";
import { deliveryProgram } from "../fixtures/delivery";
import { emailQuotaProgram } from "../fixtures/emailQuota";
import { eventPathsProgram } from "../fixtures/eventPath";
import { PATHS } from "../fixtures/paths";
import { fixtureMocks } from "../fixtures/raw";
import { organisationProgram, residencyProgram } from "../fixtures/residency";
import { rolesProgram } from "../fixtures/roles";
import { subscriptionsProgram } from "../fixtures/subscriptions";
import { fixture } from "./findings";

const BUILDERS = {
    /**
     * Resource-level baseline parity (PSRule, Checkov and Azure Policy ids in policy/catalogue.ts): each rule with
     * its compliant resource, explicit bad value, omitted attribute (the reviewed unset decision) and spelling
     * variants.
     */
    baseline: () => fixture(baselineProgram),
    /**
     * Push targets and route overlaps: AzureFunction destinations and their code deployment
     * (https://github.com/Azure/bicep/issues/11656), public network access (decision 10.1 in docs/policies.md),
     * Easy Auth (decision 10.2) and fan-out (https://learn.microsoft.com/azure/event-grid/delivery-and-retry).
     */
    apps: () => fixture(appsProgram),
    /**
     * Resource destinations and subscription lifetime
     * (https://learn.microsoft.com/azure/event-grid/managed-service-identity,
     * https://learn.microsoft.com/azure/event-grid/delivery-and-retry). Names: id-… identity delivery, key-… plain
     * (access-key) delivery, ttl-… Storage Queue message TTL, batch-… push batching, sb-…/sess-… Service Bus
     * entities and sessions, exp-… expiration, hdr-… headers.
     */
    delivery: () => fixture(deliveryProgram),
    /**
     * The golden event path and one copy per broken link, in one fixture of raw azure-native resources (each path
     * has its own ACS resource, topic, queue and dead-letter account, so paths cannot affect each other).
     */
    eventPath: () => fixture(eventPathsProgram(PATHS), { mocks: fixtureMocks }),
    /**
     * Subscription-level rules (https://learn.microsoft.com/azure/event-grid/event-filtering and the pages above)
     * on one topic with one raw subscription per case. Names: f-… filter cases, d-… destination/delivery cases;
     * f-good is the compliant subscription for every rule.
     */
    subscriptions: () => fixture(subscriptionsProgram),
    /**
     * Where event data goes and what explains it
     * (https://learn.microsoft.com/azure/communication-services/concepts/privacy,
     * https://learn.microsoft.com/azure/communication-services/concepts/logging-and-diagnostics).
     */
    residency: () => fixture(residencyProgram),
    /** The organisation-wide rules (tags, regions), which are not applicable until configured. */
    organisation: () => fixture(organisationProgram),
    /** Least privilege for handler identities. */
    roles: () => fixture(rolesProgram, { mocks: fixtureMocks }),
    /** Email quota of the linked domain against the routes that email. */
    emailQuota: () => fixture(emailQuotaProgram, { mocks: fixtureMocks }),
} satisfies Record<string, () => Promise<Graph>>;

export type SharedFixture = keyof typeof BUILDERS;
export const SHARED_FIXTURES = Object.keys(BUILDERS) as readonly SharedFixture[];

const built = new Map<SharedFixture, Promise<Graph>>();

/** The fixture's graph, built once per process (a failed build fails every spec that uses it, with its error). */
export function sharedGraph(name: SharedFixture): Promise<Graph> {
    let graph = built.get(name);
    if (!graph) {
        graph = BUILDERS[name]();
        built.set(name, graph);
    }
    return graph;
}

/** In a describe: a before() hook that fetches the shared graph, and its accessor for the tests. */
export function useSharedGraph(name: SharedFixture): () => Graph {
    let graph: Graph | undefined;
    before(async () => {
        graph = await sharedGraph(name);
    });
    return () => {
        if (!graph) throw new Error(`the ${name} fixture was not built (use useSharedGraph inside a describe)`);
        return graph;
    };
}
