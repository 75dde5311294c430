import * as assert from "node:assert";
import * as fs from "node:fs";
import * as path from "node:path";
import { TYPESCRIPT_SHIM } from "../../cli/deferTypescript";

describe("cli/deferTypescript (SDK internals to recheck on a @pulumi/pulumi upgrade)", () => {
    it("names the shim through which the SDK loads TypeScript, and the SDK still loads it only through that shim", () => {
        assert.ok(fs.existsSync(TYPESCRIPT_SHIM), TYPESCRIPT_SHIM);
        const sdk = path.dirname(TYPESCRIPT_SHIM);
        const parseFunction = fs.readFileSync(path.join(sdk, "runtime/closure/parseFunction.js"), "utf8");
        assert.match(parseFunction, /require\("\.\.\/\.\.\/typescript-shim"\)/);
        const direct = ["runtime/index.js", "index.js", "runtime/closure/parseFunction.js"].filter((f) =>
            /require\("typescript"\)/.test(fs.readFileSync(path.join(sdk, f), "utf8")),
        );
        assert.deepStrictEqual(direct, []);
    });
});
