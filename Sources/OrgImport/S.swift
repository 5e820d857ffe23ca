public enum S3 {}
