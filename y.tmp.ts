import { redactUrl, redactValue } from "./validation/issue";
for (const s of ["http://hook:KEY@host/x?code=KEY2#KEY3", "https://h/p?code=KEY\n", "a https://u:p/w@h/x?y=KEY z\nhttps://h2/?sig=KEY", "https://host/users/@me", "mailto:x@y", "aaaa".repeat(30000)]) console.log(JSON.stringify(redactUrl(s)).slice(0,100));
console.log(JSON.stringify(redactValue({ a: ["https://h/?k=KEY"], "https://x/?k=KEY": 1, n: { m: "http://u:KEY@h" } })));
let t=Date.now(); redactUrl("a://"+"x".repeat(100000)); redactUrl("a".repeat(100000)+"@"); redactUrl("http://"+"@".repeat(100000)); console.log(Date.now()-t,"ms");
