/**
 * Writes samples/events/<family>/<Event>.spec.{eventgrid,cloudevents}.json for every catalog type from
 * Microsoft's example events in Azure/azure-rest-api-specs
 * (specification/eventgrid/data-plane/Microsoft.Communication/stable/2018-01-01/examples/{event-grid-schema,
 * cloud-events-schema}/, commits listed in samples/events/SPEC-EXAMPLES.md), with the normalizations listed
 * there. Needs a local copy of those folders: tsx scripts/gen-samples.ts <dir holding examples/>.
 */
import * as fs from "node:fs";
import * as path from "node:path";
import { EVENT_TYPES, findEventType } from "../catalog";
import { toCloudEvent, toEventGridInput } from "../routing/envelope";

const P = "Microsoft.Communication.";
const OUT = path.join(__dirname, "..", "samples", "events");
const DEV_ACS_ID =
    "/subscriptions/00000000-0000-0000-0000-000000000000/resourceGroups/rg-acs-dev/providers/" +
    "Microsoft.Communication/communicationServices/acs-events-dev";
/** Published under an old event name; the current type has its own example, so this one is not used. */
const SPEC_URL = "https://github.com/Azure/azure-rest-api-specs/blob";
const SPEC_PATH = "specification/eventgrid/data-plane/Microsoft.Communication/stable/2018-01-01/examples";
const SKIP = new Set(["cloud-events-schema/chat_azure_bot_command.json"]);

type Event = Record<string, any>;
interface Example {
    file: string;
    event: Event;
}

function examples(dir: string, folder: string): Example[] {
    const full = path.join(dir, "examples", folder);
    return fs
        .readdirSync(full)
        .sort()
        .filter((f) => f.endsWith(".json") && !SKIP.has(`${folder}/${f}`))
        .flatMap((f) => {
            const content = JSON.parse(fs.readFileSync(path.join(full, f), "utf8"));
            return (Array.isArray(content) ? content : [content]).map((event: Event) => ({
                file: `${folder}/${f}`,
                event,
            }));
        });
}

const isCloudEvent = (e: Event) => "specversion" in e || "specVersion" in e;
const typeOf = (e: Event): string => e.eventType ?? e.type;

/** PascalCase SMS keys (`MessageId`) → the camelCase wire names the swagger and SDK define. */
function camelKeys(v: unknown): unknown {
    if (Array.isArray(v)) return v.map(camelKeys);
    if (v === null || typeof v !== "object") return v;
    return Object.fromEntries(Object.entries(v).map(([k, x]) => [k[0].toLowerCase() + k.slice(1), camelKeys(x)]));
}

function normalizeData(type: string, data: Event): Event {
    const out = type.includes(".SMS") ? (camelKeys(data) as Event) : { ...data };
    // int64 in the swagger; some chat examples publish it as a string.
    if (typeof out.version === "string" && /^\d+$/.test(out.version)) out.version = Number(out.version);
    return out;
}

function normalizeEventGrid(e: Event): Event {
    const eg: Event = isCloudEvent(e) ? toEventGridInput({ ...e, specversion: "1.0" }) : { ...e };
    return { ...eg, topic: DEV_ACS_ID, data: normalizeData(typeOf(e), eg.data) };
}

function normalizeCloudEvent(e: Event): Event {
    const { specVersion, ...rest } = e;
    const ce: Event = isCloudEvent(e) ? { ...rest, specversion: e.specversion ?? specVersion } : toCloudEvent(e);
    return { ...ce, source: DEV_ACS_ID, data: normalizeData(typeOf(e), ce.data) };
}

function write(file: string, content: unknown): void {
    fs.mkdirSync(path.dirname(file), { recursive: true });
    fs.writeFileSync(file, `${JSON.stringify(content, null, 2)}\n`);
}

/** Source commit of each example file, from the copy's own README table (`| \`examples/x/y.json\` | \`sha\` |`). */
function commits(dir: string): Map<string, string> {
    const readme = fs.readFileSync(path.join(dir, "README.md"), "utf8");
    return new Map([...readme.matchAll(/\| `examples\/([^`]+)` \| `([0-9a-f]{40})` \|/g)].map((m) => [m[1], m[2]]));
}

function main(dir: string): void {
    const sha = commits(dir);
    const cite = (file: string) =>
        `[\`${file}\`](${SPEC_URL}/${sha.get(file)}/${SPEC_PATH}/${file}) @ \`${sha.get(file)?.slice(0, 10)}\``;
    const eg = examples(dir, "event-grid-schema");
    const ce = examples(dir, "cloud-events-schema");
    const rows: string[] = [];
    for (const info of EVENT_TYPES) {
        const name = info.type.slice(P.length);
        const fromEg = eg.find((x) => typeOf(x.event) === info.type);
        const fromCe = ce.find((x) => typeOf(x.event) === info.type);
        const egSource = fromEg ?? fromCe;
        const ceSource = fromCe ?? fromEg;
        if (!egSource || !ceSource) throw new Error(`no example for ${info.type}`);
        const base = path.join(OUT, findEventType(info.type)!.family, `${name}.spec`);
        write(`${base}.eventgrid.json`, [normalizeEventGrid(egSource.event)]);
        write(`${base}.cloudevents.json`, normalizeCloudEvent(ceSource.event));
        const egNote = isCloudEvent(egSource.event) ? " (CloudEvents-shaped, converted)" : "";
        const ceNote = isCloudEvent(ceSource.event) ? "" : " (converted)";
        rows.push(`| ${name} | ${cite(egSource.file)}${egNote} | ${cite(ceSource.file)}${ceNote} |`);
    }
    process.stdout.write(`${rows.join("\n")}\n`);
}

if (require.main === module) main(process.argv[2]);
