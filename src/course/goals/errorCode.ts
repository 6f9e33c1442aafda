/**
 * The AWS error code in what the CLI printed: `An error occurred (ClientException) when calling …`
 * (the AWS CLI's ClientError format, also used for its own ParamValidation errors).
 */
export function errorCodeOf(stderr: string): string | undefined {
  return /An error occurred \(([A-Za-z0-9_.:-]+)\)/.exec(stderr)?.[1]
}
