import { describe, expect, it } from 'vitest'
import {
  cliOperationNames,
  getServiceModel,
  getShape,
  operationForCliName,
  serviceNames,
} from '../../src/models/index.ts'
import { members, model } from './helpers.ts'


describe('the generated service models', () => {
  it('lists the services in the AWS CLI order', () => {
    expect(serviceNames()).toEqual([
      'application-autoscaling', 'autoscaling', 'cloudwatch', 'ec2', 'ecr', 'ecs', 'elbv2', 'iam', 'logs', 'sts',
    ])
    expect(getServiceModel('s3')).toBeUndefined()
  })

  it.each([
    ['ecs', 56, 'json', ['CreateService', 'RegisterTaskDefinition', 'RunTask', 'DescribeServices', 'UpdateService']],
    ['ec2', 627, 'ec2', ['DescribeSubnets', 'DescribeVpcs', 'CreateSecurityGroup', 'AuthorizeSecurityGroupIngress', 'RunInstances', 'CreateVolume']],
    ['elbv2', 48, 'query', ['CreateLoadBalancer', 'CreateTargetGroup', 'CreateListener', 'CreateRule', 'DescribeTargetHealth']],
    ['logs', 76, 'json', ['CreateLogGroup', 'GetLogEvents', 'StartQuery', 'GetQueryResults', 'FilterLogEvents']],
    ['cloudwatch', 38, 'query', ['GetMetricData', 'PutMetricAlarm', 'ListMetrics', 'GetMetricStatistics']],
    ['ecr', 49, 'json', ['CreateRepository', 'DescribeImages', 'GetAuthorizationToken']],
    ['iam', 159, 'query', ['CreateRole', 'AttachRolePolicy', 'GetRole']],
    ['sts', 8, 'query', ['GetCallerIdentity', 'AssumeRole']],
    ['autoscaling', 65, 'query', ['CreateAutoScalingGroup', 'SetDesiredCapacity']],
    ['application-autoscaling', 13, 'json', ['RegisterScalableTarget', 'PutScalingPolicy']],
  ])('%s has its %i operations over the %s protocol', (svc, count, protocol, ops) => {
    const m = model(svc)
    expect(m.cliName).toBe(svc)
    expect(m.protocol).toBe(protocol)
    expect(Object.keys(m.operations)).toHaveLength(count)
    for (const op of ops) expect(m.operations[op], op).toBeDefined()
    expect(m.source).toMatch(/^npm aws-sdk@2\.\d+\.\d+: /)
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
      'cluster', 'serviceName', 'taskDefinition', 'loadBalancers', 'serviceRegistries', 'desiredCount',
    ])
    expect(members('elbv2', 'CreateListenerInput').slice(0, 6)).toEqual([
      'LoadBalancerArn', 'Protocol', 'Port', 'SslPolicy', 'Certificates', 'DefaultActions',
    ])
    // aws-sdk v2's EC2 model has an older member order; scripts/model-overrides.json restores today's, which the
    // CLI prints (fidelity §3.2; more in overrides.test.ts).
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
    expect(launchType.type === 'string' && launchType.enum).toEqual(['EC2', 'FARGATE', 'EXTERNAL'])
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
