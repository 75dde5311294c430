/**
 * The pack's policies, importable without starting a policy server (a `new PolicyPack()` in a test process
 * would serve gRPC and exit on a second instance: @pulumi/policy server.js). Catalogue metadata that
 * CrossGuard has fields for travels with each policy: the fix as `remediationSteps`, anchors as `tags`.
 */
import { Policies } from "@pulumi/policy";
import { CATALOGUE } from "./catalogue";

export { PACK_NAME } from "./catalogue";

export const policies: Policies = CATALOGUE.map((e) => ({
    ...e.policy,
    remediationSteps: e.fix,
    tags: [e.pillar, ...e.anchors],
}));
