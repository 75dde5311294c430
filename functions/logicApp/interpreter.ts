/**
 * An offline interpreter for the subset of the Workflow Definition Language (WDL) that definition.ts uses, so the
 * workflow's behaviour can be tested without Azure.
 *
 * Supported: a single Request trigger; actions Compose, Select, Http (answered by a callback; Azure's default retry
 * policy, up to 4 retries on 408/429/5xx, unless `inputs.retryPolicy.type` is "none"; a reply may time out), Response, If,
 * Foreach, each scheduled by `runAfter` (an action whose predecessor ended in a status it did not list is
 * Skipped); expressions `@expr`, `@@` escapes and `@{...}` interpolation; property access `['k']`, `?['k']`, `.k`,
 * `[0]`; functions triggerBody, triggerOutputs, body, outputs, items, item, parameters, equals, first, concat,
 * coalesce, and, or, not.
 *
 * Deliberately strict, so a test cannot pass by accident: an unknown function, action type or condition operator
 * throws; so does reading a missing property without `?` (as in Azure), a second Response, an unknown runAfter
 * name, or a parameter without a value. Where Azure is lenient or undocumented, we are stricter: `equals` and
 * property names are case-sensitive.
 */

export type Json = null | boolean | number | string | Json[] | { [key: string]: Json };

export interface HttpCall {
    readonly method: string;
    readonly uri: string;
    readonly headers: Record<string, Json>;
    readonly body: Json;
    readonly authentication?: Json;
}

export interface HttpReply {
    readonly statusCode: number;
    readonly body?: Json;
    /** The call outlived the action's `limit.timeout`: the action ends TimedOut (needs a limit.timeout). */
    readonly timedOut?: boolean;
}

/** Azure's Default retry policy: up to 4 retries on 408, 429 and 5xx (https://learn.microsoft.com/azure/logic-apps/logic-apps-exception-handling). */
const DEFAULT_RETRIES = 4;
const retryable = (status: number) => status === 408 || status === 429 || status >= 500;

export interface RunOptions {
    readonly triggerBody: Json;
    readonly triggerHeaders?: Record<string, string>;
    readonly parameters?: Record<string, Json>;
    /** Answers Http actions; default 202 (what ACS Email answers). */
    readonly http?: (call: HttpCall) => HttpReply;
}

export type ActionStatus = "Succeeded" | "Failed" | "TimedOut" | "Skipped";

export interface RunResult {
    /** What the Response action sent; undefined when none ran (Azure then answers the caller with an error). */
    readonly response?: { statusCode: number; headers?: Json; body?: Json };
    readonly httpCalls: HttpCall[];
    /** Every action execution in order (loop bodies once per iteration). */
    readonly trace: { action: string; status: ActionStatus }[];
}

export class WorkflowError extends Error {}

type Definition = Record<string, unknown>;
type ActionDef = { type?: string; inputs?: unknown; runAfter?: Record<string, string[]>; [key: string]: unknown };

interface Scope {
    readonly results: Map<string, { status: ActionStatus; outputs: Json }>;
    readonly loops: Map<string, Json>;
    readonly item?: Json;
    readonly parent?: Scope;
}

export function runWorkflow(definition: Definition, options: RunOptions): RunResult {
    return new Run(definition, options).execute();
}

class Run {
    private readonly httpCalls: HttpCall[] = [];
    private readonly trace: { action: string; status: ActionStatus }[] = [];
    private response?: { statusCode: number; headers?: Json; body?: Json };
    private readonly parameters: Record<string, Json>;

    constructor(private readonly definition: Definition, private readonly options: RunOptions) {
        checkTrigger(definition);
        this.parameters = resolveParameters(definition, options.parameters ?? {});
    }

    execute(): RunResult {
        const root: Scope = { results: new Map(), loops: new Map() };
        this.runActions(asRecord(this.definition.actions, "actions") as Record<string, ActionDef>, root);
        return { response: this.response, httpCalls: this.httpCalls, trace: this.trace };
    }

    /** Runs one action map in runAfter order; returns whether every action that ran succeeded. */
    private runActions(actions: Record<string, ActionDef>, scope: Scope): boolean {
        const names = Object.keys(actions);
        for (const [name, action] of Object.entries(actions)) {
            for (const dep of Object.keys(action.runAfter ?? {})) {
                if (!names.includes(dep)) throw new WorkflowError(`${name} runs after unknown action ${dep}`);
            }
        }
        const done = new Set<string>();
        let ok = true;
        while (done.size < names.length) {
            const ready = names.find((n) => !done.has(n) && Object.keys(actions[n].runAfter ?? {}).every((d) => done.has(d)));
            if (!ready) throw new WorkflowError(`runAfter cycle among ${names.filter((n) => !done.has(n)).join(", ")}`);
            const status = this.shouldRun(actions[ready], scope) ? this.runAction(ready, actions[ready], scope) : "Skipped";
            this.trace.push({ action: ready, status });
            if (status === "Failed" || status === "TimedOut") ok = false;
            done.add(ready);
        }
        return ok;
    }

