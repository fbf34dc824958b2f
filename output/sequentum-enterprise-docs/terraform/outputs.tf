output "role_arn" {
  description = "The full role ARN to send to the vendor"
  value       = aws_iam_role.this.arn
}

output "bucket_arn" {
  description = "The bucket the access is limited to"
  value       = "arn:aws:s3:::${var.bucket}"
}
