import { paramError } from '../errors.ts'
import type { Customization } from './types.ts'

/**
 * `aws ec2 run-instances` shortcuts for the first network interface (awscli/customizations/ec2/runinstances.py):
 * `--associate-public-ip-address` / `--no-associate-public-ip-address`, `--secondary-private-ip-addresses` and
 * `--secondary-private-ip-address-count`. When one is given the CLI builds NetworkInterfaces[0] (DeviceIndex 0)
 * and moves --subnet-id, --security-group-ids, --private-ip-address and the IPv6 options into it, as the API
 * wants them there once an interface is specified.
 */
const OPTIONS = ['--secondary-private-ip-addresses', '--secondary-private-ip-address-count', '--associate-public-ip-address', '--no-associate-public-ip-address']

/** Top-level request members the CLI moves into the interface, and their names there. */
const MOVED: readonly [string, string][] = [
  ['SubnetId', 'SubnetId'],
  ['SecurityGroupIds', 'Groups'],
  ['Ipv6AddressCount', 'Ipv6AddressCount'],
  ['Ipv6Addresses', 'Ipv6Addresses'],
  ['EnablePrimaryIpv6', 'PrimaryIpv6'],
]

export const runInstances: Customization = {
  options: [
    { name: '--secondary-private-ip-addresses', doc: 'A secondary private IP address for the network interface or instance.', nargs: 'list' },
    { name: '--secondary-private-ip-address-count', doc: 'The number of secondary IP addresses to assign to the network interface or instance.' },
    { name: '--associate-public-ip-address', doc: 'If specified a public IP address will be assigned to the new instance in a VPC.', nargs: 'flag' },
    { name: '--no-associate-public-ip-address', doc: 'If specified a public IP address will be assigned to the new instance in a VPC.', nargs: 'flag' },
  ],
  apply(values, input) {
    // botocore encodes RunInstances' UserData as base64 before sending it (handlers.py `base64_encode_user_data`;
    // fidelity §7b), so `--user-data file://script.sh` takes the script as it is. UTF-8 bytes, as Python encodes str.
    if (typeof input.UserData === 'string') input.UserData = base64(input.UserData)
    if (!OPTIONS.some((o) => values.has(o))) return
    if (input.NetworkInterfaces !== undefined) throw paramError('Mixing the --network-interfaces option with the simple, scalar options is not supported.')
    const iface: Record<string, unknown> = { DeviceIndex: 0 }
    const addresses = values.get('--secondary-private-ip-addresses')
    if (Array.isArray(addresses) && addresses.length) iface.PrivateIpAddresses = addresses.map((a) => ({ PrivateIpAddress: a, Primary: false }))
    if (values.has('--secondary-private-ip-address-count')) {
      const raw = String(values.get('--secondary-private-ip-address-count'))
      if (!/^\s*[+-]?\d+\s*$/.test(raw)) throw paramError(`argument --secondary-private-ip-address-count: invalid int value: '${raw}'`)
      if (Number(raw)) iface.SecondaryPrivateIpAddressCount = Number(raw)
    }
    if (values.has('--associate-public-ip-address')) iface.AssociatePublicIpAddress = true
    if (values.has('--no-associate-public-ip-address')) iface.AssociatePublicIpAddress = false
    if (Object.keys(iface).length === 1) return
    for (const [top, inside] of MOVED) {
      if (input[top] === undefined) continue
      iface[inside] = input[top]
      delete input[top]
    }
    if (input.PrivateIpAddress !== undefined) {
      // As runinstances.py does it: the primary address replaces any secondary ones given.
      iface.PrivateIpAddresses = [{ PrivateIpAddress: input.PrivateIpAddress, Primary: true }]
      delete input.PrivateIpAddress
    }
    input.NetworkInterfaces = [iface]
  },
}

/** Several customizations on one command, applied in order (run-instances has `--count` and these). */
export function combine(...parts: Customization[]): Customization {
  return {
    options: parts.flatMap((p) => p.options),
    removes: parts.flatMap((p) => p.removes ?? []),
    optional: parts.flatMap((p) => p.optional ?? []),
    apply(values, input, context) {
      for (const p of parts) p.apply(values, input, context)
    },
  }
}

function base64(text: string): string {
  let binary = ''
  for (const byte of new TextEncoder().encode(text)) binary += String.fromCharCode(byte)
  return btoa(binary)
}
