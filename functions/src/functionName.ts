/**
 * Name of the Event Grid-triggered function.
 *
 * The Pulumi component builds the subscription destination id `<function app id>/functions/smsEvents` from this
 * constant, and Event Grid checks at subscription-create time that a function with this name and an
 * `EventGridTrigger` binding exists (https://github.com/Azure/bicep/issues/11656). Renaming it therefore breaks every
 * existing subscription: treat it as a public contract. This module imports nothing so infrastructure code can read it
 * cheaply.
 */
export const SMS_EVENTS_FUNCTION_NAME = "smsEvents";
