import { execFileSync, spawnSync } from 'node:child_process'
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { gunzipSync } from 'node:zlib'
import { describe, expect, it } from 'vitest'
import { getShape, type Shape } from '../../src/models/index.ts'
import { members, model } from './helpers.ts'

const generator = join(import.meta.dirname, '../../scripts/gen-models.mjs')
const overridesFile = join(import.meta.dirname, '../../scripts/model-overrides.json')

type Entry = { source: string, order?: string[], add?: Record<string, { shape: string }>, define?: Shape }
const overrides = JSON.parse(readFileSync(overridesFile, 'utf8')) as Record<string, Record<string, Entry> | string>
const services = Object.entries(overrides).filter((e): e is [string, Record<string, Entry>] => !e[0].startsWith('$'))

/** The members of `shape` that `sample` shows, in model order: what the CLI prints for that sample. */
const printed = (svc: string, shape: string, sample: string[]) => members(svc, shape).filter((m) => sample.includes(m))

describe('the model overrides (scripts/model-overrides.json)', () => {
  it('give EC2 Vpc, Subnet, SecurityGroup and IpPermission the member order the CLI prints (fidelity §3.2)', () => {
    // §3.2's samples, key for key (absent optional members are not printed, so they are a subsequence of the model).
    const vpc = ['OwnerId', 'InstanceTenancy', 'Ipv6CidrBlockAssociationSet', 'CidrBlockAssociationSet', 'IsDefault', 'Tags',
      'BlockPublicAccessStates', 'VpcId', 'State', 'CidrBlock', 'DhcpOptionsId']
    const subnet = ['AvailabilityZoneId', 'MapCustomerOwnedIpOnLaunch', 'OwnerId', 'AssignIpv6AddressOnCreation',
      'Ipv6CidrBlockAssociationSet', 'Tags', 'SubnetArn', 'EnableDns64', 'Ipv6Native', 'PrivateDnsNameOptionsOnLaunch',
      'BlockPublicAccessStates', 'SubnetId', 'State', 'VpcId', 'CidrBlock', 'AvailableIpAddressCount', 'AvailabilityZone',
      'DefaultForAz', 'MapPublicIpOnLaunch']
    const securityGroup = ['GroupId', 'IpPermissionsEgress', 'Tags', 'VpcId', 'SecurityGroupArn', 'OwnerId', 'GroupName',
      'Description', 'IpPermissions']
    const ipPermission = ['IpProtocol', 'FromPort', 'ToPort', 'UserIdGroupPairs', 'IpRanges', 'Ipv6Ranges', 'PrefixListIds']
    expect(printed('ec2', 'Vpc', vpc)).toEqual(vpc)
    expect(printed('ec2', 'Subnet', subnet)).toEqual(subnet)
    expect(members('ec2', 'SecurityGroup')).toEqual(securityGroup)
    expect(members('ec2', 'IpPermission')).toEqual(ipPermission)
    // The whole current order, members §3.2's samples do not show included (botocore 1.43.11).
    expect(members('ec2', 'Vpc')).toEqual([
      'OwnerId', 'InstanceTenancy', 'Ipv6CidrBlockAssociationSet', 'CidrBlockAssociationSet', 'IsDefault', 'EncryptionControl',
      'Tags', 'BlockPublicAccessStates', 'VpcId', 'State', 'CidrBlock', 'DhcpOptionsId',
    ])
    expect(members('ec2', 'Subnet')).toEqual([
      'AvailabilityZoneId', 'EnableLniAtDeviceIndex', 'MapCustomerOwnedIpOnLaunch', 'CustomerOwnedIpv4Pool', 'OwnerId',
      'AssignIpv6AddressOnCreation', 'Ipv6CidrBlockAssociationSet', 'Tags', 'SubnetArn', 'OutpostArn', 'EnableDns64', 'Ipv6Native',
      'PrivateDnsNameOptionsOnLaunch', 'BlockPublicAccessStates', 'Type', 'SubnetId', 'State', 'VpcId', 'CidrBlock',
      'AvailableIpAddressCount', 'AvailabilityZone', 'DefaultForAz', 'MapPublicIpOnLaunch',
    ])
  })

  it('add the members and shapes aws-sdk v2 lacks', () => {
    const ec2 = model('ec2')
    expect(getShape(ec2, 'Vpc')).toMatchObject({ members: { BlockPublicAccessStates: { shape: 'BlockPublicAccessStates' } } })
    expect(getShape(ec2, 'BlockPublicAccessStates')).toEqual({
      type: 'structure', members: { InternetGatewayBlockMode: { shape: 'BlockPublicAccessMode' } },
    })
    expect(getShape(ec2, 'BlockPublicAccessMode')).toEqual({ type: 'string', enum: ['off', 'block-bidirectional', 'block-ingress'] })
    expect(getShape(ec2, 'SecurityGroup')).toMatchObject({ members: { SecurityGroupArn: { shape: 'String' } } })
    // fidelity §2.7: a service ends with availabilityZoneRebalancing.
    expect(members('ecs', 'Service').slice(-3)).toEqual(['enableExecuteCommand', 'availabilityZoneRebalancing', 'resourceManagementType'])
    expect(getShape(model('ecs'), 'AvailabilityZoneRebalancing')).toEqual({ type: 'string', enum: ['ENABLED', 'DISABLED'] })
    expect(model('ec2').source).toMatch(/; corrected by scripts\/model-overrides\.json$/)
    expect(model('sts').source).not.toMatch(/overrides/)
  })

  it('name their source in every entry', () => {
    for (const [svc, entries] of services) {
      for (const [name, e] of Object.entries(entries)) expect(e.source, `${svc} ${name}`).toMatch(/fidelity §\d|botocore \d+\.\d+\.\d+ .*service-2\.json as of \d{4}-\d\d-\d\d/)
    }
  })

  it('make the generator fail loudly when an entry does not fit the model', () => {
    const dir = mkdtempSync(join(tmpdir(), 'gen-overrides-'))
    try {
      const run = (edit: (o: Record<string, Record<string, Entry>>) => void) => {
        const o = structuredClone(overrides) as Record<string, Record<string, Entry>>
        edit(o)
        const file = join(dir, 'overrides.json')
        writeFileSync(file, JSON.stringify(o))
        const r = spawnSync(process.execPath, [generator, '--out', join(dir, 'out'), '--quiet', '--overrides', file], { encoding: 'utf8' })
        return { status: r.status, message: /^Error: (.*)$/m.exec(r.stderr)?.[1] }
      }
      expect(run((o) => { o.ec2!.Vpcs = o.ec2!.Vpc! })).toEqual({ status: 1, message: 'model overrides: ec2 Vpcs: no such shape' })
      expect(run((o) => { delete o.ec2!.BlockPublicAccessMode })).toEqual({
        status: 1,
        message: 'model overrides: ec2 BlockPublicAccessStates.InternetGatewayBlockMode: refers to shape BlockPublicAccessMode, which neither aws-sdk nor the overrides define',
      })
    } finally {
      rmSync(dir, { recursive: true, force: true })
    }
  })
})

