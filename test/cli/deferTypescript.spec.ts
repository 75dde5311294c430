import * as assert from "node:assert";
import * as fs from "node:fs";
import * as path from "node:path";
import { ARBORIST, AUTOMATION, TYPESCRIPT_SHIM } from "../../cli/deferTypescript";

describe("cli/deferTypescript (SDK internals to recheck on a @pulumi/pulumi upgrade)", () => {
    it("names the shim through which the SDK loads TypeScript, and the SDK still loads it only through it", () => {
        assert.ok(fs.existsSync(TYPESCRIPT_SHIM), TYPESCRIPT_SHIM);
        const sdk = path.dirname(TYPESCRIPT_SHIM);
        const parseFunction = fs.readFileSync(path.join(sdk, "runtime/closure/parseFunction.js"), "utf8");
        assert.match(parseFunction, /require\("\.\.\/\.\.\/typescript-shim"\)/);
        const direct = ["runtime/index.js", "index.js", "runtime/closure/parseFunction.js"].filter((f) =>
            /require\("typescript"\)/.test(fs.readFileSync(path.join(sdk, f), "utf8")),
        );
        assert.deepStrictEqual(direct, []);
    });

    it("names arborist and the Automation API as the SDK requires them; the SDK reads only arborist.Arborist", () => {
        const sdk = path.dirname(TYPESCRIPT_SHIM);
        assert.ok(fs.existsSync(ARBORIST), ARBORIST);
        assert.ok(fs.existsSync(AUTOMATION), AUTOMATION);
        const codePaths = fs.readFileSync(path.join(sdk, "runtime/closure/codePaths.js"), "utf8");
        assert.match(codePaths, /__importStar\(require\("@npmcli\/arborist"\)\)/);
        assert.deepStrictEqual([...new Set(codePaths.match(/arborist\.\w+/g))], ["arborist.Arborist"]);
        const index = fs.readFileSync(path.join(sdk, "index.js"), "utf8");
        assert.match(index, /__importStar\(require\("\.\/automation"\)\)/);
        assert.match(fs.readFileSync(AUTOMATION, "utf8"), /Object\.defineProperty\(exports, "__esModule"/);
    });

    it("the Automation API still works behind its stand-in (loaded on first use)", () => {
        const pulumi = require("@pulumi/pulumi");
        assert.strictEqual(typeof pulumi.automation.LocalWorkspace, "function");
    });
});
