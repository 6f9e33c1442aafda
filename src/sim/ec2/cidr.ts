/** IPv4 CIDR arithmetic for subnets, security-group rules and ENI addresses. */
export function ipToInt(ip: string): number {
  return ip.split('.').reduce((acc, part) => acc * 256 + Number(part), 0)
}

export function intToIp(n: number): string {
  return [24, 16, 8, 0].map((shift) => Math.floor(n / 2 ** shift) % 256).join('.')
}

export function parseCidr(cidr: string): { base: number; size: number } {
  const [ip, bits] = cidr.split('/')
  const size = 2 ** (32 - Number(bits))
  return { base: Math.floor(ipToInt(ip) / size) * size, size }
}

export function cidrContains(cidr: string, ip: string): boolean {
  const { base, size } = parseCidr(cidr)
  const n = ipToInt(ip)
  return n >= base && n < base + size
}

/** AWS reserves the first four and the last address of every subnet (EC2 User Guide, "Subnet sizing"). */
export const RESERVED_PER_SUBNET = 5

export function usableAddressCount(cidr: string): number {
  return parseCidr(cidr).size - RESERVED_PER_SUBNET
}
