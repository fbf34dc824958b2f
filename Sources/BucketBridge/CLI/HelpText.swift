/// The text `bucketbridge --help` prints.
let helpText = """
    bucketbridge \(BucketBridgeVersion.current): turn one destination spec into everything a customer needs to
    grant a vendor least-privilege access to an S3 bucket: IAM JSON, an AWS CLI script, a
    CloudFormation template, a Terraform module and a Markdown instructions page. Offline.

    Usage:
      bucketbridge render SPEC... [--out DIR] [--templates DIR] [--check]
      bucketbridge validate SPEC...
      bucketbridge verify SPEC... [--destination NAME] [--trust FILE] [--permissions FILE] [--bucket-policy FILE]
      bucketbridge explain SPEC... [--format text|json]
      bucketbridge external-id [--prefix TEXT] [--length N]
      bucketbridge schema
      bucketbridge --help | --version

    Commands:
      render        Validate every SPEC, then write DIR/<destination name>/ for each destination
                    (DIR defaults to "output"). Nothing is written when anything is invalid.
        --out DIR        where to write (default: output)
        --templates DIR  use DIR/<path> instead of the built-in template <path> where it exists
        --check          write nothing; exit 1 listing files that are missing or differ
      validate      Report every problem in every SPEC (file:line:col: error: field: "value" ...).
      verify        Compare the documents a customer has with the spec, by meaning; exit 1
                    listing each difference (missing, broader, blocked, deleted principal).
        --destination NAME    the destination (may be left out when the specs hold one)
        --trust FILE          the trust policy, or the output of aws iam get-role
        --permissions FILE    the permissions policy, or aws iam get-role-policy /
                              aws iam get-policy-version output
        --bucket-policy FILE  the bucket policy, or aws s3api get-bucket-policy output
      explain       Say, for each destination, who may do what, where, and what not, as the
                    policies grant it (--format json: the same as data).
      external-id   Print a random external ID (32 characters of [A-Za-z0-9_-] by default).
        --prefix TEXT    text to put in front (for example seq_)
        --length N       number of random characters (default 32)
      schema        Print the JSON Schema (draft 2020-12) of the spec file.

    Exit codes: 0 success; 1 invalid spec, --check or verify found differences; 2 usage error.

    """
