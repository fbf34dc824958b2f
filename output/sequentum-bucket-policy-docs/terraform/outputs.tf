output "bucket_arn" {
  description = "The bucket the access is limited to"
  value       = "arn:aws:s3:::${var.bucket}"
}
