/**
 * A filter Event Grid itself would reject when the subscription is created (unknown operator, missing key,
 * operand of the wrong shape). There is no routing answer for such a filter, so compiling it throws.
 */
export class InvalidFilterError extends Error {
    constructor(
        readonly problems: readonly string[],
        readonly subscription?: string,
    ) {
        super(`${subscription ? `subscription "${subscription}": ` : ""}invalid filter: ${problems.join("; ")}`);
        this.name = "InvalidFilterError";
    }
}
