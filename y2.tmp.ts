import { parseStackSettings } from "./config/load";
import { rawStackConfig } from "./test/support/rawConfig";
const c = rawStackConfig("dev");
c.handlers = JSON.parse('{"__proto__": {"kind":"webhook","webhook":{"url":"https://a.example.com/x"}}, "constructor": {"kind":"webhook","webhook":{"url":"https://a.example.com/x"}}}');
c.subscriptions = { "sms-604": { handler: "__proto__", eventTypes: ["Microsoft.Communication.SMSReceived"] } };
try { const s = parseStackSettings(c); console.log("OK", Object.keys(s.handlers)); } catch (e: any) { console.log(e.message); }
