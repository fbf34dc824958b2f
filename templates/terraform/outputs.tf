{% if facts.hasRole %}
output "role_arn" {
  description = "The full role ARN to send to the vendor"
  value       = aws_iam_role.this.arn
}

{% endif %}
{% if facts.hasUser %}
output "user_arn" {
  description = "The IAM user whose access key the vendor uses (create the key yourself; see README.md)"
  value       = aws_iam_user.this.arn
}

{% endif %}
output "bucket_arn" {
  description = "The bucket the access is limited to"
  value       = {{ destination.bucketArn }}
}
