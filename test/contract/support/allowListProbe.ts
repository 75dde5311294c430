/**
 * Loaded only by the stale allow-list check in test/contract/everyGraph.spec.ts, in a child mocha over the
 * allow-listed files (`-r` after tsx/cjs; never in .mocharc.json): their `before` hooks build the fixtures, which
 * the contract check (test/support/contractCheck.ts, imported by those files) checks and logs the allow-list
 * entries used; their tests, which only read the fixtures, are skipped, so the probe costs the builds alone.
 */
export const mochaHooks = {
    beforeEach(this: Mocha.Context) {
        this.skip();
    },
};
