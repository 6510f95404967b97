// The helper half of secret-sensitive-props: it notes where a resource's inputs hold
// secrets, and changes nothing.
//
// Why a second policy: @pulumi/policy 1.21 deserializes the Analyze request with
// proxySecrets=false (server.js makeAnalyzeRpcFun), so `validateResource` sees a secret and
// a plaintext value alike. Only the Remediate request keeps secrets as `Secret` instances,
// and it runs `remediateResource` only for policies whose level is `remediate`. This policy
// sits at `remediate` to be called there, records what it saw, and returns no change, so
// secret-sensitive-props can report at `mandatory` or `advisory` from the record.
//
// The record lives in this process, keyed by URN: the engine calls Remediate and then
// Analyze for each resource before moving on (pkg/resource/deploy/step_generator.go), and
// one process serves one deployment. secret-sensitive-props takes the record when it
// checks the resource; this policy's check, registered after it, drops any left over (when
// secret-sensitive-props is disabled), so no record outlives its resource's Analyze.
import { policyDocUrl } from "./lib/docs";
import { Finding, PlainResource, resourcePolicy } from "./lib/policy";
import { collectSecretLocations, SecretLocations } from "./lib/sensitive";

export const OBSERVER_NAME = "secret-sensitive-props-observer";

/** What the remediation path saw of one resource: where its inputs held secrets. */
export interface SecretnessObservation {
    /** Where the values were `Secret`s (see lib/sensitive.ts). */
    secretLocations: SecretLocations;
}

const observations = new Map<string, SecretnessObservation>();

/** Notes where the raw (remediation-path) props of the resource hold secrets. */
export function recordSecretness(urn: string, props: Record<string, unknown>): void {
    observations.set(urn, { secretLocations: collectSecretLocations(props) });
}

/** The observation for the resource, if Remediate made one; it is used once. */
export function takeSecretness(urn: string): SecretnessObservation | undefined {
    const observation = observations.get(urn);
    observations.delete(urn);
    return observation;
}

export const secretSensitivePropsObserver = resourcePolicy<Record<string, never>>({
    name: OBSERVER_NAME,
    displayName: "Secretness observer (helper of secret-sensitive-props)",
    description:
        "Helper of secret-sensitive-props: notes during remediation which inputs are secrets, the only place a policy pack " +
        "can see that, and changes nothing. Keep it at enforcement level remediate.",
    enforcementLevel: "remediate",
    severity: "low",
    remediationSteps:
        'Nothing to fix on resources. Keep this policy at "remediate": add "secret-sensitive-props-observer": "remediate" ' +
        'to the policy pack config when "all" is set.',
    url: policyDocUrl(OBSERVER_NAME),
    tags: ["aws", "secrets", "helper"],
    configSchema: { properties: {} },
    resourceTypes: "all",
    remediate: (resource: PlainResource) => {
        recordSecretness(resource.urn, resource.props);
        return undefined;
    },
    // Reports nothing; drops a record secret-sensitive-props did not take.
    check: (resource: PlainResource): Finding[] => {
        takeSecretness(resource.urn);
        return [];
    },
});
