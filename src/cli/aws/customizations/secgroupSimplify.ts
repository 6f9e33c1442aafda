import { paramError } from '../errors.ts'
import type { Customization } from './types.ts'

/**
 * The AWS CLI's shortcut arguments for security group rules (awscli/customizations/ec2/secgroupsimplify.py):
 * `--protocol tcp --port 80 --cidr 0.0.0.0/0` or `--source-group sg-…` instead of `--ip-permissions`.
 * They build one IpPermissions entry; mixing them with `--ip-permissions` is refused as the CLI refuses it.
 */
const OPTIONS = ['--protocol', '--port', '--cidr', '--source-group', '--group-owner']

function ports(port: string | undefined): { FromPort?: number; ToPort?: number } {
  if (port === undefined) return {}
  const match = /^(-?\d+)(?:-(-?\d+))?$/.exec(port.trim())
  if (!match) throw paramError(`port parameter should be of the form <from[-to]> (e.g. 22 or 22-25)`)
  return { FromPort: Number(match[1]), ToPort: Number(match[2] ?? match[1]) }
}

export const secgroupSimplify: Customization = {
  options: OPTIONS.map((name) => ({ name, doc: 'A shortcut the AWS CLI adds for one rule; see --ip-permissions.' })),
  apply(values, input) {
    if (!OPTIONS.some((o) => values.has(o))) return
    const word = (name: string) => (values.has(name) ? String(values.get(name)) : undefined)
    if (input.IpPermissions !== undefined) throw paramError('The --protocol, --port, --cidr, --source-group and --group-owner options can not be used with --ip-permissions')
    const raw = word('--protocol')
    const protocol = raw === undefined ? undefined : raw.toLowerCase() === 'all' ? '-1' : raw.toLowerCase()
    if (protocol === undefined) throw paramError('The --protocol option is required when using --port, --cidr or --source-group')
    const source = word('--source-group')
    const owner = word('--group-owner')
    input.IpPermissions = [
      {
        IpProtocol: protocol,
        ...ports(word('--port')),
        ...(values.has('--cidr') ? { IpRanges: [{ CidrIp: word('--cidr') }] } : {}),
        ...(source !== undefined
          ? { UserIdGroupPairs: [{ ...(source.startsWith('sg-') ? { GroupId: source } : { GroupName: source }), ...(owner ? { UserId: owner } : {}) }] }
          : {}),
      },
    ]
  },
}
