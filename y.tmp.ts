import { runStack } from "./harness/runStack";
async function t(name: string, o: any) {
  try { const g = await runStack({ stack: "dev", ...o }); console.log(name, "OK", g.resources.length); } catch (e: any) { console.log(name, "ERR", String(e.cause?.message ?? e.message).slice(0, 600)); }
}
(async () => {
  await t("rg-fuzz", { overrides: { resourceGroup: "fuzz" } });
  await t("monitorng", { overrides: { monitorng: { enabled: true }, tag: { a: "b" }, "handlers.chat-webhook.webhook.url": "https://x/?code=KEY" } });
  await t("toString", { overrides: { subscriptions: { "sms-604": { handler: "toString", eventTypes: ["Microsoft.Communication.SMSReceived"] } } } });
  await t("proto", { overrides: { handlers: JSON.parse('{"__proto__": {"kind":"webhook","webhook":{"url":"https://a.example.com/x"}}}'), subscriptions: { "sms-604": { handler: "__proto__", eventTypes: ["Microsoft.Communication.SMSReceived"] } } } });
})();
