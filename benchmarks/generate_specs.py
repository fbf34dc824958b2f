#!/usr/bin/env python3
"""Writes deterministic, valid bucketbridge specs for the benchmark.

    generate_specs.py COUNT OUTDIR [--per-file 1000] [--seed 6]

COUNT destinations are spread over spec files of at most --per-file destinations each
(OUTDIR/spec-00000.json, ...). The same arguments always give byte-identical files.

The mix covers what render has to handle: the three grants, the access presets and explicit
actions, prefixes (some non-ASCII, some written with a leading "/" or without the trailing
"/"), KMS keys, requireTls, role tags, per-file `defaults`, descriptions with characters that
need escaping in every output format, and a few destinations in the aws-cn and aws-us-gov
partitions. Every destination is valid (the script `run` checks that with `bucketbridge
validate` before timing anything); some warn, as real specs do: bucket-level actions such as
s3:ListBucketMultipartUploads with a prefix, which the prefix cannot limit.
"""

import argparse
import json
import os
import random

VENDORS = ["Sequentum Cloud", "Northwind ETL", "InfoSum", "Cisco Secure Equipment Access", "Müller Daten GmbH"]
REGIONS = ["us-east-1", "us-west-2", "eu-west-2", "eu-central-1", "ap-southeast-2", "sa-east-1"]
OTHER_PARTITIONS = [("cn-north-1", "aws-cn"), ("us-gov-west-1", "aws-us-gov")]
WORDS = ["acme", "globex", "initech", "umbrella", "hooli", "stark", "wayne", "tyrell", "soylent", "wonka"]
PREFIXES = [
    "exports/daily/", "/imports/incoming", "raw/events/2024/", "tables", "archive/",
    "données/été/", "日本/データ/", "kunde-ø/uploads/", "reports/q1 2024/", "a/b/c/d/e/",
]
ACCESS = ["read", "write", "read-write"]
# Object and bucket actions without the "Permissions management" level (those warn too).
ACTIONS = [
    "s3:GetObject", "s3:PutObject", "s3:ListBucket", "s3:DeleteObject", "s3:GetObjectVersion",
    "s3:AbortMultipartUpload", "s3:ListMultipartUploadParts", "s3:GetBucketLocation",
    "s3:GetObjectTagging", "s3:PutObjectTagging", "s3:ListBucketMultipartUploads",
    "s3:GetObjectAttributes", "s3:DeleteObjectVersion", "s3:RestoreObject",
]
DESCRIPTIONS = [
    "{vendor} delivers {word}'s daily CSV exports",
    "{vendor} reads {word}'s \"curated\" tables (owner: data-team)",
    "Exports for {word}: costs in $USD, paths like C:\\exports, `backticks` & <tags> # not a comment",
    "{vendor} synchronises the archive (no, not that one); Größe/Änderung: ½ déjà vu",
    "Line one for {word}\nline two: key: value\n\tindented: {{braces}} ${{NOT_A_VAR}}",
]
TAG_VALUES = ["data-team", "ingest", "Zürich", "東京", "cost centre 42", "a/b:c=d+e@f"]


