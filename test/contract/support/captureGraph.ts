/**
 * Builds a Graph from real azure-native resources created under Pulumi's mock runtime: `newResource` records each
 * `MockResourceArgs` (type, name, inputs as the engine would receive them) and the graph is assembled from those.
 * Independent of the project harness on purpose: these tests exercise the contract check, not the components.
 *
 * `program` must construct its resources when called (a fresh closure per run): a module that creates resources
 * at import time would only do so once, because Node caches modules.
 */
import * as pulumi from "@pulumi/pulumi";
import type { Graph, GraphResource } from "../../../harness/graph";
import { waitForRegistrations } from "../../../harness/pulumiInternals";
import { unwrapSecrets } from "../../../contract/toArmBody";

const PROJECT = "acs-event-handling";

export async function captureGraph(program: () => void, stack = "contract-test"): Promise<Graph> {
    const captured: pulumi.runtime.MockResourceArgs[] = [];
    await pulumi.runtime.setMocks(
        {
            newResource: (args) => {
                captured.push(args);
                return { id: args.custom === false ? undefined : `${args.name}-id`, state: { ...args.inputs } };
            },
            call: (args) => args.inputs,
        },
        PROJECT,
        stack,
        false,
    );
    await pulumi.runtime.runInPulumiStack(async () => {
        program();
    });
    // Registrations finish asynchronously (inside applies too).
    await waitForRegistrations();
    return {
        project: PROJECT,
        stack,
        resources: captured.filter((a) => a.custom !== false).map((a) => toRecord(a, stack)),
        stackOutputs: {},
    };
}

function toRecord(args: pulumi.runtime.MockResourceArgs, stack: string): GraphResource {
    const inputs = unwrapSecrets(args.inputs) as Record<string, unknown>;
    return {
        urn: `urn:pulumi:${stack}::${PROJECT}::${args.type}::${args.name}`,
        type: args.type,
        name: args.name,
        custom: true,
        dependencies: [],
        propertyDependencies: {},
        inputs,
        outputs: inputs,
        secretPaths: [],
        protect: false,
        ignoreChanges: [],
        additionalSecretOutputs: [],
    };
}

/** The one resource of `type` in `graph` (fails loudly otherwise). */
export function only(graph: Graph, type: string): GraphResource {
    const found = graph.resources.filter((r) => r.type === type);
    if (found.length !== 1) throw new Error(`expected one ${type}, found ${found.length}`);
    return found[0];
}
