// Where each policy's page lives (docs/policies/<name>.md); shown to users as the policy URL.
// Forks publishing their own pack change REPOSITORY_URL.
export const REPOSITORY_URL = "https://github.com/aws-security-baseline/aws-security-baseline";

export function policyDocUrl(policyName: string): string {
    return `${REPOSITORY_URL}/blob/main/docs/policies/${policyName}.md`;
}
