// Containers AWS refuses to delete while they hold something, and the provider flag that
// empties them first: shared by deletion-safeguards (the flag erases the contents) and
// resource-protect (what a delete of one does, for its message).
import * as t from "./tokens";

export interface ForceDelete {
    /** The provider's input that empties the container before deleting it. */
    property: "forceDestroy" | "forceDelete";
    /** What the flag deletes with it. */
    contents: string;
}

const S3_OBJECTS: ForceDelete = {
    property: "forceDestroy",
    // The provider removes legal holds and bypasses governance-mode retention; compliance-mode versions still stop the delete.
    contents: "every object version in it, including versions under a legal hold or governance-mode Object Lock retention",
};

/** By type token. */
export const FORCE_DELETE: Readonly<Record<string, ForceDelete>> = {
    [t.S3_BUCKET]: S3_OBJECTS,
    [t.S3_BUCKET_V2]: S3_OBJECTS,
    // Directory buckets have neither versioning nor Object Lock.
    [t.S3_DIRECTORY_BUCKET]: { property: "forceDestroy", contents: "every object in it" },
    [t.S3TABLES_TABLE_BUCKET]: { property: "forceDestroy", contents: "every table and namespace in it" },
    [t.S3_VECTORS_BUCKET]: { property: "forceDestroy", contents: "every vector index in it" },
    [t.LIGHTSAIL_BUCKET]: { property: "forceDelete", contents: "every object in it" },
    [t.BACKUP_VAULT]: { property: "forceDestroy", contents: "every recovery point (backup) in it" },
    [t.ECR_REPOSITORY]: { property: "forceDelete", contents: "every image in it, including the ones running services pull and roll back to" },
    [t.ECR_PUBLIC_REPOSITORY]: { property: "forceDestroy", contents: "every image in it" },
    [t.ROUTE53_ZONE]: { property: "forceDestroy", contents: "every record in it, including records managed outside this program" },
};
