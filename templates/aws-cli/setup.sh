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
# Usage: bash setup.sh [--check]{% if facts.hasUser %} [--create-access-key]{% endif %}
#
#   --check              change nothing: print what a run would change (with JSON diffs);
#                        exit 0 when everything is in place, 2 when something would change, 1 on error
{% if facts.hasUser %}
#   --create-access-key  also create an access key for the user and print it once, to the
#                        terminal only (it is never written to a file)
{% endif %}
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

mode=apply
create_access_key=0
for argument in "$@"; do
  case "$argument" in
    --check) mode=check ;;
{% if facts.hasUser %}
    --create-access-key) create_access_key=1 ;;
{% endif %}
    -h | --help)
      echo "Usage: bash setup.sh [--check]{% if facts.hasUser %} [--create-access-key]{% endif %} (see the comments at the top of the script)"
      exit 0
      ;;
    *)
      echo "setup.sh: error: unknown argument '$argument': use --check{% if facts.hasUser %} or --create-access-key{% endif %}. Nothing was changed." >&2
      exit 1
      ;;
  esac
done
if [ "$mode" = check ] && [ "$create_access_key" -eq 1 ]; then
  echo "setup.sh: error: --check changes nothing, so it cannot create an access key. Nothing was changed." >&2
  exit 1
fi

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

# Unless your environment names a region, use the bucket's: it also selects the partition
# (aws-cn, aws-us-gov) whose IAM and STS endpoints the script talks to.
bucket_region={{ destination.terraformRegion }}
export AWS_DEFAULT_REGION="${AWS_DEFAULT_REGION:-${AWS_REGION:-$bucket_region}}"

# The account your credentials belong to.
caller_account=$(aws sts get-caller-identity --query Account --output text)
{% if facts.hasPlaceholders %}

