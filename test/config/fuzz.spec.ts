/**
 * A seeded fuzz run over the dev and prod stack files (issue 12): wrong types at every key, missing, unknown and
 * misspelt keys, out-of-range numbers, unicode and control characters, 100 KB strings, prototype keys, duplicated
 * handlers, a webhook key planted in string values, and broken YAML text. Each mutation goes through the real path
 * (YAML reader → flattened config → the program under mocks) and must end as a clean error (ValidationError or
 * InputFileError: one message, no stack trace) or a valid plan. A crash, a printed key, or an invalid-by-construction
 * input that plans (an ignored typo) fails the test. FUZZ_SEED and FUZZ_MUTATIONS change the run: `npm test` runs
 * the first 80 mutations of the fixed seed (bounded time: each valid plan runs the program, about a second);
 * `npm run fuzz` runs 2000 (docs/testing.md).
 */
import * as assert from "node:assert";
import { stringify } from "yaml";
import { settingsFromConfigMap } from "../../config/load";
import { ProgramError } from "../../harness/runProgram";
import { PROJECT_ROOT, runStack } from "../../harness/runStack";
import { flattenConfig, readProject, stackFile, stackFileConfig } from "../../harness/stackConfig";
import { InputFileError, parseYaml, readYamlFile } from "../../harness/yamlFile";
import "../support/contractCheck";
import { ValidationError } from "../../validation/issue";
import { rng } from "../routing/generators";

const SECRET = "Fuzz5ecretKey";
const SECRET_URLS = [
    `https://hook:${SECRET}@hooks.example.com/api?code=${SECRET}`,
    `https://hooks.example.com/api?code=${SECRET}\n`,
    `https://hooks.example.com/api#${SECRET}`,
    `hooks.example.com/api?sig=${SECRET}`,
];

type Json = any;
type Path = (string | number)[];
interface Mutation {
    stack: string;
    what: string;
    text: string;
    mustFail: boolean;
}

const HOSTILE: unknown[] = [
    0,
    -1,
    1.5,
    1e21,
    65536,
    true,
    false,
    null,
    "",
    " ",
    "x",
    "\u0000",
    "line\nbreak",
    "\u202eevil",
    "ｗｅｓｔｅｕｒｏｐｅ",
    "💥",
    "a".repeat(100_000),
    [],
    {},
    ["x"],
    { a: 1 },
    "__proto__",
    "toString",
    "2027-01-01T00:00:00Z",
    "Static",
    "CloudEvents",
    "-sb",
    "https://localhost/x",
];
const PROTO_KEYS = ["__proto__", "constructor", "toString", "hasOwnProperty", "valueOf"];
/** Maps whose keys are names the user chooses: renaming one of their keys can be valid. */
const RECORD_PARENTS = /:(handlers|subscriptions|tags)$/;

function paths(v: Json, at: Path = []): Path[] {
    if (v === null || typeof v !== "object") return [at];
    const children = Array.isArray(v)
        ? v.map((c, i) => paths(c, [...at, i]))
        : Object.entries(v).map(([k, c]) => paths(c, [...at, k]));
    return [at, ...children.flat()];
}
const get = (v: Json, p: Path) => p.reduce((o, k) => o?.[k], v);
function set(root: Json, p: Path, value: unknown): void {
    const parent = get(root, p.slice(0, -1));
    Object.defineProperty(parent, p[p.length - 1], { value, enumerable: true, writable: true, configurable: true });
}
function remove(root: Json, p: Path): void {
    const parent = get(root, p.slice(0, -1));
    if (Array.isArray(parent)) parent.splice(Number(p[p.length - 1]), 1);
    else delete parent[p[p.length - 1]];
}
function typo(key: string, r: () => number): string {
    const i = Math.floor(r() * (key.length - 1));
    switch (Math.floor(r() * 3)) {
        case 0:
            return key.slice(0, i) + key[i + 1] + key[i] + key.slice(i + 2); // swap
        case 1:
            return key.slice(0, i) + key.slice(i + 1); // drop
        default:
            return (
                key.slice(0, i) +
                (key[i] === key[i].toUpperCase() ? key[i].toLowerCase() : key[i].toUpperCase()) +
                key.slice(i + 1)
            ); // case
    }
}

