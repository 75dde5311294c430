/**
 * The WDL interpreter itself: it must be strict (fail loudly on what it does not know) and schedule by runAfter,
 * otherwise the definition tests could pass for the wrong reason.
 */
import assert from "node:assert/strict";
import { Json, runWorkflow, WorkflowError } from "../../functions/logicApp/interpreter";

function workflow(actions: Record<string, unknown>, parameters: Record<string, unknown> = {}): Record<string, unknown> {
    return { triggers: { manual: { type: "Request", kind: "Http" } }, parameters, actions };
}

function respondWith(body: unknown, runAfter: Record<string, string[]> = {}) {
    return { type: "Response", kind: "Http", inputs: { statusCode: 200, body }, runAfter };
}

describe("Logic App WDL interpreter", () => {
    it("rejects an unknown function instead of guessing", () => {
        const def = workflow({ R: respondWith("@toLower('X')") });
        assert.throws(() => runWorkflow(def, { triggerBody: [] }), (e: Error) => e instanceof WorkflowError && /unsupported function toLower\(\)/.test(e.message));
    });

    it("rejects unknown action types and condition operators", () => {
        assert.throws(() => runWorkflow(workflow({ A: { type: "ApiConnection", inputs: {} } }), { triggerBody: [] }), /unsupported action type ApiConnection/);
        const cond = workflow({ I: { type: "If", expression: { contains: ["a", "a"] }, actions: {} } });
        assert.throws(() => runWorkflow(cond, { triggerBody: [] }), /unsupported condition operator contains/);
    });

    it("fails on a missing property read without ?, and yields null with ?", () => {
        assert.throws(() => runWorkflow(workflow({ R: respondWith("@triggerBody()['nope']") }), { triggerBody: {} }), /property 'nope' does not exist/);
        const ok = runWorkflow(workflow({ R: respondWith("@triggerBody()?['nope']?['deeper']") }), { triggerBody: {} });
        assert.equal(ok.response?.body, null);
    });

    it("evaluates interpolation, @@ escapes, concat, coalesce, first, dot access and parameters", () => {
        const def = workflow(
            {
                R: respondWith({
                    interpolated: "n=@{first(triggerBody()).n}, p=@{parameters('p')}",
                    escaped: "@@not-an-expression",
                    joined: "@concat('a', 1, 'b')",
                    fallback: "@coalesce(null, triggerBody()?[0]?['missing'], 'third')",
                    quoted: "@'it''s'",
                }),
            },
            { p: { type: "String", defaultValue: "dflt" } },
        );
        const result = runWorkflow(def, { triggerBody: [{ n: 7 }] });
        assert.deepEqual(result.response?.body, { interpolated: "n=7, p=dflt", escaped: "@not-an-expression", joined: "a1b", fallback: "third", quoted: "it's" });
    });

    it("runs actions in runAfter order, not declaration order, and skips on an unlisted status", () => {
        const def = workflow({
            Third: { type: "Compose", inputs: "@outputs('Second')", runAfter: { Second: ["Succeeded"] } },
            Second: { type: "Http", inputs: { method: "GET", uri: "https://x.example/@{outputs('First')}" }, runAfter: { First: ["Succeeded"] } },
            First: { type: "Compose", inputs: "one", runAfter: {} },
            OnFailure: respondWith("handled", { Second: ["Failed"] }),
        });
        const result = runWorkflow(def, { triggerBody: null, http: () => ({ statusCode: 503 }) });
        assert.deepEqual(result.trace.map((t) => `${t.action}:${t.status}`), ["First:Succeeded", "Second:Failed", "Third:Skipped", "OnFailure:Succeeded"]);
        assert.equal(result.httpCalls[0].uri, "https://x.example/one");
        assert.equal(result.response?.body, "handled");
    });

    it("models Azure's default retry policy (4 retries on 408/429/5xx, none on 4xx) unless retryPolicy is none, and timeouts under limit.timeout", () => {
        const call = (extra: Record<string, unknown>, status: number) => runWorkflow(workflow({
            Send: { type: "Http", inputs: { method: "POST", uri: "https://x.example", ...extra }, runAfter: {} },
        }), { triggerBody: null, http: () => ({ statusCode: status }) }).httpCalls.length;
        assert.equal(call({}, 503), 5);
        assert.equal(call({}, 429), 5);
        assert.equal(call({}, 400), 1);
        assert.equal(call({ retryPolicy: { type: "none" } }, 503), 1);
        const timedOut = (limit?: unknown) => runWorkflow(workflow({
            Send: { type: "Http", inputs: { method: "POST", uri: "https://x.example" }, ...(limit ? { limit } : {}), runAfter: {} },
        }), { triggerBody: null, http: () => ({ statusCode: 0, timedOut: true }) });
        assert.deepEqual(timedOut({ timeout: "PT10S" }).trace, [{ action: "Send", status: "TimedOut" }]);
        assert.throws(() => timedOut(), /an Http call can only time out under limit\.timeout/);
    });

    it("rejects runAfter on an unknown action, a second Response and an undeclared or missing parameter", () => {
        assert.throws(() => runWorkflow(workflow({ A: respondWith(1, { Ghost: ["Succeeded"] }) }), { triggerBody: null }), /runs after unknown action Ghost/);
        const twice = workflow({ A: respondWith(1), B: respondWith(2, { A: ["Succeeded"] }) });
        assert.throws(() => runWorkflow(twice, { triggerBody: null }), /only one Response/);
        assert.throws(() => runWorkflow(workflow({ R: respondWith("@parameters('q')") }), { triggerBody: null }), /parameter q is not declared/);
        assert.throws(() => runWorkflow(workflow({}, { q: { type: "Array" } }), { triggerBody: null }), /parameter q has no value/);
        assert.throws(() => runWorkflow(workflow({}, { q: { type: "Array" } }), { triggerBody: null, parameters: { q: "x" } }), /declared Array but given string/);
    });

    it("gives each Foreach iteration its own items() and inner results, and maps Select with item()", () => {
        const def = workflow({
            Names: { type: "Select", inputs: { from: "@triggerBody()", select: { n: "@item()?['name']" } }, runAfter: {} },
            Loop: {
                type: "Foreach",
                foreach: "@body('Names')",
                actions: {
                    Greet: { type: "Compose", inputs: "hi @{items('Loop')?['n']}", runAfter: {} },
                    Call: { type: "Http", inputs: { method: "POST", uri: "https://x.example", body: "@outputs('Greet')" }, runAfter: { Greet: ["Succeeded"] } },
                },
                runAfter: { Names: ["Succeeded"] },
            },
        });
        const body: Json = [{ name: "ada" }, { name: "bob" }];
        const result = runWorkflow(def, { triggerBody: body });
        assert.deepEqual(result.httpCalls.map((c) => c.body), ["hi ada", "hi bob"]);
        assert.throws(() => runWorkflow(workflow({ R: respondWith("@items('Loop')") }), { triggerBody: null }), /used outside that loop/);
    });
});
