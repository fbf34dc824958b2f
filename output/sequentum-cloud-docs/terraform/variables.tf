variable "region" {
  description = "AWS region of the provider (the bucket's region)"
  type        = string
  default     = "us-east-1"
}

variable "bucket" {
  description = "The name of your S3 bucket, as entered in Sequentum Cloud's new destination"
  type        = string

  validation {
    condition     = can(regex("^[a-z0-9][a-z0-9.-]*[a-z0-9]$", var.bucket)) && length(var.bucket) >= 3 && length(var.bucket) <= 63
    error_message = "BUCKET must be an S3 bucket name: 3 to 63 lowercase letters, digits, \".\" and \"-\"."
  }
}

variable "folder_path" {
  description = "The folder path in the bucket where Sequentum Cloud delivers, as entered in the destination (without / at either end)"
  type        = string

  validation {
    condition     = can(regex("^[^/*?]([^*?]*[^/*?])?$", var.folder_path)) && length(var.folder_path) >= 1 && length(var.folder_path) <= 1000
    error_message = "FOLDER_PATH must be a folder path without \"/\" at either end and without \"*\" or \"?\"."
  }
}

variable "external_id" {
  description = "The external ID shown in the destination's generated trust policy in Sequentum Cloud (Organization > Destination)"
  type        = string

  validation {
    condition     = can(regex("^[A-Za-z0-9_+=,.@:/-]+$", var.external_id)) && length(var.external_id) >= 2 && length(var.external_id) <= 1224
    error_message = "EXTERNAL_ID must be 2 to 1224 letters, digits and + = , . @ : / _ -."
  }
}

variable "role_name" {
  description = "A name for the IAM role in your account, such as SequentumS3Export"
  type        = string

  validation {
    condition     = can(regex("^[A-Za-z0-9_+=,.@-]+$", var.role_name)) && length(var.role_name) >= 1 && length(var.role_name) <= 64
    error_message = "ROLE_NAME must be 1 to 64 letters, digits and + = , . @ _ -."
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
