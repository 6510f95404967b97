// The pack itself: what `pulumi preview --policy-pack <dir>` runs. Policies live in
// policies/ and are listed in the registry, policies/index.ts.
import { PolicyPack } from "@pulumi/policy";
import { baseline, PACK_DESCRIPTION, PACK_NAME } from "./policies";

new PolicyPack(PACK_NAME, { description: PACK_DESCRIPTION, policies: baseline() });
