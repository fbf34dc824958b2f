variable "region" {
  description = "AWS region of the provider (the bucket's region)"
  type        = string
  default     = "us-east-1"
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
