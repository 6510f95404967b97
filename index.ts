// The pack itself: what `pulumi preview --policy-pack <dir>` runs (run-policy-pack loads
// package.json `main`, this file compiled to dist/index.js). The only module that creates a
// pack: the library (package.json `exports`, policies/index.ts) and the testing helpers
// (testing.ts) do not. Policies live in policies/ and are listed in the registry.
//
// First, before the SDK loads: Node.js's compile cache (most of a boot is compiling the SDK).
import { flushCompileCache } from "./policies/lib/compile-cache";
import { PolicyPack } from "@pulumi/policy";
import { baseline, PACK_DESCRIPTION, PACK_NAME } from "./policies";

new PolicyPack(PACK_NAME, { description: PACK_DESCRIPTION, policies: baseline() });
// Every module of the boot is loaded by now; the port is printed once the server listens.
setImmediate(flushCompileCache);
