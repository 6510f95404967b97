// Assembles the pack. Each policy lives in policies/<policy-name>.ts.
import { PolicyPack } from "@pulumi/policy";
import { rdsDeletionProtection } from "./policies/rds-deletion-protection";

new PolicyPack("aws-security-baseline", {
    description: "AWS security baseline: encryption at rest, least privilege, protected stateful resources, secret credentials.",
    policies: [rdsDeletionProtection],
});
