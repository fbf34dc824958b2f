#!/usr/bin/env bash
# shellcheck disable=SC2016,SC1003 # values are single-quoted on purpose: nothing in them may expand
{% if facts.asksForValues %}
# shellcheck disable=SC2153 # the placeholders' values come from environment variables
{% endif %}
{% include "partials/generated-header.txt" %}
#
# Grants the vendor below access to the S3 bucket {{ destination.bucket | raw }}, in the AWS account your
# credentials belong to. Safe to run again: a second run changes nothing.
# It uses your usual AWS environment: AWS_PROFILE, AWS_REGION, AWS_ENDPOINT_URL, ...
#
# Usage: bash setup.sh
{% if facts.asksForValues %}
#
# Values to fill in, as environment variables (the script checks them before any AWS call):
{% for placeholder in placeholders %}
{% if not placeholder.isAccount %}
#   {{ placeholder.environment | raw }}: {{ placeholder.description | raw }}
{% endif %}
{% endfor %}
{% endif %}
set -euo pipefail

missing=0
for tool in aws jq; do
  if ! command -v "$tool" >/dev/null 2>&1; then
    echo "setup.sh: error: '$tool' is needed but was not found on PATH." >&2
    missing=1
  fi
done
if [ "$missing" -ne 0 ]; then
  echo "setup.sh: install the AWS CLI (https://aws.amazon.com/cli/) and jq (https://jqlang.github.io/jq/), then run this script again. Nothing was changed." >&2
  exit 1
fi
{% if facts.asksForValues %}

# Checks the environment variable of a placeholder: set, and as the policies need it.
require_value() {
  local name=$1 pattern=$2 min=$3 max=$4 explanation=$5 description=$6
  local value=${!name:-}
  if [ -z "$value" ]; then
    echo "setup.sh: error: set $name: $description" >&2
    return 1
  fi
  local length
  length=$(printf '%s' "$value" | wc -m)
  if { [ -n "$pattern" ] && ! [[ $value =~ $pattern ]]; } || [ "$length" -lt "$min" ] || { [ "$max" -gt 0 ] && [ "$length" -gt "$max" ]; }; then
    echo "setup.sh: error: $name must be $explanation, not '$value'" >&2
    return 1
  fi
}

values_ok=1
{% for placeholder in placeholders %}
{% if not placeholder.isAccount %}
require_value {{ placeholder.environment | shell }} {{ placeholder.rule.pattern | shell }} {{ placeholder.rule.minLength }} {{ placeholder.rule.maxLength }} {{ placeholder.rule.explanation | shell }} {{ placeholder.description | shell }} || values_ok=0
{% endif %}
{% endfor %}
if [ "$values_ok" -ne 1 ]; then
  echo "setup.sh: set the values above, then run this script again. Nothing was changed." >&2
  exit 1
fi
{% endif %}
{% if destination.region %}

# Unless your environment names a region, use the bucket's: it also selects the partition
# (aws-cn, aws-us-gov) whose IAM and STS endpoints the script talks to.
bucket_region={{ destination.region }}
export AWS_DEFAULT_REGION="${AWS_DEFAULT_REGION:-${AWS_REGION:-$bucket_region}}"
{% endif %}
{% if facts.usesAccountPlaceholder %}

# The account your credentials belong to: the policies name it.
caller_account=$(aws sts get-caller-identity --query Account --output text)
{% endif %}
{% if facts.hasPlaceholders %}

