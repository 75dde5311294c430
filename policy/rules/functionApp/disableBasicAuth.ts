import { PolicyResource, StackValidationPolicy } from "@pulumi/policy";
import { belongsToSite, functionApps } from "../../lib/functionApps";
import { ofType } from "../../lib/stack";
import { T } from "../../lib/types";
import { show } from "../../lib/values";

const CHILDREN = [
    { type: T.WebAppFtpAllowed, label: "web.WebAppFtpAllowed", what: "FTP" },
    { type: T.WebAppScmAllowed, label: "web.WebAppScmAllowed", what: "SCM (Kudu)" },
] as const;

/**
 * Graph rule (POL 871b205b-57cf-4e1e-a234-492616998bf7 FTP, aede300b-d67f-480a-ae26-4b3dfb1a1fdc SCM): basic
 * publishing credentials are a username/password pair that deploys code to the app. They are switched off by the
 * `basicPublishingCredentialsPolicies/ftp|scm` children (azure-native web.WebAppFtpAllowed / WebAppScmAllowed),
 * which are on unless set: a missing child fails
 * (https://learn.microsoft.com/azure/app-service/configure-basic-auth-disable).
 */
export const functionAppDisableBasicAuth: StackValidationPolicy = {
    name: "function-app-disable-basic-auth",
    description:
        "Function apps should turn off basic-auth publishing credentials for FTP and SCM (web.WebAppFtpAllowed / " +
        "WebAppScmAllowed with allow: false); those credentials deploy code with a password.",
    enforcementLevel: "advisory",
    severity: "medium",
    validateStack: (args, report) => {
        const children = new Map(CHILDREN.map((c) => [c.type, ofType(args.resources, c.type)]));
        for (const app of functionApps(args.resources)) {
            for (const c of CHILDREN) {
                const child: PolicyResource | undefined = children.get(c.type)!.find((r) => belongsToSite(r, app));
                if (child?.props.allow === false) continue;
                report(
                    `${c.label}(name = ${app.name}).allow: expected false (${c.what} basic auth off), got ` +
                        `${child ? show(child.props.allow) : "nothing (no such resource, so basic auth stays on)"}. ` +
                        `Fix: add new web.${c.label.split(".")[1]}("…", { resourceGroupName, name: app.name, ` +
                        "allow: false })",
                    app.urn,
                );
            }
        }
    },
};
