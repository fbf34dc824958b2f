variable "region" {
  description = "AWS region of the provider (the bucket's region)"
  type        = string
  default     = "eu-west-2"
}

variable "bucket" {
  description = "The name of the S3 bucket InfoSum imports from, as entered in the ICC"
  type        = string

  validation {
    condition     = can(regex("^[a-z0-9][a-z0-9.-]*[a-z0-9]$", var.bucket)) && length(var.bucket) >= 3 && length(var.bucket) <= 63
    error_message = "BUCKET must be an S3 bucket name: 3 to 63 lowercase letters, digits, \".\" and \"-\"."
  }
}

variable "import_folder" {
  description = "The prefix (folder) InfoSum imports from, as entered in the ICC (without / at either end)"
  type        = string

  validation {
    condition     = can(regex("^[^/*?]([^*?]*[^/*?])?$", var.import_folder)) && length(var.import_folder) >= 1 && length(var.import_folder) <= 1000
    error_message = "IMPORT_FOLDER must be a folder path without \"/\" at either end and without \"*\" or \"?\"."
  }
}

variable "session_name" {
  description = "The session name you enter in InfoSum's Import Connector Config (ICC): any name you choose, the same in both places"
  type        = string

  validation {
    condition     = can(regex("^[A-Za-z0-9_+=,.@-]+$", var.session_name)) && length(var.session_name) >= 1 && length(var.session_name) <= 64
    error_message = "SESSION_NAME must be letters, digits and + = , . @ _ -."
  }
}

variable "external_id" {
  description = "The external ID InfoSum shows in the ICC's Details panel once you have entered the role ARN"
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
