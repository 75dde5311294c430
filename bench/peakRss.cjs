// Preloaded into a measured child process: reports its peak RSS on exit, on stderr, for bench/run.ts.
process.on("exit", () => {
    process.stderr.write(`\nBENCH_MAX_RSS_KB=${process.resourceUsage().maxRSS}\n`);
});
