import { describe, expect, it } from 'vitest'
import { cliOperationName, cliOptionName, xformName } from '../../src/models/index.ts'
import botocore from './fixtures/botocore-xform.json'

describe('AWS names become CLI words as botocore xform_name makes them', () => {
  // Expected values checked against botocore 1.43.11 `xform_name` (fidelity §1.6).
  it.each([
    ['CreateLoadBalancer', 'create-load-balancer'],
    ['LoadBalancerArn', 'load-balancer-arn'],
    ['containerDefinitions', 'container-definitions'],
    ['IpAddressType', 'ip-address-type'],
    ['DNSName', 'dns-name'],
    ['VpcId', 'vpc-id'],
    ['ListWebACLs', 'list-web-acls'],
    ['GatewayARNs', 'gateway-arns'],
    ['SomeCNAMEs', 'some-cnames'],
    ['ARNs', '-arns'],
    ['DescribeDBInstances', 'describe-db-instances'],
    ['enableECSManagedTags', 'enable-ecs-managed-tags'],
    ['SSEKMSKeyId', 'ssekms-key-id'],
    ['Ipv6CidrBlock', 'ipv6-cidr-block'],
    ['AssignIpv6Addresses', 'assign-ipv6-addresses'],
    ['S3Key', 's3-key'],
    ['AWSAccessKeyId', 'aws-access-key-id'],
    ['EBSOptimized', 'ebs-optimized'],
    ['ServicesStable', 'services-stable'],
    ['ARN', 'arn'],
    ['x', 'x'],
    ['already-hyphenated', 'already-hyphenated'],
    ['CreateCachediSCSIVolume', 'create-cached-iscsi-volume'],
    ['ExecutePartiQLStatement', 'execute-partiql-statement'],
    ['DeleteWhatsAppMessageMedia', 'delete-whatsapp-media-message'],
  ])('%s → %s', (name, word) => {
    expect(xformName(name)).toBe(word)
  })

  it('uses the separator it is given, and leaves names that already contain it alone', () => {
    expect(xformName('CreateLoadBalancer', '_')).toBe('create_load_balancer')
    expect(xformName('ExecutePartiQLBatch', '_')).toBe('execute_partiql_batch')
    expect(xformName('describe_things', '_')).toBe('describe_things')
    expect(xformName('describe_things', '-')).toBe('describe_things')
  })

  it('agrees with botocore on every tricky name in the generated models', () => {
    const wrong = Object.entries(botocore.cases as Record<string, string>).filter(([name, word]) => xformName(name) !== word)
    expect(wrong).toEqual([])
  })

  it('names operations and options', () => {
    expect(cliOperationName('CreateLoadBalancer')).toBe('create-load-balancer')
    expect(cliOptionName('LoadBalancerArn')).toBe('load-balancer-arn')
  })
})
