variable "region" {
  description = "AWS region of the provider (the bucket's region)"
  type        = string
  default     = "us-west-2"
}

variable "role_description" {
  description = "Description of the role"
  type        = string
  default     = "Cisco Secure Equipment Access stores session recordings and reads them back"
}

variable "max_session_duration" {
  description = "Maximum session duration of the role, in seconds (3600 to 43200)"
  type        = number
  default     = 7200
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
    integration = "cisco-sea"
  }
}
