variable "region" {
  description = "AWS region of the provider (the bucket's region)"
  type        = string
  default     = "us-east-1"
}

variable "bucket" {
  description = "The name of your S3 bucket, as entered in Sequentum Enterprise's S3 connection (Destination Type: S3 Bucket)"
  type        = string

  validation {
    condition     = can(regex("^[a-z0-9][a-z0-9.-]*[a-z0-9]$", var.bucket)) && length(var.bucket) >= 3 && length(var.bucket) <= 63
    error_message = "BUCKET must be an S3 bucket name: 3 to 63 lowercase letters, digits, \".\" and \"-\"."
  }
}

variable "folder" {
  description = "The folder the connection writes to, as entered under Folder in Step 4 (without / at either end)"
  type        = string

  validation {
    condition     = can(regex("^[^/*?]([^*?]*[^/*?])?$", var.folder)) && length(var.folder) >= 1 && length(var.folder) <= 1000
    error_message = "FOLDER must be a folder path without \"/\" at either end and without \"*\" or \"?\"."
  }
}

variable "external_id" {
  description = "The external ID Sequentum Enterprise shows when you check Require External ID (it is generated and cannot be changed)"
  type        = string

  validation {
    condition     = can(regex("^[A-Za-z0-9_+=,.@:/-]+$", var.external_id)) && length(var.external_id) >= 2 && length(var.external_id) <= 1224
    error_message = "EXTERNAL_ID must be 2 to 1224 letters, digits and + = , . @ : / _ -."
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
