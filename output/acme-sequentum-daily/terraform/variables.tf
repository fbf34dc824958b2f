variable "region" {
  description = "AWS region of the provider (the bucket's region)"
  type        = string
  default     = "us-east-1"
}

variable "role_description" {
  description = "Description of the role"
  type        = string
  default     = "Sequentum Cloud delivers ACME's daily CSV exports"
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
  description = "Tags of the role"
  type        = map(string)

  default = {
    owner  = "data-team"
    vendor = "sequentum"
  }
}
