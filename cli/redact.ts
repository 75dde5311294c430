import { Graph, GraphResource } from "../harness/graph";

export const SECRET_MARK = "[secret]";

/** Split a recorded secret path (`destination.endpointUrl`, `a.b[0].c`) into keys and indexes. */
function steps(path: string): (string | number)[] {
    return [...path.matchAll(/([^.[\]]+)|\[(\d+)\]/g)].map((m) => (m[2] !== undefined ? Number(m[2]) : m[1]));
}

function mask(target: any, path: string): void {
    const keys = steps(path);
    if (keys.length === 0) return;
    let v = target;
    for (const k of keys.slice(0, -1)) {
        if (v === null || typeof v !== "object") return;
        v = v[k];
    }
    const last = keys[keys.length - 1];
    if (v !== null && typeof v === "object" && v[last] !== undefined) v[last] = SECRET_MARK;
}

function redactResource(r: GraphResource): GraphResource {
    const copy = JSON.parse(JSON.stringify(r)) as GraphResource;
    for (const p of r.secretPaths) {
        mask(copy.inputs, p);
        mask(copy.outputs, p); // the mock state mirrors the inputs
    }
    for (const p of r.componentOutputSecretPaths ?? []) mask(copy.componentOutputs, p);
    return copy;
}

/**
 * The graph as `--json` may print it: every value recorded as a Pulumi secret replaced by "[secret]", as
 * `pulumi preview --json` does (webhook URLs carry keys). Secret paths stay listed, so tools see what was masked.
 */
export function redactSecrets(graph: Graph): Graph {
    const stack = graph.resources.find((r) => r.type === "pulumi:pulumi:Stack");
    const stackOutputs = JSON.parse(JSON.stringify(graph.stackOutputs));
    for (const p of stack?.componentOutputSecretPaths ?? []) mask(stackOutputs, p);
    return { ...graph, resources: graph.resources.map(redactResource), stackOutputs };
}
