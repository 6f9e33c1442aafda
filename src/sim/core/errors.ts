/**
 * A service error as the service would send it: the wire code and the message.
 * The CLI turns it into `An error occurred (Code) when calling the Op operation: message`, exit 254
 * (../shared/reference/aws-fidelity.md §1.19). JSON services (ECS, ECR, Logs) use the exception name as code;
 * query services (EC2, ELBv2, IAM, STS) use the short code (`TargetGroupNotFound`, `InvalidVolume.ZoneMismatch`).
 */
export class AwsError extends Error {
  readonly code: string

  constructor(code: string, message: string) {
    super(message)
    this.name = 'AwsError'
    this.code = code
  }
}

export const isAwsError = (e: unknown): e is AwsError => e instanceof AwsError