    private shouldRun(action: ActionDef, scope: Scope): boolean {
        return Object.entries(action.runAfter ?? {}).every(([dep, statuses]) => statuses.includes(scope.results.get(dep)!.status));
    }

    private runAction(name: string, action: ActionDef, scope: Scope): ActionStatus {
        const { status, outputs } = this.perform(name, action, scope);
        scope.results.set(name, { status, outputs });
        return status;
    }

    private perform(name: string, action: ActionDef, scope: Scope): { status: ActionStatus; outputs: Json } {
        switch (action.type) {
            case "Compose":
                return { status: "Succeeded", outputs: this.value(action.inputs, scope) };
            case "Select":
                return { status: "Succeeded", outputs: { body: this.select(name, action, scope) } };
            case "Http":
                return this.http(action, scope);
            case "Response":
                return this.respond(action, scope);
            case "If":
                return this.branch(action, scope);
            case "Foreach":
                return this.loop(name, action, scope);
            default:
                throw new WorkflowError(`${name}: unsupported action type ${String(action.type)}`);
        }
    }

    private select(name: string, action: ActionDef, scope: Scope): Json[] {
        const inputs = asRecord(action.inputs, `${name}.inputs`);
        const from = this.value(inputs.from, scope);
        if (!Array.isArray(from)) throw new WorkflowError(`${name}: 'from' is not an array`);
        return from.map((item) => this.value(inputs.select, { ...scope, item }));
    }

    private http(action: ActionDef, scope: Scope): { status: ActionStatus; outputs: Json } {
        const inputs = this.value(action.inputs, scope) as Record<string, Json>;
        const call: HttpCall = {
            method: String(inputs.method),
            uri: String(inputs.uri),
            headers: (inputs.headers ?? {}) as Record<string, Json>,
            body: inputs.body ?? null,
            authentication: inputs.authentication,
        };
        const retries = (inputs.retryPolicy as { type?: Json } | undefined)?.type === "none" ? 0 : DEFAULT_RETRIES;
        for (let attempt = 0; ; attempt++) {
            this.httpCalls.push(call);
            const reply = this.options.http?.(call) ?? { statusCode: 202 };
            if (reply.timedOut) {
                if (!(action.limit as { timeout?: unknown } | undefined)?.timeout) throw new WorkflowError("an Http call can only time out under limit.timeout");
                return { status: "TimedOut", outputs: null };
            }
            const ok = reply.statusCode >= 200 && reply.statusCode < 300;
            if (ok || !retryable(reply.statusCode) || attempt >= retries) {
                return { status: ok ? "Succeeded" : "Failed", outputs: { statusCode: reply.statusCode, body: reply.body ?? null } };
            }
        }
    }

    private respond(action: ActionDef, scope: Scope): { status: ActionStatus; outputs: Json } {
        if (this.response) throw new WorkflowError("a workflow can send only one Response");
        const inputs = this.value(action.inputs, scope) as Record<string, Json>;
        this.response = { statusCode: Number(inputs.statusCode), headers: inputs.headers, body: inputs.body };
        return { status: "Succeeded", outputs: inputs };
    }

    private branch(action: ActionDef, scope: Scope): { status: ActionStatus; outputs: Json } {
        const chosen = this.condition(action.expression, scope)
            ? action.actions
            : (action.else as { actions?: unknown } | undefined)?.actions;
        const ok = this.runActions((chosen ?? {}) as Record<string, ActionDef>, scope);
        return { status: ok ? "Succeeded" : "Failed", outputs: null };
    }

    private loop(name: string, action: ActionDef, scope: Scope): { status: ActionStatus; outputs: Json } {
        const items = this.value(action.foreach, scope);
        if (!Array.isArray(items)) throw new WorkflowError(`${name}: foreach is not an array`);
        let ok = true;
        for (const item of items) {
            // Each iteration sees its own inner results and items(name); outer results stay visible.
            const iteration: Scope = { results: new Map(), loops: new Map([[name, item]]), parent: scope };
            if (!this.runActions(asRecord(action.actions, `${name}.actions`) as Record<string, ActionDef>, iteration)) ok = false;
        }
        return { status: ok ? "Succeeded" : "Failed", outputs: null };
    }

