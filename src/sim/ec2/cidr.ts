/** IPv4 CIDR arithmetic for subnets, security-group rules and ENI addresses. */
function ipToInt(ip: string): number {
  return ip.split('.').reduce((acc, part) => acc * 256 + Number(part), 0)
}

/** Addresses as numbers, kept: health checks and routing match the same few addresses over and over. */
const addresses = new Map<string, number>()
function addressNumber(ip: string): number {
  let n = addresses.get(ip)
  if (n === undefined) {
    n = ipToInt(ip)
    if (addresses.size > 100_000) addresses.clear()
    addresses.set(ip, n)
  }
  return n
}

export function intToIp(n: number): string {
  return [24, 16, 8, 0].map((shift) => Math.floor(n / 2 ** shift) % 256).join('.')
}

/** `a.b.c.d/n` with every octet 0–255 and n 0–32: what EC2 takes as a CIDR block (anything else is "malformed"). */
export function isCidrBlock(text: string): boolean {
  const m = /^(\d{1,3})\.(\d{1,3})\.(\d{1,3})\.(\d{1,3})\/(\d{1,2})$/.exec(text)
  return m !== null && m.slice(1, 5).every((octet) => Number(octet) <= 255) && Number(m[5]) <= 32
}

/** Parsed blocks, kept: a world has a few dozen CIDRs, asked about for every address placed or matched. */
const parsed = new Map<string, Readonly<{ base: number; size: number }>>()

export function parseCidr(cidr: string): Readonly<{ base: number; size: number }> {
  let block = parsed.get(cidr)
  if (!block) {
    const [ip, bits] = cidr.split('/')
    const size = 2 ** (32 - Number(bits))
    block = { base: Math.floor(ipToInt(ip) / size) * size, size }
    if (parsed.size > 10_000) parsed.clear()
    parsed.set(cidr, block)
  }
  return block
}

export function cidrContains(cidr: string, ip: string): boolean {
  const { base, size } = parseCidr(cidr)
  const n = addressNumber(ip)
  return n >= base && n < base + size
}

/** AWS reserves the first four and the last address of every subnet (EC2 User Guide, "Subnet sizing"). */
const RESERVED_PER_SUBNET = 5

export function usableAddressCount(cidr: string): number {
  return parseCidr(cidr).size - RESERVED_PER_SUBNET
}
