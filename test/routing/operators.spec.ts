/**
 * Every advanced-filter operator against scalars, missing keys, nulls, wrong types and arrays (flag on and
 * off), one row per case (https://learn.microsoft.com/azure/event-grid/event-filtering and the "Simulator" column of
 * routing/README.md). Rows state Event Grid's documented answer, or the U# the simulator must refuse to guess.
 */
import * as assert from "node:assert";
import * as fs from "node:fs";
import * as path from "node:path";
import { OPERATOR_OPERANDS } from "../../catalog/filterOperators";
import { AdvancedFilter, compileFilter, evaluate, InvalidFilterError, OPERATOR_TYPES, OPERATORS } from "../../routing";
import { checkAdvancedFilter } from "../../validation/filters";

const MISSING = Symbol("missing");
type Expect = "match" | "noMatch" | "U3" | "U4" | "U5" | "U13" | "U14";
type Row = [value: unknown, expected: Expect, note?: string];
interface OperatorCase {
    operand: { value?: unknown; values?: unknown[] };
    scalar: Row[];
    /** Rows evaluated with enableAdvancedFilteringOnArrays on. */
    arraysOn?: Row[];
    /** Rows evaluated with the flag off. */
    arraysOff?: Row[];
}

/** Evaluate one operator on `data.k` of an SMS event whose `data.k` is `value` (or absent). */
function outcome(operatorType: string, operand: OperatorCase["operand"], value: unknown, arrays: boolean): string {
    const data: Record<string, unknown> = { other: "x" };
    if (value !== MISSING) data.k = value;
    const event = {
        id: "1",
        topic: "/t",
        subject: "/phonenumber/16045551234",
        eventType: "Microsoft.Communication.SMSReceived",
        eventTime: "2024-01-01T00:00:00Z",
        dataVersion: "1.0",
        metadataVersion: "1",
        data,
    };
    const o = evaluate(
        {
            filter: {
                enableAdvancedFilteringOnArrays: arrays,
                advancedFilters: [{ operatorType, key: "data.k", ...operand }],
            },
        },
        event,
    );
    return o.outcome === "undocumented" ? o.id : o.outcome;
}

const show = (v: unknown) => (v === MISSING ? "missing key" : JSON.stringify(v));

