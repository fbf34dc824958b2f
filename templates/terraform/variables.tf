variable "region" {
  description = "AWS region of the provider (the bucket's region)"
  type        = string
  default     = {{ destination.terraformRegion }}
}
{% if facts.hasRole %}

variable "role_description" {
  description = "Description of the role"
  type        = string
  default     = {{ role.description }}
}

variable "max_session_duration" {
  description = "Maximum session duration of the role, in seconds (3600 to 43200)"
  type        = number
  default     = {{ role.maxSessionDuration }}
}

variable "permissions_boundary" {
  description = "ARN of the managed policy used as the role's permissions boundary, or null"
  type        = string
{% if role.permissionsBoundary %}
  default     = {{ role.permissionsBoundary }}
{% else %}
  default     = null
{% endif %}
}

variable "tags" {
  description = "Tags of the role"
  type        = map(string)

  default = {{ role.tagsObject | hcl | indent(2) }}
}
{% endif %}