    /** If conditions: an expression string, or the designer's object form {and|or|not|equals}. */
    private condition(expression: unknown, scope: Scope): boolean {
        if (typeof expression === "string") return this.value(expression, scope) === true;
        const entries = Object.entries(asRecord(expression, "condition"));
        if (entries.length !== 1) throw new WorkflowError("a condition object must have exactly one operator");
        const [op, operand] = entries[0];
        const list = () => (Array.isArray(operand) ? operand : [operand]);
        switch (op) {
            case "and":
                return list().every((c) => this.condition(c, scope));
            case "or":
                return list().some((c) => this.condition(c, scope));
            case "not":
                return !this.condition(operand, scope);
            case "equals": {
                const [a, b] = list().map((v) => this.value(v, scope));
                return deepEqual(a, b);
            }
            default:
                throw new WorkflowError(`unsupported condition operator ${op}`);
        }
    }

    /** Evaluates a JSON value whose strings may be expressions. */
    value(input: unknown, scope: Scope): Json {
        if (typeof input === "string") return this.text(input, scope);
        if (Array.isArray(input)) return input.map((v) => this.value(v, scope));
        if (input !== null && typeof input === "object") {
            return Object.fromEntries(Object.entries(input).map(([k, v]) => [k, this.value(v, scope)]));
        }
        return input as Json;
    }

    private text(s: string, scope: Scope): Json {
        if (s.startsWith("@@")) return s.slice(1);
        if (s.startsWith("@") && !s.startsWith("@{")) return new Evaluator(s.slice(1), this, scope).parseAll();
        if (!s.includes("@{")) return s;
        return s.replace(/@\{([^}]*)\}/g, (_, expr: string) => stringify(new Evaluator(expr, this, scope).parseAll()));
    }

    call(name: string, args: Json[], scope: Scope): Json {
        const arity = (n: number) => {
            if (args.length !== n) throw new WorkflowError(`${name}() takes ${n} argument(s), got ${args.length}`);
        };
        switch (name) {
            case "triggerBody":
                arity(0);
                return this.options.triggerBody;
            case "triggerOutputs":
                arity(0);
                return { body: this.options.triggerBody, headers: this.options.triggerHeaders ?? {} };
            case "parameters":
                arity(1);
                if (!(String(args[0]) in this.parameters)) throw new WorkflowError(`parameter ${String(args[0])} is not declared`);
                return this.parameters[String(args[0])];
            case "outputs":
            case "body": {
                arity(1);
                const result = lookup(scope, String(args[0]));
                if (name === "outputs") return result.outputs;
                return isRecord(result.outputs) && "body" in result.outputs ? result.outputs.body : result.outputs;
            }
            case "items": {
                arity(1);
                for (let s: Scope | undefined = scope; s; s = s.parent) if (s.loops.has(String(args[0]))) return s.loops.get(String(args[0]))!;
                throw new WorkflowError(`items('${String(args[0])}') used outside that loop`);
            }
            case "item":
                arity(0);
                if (scope.item === undefined) throw new WorkflowError("item() used outside a Select");
                return scope.item;
            case "equals":
                arity(2);
                return deepEqual(args[0], args[1]);
            case "first":
                arity(1);
                if (Array.isArray(args[0])) return args[0].length ? args[0][0] : null;
                if (typeof args[0] === "string") return args[0].slice(0, 1);
                throw new WorkflowError("first() needs an array or a string");
            case "concat":
                return args.map(stringify).join("");
            case "coalesce":
                return args.find((a) => a !== null) ?? null;
            case "and":
                return args.every((a) => a === true);
            case "or":
                return args.some((a) => a === true);
            case "not":
                arity(1);
                return args[0] !== true;
            default:
                throw new WorkflowError(`unsupported function ${name}()`);
        }
    }
}

/** Recursive-descent evaluator for one expression (without the leading `@`). */
class Evaluator {
    private pos = 0;

    constructor(private readonly src: string, private readonly run: Run, private readonly scope: Scope) {}

    parseAll(): Json {
        const value = this.expression();
        this.skipSpace();
        if (this.pos !== this.src.length) this.fail(`unexpected '${this.src.slice(this.pos)}'`);
        return value;
    }

    private expression(): Json {
        let value = this.primary();
        for (;;) {
            this.skipSpace();
            const safe = this.src.startsWith("?", this.pos);
            const next = this.src[this.pos + (safe ? 1 : 0)];
            if (next !== "[" && next !== ".") return value;
            this.pos += safe ? 2 : 1;
            const key = next === "[" ? this.bracketKey() : this.identifier();
            value = property(value, key, safe, this.src);
        }
    }

    private bracketKey(): Json {
        const key = this.expression();
        this.expect("]");
        return key;
    }

    private primary(): Json {
        this.skipSpace();
        const c = this.src[this.pos];
        if (c === "'") return this.stringLiteral();
        if (c !== undefined && /[-\d]/.test(c)) return this.number();
        const name = this.identifier();
        if (name === "true" || name === "false") return name === "true";
        if (name === "null") return null;
        this.expect("(");
        const args: Json[] = [];
        this.skipSpace();
        if (this.src[this.pos] !== ")") {
            do args.push(this.expression());
            while (this.accept(","));
        }
        this.expect(")");
        return this.run.call(name, args, this.scope);
    }

