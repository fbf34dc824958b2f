{% include "partials/generated-header.txt" %}
# The policies below are the ones in ../iam/; the role's name and path are part of them, so they are
# not variables: change the spec and render again.

provider "aws" {
  region = var.region
}
{% if facts.usesAccountPlaceholder %}

# The account the module is applied in: the customer's own, where the role is created.
data "aws_caller_identity" "current" {}
{% endif %}

locals {
{% if facts.hasRole %}
  # The role's description and tags: the spec's, unless the variables say otherwise.
  role_description = var.role_description == null ? {{ role.description }} : var.role_description

  role_tags = var.tags == null ? {{ role.tagsObject | hcl | indent(2) }} : var.tags

  trust_policy = {{ policies.trust | hcl | indent(2) }}

{% endif %}
{% if facts.hasUser %}
  user_tags = {{ user.tagsObject | hcl | indent(2) }}

{% endif %}
{% if facts.hasRole or facts.hasUser %}
  permissions_policy = {{ policies.permissions | hcl | indent(2) }}
{% endif %}
{% if facts.hasRole or facts.hasUser %}
{% if facts.hasBucketPolicy %}

{% endif %}
{% endif %}
{% if facts.hasBucketPolicy %}
  bucket_policy = {{ policies.bucket | hcl | indent(2) }}
{% endif %}
}
{% if facts.hasRole %}

resource "aws_iam_role" "this" {
  name                 = {{ role.name }}
  path                 = {{ role.path }}
  description          = local.role_description
  max_session_duration = var.max_session_duration
  permissions_boundary = var.permissions_boundary
  assume_role_policy   = jsonencode(local.trust_policy)
  tags                 = local.role_tags
}

{% if facts.managedPolicy %}

resource "aws_iam_policy" "this" {
  name   = {{ role.policyName }}
  policy = jsonencode(local.permissions_policy)
}

resource "aws_iam_role_policy_attachment" "this" {
  role       = aws_iam_role.this.name
  policy_arn = aws_iam_policy.this.arn
}
{% else %}

resource "aws_iam_role_policy" "this" {
  name   = {{ role.policyName }}
  role   = aws_iam_role.this.id
  policy = jsonencode(local.permissions_policy)
}
{% endif %}
{% endif %}
{% if facts.hasUser %}

# The vendor uses an access key of this user. The module creates no key: a key in Terraform
# would sit in its state file. Create it as README.md says.
resource "aws_iam_user" "this" {
  name                 = {{ user.name }}
  path                 = {{ user.path }}
{% if user.permissionsBoundary %}
  permissions_boundary = {{ user.permissionsBoundary }}
{% else %}
  permissions_boundary = null
{% endif %}
  tags                 = local.user_tags
}

resource "aws_iam_user_policy" "this" {
  name   = {{ user.policyName }}
  user   = aws_iam_user.this.name
  policy = jsonencode(local.permissions_policy)
}
{% endif %}
{% if facts.hasBucketPolicy %}

# Warning: aws_s3_bucket_policy replaces the bucket's whole policy. If the bucket already has one,
# use ../aws-cli/setup.sh (it merges by Sid) or merge the statements by hand.
resource "aws_s3_bucket_policy" "this" {
  bucket = {{ destination.bucket }}
  policy = jsonencode(local.bucket_policy)
{% if facts.bucketPolicyNamesRole %}

  depends_on = [aws_iam_role.this]
{% endif %}
}
{% endif %}
