export * from "./eventTypes";
export * from "./legacyNames";
export * from "./lookup";
export * from "./subjectShapes";
export * from "./azureRoles";
export * from "./payloads";
export * from "./filterOperators";
