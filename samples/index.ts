/**
 * Load the sample events under samples/events: every `.json` file, recursively, in path order. A file may hold
 * one event (an object, as CloudEvents deliveries may) or an array of events (as Event Grid always posts).
 */
import * as fs from "node:fs";
import * as path from "node:path";

/** Beside this file; compiled into build/samples/, the JSON stays in the sources' samples/events. */
export const SAMPLE_EVENTS_DIR = fs.existsSync(path.join(__dirname, "events"))
    ? path.join(__dirname, "events")
    : path.resolve(__dirname, "../../samples/events");

export interface SampleEvent {
    /** Path relative to the samples root, with `/` separators, e.g. `sms/SMSReceived.to-1604.eventgrid.json`. */
    readonly file: string;
    readonly event: Record<string, unknown>;
}

/** Every event of every `.json` file under `root` (default: samples/events), files in sorted path order. */
export function loadSampleEvents(root: string = SAMPLE_EVENTS_DIR): SampleEvent[] {
    return jsonFiles(root).flatMap((full) => {
        const file = path.relative(root, full).split(path.sep).join("/");
        return eventsOf(JSON.parse(fs.readFileSync(full, "utf8")), file).map((event) => ({ file, event }));
    });
}

/** The events of one sample file, by its path relative to samples/events. */
export function loadSampleFile(file: string, root: string = SAMPLE_EVENTS_DIR): Record<string, unknown>[] {
    return eventsOf(JSON.parse(fs.readFileSync(path.join(root, file), "utf8")), file);
}

function jsonFiles(dir: string): string[] {
    const entries = fs.readdirSync(dir, { withFileTypes: true }).sort((a, b) => a.name.localeCompare(b.name));
    return entries.flatMap((e) => {
        const full = path.join(dir, e.name);
        if (e.isDirectory()) return jsonFiles(full);
        return e.isFile() && e.name.endsWith(".json") ? [full] : [];
    });
}

/** A file's content as events; anything that is not an object (or array of objects) is a broken sample. */
function eventsOf(content: unknown, file: string): Record<string, unknown>[] {
    const items = Array.isArray(content) ? content : [content];
    return items.map((item, i) => {
        if (typeof item !== "object" || item === null || Array.isArray(item)) {
            throw new Error(`sample ${file}${Array.isArray(content) ? `[${i}]` : ""} is not a JSON object`);
        }
        return item as Record<string, unknown>;
    });
}