// Developer check, not a build input: where the botocore the overrides cite is installed (pip), the overridden
// shapes must match its service-2.json exactly. Skipped elsewhere (CI has no botocore) and when another botocore
// version is installed (then re-read the shapes from it and update the entries and their sources).
const botocoreDir = (() => {
  try {
    const out = execFileSync('python3', ['-c', 'import botocore, os; print(botocore.__version__, os.path.dirname(botocore.__file__))'], {
      encoding: 'utf8', stdio: ['ignore', 'pipe', 'ignore'], timeout: 10_000,
    }).trim()
    const [version, dir] = [out.slice(0, out.indexOf(' ')), out.slice(out.indexOf(' ') + 1)]
    const cited = services.every(([, entries]) => Object.values(entries).every((e) => !e.source.includes('botocore') || e.source.includes(`botocore ${version} `)))
    return cited ? dir : undefined
  } catch {
    return undefined
  }
})()

describe('the model overrides against the installed botocore', () => {
  it.skipIf(!botocoreDir)('match botocore’s member order and shapes', () => {
    let checked = 0
    for (const [svc, entries] of services) {
      const e0 = Object.values(entries).find((e) => e.source.includes('botocore'))
      const path = /data\/(\S+service-2\.json)/.exec(e0?.source ?? '')?.[1]
      if (!path) continue
      const file = join(botocoreDir!, 'data', path.replace(/^data\//, ''))
      let text: string
      try { text = readFileSync(file, 'utf8') } catch { text = gunzipSync(readFileSync(`${file}.gz`)).toString('utf8') }
      const bc = JSON.parse(text) as { shapes: Record<string, Record<string, unknown> & { type: string }> }
      const m = model(svc)
      for (const name of Object.keys(entries)) {
        const b = bc.shapes[name]!
        const g = getShape(m, name)
        checked++
        if (b.type === 'structure') {
          const bm = b.members as Record<string, { shape: string }>
          expect(g.type, `${svc} ${name}`).toBe('structure')
          if (g.type !== 'structure') continue
          expect(Object.keys(g.members), `${svc} ${name} order`).toEqual(Object.keys(bm))
          for (const [k, ref] of Object.entries(bm)) expect(g.members[k]?.shape, `${svc} ${name}.${k}`).toBe(ref.shape)
          expect([...(g.required ?? [])].sort(), `${svc} ${name} required`).toEqual([...((b.required as string[] | undefined) ?? [])].sort())
        } else if (b.type === 'list') {
          expect(g, `${svc} ${name}`).toEqual({ type: 'list', member: { shape: (b.member as { shape: string }).shape } })
        } else {
          expect(g, `${svc} ${name}`).toEqual(b.enum ? { type: b.type, enum: b.enum } : { type: b.type })
        }
      }
    }
    expect(checked).toBe(services.reduce((n, [, entries]) => n + Object.keys(entries).length, 0))
  })
})
