/**
 * The CrossGuard entry point (`pulumi preview --policy-pack policy [--policy-pack-config <file.json>]`).
 * Nothing else lives here: constructing a PolicyPack starts the analyzer server. Each policy carries its own
 * level; `--policy-pack-config` overrides levels and properties per policy (docs/policies.md).
 */
import { PolicyPack } from "@pulumi/policy";
import { PACK_NAME, policies } from "./policies";

new PolicyPack(PACK_NAME, { policies, enforcementLevel: "advisory" });