# Writes the values into JSON documents (the arguments), as JSON strings: any value stays a
# value. Prints each document as one line of compact JSON, in the order given (jq reads the
# arguments, joined by spaces, as one JSON text after another).
fill_placeholders() {
  jq -c{% for placeholder in placeholders %} --arg {{ placeholder.name | raw }} "${{ "{" | raw }}{{ placeholder.environment | raw }}}"{% endfor %} '
    def fill: if type == "object" then map_values(fill) elif type == "array" then map(fill)
      elif type == "string" then{% for placeholder in placeholders %} split({{ placeholder.token | json | raw }}) | join(${{ placeholder.name | raw }}){% if not loop.last %} |{% endif %}{% endfor %}
      else . end;
    fill' <<<"$*"
}
{% endif %}

vendor={{ destination.vendor }}
bucket={{ destination.bucket }}
prefix={{ destination.prefix }}

if [ "$mode" = check ]; then
  echo "Checking the access of $vendor to s3://$bucket/$prefix in account $caller_account (nothing will be changed)"
else
  echo "Setting up access for $vendor to s3://$bucket/$prefix in account $caller_account"
fi

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

# True when two JSON documents are equal as JSON values (jq's == ignores the order of keys).
# A document jq cannot read (empty, or not JSON) counts as different, so nothing is missed.
same_json() {
  jq -n -e --argjson a "$1" --argjson b "$2" '$a == $b' >/dev/null 2>&1
}

# Runs a command without its output.
quietly() {
  "$@" >/dev/null
}

pending=0
# Makes one change and says so; with --check, only says what it would change.
#   change "what was done" "what would be done" command...
change() {
  local done_text=$1 would_text=$2
  shift 2
  if [ "$mode" = check ]; then
    echo "would $would_text"
    pending=1
  else
    "$@"
    echo "$done_text"
  fi
}

# With --check, shows how a JSON document would change: a unified diff of the sorted JSON.
show_json_change() {
  if [ "$mode" = check ]; then
    diff -u --label "current $1" --label "wanted $1" <(jq -S . <<<"$2") <(jq -S . <<<"$3") | sed 's/^/    /' || true
  fi
}
{% if facts.hasRole or facts.hasUser %}

# Brings the permissions boundary of an IAM role or user ($1: role or user, $2: its name,
# $3: its current boundary's ARN or "") to $permissions_boundary.
sync_permissions_boundary() {
  local kind=$1 name=$2 current=$3
  if [ "$current" = "$permissions_boundary" ]; then
    return 0
  fi
  if [ -n "$permissions_boundary" ]; then
    change "updated the permissions boundary of $name" "set the permissions boundary of $name to $permissions_boundary" \
      aws iam "put-$kind-permissions-boundary" "--$kind-name" "$name" --permissions-boundary "$permissions_boundary"
  else
    change "updated the permissions boundary of $name" "remove the permissions boundary of $name" \
      aws iam "delete-$kind-permissions-boundary" "--$kind-name" "$name"
  fi
}

# Adds the tags of $tags that an IAM role or user ($1: role or user, $2: its name) lacks.
sync_tags() {
  local kind=$1 name=$2 current missing
  if [ "$tags" = "[]" ]; then
    return 0
  fi
  current=$(aws iam "list-$kind-tags" "--$kind-name" "$name" --output json)
  missing=$(jq -c --argjson current "$current" \
    'map(select(. as $tag | $current.Tags | any(.Key == $tag.key and .Value == $tag.value) | not)) | map({Key: .key, Value: .value})' <<<"$tags")
  if [ "$missing" != "[]" ]; then
    change "updated the tags of $name" "set the tags $missing on $name" aws iam "tag-$kind" "--$kind-name" "$name" --tags "$missing"
  fi
}
{% endif %}
{% if facts.hasRole %}

empty_json='{}'
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
{% if facts.hasPlaceholders %}
# The trust policy, the permissions policy and the tags, in this order, with the values filled in.
filled=$(fill_placeholders {{ policies.trust | json | shell }} {{ policies.permissions | json | shell }} {{ role.tags | json_compact | shell }})
{ IFS= read -r trust_policy; IFS= read -r permissions_policy; IFS= read -r tags; } <<<"$filled"
{% else %}
trust_policy={{ policies.trust | json | shell }}
permissions_policy={{ policies.permissions | json | shell }}
tags={{ role.tags | json_compact | shell }}
{% endif %}
{% if role.accountId %}

expected_account={{ role.accountId }}
if [ "$caller_account" != "$expected_account" ]; then
  echo "setup.sh: error: your credentials are for account $caller_account, but this role belongs in account $expected_account. Nothing was changed." >&2
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
  show_json_change "trust policy of $role_name" "$empty_json" "$trust_policy"
  change "created role $role_name" "create the role $role_name" quietly aws iam create-role "${create_args[@]}"
else
  # What the checks below need, from one jq run, one value a line: the path, the trust policy
  # (compact JSON), the session duration, the permissions boundary's ARN ("" for none), then
  # true or false: is the trust policy the wanted one, is the description (last, as $(...)
  # would drop an empty last line). The description is compared inside jq: $(...) would drop a
  # trailing line break. CR and CRLF count as LF, since an XML answer may carry them so (XML
  # end-of-line handling).
  role_facts=$(jq -r --argjson trust "$trust_policy" --arg description "$role_description" '
    def lines: gsub("\r\n?"; "\n");
    .Role
    | .Path,
      (.AssumeRolePolicyDocument | tojson),
      .MaxSessionDuration,
      (.PermissionsBoundary.PermissionsBoundaryArn // ""),
      (.AssumeRolePolicyDocument == $trust),
      ((.Description // "" | lines) == ($description | lines))' <<<"$role_json")
  { IFS= read -r current_path; IFS= read -r current_trust; IFS= read -r current_duration
    IFS= read -r current_boundary; IFS= read -r same_trust; IFS= read -r same_description; } <<<"$role_facts"
  if [ "$current_path" != "$role_path" ]; then
    echo "setup.sh: error: role $role_name already exists with path $current_path, not $role_path; IAM cannot move a role. Delete it or change role.path. Nothing was changed." >&2
    exit 1
  fi
  if [ "$same_trust" != true ]; then
    show_json_change "trust policy of $role_name" "$current_trust" "$trust_policy"
    change "updated the trust policy of $role_name" "update the trust policy of $role_name" \
      aws iam update-assume-role-policy --role-name "$role_name" --policy-document "$trust_policy"
  fi
  if [ "$same_description" != true ] || [ "$current_duration" != "$max_session_duration" ]; then
    change "updated the description and session duration of $role_name" "update the description and session duration of $role_name" \
      aws iam update-role --role-name "$role_name" --description "$role_description" --max-session-duration "$max_session_duration"
  fi
  sync_permissions_boundary role "$role_name" "$current_boundary"
  sync_tags role "$role_name"
fi
{% if facts.managedPolicy %}

# The permissions are a customer-managed policy attached to the role. IAM keeps at most 5
# versions of a policy: before adding one, the oldest version that is not the default goes.
partition={{ destination.partition }}
policy_arn="arn:$partition:iam::$caller_account:policy/$policy_name"
policy_json=$(read_or_absent NoSuchEntity aws iam get-policy --policy-arn "$policy_arn" --output json)
if [ -z "$policy_json" ]; then
  show_json_change "managed policy $policy_name" "$empty_json" "$permissions_policy"
  change "created the managed policy $policy_name" "create the managed policy $policy_name" \
    quietly aws iam create-policy --policy-name "$policy_name" --policy-document "$permissions_policy"
else
  default_version=$(jq -r '.Policy.DefaultVersionId' <<<"$policy_json")
  current_policy=$(aws iam get-policy-version --policy-arn "$policy_arn" --version-id "$default_version" --query PolicyVersion.Document --output json)
  if ! same_json "$current_policy" "$permissions_policy"; then
    show_json_change "managed policy $policy_name" "$current_policy" "$permissions_policy"
    versions=$(aws iam list-policy-versions --policy-arn "$policy_arn" --output json)
    if [ "$(jq '.Versions | length' <<<"$versions")" -ge 5 ]; then
      oldest=$(jq -r '[.Versions[] | select(.IsDefaultVersion | not)] | sort_by(.CreateDate) | .[0].VersionId' <<<"$versions")
      change "deleted version $oldest of $policy_name (IAM keeps at most 5)" "delete version $oldest of $policy_name (IAM keeps at most 5)" \
        aws iam delete-policy-version --policy-arn "$policy_arn" --version-id "$oldest"
    fi
    change "updated the managed policy $policy_name (a new default version)" "add a new default version to the managed policy $policy_name" \
      quietly aws iam create-policy-version --policy-arn "$policy_arn" --policy-document "$permissions_policy" --set-as-default
  fi
fi
attached=$(read_or_absent NoSuchEntity aws iam list-attached-role-policies --role-name "$role_name" --output json)
if ! jq -e --arg arn "$policy_arn" 'any(.AttachedPolicies[]?; .PolicyArn == $arn)' <<<"${attached:-$empty_json}" >/dev/null; then
  change "attached the managed policy $policy_name to $role_name" "attach the managed policy $policy_name to $role_name" \
    aws iam attach-role-policy --role-name "$role_name" --policy-arn "$policy_arn"
fi
# An inline policy of the same name comes from an earlier setup with an inline policy: it is ours.
stale_inline=$(read_or_absent NoSuchEntity aws iam get-role-policy --role-name "$role_name" --policy-name "$policy_name" --output json)
if [ -n "$stale_inline" ]; then
  change "deleted the inline policy $policy_name of $role_name (now a managed policy)" "delete the inline policy $policy_name of $role_name (now a managed policy)" \
    aws iam delete-role-policy --role-name "$role_name" --policy-name "$policy_name"
fi
{% else %}

current_policy=$(read_or_absent NoSuchEntity aws iam get-role-policy --role-name "$role_name" --policy-name "$policy_name" --query PolicyDocument --output json)
if [ -z "$current_policy" ] || ! same_json "$current_policy" "$permissions_policy"; then
  show_json_change "inline policy $policy_name" "${current_policy:-$empty_json}" "$permissions_policy"
  change "put the inline policy $policy_name on $role_name" "put the inline policy $policy_name on $role_name" \
    aws iam put-role-policy --role-name "$role_name" --policy-name "$policy_name" --policy-document "$permissions_policy"
fi
{% endif %}
{% endif %}
{% if facts.hasUser %}

empty_json='{}'
user_name={{ user.name }}
user_path={{ user.path }}
policy_name={{ user.policyName }}
{% if user.permissionsBoundary %}
permissions_boundary={{ user.permissionsBoundary }}
{% else %}
permissions_boundary=''
{% endif %}
{% if facts.hasPlaceholders %}
# The permissions policy and the tags, in this order, with the values filled in.
filled=$(fill_placeholders {{ policies.permissions | json | shell }} {{ user.tags | json_compact | shell }})
{ IFS= read -r permissions_policy; IFS= read -r tags; } <<<"$filled"
{% else %}
permissions_policy={{ policies.permissions | json | shell }}
tags={{ user.tags | json_compact | shell }}
{% endif %}

user_json=$(read_or_absent NoSuchEntity aws iam get-user --user-name "$user_name" --output json)
if [ -z "$user_json" ]; then
  create_args=(--user-name "$user_name" --path "$user_path")
  if [ -n "$permissions_boundary" ]; then
    create_args+=(--permissions-boundary "$permissions_boundary")
  fi
  if [ "$tags" != "[]" ]; then
    create_args+=(--tags "$(jq -c 'map({Key: .key, Value: .value})' <<<"$tags")")
  fi
  change "created user $user_name" "create the IAM user $user_name" quietly aws iam create-user "${create_args[@]}"
else
  # The permissions boundary's ARN ("" for none) and the path, one a line, from one jq run (the
  # path last: it is never empty, and $(...) would drop an empty last line).
  user_facts=$(jq -r '.User | (.PermissionsBoundary.PermissionsBoundaryArn // ""), .Path' <<<"$user_json")
  { IFS= read -r current_boundary; IFS= read -r current_path; } <<<"$user_facts"
  if [ "$current_path" != "$user_path" ]; then
    echo "setup.sh: error: user $user_name already exists with path $current_path, not $user_path. Delete it or change user.path. Nothing was changed." >&2
    exit 1
  fi
  sync_permissions_boundary user "$user_name" "$current_boundary"
  sync_tags user "$user_name"
fi

current_policy=$(read_or_absent NoSuchEntity aws iam get-user-policy --user-name "$user_name" --policy-name "$policy_name" --query PolicyDocument --output json)
if [ -z "$current_policy" ] || ! same_json "$current_policy" "$permissions_policy"; then
  show_json_change "inline policy $policy_name" "${current_policy:-$empty_json}" "$permissions_policy"
  change "put the inline policy $policy_name on $user_name" "put the inline policy $policy_name on $user_name" \
    aws iam put-user-policy --user-name "$user_name" --policy-name "$policy_name" --policy-document "$permissions_policy"
fi
{% endif %}
{% if facts.hasBucketPolicy %}

{% if facts.hasPlaceholders %}
bucket_statements=$(fill_placeholders {{ policies.bucket | json | shell }})
{% else %}
bucket_statements={{ policies.bucket | json | shell }}
{% endif %}
owned_sids={{ policies.ownedBucketSids | json_compact | shell }}

# Merge by Sid: drop any statement this destination owns (current or from an earlier render),
# keep everyone else's, then append ours. Never removes another statement. One jq run prints
# three lines: the merged policy (compact JSON), whether it equals the current one (jq's ==
# ignores the order of keys), and how many statements are ours.
current_bucket_policy=$(read_or_absent NoSuchBucketPolicy aws s3api get-bucket-policy --region "$bucket_region" --bucket "$bucket" --query Policy --output text)
if [ -z "$current_bucket_policy" ]; then
  current_bucket_policy='{"Version": "2012-10-17", "Statement": []}'
fi
bucket_policy_facts=$(jq -c --argjson ours "$bucket_statements" --argjson owned "$owned_sids" '
  . as $current
  | {Version: (.Version // "2012-10-17")}
  + (if .Id then {Id: .Id} else {} end)
  + {Statement: ([(.Statement // []) | if type == "array" then .[] else . end
      | select((.Sid // "") as $sid | $owned | index([$sid]) | not)] + $ours.Statement)}
  | ., (. == $current), ($ours.Statement | length)' <<<"$current_bucket_policy")
{ IFS= read -r merged_bucket_policy; IFS= read -r bucket_policy_unchanged; IFS= read -r statements; } <<<"$bucket_policy_facts"

# A role created seconds ago may not be visible to S3 yet: retry "Invalid principal" a few times.
put_bucket_policy() {
  local attempt=1
  until aws s3api put-bucket-policy --region "$bucket_region" --bucket "$bucket" --policy "$merged_bucket_policy" 2>"$errors_file"; do
    if [ "$attempt" -ge 6 ] || ! grep -q "Invalid principal" "$errors_file"; then
      cat "$errors_file" >&2
      exit 1
    fi
    attempt=$((attempt + 1))
    sleep 5
  done
}

if [ "$bucket_policy_unchanged" != true ]; then
  show_json_change "bucket policy of $bucket" "$current_bucket_policy" "$merged_bucket_policy"
  change "merged $statements statement(s) into the bucket policy of $bucket" "merge $statements statement(s) into the bucket policy of $bucket (no other statement changes)" \
    put_bucket_policy
fi
{% endif %}

if [ "$mode" = check ]; then
  if [ "$pending" -eq 0 ]; then
    echo "In sync: everything is in place, nothing would change."
    exit 0
  fi
  echo "Run the script without --check to make these changes. Nothing was changed."
  exit 2
fi
{% if facts.hasRole %}

role_arn=$(aws iam get-role --role-name "$role_name" --query Role.Arn --output text)
echo "Done. Send this role ARN to $vendor:"
echo "$role_arn"
{% endif %}
{% if facts.hasUser %}

user_arn=$(aws iam get-user --user-name "$user_name" --query User.Arn --output text)
echo "Done. The IAM user $user_arn holds the access."
if [ "$create_access_key" -eq 1 ]; then
  key_count=$(aws iam list-access-keys --user-name "$user_name" --query 'length(AccessKeyMetadata)' --output text)
  if [ "$key_count" -ge 2 ]; then
    echo "setup.sh: error: $user_name already has 2 access keys, IAM's limit: delete the one $vendor no longer uses (aws iam delete-access-key), then run again with --create-access-key." >&2
    exit 1
  fi
  # Shown once, here; kept in no file (passed to jq through a pipe: a here-string would be a
  # temporary file in bash before 5.1). Enter it in $vendor now: AWS cannot show the secret again.
  access_key=$(aws iam create-access-key --user-name "$user_name" --output json)
  echo "Access key for $vendor (shown only now; it is stored nowhere):"
  printf '%s\n' "$access_key" | jq -r '.AccessKey | "  Access key ID:     \(.AccessKeyId)\n  Secret access key: \(.SecretAccessKey)"'
  echo "Enter both in $vendor's form now, over HTTPS: not by e-mail, chat or ticket."
else
  echo "Create the access key for $vendor with: bash setup.sh --create-access-key (see README.md)."
fi
{% endif %}
{% if not facts.hasRole and not facts.hasUser %}

echo "Done. $vendor can now use s3://$bucket/$prefix"
{% endif %}
