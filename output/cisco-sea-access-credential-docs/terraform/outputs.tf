output "user_arn" {
  description = "The IAM user whose access key the vendor uses (create the key yourself; see README.md)"
  value       = aws_iam_user.this.arn
}

output "bucket_arn" {
  description = "The bucket the access is limited to"
  value       = "arn:aws:s3:::${var.bucket}"
}