# Writes the values into a JSON document, as JSON strings: any value stays a value.
fill_placeholders() {
  jq -c{% for placeholder in placeholders %} --arg {{ placeholder.name | raw }} "${{ "{" | raw }}{{ placeholder.environment | raw }}}"{% endfor %} '
    def fill: if type == "object" then map_values(fill) elif type == "array" then map(fill)
      elif type == "string" then{% for placeholder in placeholders %} split({{ placeholder.token | json | raw }}) | join(${{ placeholder.name | raw }}){% if not loop.last %} |{% endif %}{% endfor %}
      else . end;
    fill' <<<"$1"
}
{% endif %}

vendor={{ destination.vendor }}
bucket={{ destination.bucket }}
prefix={{ destination.prefix }}

echo "Setting up access for $vendor to s3://$bucket/$prefix"

errors_file=$(mktemp)
trap 'rm -f "$errors_file"' EXIT

# Runs an AWS CLI read; prints its output, or nothing when AWS answers with the given "not found" code.
read_or_absent() {
  local absent_code=$1
  shift
  if "$@" 2>"$errors_file"; then
    return 0
  fi
  if grep -q "$absent_code" "$errors_file"; then
    return 0
  fi
  cat "$errors_file" >&2
  exit 1
}

# True when two JSON documents are equal as JSON values.
same_json() {
  [ "$(jq -cS . <<<"$1")" = "$(jq -cS . <<<"$2")" ]
}
{% if facts.hasRole %}

role_name={{ role.name }}
role_path={{ role.path }}
role_description={{ role.description }}
max_session_duration={{ role.maxSessionDuration }}
policy_name={{ role.policyName }}
{% if role.permissionsBoundary %}
permissions_boundary={{ role.permissionsBoundary }}
{% else %}
permissions_boundary=''
{% endif %}
{% if role.accountId %}
expected_account={{ role.accountId }}
{% endif %}
{% if facts.hasPlaceholders %}
trust_policy=$(fill_placeholders {{ policies.trust | json | shell }})
permissions_policy=$(fill_placeholders {{ policies.permissions | json | shell }})
tags=$(fill_placeholders {{ role.tags | json_compact | shell }})
{% else %}
trust_policy={{ policies.trust | json | shell }}
permissions_policy={{ policies.permissions | json | shell }}
tags={{ role.tags | json_compact | shell }}
{% endif %}
{% if role.accountId %}

account=$(aws sts get-caller-identity --query Account --output text)
if [ "$account" != "$expected_account" ]; then
  echo "setup.sh: error: your credentials are for account $account, but this role belongs in account $expected_account. Nothing was changed." >&2
  exit 1
fi
{% endif %}

role_json=$(read_or_absent NoSuchEntity aws iam get-role --role-name "$role_name" --output json)
if [ -z "$role_json" ]; then
  create_args=(--role-name "$role_name" --path "$role_path" --description "$role_description"
    --max-session-duration "$max_session_duration" --assume-role-policy-document "$trust_policy")
  if [ -n "$permissions_boundary" ]; then
    create_args+=(--permissions-boundary "$permissions_boundary")
  fi
  if [ "$tags" != "[]" ]; then
    create_args+=(--tags "$(jq -c 'map({Key: .key, Value: .value})' <<<"$tags")")
  fi
  aws iam create-role "${create_args[@]}" >/dev/null
  echo "created role $role_name"
else
  current_path=$(jq -r '.Role.Path' <<<"$role_json")
  if [ "$current_path" != "$role_path" ]; then
    echo "setup.sh: error: role $role_name already exists with path $current_path, not $role_path; IAM cannot move a role. Delete it or change role.path. Nothing was changed." >&2
    exit 1
  fi
  if ! same_json "$(jq -c '.Role.AssumeRolePolicyDocument' <<<"$role_json")" "$trust_policy"; then
    aws iam update-assume-role-policy --role-name "$role_name" --policy-document "$trust_policy"
    echo "updated the trust policy of $role_name"
  fi
  # Compared inside jq: $(...) would drop a trailing line break. CR and CRLF count as LF, since
  # an XML answer may carry them so (XML end-of-line handling).
  if ! jq -e --arg want "$role_description" \
    'def lines: gsub("\r\n?"; "\n"); (.Role.Description // "" | lines) == ($want | lines)' <<<"$role_json" >/dev/null ||
    [ "$(jq -r '.Role.MaxSessionDuration' <<<"$role_json")" != "$max_session_duration" ]; then
    aws iam update-role --role-name "$role_name" --description "$role_description" --max-session-duration "$max_session_duration"
    echo "updated the description and session duration of $role_name"
  fi
  current_boundary=$(jq -r '.Role.PermissionsBoundary.PermissionsBoundaryArn // ""' <<<"$role_json")
  if [ "$current_boundary" != "$permissions_boundary" ]; then
    if [ -n "$permissions_boundary" ]; then
      aws iam put-role-permissions-boundary --role-name "$role_name" --permissions-boundary "$permissions_boundary"
    else
      aws iam delete-role-permissions-boundary --role-name "$role_name"
    fi
    echo "updated the permissions boundary of $role_name"
  fi
  if [ "$tags" != "[]" ]; then
    current_tags=$(aws iam list-role-tags --role-name "$role_name" --output json)
    missing_tags=$(jq -c --argjson current "$current_tags" \
      'map(select(. as $tag | $current.Tags | any(.Key == $tag.key and .Value == $tag.value) | not)) | map({Key: .key, Value: .value})' <<<"$tags")
    if [ "$missing_tags" != "[]" ]; then
      aws iam tag-role --role-name "$role_name" --tags "$missing_tags"
      echo "updated the tags of $role_name"
    fi
  fi
fi

current_policy=$(read_or_absent NoSuchEntity aws iam get-role-policy --role-name "$role_name" --policy-name "$policy_name" --query PolicyDocument --output json)
if [ -z "$current_policy" ] || ! same_json "$current_policy" "$permissions_policy"; then
  aws iam put-role-policy --role-name "$role_name" --policy-name "$policy_name" --policy-document "$permissions_policy"
  echo "put the inline policy $policy_name on $role_name"
fi
{% endif %}
{% if facts.hasBucketPolicy %}

{% if facts.hasPlaceholders %}
bucket_statements=$(fill_placeholders {{ policies.bucket | json | shell }})
{% else %}
bucket_statements={{ policies.bucket | json | shell }}
{% endif %}
owned_sids={{ policies.ownedBucketSids | json_compact | shell }}
{% if destination.region %}
s3_region=(--region "$bucket_region")
{% else %}
s3_region=()
{% endif %}

# Merge by Sid: drop any statement this destination owns (current or from an earlier render),
# keep everyone else's, then append ours. Never removes another statement.
# (${s3_region[@]+"${s3_region[@]}"}: bash before 4.4, such as macOS's /bin/bash 3.2, calls an
# empty array unbound under set -u.)
current_bucket_policy=$(read_or_absent NoSuchBucketPolicy aws s3api get-bucket-policy ${s3_region[@]+"${s3_region[@]}"} --bucket "$bucket" --query Policy --output text)
if [ -z "$current_bucket_policy" ]; then
  current_bucket_policy='{"Version": "2012-10-17", "Statement": []}'
fi
merged_bucket_policy=$(jq -c --argjson ours "$bucket_statements" --argjson owned "$owned_sids" '
  {Version: (.Version // "2012-10-17")}
  + (if .Id then {Id: .Id} else {} end)
  + {Statement: ([(.Statement // []) | if type == "array" then .[] else . end
      | select((.Sid // "") as $sid | $owned | index([$sid]) | not)] + $ours.Statement)}' <<<"$current_bucket_policy")
if same_json "$current_bucket_policy" "$merged_bucket_policy"; then
  :
else
  attempt=1
  until aws s3api put-bucket-policy ${s3_region[@]+"${s3_region[@]}"} --bucket "$bucket" --policy "$merged_bucket_policy" 2>"$errors_file"; do
    # A role created seconds ago may not be visible to S3 yet: retry "Invalid principal" a few times.
    if [ "$attempt" -ge 6 ] || ! grep -q "Invalid principal" "$errors_file"; then
      cat "$errors_file" >&2
      exit 1
    fi
    attempt=$((attempt + 1))
    sleep 5
  done
  echo "merged $(jq '.Statement | length' <<<"$bucket_statements") statement(s) into the bucket policy of $bucket"
fi
{% endif %}
{% if facts.hasRole %}

role_arn=$(aws iam get-role --role-name "$role_name" --query Role.Arn --output text)
echo "Done. Send this role ARN to $vendor:"
echo "$role_arn"
{% else %}

echo "Done. $vendor can now use s3://$bucket/$prefix"
{% endif %}
