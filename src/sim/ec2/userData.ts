/**
 * User data is stored base64, as EC2 keeps and returns it (DescribeInstanceAttribute userData). The decoded text is
 * what the instance runs at boot (cloud-init) and what the inspector shows; UTF-8, as shell scripts are.
 */
export function userDataText(base64: string): string {
  const binary = atob(base64)
  const bytes = Uint8Array.from(binary, (c) => c.charCodeAt(0))
  return new TextDecoder().decode(bytes)
}
