/**
 * What the catalogue records about each rule beyond what a CrossGuard `Policy` object carries: the anchors
 * (PSRule / Checkov / Azure Policy ids), the WAF pillar, how an unset
 * property is judged, and the general fix. `docs/policies.md` is generated from these entries.
 */
import { EnforcementLevel, ResourceValidationPolicy, StackValidationPolicy } from "@pulumi/policy";
import { Graph, GraphResource } from "../../harness/graph";

export type Pillar = "security" | "reliability" | "operations" | "performance" | "cost";

/**
 * How the rule judges an absent property
 * (https://github.com/bridgecrewio/checkov/blob/main/checkov/arm/base_resource_negative_value_check.py).
 */
export type Unset = "fail" | "pass" | "n/a";

export interface RuleMeta {
    /** Anchor ids, e.g. "PSR Azure.Storage.SecureTransfer (AZR-000196)", "CKV_AZURE_3", "POL 404c3081-…". */
    readonly anchors: readonly string[];
    readonly pillar: Pillar;
    readonly unset: Unset;
    /** The general fix, shown in docs and attached to findings. */
    readonly fix: string;
    /** Why the default level is what it is, without the level word (mandatory = deploy or delivery breaks). */
    readonly why: string;
    /**
     * For a mandatory rule: the Azure behaviour that makes the configuration impossible, with its public source
     * (docs URL or payload definition). A rule whose evidence is indirect stays advisory.
     */
    readonly azureBehaviour?: string;
}

export interface RuleEntry extends RuleMeta {
    readonly policy: ResourceValidationPolicy | StackValidationPolicy;
}

/** A problem a harness check found on one recorded resource. */
export interface HarnessViolation {
    readonly resource: GraphResource;
    readonly message: string;
    /** The value was unknown (preview): reported like the SDK's "can't run … during preview" advisory. */
    readonly unknown?: boolean;
}

/**
 * A check CrossGuard cannot express (policies see secrets unwrapped), run by `evaluate.ts` on the recorded
 * graph and reported with the same finding shape and the same config (levels, "disabled").
 */
export interface HarnessCheck extends RuleMeta {
    readonly name: string;
    readonly description: string;
    readonly enforcementLevel: Exclude<EnforcementLevel, "remediate" | "disabled">;
    readonly resourceType: string;
    check(graph: Graph): HarnessViolation[];
}

export function isStackPolicy(p: ResourceValidationPolicy | StackValidationPolicy): p is StackValidationPolicy {
    return typeof (p as StackValidationPolicy).validateStack === "function";
}