def destination(index, rng):
    """One destination; the per-file defaults supply vendor, region, principals, externalId and role basics."""
    word = WORDS[index % len(WORDS)]
    name = f"{word}-dest-{index:06d}"
    grant = rng.choices(["role", "role-and-bucket-policy", "bucket-policy"], weights=[60, 25, 15])[0]
    d = {"name": name, "bucket": f"{word}-data-{index:06d}"}

    region = None
    partition = "aws"
    if rng.random() < 0.03:  # a few destinations in the China and GovCloud partitions
        region, partition = rng.choice(OTHER_PARTITIONS)
    elif rng.random() < 0.3:
        region = rng.choice(REGIONS)
    if region:
        d["region"] = region

    if rng.random() < 0.8:
        d["description"] = rng.choice(DESCRIPTIONS).format(vendor=rng.choice(VENDORS), word=word)
    if rng.random() < 0.2:
        d["vendor"] = rng.choice(VENDORS)
    if rng.random() < 0.7:
        d["prefix"] = rng.choice(PREFIXES) + (f"{name}/" if rng.random() < 0.5 else "")
    if rng.random() < 0.75:
        d["access"] = rng.choice(ACCESS)
    else:
        d["actions"] = rng.sample(ACTIONS, rng.randint(1, 5))
    if rng.random() < 0.3:
        key_region = region or "__DEFAULT_REGION__"
        d["kmsKeyArn"] = f"arn:{partition}:kms:{key_region}:{rng.randint(10**11, 10**12 - 1)}:key/" + (
            f"mrk-{rng.getrandbits(128):032x}" if rng.random() < 0.2 else
            "{:08x}-{:04x}-{:04x}-{:04x}-{:012x}".format(*(rng.getrandbits(b) for b in (32, 16, 16, 16, 48))))
    if partition != "aws":
        # The defaults' principals are aws-partition ARNs: use account ids, which take the destination's partition.
        d["trustedPrincipals"] = [str(rng.randint(10**11, 10**12 - 1)) for _ in range(rng.randint(1, 2))]
    elif rng.random() < 0.2:
        account = rng.randint(10**11, 10**12 - 1)
        d["trustedPrincipals"] = rng.choice([
            [f"arn:aws:iam::{account}:role/{word}-uploader"],
            [f"arn:aws:iam::{account}:user/{word}", str(rng.randint(10**11, 10**12 - 1))],
            [f"arn:aws:sts::{account}:assumed-role/Connector/{word}-session"],
            [f"arn:aws:iam::{account}:root"],
        ])
    if grant != "role":
        d["grant"] = grant
    if rng.random() < 0.5:
        d["requireTls"] = rng.random() < 0.6  # defaults say true; some override it
    if grant != "bucket-policy":
        if rng.random() < 0.2:
            d["externalId"] = f"ext_{rng.getrandbits(96):024x}"
        role = {"name": f"Bb{word.capitalize()}{index:06d}"}
        if rng.random() < 0.15:
            role["namePrefix"] = "SEA_ext_access_"
            role["name"] = "SEA_ext_access_" + role["name"]
        if rng.random() < 0.2:
            role["maxSessionDuration"] = rng.choice([3600, 7200, 14400, 43200])
        if rng.random() < 0.15 and partition == "aws":
            role["permissionsBoundary"] = "arn:aws:iam::444455556666:policy/vendor-boundary"
        if rng.random() < 0.3:
            role["policyName"] = f"{word}-s3-access-{index}"
        if rng.random() < 0.6:
            role["tags"] = {f"tag{k}": rng.choice(TAG_VALUES) for k in range(rng.randint(1, 3))}
        d["role"] = role
    return d


def spec_file(first, count, rng):
    region = REGIONS[(first // max(count, 1)) % len(REGIONS)]
    defaults = {
        "vendor": VENDORS[first % len(VENDORS)],
        "region": region,
        "trustedPrincipals": ["arn:aws:iam::210987654321:role/vendor-upload-prod"],
        "externalId": "bench_4sT9q2LxVb7KcE1m",
        "requireTls": True,
        "role": {"path": "/vendors/", "accountId": "444455556666", "tags": {"managed-by": "bucketbridge"}},
    }
    destinations = []
    for index in range(first, first + count):
        d = destination(index, rng)
        if "kmsKeyArn" in d:
            d["kmsKeyArn"] = d["kmsKeyArn"].replace("__DEFAULT_REGION__", region)
        destinations.append(d)
    return {"version": 1, "defaults": defaults, "destinations": destinations}


def main():
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("count", type=int)
    parser.add_argument("outdir")
    parser.add_argument("--per-file", type=int, default=1000)
    parser.add_argument("--seed", type=int, default=6)
    args = parser.parse_args()
    rng = random.Random(args.seed)
    os.makedirs(args.outdir, exist_ok=True)
    for number, first in enumerate(range(0, args.count, args.per_file)):
        spec = spec_file(first, min(args.per_file, args.count - first), rng)
        path = os.path.join(args.outdir, f"spec-{number:05d}.json")
        with open(path, "w", encoding="utf-8") as f:
            json.dump(spec, f, ensure_ascii=False, indent=2)
            f.write("\n")


if __name__ == "__main__":
    main()
