variable "region" {
  description = "AWS region of the provider (the bucket's region)"
  type        = string
  default     = "us-west-2"
}

variable "bucket" {
  description = "The name of the S3 bucket SEA records sessions into"
  type        = string

  validation {
    condition     = can(regex("^[a-z0-9][a-z0-9.-]*[a-z0-9]$", var.bucket)) && length(var.bucket) >= 3 && length(var.bucket) <= 63
    error_message = "BUCKET must be an S3 bucket name: 3 to 63 lowercase letters, digits, \".\" and \"-\"."
  }
}

variable "account_id" {
  description = "Your AWS account id (12 digits), which owns the bucket's KMS key"
  type        = string

  validation {
    condition     = can(regex("^[0-9]{12}$", var.account_id)) && length(var.account_id) >= 12 && length(var.account_id) <= 12
    error_message = "ACCOUNT_ID must be 12 digits."
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