/** One mutation of a stack file's document, as YAML text. */
function mutate(stack: string, base: Json, r: () => number): Mutation {
    const doc = JSON.parse(JSON.stringify(base));
    const cfg = doc.config;
    const pick = <T>(l: T[]) => l[Math.floor(r() * l.length)];
    const all = paths(cfg).filter((p) => p.length > 0);
    const p = pick(all);
    const op = Math.floor(r() * 8);
    let what = "";
    let mustFail = false;
    switch (op) {
        case 0:
        case 1: {
            const v = pick(HOSTILE);
            set(cfg, p, v);
            what = `set ${p.join(".")} = ${JSON.stringify(v)?.slice(0, 40)}`;
            break;
        }
        case 2:
            remove(cfg, p);
            what = `delete ${p.join(".")}`;
            break;
        case 3: {
            const objects = all.filter((q) => {
                const v = get(cfg, q);
                return v && typeof v === "object" && !Array.isArray(v) && Object.keys(v).length;
            });
            const q = pick([[], ...objects]);
            const parent = get(cfg, q);
            const key = pick(Object.keys(parent));
            const misspelt = typo(key, r);
            if (misspelt === key || misspelt in parent) return mutate(stack, base, r);
            parent[misspelt] = parent[key];
            delete parent[key];
            mustFail = !RECORD_PARENTS.test(String(q[q.length - 1] ?? ""));
            what = `misspell ${[...q, key].join(".")} as ${misspelt}`;
            break;
        }
        case 4: {
            const objects = all.filter((q) => {
                const v = get(cfg, q);
                return v && typeof v === "object" && !Array.isArray(v);
            });
            const q = pick([[], ...objects]);
            const key = pick(PROTO_KEYS);
            set(cfg, [...q, key], pick([{ kind: "webhook", webhook: { url: "https://h.example.com/x" } }, "x", 1]));
            what = `add key ${[...q, key].join(".")}`;
            break;
        }
        case 5: {
            const handlers = cfg["acs-event-handling:handlers"];
            const name = pick(Object.keys(handlers));
            handlers[`${name}-copy`] = JSON.parse(JSON.stringify(handlers[name]));
            // every other kind creates a resource with a global or per-group name
            mustFail = handlers[name].kind !== "webhook";
            what = `duplicate handler ${name}`;
            break;
        }
        case 6: {
            const strings = all.filter((q) => typeof get(cfg, q) === "string");
            const q = pick(strings);
            set(cfg, q, pick(SECRET_URLS));
            what = `plant a key at ${q.join(".")}`;
            break;
        }
        default:
            return damageText(stack, stringify(doc), r);
    }
    return { stack, what, text: stringify(doc, { aliasDuplicateObjects: false, lineWidth: 0 }), mustFail };
}

/** Text-level damage: what an editor or a merge can do to a YAML file. */
function damageText(stack: string, text: string, r: () => number): Mutation {
    const lines = text.split("\n");
    const i = 1 + Math.floor(r() * (lines.length - 2));
    const bomb = `x: &a ["x","x","x","x","x","x","x","x"]\n${"bcdefghij"
        .split("")
        .map((l, k) => `${l}: &${l} [${Array(8).fill(`*${"abcdefghij"[k]}`).join(",")}]`)
        .join("\n")}`;
    switch (Math.floor(r() * 6)) {
        case 0:
            lines[i] = `\t${lines[i]}`;
            return { stack, what: `tab on line ${i + 1}`, text: lines.join("\n"), mustFail: true };
        case 1:
            lines.splice(i, 0, lines[i]);
            return { stack, what: `line ${i + 1} twice`, text: lines.join("\n"), mustFail: false };
        case 2:
            return { stack, what: "truncated", text: text.slice(0, Math.floor(r() * text.length)), mustFail: false };
        case 3:
            lines[i] = lines[i].replace(/: (\S)/, ": !Ref $1");
            return { stack, what: `!Ref on line ${i + 1}`, text: lines.join("\n"), mustFail: /: !Ref/.test(lines[i]) };
        case 4:
            return { stack, what: "alias bomb", text: `${bomb}\n${text}`, mustFail: true };
        default:
            lines[i] = `${"  ".repeat(Math.floor(r() * 4))}{[${lines[i]}`;
            return { stack, what: `bracket on line ${i + 1}`, text: lines.join("\n"), mustFail: true };
    }
}

