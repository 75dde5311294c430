/**
 * Whether the program runs in the offline harness (plan, tests: Pulumi mocks, nothing uploaded), so components
 * skip checks that only matter for a real deployment (e.g. that the function package was built). Set by
 * harness/runProgram.ts; never set in a real `pulumi up`. Process-wide (globalThis), because the harness reloads the
 * program, and with it this module, for every run.
 */
const KEY = Symbol.for("acs-event-handling/components/offline");

export function setOfflineHarness(on: boolean): void {
    (globalThis as Record<symbol, unknown>)[KEY] = on;
}

export function isOfflineHarness(): boolean {
    return (globalThis as Record<symbol, unknown>)[KEY] === true;
}
