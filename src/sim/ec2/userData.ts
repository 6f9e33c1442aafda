/**
 * User data is stored base64, as EC2 keeps and returns it (DescribeInstanceAttribute userData). The decoded text is
 * what the instance runs at boot (cloud-init) and what the inspector shows; UTF-8, as shell scripts are.
 */
export function userDataText(base64: string): string {
  let text = decoded.get(base64)
  if (text === undefined) {
    text = decode(base64)
    if (decoded.size >= DECODED_KEPT) decoded.clear()
    decoded.set(base64, text)
  }
  return text
}

/**
 * Decoding depends on the text alone, so answers are kept by it: the ECS agent reads each host's user data at every
 * start and every instance of a group has the same script. A few texts are kept (each at most 16 KB), then forgotten.
 */
const DECODED_KEPT = 32
const decoded = new Map<string, string>()

function decode(base64: string): string {
  const binary = atob(base64)
  const bytes = Uint8Array.from(binary, (c) => c.charCodeAt(0))
  return new TextDecoder().decode(bytes)
}
