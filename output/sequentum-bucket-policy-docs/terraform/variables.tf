variable "region" {
  description = "AWS region of the provider (the bucket's region)"
  type        = string
  default     = "us-east-1"
}

variable "bucket" {
  description = "The name of your S3 bucket, as entered in the Sequentum Enterprise S3 connection"
  type        = string

  validation {
    condition     = can(regex("^[a-z0-9][a-z0-9.-]*[a-z0-9]$", var.bucket)) && length(var.bucket) >= 3 && length(var.bucket) <= 63
    error_message = "BUCKET must be an S3 bucket name: 3 to 63 lowercase letters, digits, \".\" and \"-\"."
  }
}

variable "folder" {
  description = "The folder in the bucket where Sequentum delivers, as entered in the connection's Folder field (without / at either end)"
  type        = string

  validation {
    condition     = can(regex("^[^/*?]([^*?]*[^/*?])?$", var.folder)) && length(var.folder) >= 1 && length(var.folder) <= 1000
    error_message = "FOLDER must be a folder path without \"/\" at either end and without \"*\" or \"?\"."
  }
}
