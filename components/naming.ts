/** Child resource names: `<component>-<role>`, so two component instances never collide. */
export function childName(component: string, role: string): string {
    return `${component}-${role}`;
}

/** Last segment of an ARM id (its resource name). */
export function lastSegment(id: string): string {
    return id.split("/").filter(Boolean).pop() ?? id;
}

/** The resource group named in an ARM id. */
export function resourceGroupOf(id: string): string {
    const m = /\/resourceGroups\/([^/]+)/i.exec(id);
    if (!m) throw new Error(`"${id}" is not an Azure resource ID (no /resourceGroups/ segment)`);
    return m[1];
}

/**
 * A physical name derived from a user's name (e.g. the ACS name, 1–63 letters, digits, '-' or '_'): letters, digits
 * and single hyphens only, starting with a letter or digit, at most `max` characters with `suffix`. Derived names are
 * made valid rather than validated, so a valid ACS name never fails on a name the user did not choose.
 */
export function derivedName(base: string, suffix: string, max: number): string {
    const cleaned = base
        .replace(/[^A-Za-z0-9-]+/g, "-")
        .replace(/-{2,}/g, "-")
        .replace(/^-+/, "")
        .slice(0, max - suffix.length)
        .replace(/-+$/, "");
    return `${cleaned || "acs"}${suffix}`;
}
