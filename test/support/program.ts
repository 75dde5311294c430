import { Graph } from "../../harness/graph";
import { ProgramError, runProgram } from "../../harness/runProgram";
import "./contractCheck";

/** Run a small program of real components under mocks. */
export function runComponents(program: () => unknown, stack = "test"): Promise<Graph> {
    return runProgram({ project: "acs-event-handling", stack, program });
}

/** Run a program that must fail; returns the error and the partial graph. */
export async function failingProgram(program: () => unknown): Promise<ProgramError> {
    try {
        await runComponents(program);
    } catch (err) {
        if (err instanceof ProgramError) return err;
        throw err;
    }
    throw new Error("expected the program to fail");
}
