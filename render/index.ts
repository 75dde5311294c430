/**
 * Pictures of a stack's event topology, from its captured Graph: topologyFromGraph() → toMermaid() → toSvg().
 * (tree.ts, the text tree of the plan command, lives alongside.)
 */
export { TYPES as TOPOLOGY_TYPES, topologyFromGraph } from "./topology";
export type { AcsNode, HandlerNode, SubscriptionNode, TopicNode, Topology } from "./topology";
export type { Endpoint } from "./endpoints";
export { filterLines } from "./filterSummary";
export { escapeLabelText, mermaidLabel, toMermaid } from "./mermaid";
export { toSvg } from "./svg";
