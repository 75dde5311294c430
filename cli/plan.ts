/**
 * `npm run plan -- --stack <name> [--json] [--preview]`: run the real program for a stack under Pulumi's mock
 * runtime (no cloud, no CLI) and print the resource graph, counts, routes, the policy report and routing coverage.
 * Exit 1 on invalid config or any mandatory policy violation. A thin shell: `main` parses, runs and prints;
 * the report is built in planReport.ts. Importing this file runs nothing (tests call `main` in process).
 */
import "./deferTypescript"; // first: before anything loads @pulumi/pulumi
import { Command, CommanderError } from "commander";
import { ProgramError } from "../harness/runProgram";
import { PROJECT_ROOT, runStack } from "../harness/runStack";
import { flattenConfig, listStacks, readProject, stackFile, stackFileConfig } from "../harness/stackConfig";
import { InputFileError, readYamlFile } from "../harness/yamlFile";
import * as fs from "node:fs";
import { redactUrl, ValidationError } from "../validation/issue";
import { CliIo, processIo, runAsBin } from "./io";
import { buildPlanReport, formatPlanReport } from "./planReport";

/** `argv`: the user's arguments only (`["--stack", "dev"]`). Resolves to the exit code. */
export async function main(argv: string[], io: CliIo = processIo): Promise<number> {
    const cmd = new Command("plan")
        .exitOverride()
        .configureOutput({ writeOut: io.stdout, writeErr: io.stderr })
        .description("Offline plan of a stack: resource graph, policy report, routing coverage")
        .option("-s, --stack <name>", "stack to plan (reads Pulumi.<name>.yaml)", "dev")
        .option("--json", "print the captured graph and findings as JSON")
        .option("--preview", "run as a preview (computed outputs unknown)")
        .option("--diagram <file>", "also write the topology as SVG to <file>")
        .option("--mermaid", "print the topology as Mermaid text")
        .option("--policy-config <file>", "policy pack config JSON (as for --policy-pack-config)")
        .option(
            "--config-file <file>",
            "read the stack config from this YAML file (same shape as Pulumi.<stack>.yaml) instead",
        );
    try {
        cmd.parse(argv, { from: "user" });
    } catch (err) {
        if (err instanceof CommanderError) return err.exitCode;
        throw err;
    }
    const o = cmd.opts<{
        stack: string;
        json?: boolean;
        preview?: boolean;
        diagram?: string;
        mermaid?: boolean;
        policyConfig?: string;
        configFile?: string;
    }>();
    const source = o.configFile ?? `Pulumi.${o.stack}.yaml`;
    if (!o.configFile && !fs.existsSync(stackFile(PROJECT_ROOT, o.stack))) {
        io.stderr(
            `no stack "${o.stack}": ${source} does not exist ` +
                `(stacks here: ${listStacks(PROJECT_ROOT).join(", ")}); see docs/operations.md to add one\n`,
        );
        return 1;
    }
    try {
        const config = o.configFile ? readConfigFile(o.configFile) : undefined;
        const graph = await runStack({ stack: o.stack, preview: o.preview, config });
        const report = await buildPlanReport(graph, {
            diagram: o.diagram,
            mermaid: o.mermaid,
            policyConfigFile: o.policyConfig,
        });
        io.stdout(o.json ? `${JSON.stringify(report, null, 2)}\n` : formatPlanReport(report));
        return report.exitCode;
    } catch (err) {
        return reportFailure(err, o.stack, source, !!o.json, io);
    }
}

function readConfigFile(file: string) {
    return flattenConfig(readProject(PROJECT_ROOT).name, stackFileConfig(readYamlFile(file), file));
}

function reportFailure(err: unknown, stack: string, source: string, json: boolean, io: CliIo): number {
    const cause = err instanceof ProgramError ? err.cause : err;
    if (ValidationError.is(cause)) {
        if (json) {
            const errors = cause.issues.map((i) => ({ path: i.path, value: i.value, message: i.message }));
            io.stdout(`${JSON.stringify({ stack, valid: false, errors, text: cause.message }, null, 2)}\n`);
        } else io.stderr(`${source}: ${cause.message}\n`);
        return 1;
    }
    if (InputFileError.is(cause)) {
        io.stderr(`${cause.message}\n`);
        return 1;
    }
    // Not an input problem we know: a bug of ours. Still no stack trace for the user;
    // ACS_EVENT_HANDLING_DEBUG=1 shows it.
    io.stderr(`plan failed (internal error, please report it): ${redactUrl(describe(cause))}\n`);
    return 2;
}

function describe(err: unknown): string {
    if (!(err instanceof Error)) return String(err);
    return process.env.ACS_EVENT_HANDLING_DEBUG ? (err.stack ?? err.message) : err.message;
}

if (require.main === module) runAsBin(main);
