import { describe, expect, it } from 'vitest'
import {
  cliOperationNames,
  getServiceModel,
  getShape,
  operationForCliName,
  MODELS_SOURCE,
  serviceNames,
} from '../../src/models/index.ts'
import { members, model } from './helpers.ts'

/** The members of `shape` that `sample` shows, in model order: what the CLI prints for that sample. */
const printed = (svc: string, shape: string, sample: string[]) => members(svc, shape).filter((m) => sample.includes(m))


describe('the generated service models', () => {
  it('lists the services in the AWS CLI order', () => {
    expect(serviceNames()).toEqual([
      'application-autoscaling', 'autoscaling', 'cloudwatch', 'ec2', 'ecr', 'ecs', 'efs', 'elbv2', 'iam', 'logs', 'ssm', 'sts',
    ])
    expect(getServiceModel('s3')).toBeUndefined()
  })

  // Counts from botocore 1.43.67 (MODELS_SOURCE); aws-sdk v2's final models had 56 ECS, 627 EC2 operations.
  it.each([
    ['ecs', 77, 'json', ['CreateService', 'RegisterTaskDefinition', 'RunTask', 'DescribeServices', 'UpdateService',
      'ListServiceDeployments', 'DescribeServiceDeployments', 'DescribeServiceRevisions']],
    ['ec2', 800, 'ec2', ['DescribeSubnets', 'DescribeVpcs', 'CreateSecurityGroup', 'AuthorizeSecurityGroupIngress', 'RunInstances', 'CreateVolume']],
    ['elbv2', 51, 'query', ['CreateLoadBalancer', 'CreateTargetGroup', 'CreateListener', 'CreateRule', 'DescribeTargetHealth']],
    ['logs', 118, 'json', ['CreateLogGroup', 'GetLogEvents', 'StartQuery', 'GetQueryResults', 'FilterLogEvents']],
    // CloudWatch's model lists ["smithy-rpc-v2-cbor", "json", "query"]; botocore speaks the first it supports in its
    // own order of preference, JSON.
    ['cloudwatch', 50, 'json', ['GetMetricData', 'PutMetricAlarm', 'ListMetrics', 'GetMetricStatistics']],
    ['ecr', 58, 'json', ['CreateRepository', 'DescribeImages', 'GetAuthorizationToken']],
    ['efs', 31, 'rest-json', ['CreateFileSystem', 'CreateMountTarget', 'DescribeFileSystems', 'CreateAccessPoint']],
    ['iam', 176, 'query', ['CreateRole', 'AttachRolePolicy', 'GetRole']],
    ['ssm', 152, 'json', ['GetParameters', 'GetParameter', 'GetParametersByPath', 'PutParameter']],
    ['sts', 11, 'query', ['GetCallerIdentity', 'AssumeRole']],
    ['autoscaling', 66, 'query', ['CreateAutoScalingGroup', 'SetDesiredCapacity']],
    ['application-autoscaling', 14, 'json', ['RegisterScalableTarget', 'PutScalingPolicy']],
  ])('%s has its %i operations over the %s protocol', (svc, count, protocol, ops) => {
    const m = model(svc)
    expect(m.cliName).toBe(svc)
    expect(m.protocol).toBe(protocol)
    expect(Object.keys(m.operations)).toHaveLength(count)
    for (const op of ops) expect(m.operations[op], op).toBeDefined()
    expect(m.source).toMatch(/^botocore \d+\.\d+\.\d+ \(commit [0-9a-f]{40}\): data\/[a-z0-9-]+\/\d{4}-\d\d-\d\d\/\{service-2\.json,paginators-1\.json/)
    expect(m.source.startsWith(MODELS_SOURCE)).toBe(true)
  })

  it('refers only to shapes it contains', () => {
    for (const svc of serviceNames()) {
      const m = model(svc)
      const refs: string[] = []
      for (const op of Object.values(m.operations)) refs.push(...[op.input, op.output].filter((x): x is string => !!x))
      for (const shape of Object.values(m.shapes)) {
        if (shape.type === 'structure') refs.push(...Object.values(shape.members).map((r) => r.shape))
        else if (shape.type === 'list') refs.push(shape.member.shape)
        else if (shape.type === 'map') refs.push(shape.key.shape, shape.value.shape)
      }
      expect(refs.filter((r) => !(r in m.shapes)), svc).toEqual([])
    }
  })

  it('keeps the model member order, which is the order the CLI prints', () => {
    expect(members('ecs', 'CreateServiceRequest').slice(0, 6)).toEqual([
      'cluster', 'serviceName', 'taskDefinition', 'availabilityZoneRebalancing', 'loadBalancers', 'serviceRegistries',
    ])
    expect(members('elbv2', 'CreateListenerInput').slice(0, 6)).toEqual([
      'LoadBalancerArn', 'Protocol', 'Port', 'SslPolicy', 'Certificates', 'DefaultActions',
    ])
    // The order the CLI prints today (fidelity §3.2), which aws-sdk v2's older EC2 model did not have.
    expect(members('ec2', 'Subnet').slice(0, 3)).toEqual(['AvailabilityZoneId', 'EnableLniAtDeviceIndex', 'MapCustomerOwnedIpOnLaunch'])
  })

  it('knows which members are required', () => {
    const s = getShape(model('ecs'), 'RegisterTaskDefinitionRequest')
    expect(s.type === 'structure' && s.required).toEqual(['family', 'containerDefinitions'])
  })

  it('names shapes as AWS does and types scalars', () => {
    const ecs = model('ecs')
    expect(ecs.operations.CreateService).toEqual({ input: 'CreateServiceRequest', output: 'CreateServiceResponse' })
    expect(getShape(ecs, 'Service')).toMatchObject({ type: 'structure' })
    expect(getShape(ecs, 'Timestamp')).toEqual({ type: 'timestamp' })
    expect(getShape(ecs, 'BoxedInteger')).toEqual({ type: 'integer' })
    expect(getShape(ecs, 'Long')).toEqual({ type: 'long' })
    expect(getShape(ecs, 'Tags')).toEqual({ type: 'list', member: { shape: 'Tag' } })
    expect(getShape(model('ec2'), 'Blob')).toEqual({ type: 'blob' })
  })

  it('carries enum values', () => {
    const launchType = getShape(model('ecs'), 'LaunchType')
    expect(launchType.type === 'string' && launchType.enum).toEqual(['EC2', 'FARGATE', 'EXTERNAL', 'MANAGED_INSTANCES'])
    const protocol = getShape(model('elbv2'), 'ProtocolEnum')
    expect(protocol.type === 'string' && protocol.enum).toContain('HTTP')
    const networkMode = getShape(model('ecs'), 'NetworkMode')
    expect(networkMode.type === 'string' && networkMode.enum).toEqual(['bridge', 'host', 'awsvpc', 'none'])
  })

  it('carries the waiters', () => {
    const stable = model('ecs').waiters.ServicesStable
    expect(stable).toMatchObject({ operation: 'DescribeServices', delay: 15, maxAttempts: 40 })
    expect(stable?.acceptors[0]).toEqual({ state: 'failure', matcher: 'pathAny', argument: 'failures[].reason', expected: 'MISSING' })
    expect(stable?.acceptors.at(-1)).toEqual({
      state: 'success',
      matcher: 'path',
      argument: 'length(services[?!(length(deployments) == `1` && runningCount == desiredCount)]) == `0`',
      expected: true,
    })
    expect(model('ecs').waiters.TasksRunning).toMatchObject({ delay: 6, maxAttempts: 100 })
    expect(Object.keys(model('elbv2').waiters).sort()).toEqual([
      'LoadBalancerAvailable', 'LoadBalancerExists', 'LoadBalancersDeleted', 'TargetDeregistered', 'TargetInService',
    ])
  })

  it('carries the paginators', () => {
    expect(model('ecs').paginators.ListClusters).toEqual({
      input_token: 'nextToken', output_token: 'nextToken', limit_key: 'maxResults', result_key: 'clusterArns',
    })
    expect(model('elbv2').paginators.DescribeLoadBalancers).toMatchObject({ input_token: 'Marker', output_token: 'NextMarker' })
    // result_key-only entries are not paginators (botocore has none such).
    expect(model('ec2').paginators.DescribeAvailabilityZones).toBeUndefined()
  })

  it('maps CLI words back to operations', () => {
    const ecs = model('ecs')
    expect(operationForCliName(ecs, 'create-service')).toBe('CreateService')
    expect(operationForCliName(ecs, 'register-task-definition')).toBe('RegisterTaskDefinition')
    expect(operationForCliName(ecs, 'create-servic')).toBeUndefined()
    expect(cliOperationNames(model('sts'))).toContain('get-caller-identity')
  })

  it('knows the IAM action prefix, which the models do not carry', () => {
    expect(model('cloudwatch')).toMatchObject({ endpointPrefix: 'monitoring', iamPrefix: 'cloudwatch' })
    expect(model('ecr')).toMatchObject({ endpointPrefix: 'api.ecr', signingName: 'ecr', iamPrefix: 'ecr' })
    expect(model('elbv2').iamPrefix).toBe('elasticloadbalancing')
  })
})

// What aws-sdk v2's final models lacked, and scripts/model-overrides.json once patched in by hand: botocore has it.
describe('the member order and members the CLI prints today', () => {
  it('gives EC2 Vpc, Subnet, SecurityGroup and IpPermission the member order the CLI prints (fidelity §3.2)', () => {
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
    // The whole current order, members §3.2's samples do not show included (botocore 1.43.67).
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

  it('has the members and shapes aws-sdk v2’s final models lacked', () => {
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
  })
})
