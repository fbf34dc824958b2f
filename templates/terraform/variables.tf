variable "region" {
  description = "AWS region of the provider (the bucket's region)"
  type        = string
  default     = {{ destination.terraformRegion }}
}
{% for placeholder in placeholders %}
{% if not placeholder.isAccount %}

variable "{{ placeholder.variable | raw }}" {
  description = {{ placeholder.description }}
  type        = string
{% if placeholder.rule.pattern %}

  validation {
    condition     = can(regex({{ placeholder.rule.pattern }}, var.{{ placeholder.variable | raw }})){% if placeholder.rule.minLength %} && length(var.{{ placeholder.variable | raw }}) >= {{ placeholder.rule.minLength }}{% endif %}{% if placeholder.rule.maxLength %} && length(var.{{ placeholder.variable | raw }}) <= {{ placeholder.rule.maxLength }}{% endif %}
    error_message = {{ placeholder.rule.sentence }}
  }
{% endif %}
}
{% endif %}
{% endfor %}
{% if facts.hasRole %}

variable "role_description" {
  description = "Description of the role; null for the description in the policies' spec"
  type        = string
  default     = null
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
  description = "Tags of the role; null for the tags in the policies' spec"
  type        = map(string)
  default     = null
}
{% endif %}
