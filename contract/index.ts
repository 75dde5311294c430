/** Offline ARM contract check for azure-native resources. See checkGraph.ts. */
export {
    apiVersionDrift,
    armBodyOf,
    checkGraph,
    checkResource,
    renderViolation,
    SKIPPED_NO_CONTRACT,
} from "./checkGraph";
export type { CheckOptions, CheckableResource, ContractCheckResult, Violation } from "./checkGraph";
export { findArmTypesDir, loadContractFile, loadedContractFileCount } from "./armTypes";
export { installedApiVersion } from "./apiVersions";
export { RESOURCE_CONTRACTS, CONTRACT_SUBSTITUTIONS, contractFor } from "./resourceTable";
export type { ResourceContract, AutonameStrategy } from "./resourceTable";
export { RENAMES } from "./renames";
export type { Rename } from "./renames";
export { SERVICE_LIMITS, GRAPH_LIMITS } from "./serviceLimits";
export type { ServiceLimit, GraphLimit } from "./serviceLimits";
export { DATA_PLANE_RESOURCES } from "./dataPlane";
export type { DataPlaneResource } from "./dataPlane";
