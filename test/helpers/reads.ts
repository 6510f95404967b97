// Counts property reads of resources: a deterministic measure of work where timing on a shared
// machine is not (linear-time tests of stack rules on resources sharing a name).
import type { PlainResource } from "../../policies/lib/rule";

export function readCounter(): { wrap(r: PlainResource): PlainResource; reads(): number } {
    let reads = 0;
    const counting = <T extends object>(target: T): T => new Proxy(target, { get: (o, k) => (reads++, Reflect.get(o, k)) });
    return { wrap: (r) => counting({ ...r, props: counting(r.props) }), reads: () => reads };
}
