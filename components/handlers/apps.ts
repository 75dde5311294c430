export { FunctionTargetArgs, functionEndpoint, EmailContext } from "./functionApp";
export { LogicAppTargetArgs, logicAppEndpoint } from "./logicApp";
