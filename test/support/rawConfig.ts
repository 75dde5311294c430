import * as path from "node:path";
import { PROJECT_ROOT } from "../../harness/runStack";
import { readYamlFile } from "../../harness/yamlFile";

/** A stack file's config as the program sees it: keys without namespace, plus `location`. Fresh copy each call. */
export function rawStackConfig(stack: string): Record<string, any> {
    // as the program reads it: YAML 1.2 core
    const doc = readYamlFile(path.join(PROJECT_ROOT, `Pulumi.${stack}.yaml`)) as any;
    const out: Record<string, any> = {};
    for (const [k, v] of Object.entries(doc.config ?? {})) {
        if (k === "azure-native:location") out.location = v;
        else if (k.startsWith("acs-event-handling:")) out[k.slice("acs-event-handling:".length)] = v;
    }
    return JSON.parse(JSON.stringify(out));
}
