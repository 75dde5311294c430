/**
 * Imported first by the CLI entries, before anything loads @pulumi/pulumi. The SDK requires TypeScript when it
 * loads (runtime/closure/parseFunction.js → typescript-shim.js), for serialising function closures, which a
 * mock run never does; loading TypeScript is about a quarter of loading the SDK. We put a stand-in for the shim in
 * require's cache that loads the real one on first use, so the plan loads no TypeScript unless the SDK needs it.
 * SDK internals: recheck the shim's path on an SDK upgrade (a wrong path only loses the saving; see the test).
 */
import * as Module from "node:module";

export const TYPESCRIPT_SHIM = require.resolve("@pulumi/pulumi/typescript-shim");

let real: any;
/** The real shim, loaded once: the stand-in leaves the cache so that require reads the file. */
function load(): any {
    if (real === undefined) {
        delete require.cache[TYPESCRIPT_SHIM];
        real = require(TYPESCRIPT_SHIM);
    }
    return real;
}

if (!require.cache[TYPESCRIPT_SHIM]) {
    const m = new Module.Module(TYPESCRIPT_SHIM, module);
    m.filename = TYPESCRIPT_SHIM;
    m.loaded = true;
    m.exports = new Proxy(
        {},
        {
            get: (_t, key) => load()[key],
            has: (_t, key) => key in load(),
        },
    );
    require.cache[TYPESCRIPT_SHIM] = m;
}