type Outcome = { kind: "error"; message: string } | { kind: "plan" } | { kind: "crash"; detail: string };

async function classify(m: Mutation, projectName: string): Promise<Outcome> {
    const file = `Pulumi.${m.stack}.yaml (fuzzed)`;
    try {
        const config = flattenConfig(projectName, stackFileConfig(parseYaml(m.text, file), file));
        // The program's first step, run here first: an invalid config fails in it, in milliseconds, exactly as in
        // the program; only a config it accepts is worth the full program under mocks (about a second).
        settingsFromConfigMap(config.config, (k) => config.secretKeys.includes(k));
        await runStack({ stack: m.stack, config });
        return { kind: "plan" };
    } catch (err) {
        const cause = err instanceof ProgramError ? err.cause : err;
        if (ValidationError.is(cause) || InputFileError.is(cause))
            return { kind: "error", message: `${cause.message}\n${JSON.stringify((cause as any).issues ?? [])}` };
        return { kind: "crash", detail: cause instanceof Error ? (cause.stack ?? cause.message) : String(cause) };
    }
}

describe("fuzzing the dev and prod stack configs (issue 12)", function () {
    this.timeout(20 * 60_000);

    it("every mutation is a clean error or a valid plan: no crash, no printed key, no ignored typo", async () => {
        const seed = Number(process.env.FUZZ_SEED ?? 20261207);
        const count = Number(process.env.FUZZ_MUTATIONS ?? 80);
        const r = rng(seed);
        const project = readProject(PROJECT_ROOT);
        const bases = Object.fromEntries(["dev", "prod"].map((s) => [s, readYamlFile(stackFile(PROJECT_ROOT, s))]));
        const unhandled: unknown[] = [];
        const onUnhandled = (e: unknown) => unhandled.push(e);
        process.on("unhandledRejection", onUnhandled);
        const tally = {
            errors: 0,
            plans: 0,
            crashes: [] as string[],
            leaks: [] as string[],
            ignored: [] as string[],
            traces: [] as string[],
        };
        try {
            for (let n = 0; n < count; n++) {
                const stack = n % 2 ? "prod" : "dev";
                const m = mutate(stack, bases[stack], r);
                const o = await classify(m, project.name);
                const label = `#${n} ${stack}: ${m.what}`;
                if (o.kind === "crash") tally.crashes.push(`${label}\n${o.detail.slice(0, 600)}`);
                else if (o.kind === "plan") {
                    tally.plans++;
                    if (m.mustFail) tally.ignored.push(label);
                } else {
                    tally.errors++;
                    if (o.message.includes(SECRET)) tally.leaks.push(`${label}\n${o.message.slice(0, 600)}`);
                    if (/\n\s+at .+:\d+:\d+/.test(o.message)) tally.traces.push(label);
                }
            }
            await new Promise((res) => setTimeout(res, 100));
        } finally {
            process.off("unhandledRejection", onUnhandled);
        }
        console.log(
            `      fuzz seed ${seed}: ${count} mutations, ${tally.errors} clean errors, ${tally.plans} ` +
                `valid plans, ${tally.crashes.length} crashes, ${tally.leaks.length} leaks, ` +
                `${tally.ignored.length} ignored typos`,
        );
        assert.deepStrictEqual(tally.crashes, [], "crashes");
        assert.deepStrictEqual(tally.leaks, [], "printed keys");
        assert.deepStrictEqual(tally.ignored, [], "invalid by construction, yet planned");
        assert.deepStrictEqual(tally.traces, [], "stack traces in messages");
        assert.deepStrictEqual(unhandled.map(String), [], "unhandled rejections");
        assert.strictEqual(tally.errors + tally.plans, count);
        assert.ok(tally.plans > 0 && tally.errors > 0, "the run exercised both outcomes");
    });
});
