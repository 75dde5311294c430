import * as fs from "fs";
import * as yaml from "js-yaml";
import * as path from "path";
import { PROJECT_ROOT } from "../../harness/runStack";

/** A stack file's config as the program sees it: keys without namespace, plus `location`. Fresh copy each call. */
export function rawStackConfig(stack: string): Record<string, any> {
    const doc = yaml.load(fs.readFileSync(path.join(PROJECT_ROOT, `Pulumi.${stack}.yaml`), "utf8")) as any;
    const out: Record<string, any> = {};
    for (const [k, v] of Object.entries(doc.config ?? {})) {
        if (k === "azure-native:location") out.location = v;
        else if (k.startsWith("acs-event-handling:")) out[k.slice("acs-event-handling:".length)] = v;
    }
    return JSON.parse(JSON.stringify(out));
}
