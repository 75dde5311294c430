// Preloaded into a measured child process: reports its peak RSS, CPU time and whether TypeScript was loaded, on
// exit, on stderr, for bench/run.ts.
process.on("exit", () => {
    const u = process.resourceUsage();
    const ts = Object.keys(require.cache).some((k) => /[\\/]node_modules[\\/]typescript[\\/]/.test(k));
    process.stderr.write(
        `\nBENCH_MAX_RSS_KB=${u.maxRSS} BENCH_CPU_US=${u.userCPUTime + u.systemCPUTime} BENCH_TS=${ts ? 1 : 0}\n`,
    );
});
