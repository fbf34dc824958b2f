variable "region" {
  description = "AWS region of the provider (the bucket's region)"
  type        = string
  default     = "us-west-2"
}

variable "sea_gateway_role" {
  description = "The SEA gateway role's ARN, shown by the Role ARN info icon in SEA (System Management > External Integrations)"
  type        = string

  validation {
    condition     = can(regex("^arn:aws:(iam::[0-9]{12}:(root|(role|user)/[A-Za-z0-9_+=,.@/-]+)|sts::[0-9]{12}:assumed-role/[A-Za-z0-9_+=,.@-]+/[A-Za-z0-9_+=,.@-]+)$", var.sea_gateway_role)) && length(var.sea_gateway_role) >= 20 && length(var.sea_gateway_role) <= 2048
    error_message = "SEA_GATEWAY_ROLE must be a full ARN of an IAM role, user, account root or STS session in aws."
  }
}

variable "external_id" {
  description = "An external ID you choose for this integration; enter the same value in SEA's External ID field"
  type        = string

  validation {
    condition     = can(regex("^[A-Za-z0-9_+=,.@:/-]+$", var.external_id)) && length(var.external_id) >= 2 && length(var.external_id) <= 1224
    error_message = "EXTERNAL_ID must be 2 to 1224 letters, digits and + = , . @ : / _ -."
  }
}

variable "bucket" {
  description = "The name of the S3 bucket SEA records sessions into"
  type        = string

  validation {
    condition     = can(regex("^[a-z0-9][a-z0-9.-]*[a-z0-9]$", var.bucket)) && length(var.bucket) >= 3 && length(var.bucket) <= 63
    error_message = "BUCKET must be an S3 bucket name: 3 to 63 lowercase letters, digits, \".\" and \"-\"."
  }
}

variable "key_id" {
  description = "The id of the bucket's KMS key, from the KMS console (Customer managed keys)"
  type        = string

  validation {
    condition     = can(regex("^([0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}|mrk-[0-9a-f]{32})$", var.key_id))
    error_message = "KEY_ID must be a KMS key id such as 1234abcd-12ab-34cd-56ef-1234567890ab or mrk- and 32 hex digits."
  }
}

variable "role_suffix" {
  description = "The rest of the role's name, after the prefix SEA_ext_access_ that SEA requires"
  type        = string

  validation {
    condition     = can(regex("^[A-Za-z0-9_+=,.@-]+$", var.role_suffix)) && length(var.role_suffix) >= 1 && length(var.role_suffix) <= 64
    error_message = "ROLE_SUFFIX must be letters, digits and + = , . @ _ -."
  }
}

variable "role_description" {
  description = "Description of the role; null for the description in the policies' spec"
  type        = string
  default     = null
}

variable "max_session_duration" {
  description = "Maximum session duration of the role, in seconds (3600 to 43200)"
  type        = number
  default     = 3600
}

variable "permissions_boundary" {
  description = "ARN of the managed policy used as the role's permissions boundary, or null"
  type        = string
  default     = null
}

variable "tags" {
  description = "Tags of the role; null for the tags in the policies' spec"
  type        = map(string)
  default     = null
}
