import { runStack } from "./harness/runStack";
import { checkGraph } from "./contract";
async function t(name: string, o: any) {
  try { const g = await runStack({ stack: "dev", ...o }); console.log(name, "OK", g.resources.length); } catch (e: any) { console.log(name, "ERR", String(e.cause?.stack ?? e.stack).slice(0, 800)); }
}
(async () => {
  await t("tags", { overrides: { tags: { toString: "x", constructor: "y", hasOwnProperty: "z", valueOf: "v" } } });
  await t("acs63", { overrides: { communication: { name: "a".repeat(63), dataLocation: "Europe" } } });
  await t("acs_", { overrides: { communication: { name: "acs_events_dev", dataLocation: "Europe" } } });
})();
