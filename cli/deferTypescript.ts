/**
 * Imported first by the CLI entries, before anything loads @pulumi/pulumi. The SDK requires TypeScript when it
 * loads (runtime/closure/parseFunction.js → typescript-shim.js), for serialising function closures, which a
 * mock run never does; loading TypeScript is about a quarter of loading the SDK. We put a stand-in for the shim in
 * require's cache that loads the real one on first use, so the plan loads no TypeScript unless the SDK needs it.
 * The same goes for two more modules the SDK loads eagerly and a plan never uses: `@npmcli/arborist`
 * (runtime/closure/codePaths.js, which finds the packages a serialised closure needs; with its dependencies,
 * npm's registry client and sigstore among them, about 450 modules, more than half of what the SDK loads) and the
 * Automation API (`pulumi.automation`, which drives the Pulumi CLI).
 * SDK internals: recheck these paths on an SDK upgrade (a wrong path only loses the saving; see the test).
 */
import * as Module from "node:module";
import * as path from "node:path";

export const TYPESCRIPT_SHIM = require.resolve("@pulumi/pulumi/typescript-shim");
const SDK = path.dirname(TYPESCRIPT_SHIM);
/** codePaths.js reads only `arborist.Arborist`, and only while serialising a closure. */
export const ARBORIST = Module.createRequire(path.join(SDK, "runtime/closure/codePaths.js")).resolve(
    "@npmcli/arborist",
);
export const AUTOMATION = path.join(SDK, "automation/index.js");

/**
 * A stand-in in require's cache that loads the real module on first use (it leaves the cache so that require
 * reads the file). With `esModule` it says `__esModule` without loading, so the SDK's `__importStar` keeps it as
 * it is instead of copying its keys, which would load it at once (the shim is required plainly).
 */
function deferred(file: string, esModule: boolean): void {
    if (require.cache[file]) return;
    let real: any;
    const load = (): any => {
        if (real === undefined) {
            delete require.cache[file];
            real = require(file);
        }
        return real;
    };
    const m = new Module.Module(file, module);
    m.filename = file;
    m.loaded = true;
    m.exports = new Proxy(
        {},
        {
            get: (_t, key) => (esModule && key === "__esModule" ? true : load()[key]),
            has: (_t, key) => key in load(),
        },
    );
    require.cache[file] = m;
}

deferred(TYPESCRIPT_SHIM, false);
deferred(ARBORIST, true);
deferred(AUTOMATION, true);
