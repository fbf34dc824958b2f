locals {
  policy = {{ policies.bucket | hcl | indent(2) }}
  name   = {{ role.name }}
  n      = {{ role.maxSessionDuration }}
}