const CASES: Record<string, OperatorCase> = {
    NumberIn: {
        operand: { values: [1, 2.5] },
        scalar: [
            [1, "match"],
            [2.5, "match"],
            [3, "noMatch"],
            [MISSING, "noMatch"],
            [null, "U13", "null is not a missing key"],
            ["1", "U5", "numeric string"],
        ],
        arraysOn: [
            [[3, 1], "match"],
            [[3, 4], "noMatch"],
            [["1", 3], "noMatch", "string element ignored"],
            [[{ k: 1 }], "noMatch", "objects ignored"],
        ],
        arraysOff: [[[3, 1], "noMatch", "positive operator needs the flag"]],
    },
    NumberNotIn: {
        operand: { values: [1, 2] },
        scalar: [
            [3, "match"],
            [1, "noMatch"],
            [MISSING, "match"],
            [null, "U13"],
            [true, "U5"],
        ],
        arraysOn: [
            [[3, 4], "match"],
            [[3, 1], "noMatch"],
            [["1"], "match", "no number element to exclude"],
        ],
        arraysOff: [[[3], "U4"]],
    },
    NumberLessThan: {
        operand: { value: 5 },
        scalar: [
            [4, "match"],
            [5, "noMatch", "strict"],
            [6, "noMatch"],
            [-1e9, "match"],
            [MISSING, "noMatch"],
            ["4", "U5"],
        ],
        arraysOn: [
            [[6, 4], "match"],
            [[6, 7], "noMatch"],
        ],
    },
    NumberGreaterThan: {
        operand: { value: 5 },
        scalar: [
            [6, "match"],
            [5, "noMatch", "strict"],
            [4, "noMatch"],
            [MISSING, "noMatch"],
        ],
        arraysOn: [
            [[4, 6], "match"],
            [[1, 2], "noMatch"],
        ],
    },
    NumberLessThanOrEquals: {
        operand: { value: 5 },
        scalar: [
            [5, "match", "inclusive"],
            [5.0001, "noMatch"],
            [-1, "match"],
            [MISSING, "noMatch"],
        ],
    },
    NumberGreaterThanOrEquals: {
        operand: { value: 5 },
        scalar: [
            [5, "match", "inclusive"],
            [4.999, "noMatch"],
            [MISSING, "noMatch"],
        ],
        arraysOn: [[[1, 5], "match"]],
    },
    NumberInRange: {
        operand: {
            values: [
                [1, 5],
                [10, 20],
            ],
        },
        scalar: [
            [1, "match", "low bound inclusive"],
            [5, "match", "high bound inclusive"],
            [10, "match"],
            [20, "match"],
            [7, "noMatch"],
            [0, "noMatch"],
            [21, "noMatch"],
            [MISSING, "U3"],
            [null, "U13"],
            ["3", "U5"],
        ],
        arraysOn: [
            [[7, 12], "match"],
            [[7, 8], "noMatch"],
        ],
        arraysOff: [[[3], "noMatch"]],
    },
    NumberNotInRange: {
        operand: { values: [[1, 5]] },
        scalar: [
            [0, "match"],
            [6, "match"],
            [1, "noMatch", "bound is inside"],
            [5, "noMatch", "bound is inside"],
            [MISSING, "U3"],
        ],
        arraysOn: [
            [[0, 6], "match"],
            [[0, 3], "noMatch"],
        ],
    },
    BoolEquals: {
        operand: { value: true },
        scalar: [
            [true, "match"],
            [false, "noMatch"],
            ["true", "U5"],
            [1, "U5"],
            [MISSING, "noMatch"],
        ],
        arraysOn: [
            [[false, true], "match"],
            [[false], "noMatch"],
            [["true"], "noMatch", "string element ignored"],
        ],
    },
    StringIn: {
        operand: { values: ["Delivered", "Failed"] },
        scalar: [
            ["delivered", "match", "case-insensitive"],
            ["DELIVERED", "match"],
            ["Delivered ", "noMatch"],
            [MISSING, "noMatch"],
            [null, "U13"],
            [1, "U5"],
            [{ status: "Delivered" }, "U5", "object"],
        ],
        arraysOn: [
            [["x", "failed"], "match"],
            [["x"], "noMatch"],
            [[1, "FAILED"], "match", "mixed array"],
            [[1, 2], "noMatch"],
            [[], "noMatch"],
        ],
        arraysOff: [[["Delivered"], "noMatch"]],
    },
    StringNotIn: {
        operand: { values: ["Failed"] },
        scalar: [
            ["Delivered", "match"],
            ["FAILED", "noMatch"],
            [MISSING, "match"],
            [null, "U13"],
            [false, "U5"],
        ],
        arraysOn: [
            [["a", "b"], "match"],
            [["a", "failed"], "noMatch"],
        ],
    },
    StringBeginsWith: {
        operand: { values: ["1604", "+1604"] },
        scalar: [
            ["16045551234", "match"],
            ["+16045551234", "match"],
            ["12065551234", "noMatch"],
            [MISSING, "noMatch"],
            [16045551234, "U5", "number, as in a docs example"],
        ],
        arraysOn: [
            [["1206", "1604x"], "match"],
            [["1206"], "noMatch"],
        ],
    },
    StringNotBeginsWith: {
        operand: { values: ["1604"] },
        scalar: [
            ["1206", "match"],
            ["1604", "noMatch"],
            [MISSING, "noMatch", "negated String* do not match a missing key"],
        ],
        arraysOn: [
            [["1206", "1604"], "noMatch"],
            [["1206"], "match"],
        ],
    },
    StringEndsWith: {
        operand: { values: ["@contoso.com"] },
        scalar: [
            ["A@Contoso.COM", "match"],
            ["a@contoso.com.evil", "noMatch"],
            [MISSING, "noMatch"],
        ],
        arraysOn: [[["a@example.com", "b@CONTOSO.com"], "match"]],
    },
    StringNotEndsWith: {
        operand: { values: ["@contoso.com"] },
        scalar: [
            ["a@example.com", "match"],
            ["A@CONTOSO.COM", "noMatch"],
            [MISSING, "noMatch"],
        ],
        arraysOn: [[["a@example.com", "b@contoso.com"], "noMatch"]],
    },
    StringContains: {
        operand: { values: ["urgent"] },
        scalar: [
            ["This is URGENT!", "match"],
            ["nothing", "noMatch"],
            [MISSING, "noMatch"],
        ],
        arraysOn: [[["calm", "urgent-ish"], "match"]],
    },
    StringNotContains: {
        operand: { values: ["spam"] },
        scalar: [
            ["hello", "match"],
            ["SPAMMY", "noMatch"],
            [MISSING, "noMatch"],
        ],
        arraysOn: [
            [["hello", "spam"], "noMatch"],
            [["hello"], "match"],
        ],
    },
    IsNullOrUndefined: {
        operand: {},
        scalar: [
            [MISSING, "match"],
            [null, "match"],
            ["", "noMatch", "empty string is a value"],
            [0, "noMatch"],
            [false, "noMatch"],
            [{}, "noMatch"],
        ],
        arraysOn: [[[], "noMatch", "a present array is a value"]],
        arraysOff: [[[], "U4"]],
    },
    IsNotNull: {
        operand: {},
        scalar: [
            [MISSING, "noMatch"],
            [null, "noMatch"],
            ["", "match"],
            [0, "match"],
            [false, "match"],
            [{ a: 1 }, "match"],
        ],
        arraysOn: [[[1], "match"]],
        arraysOff: [[[1], "U4"]],
    },
};

