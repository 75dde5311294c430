/**
 * Public entry of the component library: what other stacks import.
 */
export {
    AcsEventHandling,
    AcsEventHandlingArgs,
    AcsCommunicationArgs,
    AcsTopicArgs,
    AcsDeadLetterArgs,
    AcsRouteArgs,
    SubscriptionInfo,
    AcsEmailDomainArgs,
    CustomEmailDomainArgs,
} from "./acsEventHandling";
export { CommunicationService, CommunicationServiceArgs } from "./communicationService";
export { EmailService, EmailServiceArgs } from "./emailService";
export { AcsSystemTopic, AcsSystemTopicArgs } from "./systemTopic";
export { DeadLetterStore, DeadLetterStoreArgs } from "./deadLetterStore";
export { AcsHandlerArgs, HandlerTarget, HandlerTargetArgs } from "./handlerTarget";
export { EventSubscription, EventSubscriptionArgs, DestinationArgs, DeadLetterArgs } from "./eventSubscription";
export {
    RouteSettingsArgs,
    RouteFilterArgs,
    SubjectFilterArgs,
    AdvancedFilterArgs,
    RouteRetryArgs,
    RouteDeliveryArgs,
    RouteBatchingArgs,
    DeliveryHeaderArgs,
} from "./route";
export {
    Monitoring,
    MonitoringArgs,
    AcsMonitoringArgs,
    MonitoringSettings,
    MonitoringThresholdsArgs,
} from "./monitoring";
export { MONITORING_DEFAULTS } from "../validation/monitoring";
export { acsLogCategoriesFor } from "./monitoring/logCategories";
export { WebhookTargetArgs } from "./handlers/webhook";
export { StorageQueueTargetArgs } from "./handlers/storageQueue";
export { ServiceBusQueueTargetArgs, ServiceBusTopicTargetArgs, EventHubTargetArgs } from "./handlers/messaging";
export { FunctionTargetArgs, LogicAppTargetArgs } from "./handlers/apps";
export { DEFAULT_PACKAGE_PATH } from "./handlers/functionApp";
export {
    HandlerKind,
    EndpointType,
    DeliverySchema,
    DeliveryHeaderKind,
    EmailDomainKind,
    DeliveryIdentityKind,
} from "./types";
export { BuiltInRoles } from "./roles";
export * as catalog from "../catalog";