    private stringLiteral(): string {
        let out = "";
        this.pos++;
        for (;;) {
            const c = this.src[this.pos++];
            if (c === undefined) this.fail("unterminated string");
            if (c === "'") {
                if (this.src[this.pos] !== "'") return out;
                this.pos++;
            }
            out += c;
        }
    }

    private number(): number {
        const m = /^-?\d+(\.\d+)?/.exec(this.src.slice(this.pos));
        if (!m) this.fail("bad number");
        this.pos += m![0].length;
        return Number(m![0]);
    }

    private identifier(): string {
        this.skipSpace();
        const m = /^[A-Za-z_][A-Za-z0-9_]*/.exec(this.src.slice(this.pos));
        if (!m) this.fail("expected a name");
        this.pos += m![0].length;
        return m![0];
    }

    private accept(token: string): boolean {
        this.skipSpace();
        if (!this.src.startsWith(token, this.pos)) return false;
        this.pos += token.length;
        return true;
    }

    private expect(token: string): void {
        if (!this.accept(token)) this.fail(`expected '${token}'`);
    }

    private skipSpace(): void {
        while (this.src[this.pos] === " ") this.pos++;
    }

    private fail(message: string): never {
        throw new WorkflowError(`${message} at ${this.pos} in @${this.src}`);
    }
}

function property(value: Json, key: Json, safe: boolean, src: string): Json {
    if (value === null) {
        if (safe) return null;
        throw new WorkflowError(`cannot read '${String(key)}' of null in @${src} (use ?[...])`);
    }
    if (Array.isArray(value) && typeof key === "number") return value[key] ?? (safe ? null : missing(key, src));
    if (isRecord(value) && typeof key === "string") {
        if (key in value) return value[key];
        return safe ? null : missing(key, src);
    }
    throw new WorkflowError(`cannot index ${Array.isArray(value) ? "an array" : typeof value} with ${JSON.stringify(key)} in @${src}`);
}

function missing(key: Json, src: string): never {
    throw new WorkflowError(`property '${String(key)}' does not exist in @${src} (use ?[...])`);
}

function lookup(scope: Scope, name: string): { status: ActionStatus; outputs: Json } {
    for (let s: Scope | undefined = scope; s; s = s.parent) {
        const result = s.results.get(name);
        if (result) return result;
    }
    throw new WorkflowError(`action ${name} has not run (or does not exist) here`);
}

function checkTrigger(definition: Definition): void {
    const triggers = Object.entries(asRecord(definition.triggers, "triggers"));
    if (triggers.length !== 1) throw new WorkflowError("exactly one trigger is supported");
    const [, trigger] = triggers[0] as [string, ActionDef];
    if (trigger.type !== "Request" || trigger.kind !== "Http") throw new WorkflowError("only the Request (Http) trigger is supported");
}

function resolveParameters(definition: Definition, given: Record<string, Json>): Record<string, Json> {
    const declared = asRecord(definition.parameters ?? {}, "parameters") as Record<string, { type?: string; defaultValue?: Json }>;
    for (const name of Object.keys(given)) if (!(name in declared)) throw new WorkflowError(`parameter ${name} is not declared`);
    const out: Record<string, Json> = {};
    for (const [name, spec] of Object.entries(declared)) {
        const value = name in given ? given[name] : spec.defaultValue;
        if (value === undefined) throw new WorkflowError(`parameter ${name} has no value and no default`);
        const expected = JSON_TYPE_OF_PARAMETER[String(spec.type).toLowerCase()];
        const actual = Array.isArray(value) ? "array" : value === null ? "null" : typeof value;
        if (expected !== actual) {
            throw new WorkflowError(`parameter ${name} is declared ${spec.type} but given ${actual}`);
        }
        out[name] = value;
    }
    return out;
}

/** WDL parameter types → the JSON type a value must have. */
const JSON_TYPE_OF_PARAMETER: Record<string, string> = {
    string: "string", securestring: "string", int: "number", float: "number", bool: "boolean",
    array: "array", object: "object", secureobject: "object",
};

function stringify(value: Json): string {
    if (value === null) return "";
    return typeof value === "string" ? value : JSON.stringify(value);
}

function deepEqual(a: Json, b: Json): boolean {
    return JSON.stringify(a) === JSON.stringify(b);
}

function isRecord(value: unknown): value is Record<string, Json> {
    return typeof value === "object" && value !== null && !Array.isArray(value);
}

function asRecord(value: unknown, what: string): Record<string, unknown> {
    if (!isRecord(value)) throw new WorkflowError(`${what} must be an object`);
    return value;
}
