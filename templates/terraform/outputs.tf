{% if facts.hasRole %}
output "role_arn" {
  description = "The full role ARN to send to the vendor"
  value       = aws_iam_role.this.arn
}

{% endif %}
output "bucket_arn" {
  description = "The bucket the access is limited to"
  value       = {{ destination.bucketArn }}
}
