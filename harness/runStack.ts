import * as fs from "node:fs";
import * as path from "node:path";
import { Graph } from "./graph";
import { runProgram } from "./runProgram";
import { evictModulesUnder } from "./pulumiInternals";
import { readProject, readStackConfig, StackConfig } from "./stackConfig";

export interface RunStackOptions {
    /** Stack name: reads `Pulumi.<stack>.yaml`. */
    stack: string;
    /** Project directory (holds Pulumi.yaml). Default: this repository's root. */
    projectDir?: string;
    preview?: boolean;
    /** Replace the stack file's config (same shape as the file's `config:` after flattening). */
    config?: StackConfig;
    /** Change single config values after reading the file: key without namespace → value (objects allowed). */
    overrides?: Record<string, unknown>;
}

/** The directory of Pulumi.yaml: this file's parent, or its grandparent when running compiled from build/. */
export const PROJECT_ROOT = projectRoot(path.resolve(__dirname, ".."));

function projectRoot(start: string): string {
    for (let dir = start; ; dir = path.dirname(dir)) {
        if (fs.existsSync(path.join(dir, "Pulumi.yaml"))) return dir;
        if (dir === path.dirname(dir)) return start;
    }
}

/** Compiled (build/harness/runStack.js): the program is build/index.js, not the project's index.ts. */
const COMPILED_DIR = __filename.endsWith(".js") ? path.resolve(__dirname, "..") : undefined;

/** Run the project's real program (`index.ts`) for a stack under mocks and return its graph. */
export async function runStack(o: RunStackOptions): Promise<Graph> {
    const project = readProject(o.projectDir ?? PROJECT_ROOT);
    const cfg = o.config ?? readStackConfig(project, o.stack);
    const config = { ...cfg.config };
    for (const [k, v] of Object.entries(o.overrides ?? {})) {
        const full = k.includes(":") ? k : `${project.name}:${k}`;
        if (v === undefined) delete config[full];
        else config[full] = typeof v === "string" ? v : JSON.stringify(v);
    }
    const entry =
        COMPILED_DIR && project.dir === PROJECT_ROOT
            ? path.join(COMPILED_DIR, project.main.replace(/\.ts$/, ".js"))
            : path.resolve(project.dir, project.main);
    return runProgram({
        project: project.name,
        stack: o.stack,
        config,
        secretKeys: cfg.secretKeys,
        preview: o.preview,
        program: () => loadFresh(entry, project.dir),
    });
}

/**
 * Require the program again for this run: Node caches modules, and a cached program would not register its
 * resources a second time. Only our own sources are evicted (never node_modules: a second copy of
 * @pulumi/pulumi would have its own runtime store and ignore the mocks), and never the harness, which is not part
 * of the program: what a run recorded (the Structs the policy analyzer reads) must reach modules loaded later.
 */
const HARNESS_DIR = __dirname + path.sep;

function loadFresh(entry: string, dir: string): unknown {
    evictModulesUnder(dir, [HARNESS_DIR]);
    const mod = require(entry);
    return typeof mod?.default === "function" ? mod.default() : mod;
}
