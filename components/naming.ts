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
