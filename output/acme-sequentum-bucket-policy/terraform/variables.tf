variable "region" {
  description = "AWS region of the provider (the bucket's region)"
  type        = string
  default     = "us-east-1"
}