describe("routing/operators: each advanced operator, case by case", () => {
    it("covers all 19 operators", () => {
        assert.deepStrictEqual(Object.keys(CASES).sort(), [...OPERATOR_TYPES].sort());
    });

    for (const [op, c] of Object.entries(CASES)) {
        describe(op, () => {
            const groups: [string, Row[] | undefined, boolean][] = [
                ["scalar", c.scalar, false],
                ["arrays on", c.arraysOn, true],
                ["arrays off", c.arraysOff, false],
            ];
            for (const [group, rows, arrays] of groups) {
                for (const [value, expected, note] of rows ?? []) {
                    it(`${group}: ${show(value)} → ${expected}${note ? ` (${note})` : ""}`, () => {
                        assert.strictEqual(outcome(op, c.operand, value, arrays), expected);
                    });
                }
            }
        });
    }
});

describe("routing/operators: OR within a filter, AND across filters", () => {
    const event = {
        id: "1",
        topic: "/t",
        subject: "s",
        eventType: "T",
        dataVersion: "1.0",
        data: { to: "16045551234", segmentCount: 2 },
    };
    const begins = (values: string[]) => ({ operatorType: "StringBeginsWith", key: "data.to", values });

    it("matches when any one value of a filter holds", () => {
        assert.strictEqual(
            evaluate({ filter: { advancedFilters: [begins(["1206", "1604"])] } }, event).outcome,
            "match",
        );
    });

    it("fails when one of several filters fails, even on the same key", () => {
        const o = evaluate({ filter: { advancedFilters: [begins(["1604"]), begins(["1206"])] } }, event);
        assert.strictEqual(o.outcome, "noMatch");
        assert.ok(o.outcome === "noMatch" && o.clause.kind === "advancedFilter" && o.clause.index === 1);
    });

    it("matches when every filter holds", () => {
        const filters = [
            begins(["1604"]),
            { operatorType: "NumberLessThanOrEquals", key: "data.segmentCount", value: 2 },
        ];
        assert.strictEqual(evaluate({ filter: { advancedFilters: filters } }, event).outcome, "match");
    });
});

