import * as assert from "node:assert";
import { ChildProcess, spawn } from "node:child_process";
import * as path from "node:path";
import { CATALOGUE } from "../../policy/catalogue";

// The analyzer's generated gRPC client and messages (untyped JS shipped with @pulumi/pulumi).
// eslint-disable-next-line @typescript-eslint/no-var-requires
const rpc = require("@pulumi/pulumi/proto/analyzer_grpc_pb");
// eslint-disable-next-line @typescript-eslint/no-var-requires
const grpc = require("@grpc/grpc-js");
// eslint-disable-next-line @typescript-eslint/no-var-requires
const empty = require("google-protobuf/google/protobuf/empty_pb");

const LEVEL = ["advisory", "mandatory", "disabled", "remediate"];

/** Start policy/index.ts the way the CLI does (its own process, cwd = the pack) and read the port it prints. */
function startPack(): Promise<{ child: ChildProcess; port: number }> {
    const child = spawn(process.execPath, ["--require", "tsx/cjs", "index.ts"], {
        cwd: path.join(__dirname, "../../policy"),
        stdio: ["ignore", "pipe", "pipe"],
    });
    return new Promise((resolve, reject) => {
        let out = "";
        let err = "";
        child.stdout!.on("data", (d) => {
            out += String(d);
            const m = /^(\d+)\n/.exec(out);
            if (m) resolve({ child, port: Number(m[1]) });
        });
        child.stderr!.on("data", (d) => {
            err += String(d);
        });
        child.on("exit", (code) => reject(new Error(`policy pack exited with ${code}: ${err}`)));
    });
}

/**
 * The real entry point, not the test path: `new PolicyPack()` validates names and config schemas and serves the
 * analyzer over gRPC. Asking it for its info proves the CLI would load the pack with every policy and level.
 */
describe("policy: the pack as the CLI loads it", () => {
    let child: ChildProcess | undefined;
    let info: any;
    before(async () => {
        const started = await startPack();
        child = started.child;
        const client = new rpc.AnalyzerClient(`127.0.0.1:${started.port}`, grpc.credentials.createInsecure());
        info = await new Promise((resolve, reject) =>
            client.getAnalyzerInfo(new empty.Empty(), (e: unknown, r: unknown) => (e ? reject(e) : resolve(r))),
        );
        client.close();
    });
    after(() => {
        if (child?.pid) process.kill(child.pid);
    });

    it("serves every catalogue policy under the pack name, at its own level", () => {
        assert.strictEqual(info.getName(), "acs-event-handling");
        const served = info
            .getPoliciesList()
            .map((p: any) => `${p.getName()} ${LEVEL[p.getEnforcementlevel()]}`)
            .sort();
        assert.deepStrictEqual(served, CATALOGUE.map((e) => `${e.policy.name} ${e.policy.enforcementLevel}`).sort());
    });

    it("exposes the config schemas --policy-pack-config is validated against", () => {
        const schema = info
            .getPoliciesList()
            .find((p: any) => p.getName() === "communication-service-restrict-data-location")
            .getConfigschema();
        assert.deepStrictEqual(Object.keys(schema.getProperties().toJavaScript()), ["allowedDataLocations"]);
    });
});
