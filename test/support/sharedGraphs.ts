/**
 * The dev and prod graphs, built once per test process and shared by every spec that only reads them (building
 * one costs seconds under mocks). Kept on globalThis: runStack evicts this repository's modules from require's
 * cache before each run, so a spec loaded later gets a fresh copy of this module. Treat the graphs as read-only;
 * a spec that needs a variant builds its own with runStack's `overrides`.
 */
import type { Graph } from "../../harness/graph";
import { runStack } from "../../harness/runStack";
import "./contractCheck";

const CACHE = Symbol.for("acs-event-handling/test/sharedGraphs");
const cache = (): Map<string, Promise<Graph>> =>
    ((globalThis as Record<symbol, unknown>)[CACHE] as Map<string, Promise<Graph>> | undefined) ??
    (((globalThis as Record<symbol, unknown>)[CACHE] = new Map<string, Promise<Graph>>()) as Map<
        string,
        Promise<Graph>
    >);

/** The graph of a stack file as it is (no overrides), built on first use. */
export function stackGraph(stack: string): Promise<Graph> {
    const graphs = cache();
    let g = graphs.get(stack);
    if (!g) {
        g = runStack({ stack });
        g.catch(() => graphs.delete(stack)); // a failed build is not cached: the next spec reports its own error
        graphs.set(stack, g);
    }
    return g;
}
