/**
 * Where a CLI writes. `main(argv, io)` takes one, so tests run the CLIs in process and read what they printed;
 * the bin entries pass `processIo`.
 */
export interface CliIo {
    stdout(text: string): void;
    stderr(text: string): void;
}

export const processIo: CliIo = {
    stdout: (text) => { process.stdout.write(text); },
    stderr: (text) => { process.stderr.write(text); },
};

/** An io that keeps what was written, for tests and the benchmark. */
export function bufferIo(): CliIo & { out: string; err: string } {
    const io = { out: "", err: "", stdout: (t: string) => { io.out += t; }, stderr: (t: string) => { io.err += t; } };
    return io;
}

/** Run a CLI's main from its bin entry: exit only once stdout has drained (a piped `--json` exceeds a pipe buffer). */
export function runAsBin(main: (argv: string[], io: CliIo) => Promise<number>): void {
    main(process.argv.slice(2), processIo).then(
        (code) => process.stdout.write("", () => process.exit(code)),
        (err) => { process.stderr.write(`${err instanceof Error ? err.message : String(err)}\n`); process.exit(2); },
    );
}