describe("routing/operators: an empty-string operand (U14)", () => {
    it('is undocumented only when the "" decides the answer', () => {
        assert.strictEqual(outcome("StringBeginsWith", { values: ["", "zz"] }, "abc", false), "U14");
        assert.strictEqual(outcome("StringBeginsWith", { values: ["", "ab"] }, "abc", false), "match");
        assert.strictEqual(outcome("StringContains", { values: [""] }, MISSING, false), "noMatch");
        assert.strictEqual(outcome("StringIn", { values: ["", "x"] }, "", false), "U14");
    });
});

/** Issue #11: an operator's operand kind and what counts as a valid operand are each stated once. */
describe("routing/operators: operand facts come from the catalog, operand checks from validation", () => {
    const FAMILY = { numbers: "number", number: "number", ranges: "number", boolean: "boolean", strings: "string" };

    it("has exactly the catalog's operators, each with the catalog's operand kind and the family it implies", () => {
        assert.deepStrictEqual(Object.keys(OPERATORS), OPERATOR_TYPES);
        for (const op of OPERATOR_TYPES) {
            const kind = OPERATOR_OPERANDS[op];
            assert.strictEqual(OPERATORS[op].operand, kind, op);
            assert.strictEqual(OPERATORS[op].family, kind === "none" ? "presence" : FAMILY[kind], op);
        }
    });

    it("keeps no operand-kind table of its own in routing/", () => {
        const dir = path.join(__dirname, "../../routing");
        const kinds = "numbers|number|ranges|boolean|strings|none";
        const row = new RegExp(`^\\s*(${OPERATOR_TYPES.join("|")})\\s*:.*"(${kinds})"`, "m");
        for (const f of fs.readdirSync(dir).filter((n) => n.endsWith(".ts"))) {
            const hit = row.exec(fs.readFileSync(path.join(dir, f), "utf8"));
            assert.strictEqual(hit, null, `routing/${f} restates an operand kind: ${hit?.[0]}`);
        }
    });

    // Every operator with every operand shape, well-formed or not: routing rejects exactly what validation rejects.
    const OPERANDS: { value?: unknown; values?: unknown }[] = [
        {},
        { value: 5 },
        { value: Number.NaN },
        { value: "5" },
        { value: true },
        { values: [] },
        { values: [1, 2.5] },
        { values: ["a", "B"] },
        { values: [1, "a"] },
        { values: [[1, 2]] },
        { values: [[5, 1]] },
        { values: [[1, 2, 3]] },
        { values: "a" },
        { value: 1, values: [1] },
    ];
    it("rejects a filter in routing exactly when validation's checkAdvancedFilter reports an issue", () => {
        for (const op of OPERATOR_TYPES) {
            for (const operand of OPERANDS) {
                // `values: "a"` is hostile input the AdvancedFilter type does not allow; routing must reject it anyway.
                const f = { operatorType: op, key: "data.k", ...operand } as AdvancedFilter;
                const issues = checkAdvancedFilter(f, ["advancedFilters", 0]).issues;
                const name = JSON.stringify(f);
                if (issues.length === 0) {
                    assert.doesNotThrow(() => compileFilter({ filter: { advancedFilters: [f] } }), name);
                    continue;
                }
                assert.throws(
                    () => compileFilter({ filter: { advancedFilters: [f] } }),
                    (e: unknown) =>
                        e instanceof InvalidFilterError &&
                        e.problems.length === issues.length &&
                        issues.every((i, n) => e.problems[n].includes(i.message)),
                    name,
                );
            }
        }
    });
});
