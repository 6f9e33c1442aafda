import { describe, expect, it } from 'vitest'
import { createSandbox } from '../../../src/sandbox/index.ts'
import { ECR_IMAGE, fails, ok } from './helpers.ts'

const containers = (defs: object[]) => `--container-definitions '${JSON.stringify(defs)}'`
const web = [{ name: 'web', image: 'nginx', portMappings: [{ containerPort: 80 }] }]
const register = (args: string) => `aws ecs register-task-definition --family web ${args}`
const fargate = (args: string) => register(`--requires-compatibilities FARGATE --network-mode awsvpc ${args}`)
const error = (message: string, op = 'RegisterTaskDefinition', code = 'ClientException') =>
  `\naws: [ERROR]: An error occurred (${code}) when calling the ${op} operation: ${message}\n`

describe('register-task-definition validates as ECS does', () => {
  it.each([
    ['FARGATE without awsvpc', register(`--requires-compatibilities FARGATE --cpu 256 --memory 512 ${containers(web)}`), 'Fargate only supports network mode ‘awsvpc’.'],
    ['FARGATE without task cpu', fargate(`--memory 512 ${containers(web)}`), "Fargate requires that 'cpu' be defined at the task level."],
    ['FARGATE without task memory', fargate(`--cpu 256 ${containers(web)}`), "Fargate requires that 'memory' be defined at the task level."],
    ['a cpu/memory pair Fargate does not run', fargate(`--cpu 256 --memory 4096 ${containers(web)}`), 'No Fargate configuration exists for given values.'],
    ['a cpu value that is not one', fargate(`--cpu lots --memory 512 ${containers(web)}`), "Invalid 'cpu' setting for task. For more information, see the Troubleshooting section of the Amazon ECS Developer Guide."],
    [
      'awsvpc with hostPort ≠ containerPort',
      fargate(`--cpu 256 --memory 512 ${containers([{ name: 'web', image: 'nginx', portMappings: [{ containerPort: 80, hostPort: 8080 }] }])}`),
      'When networkMode=awsvpc, the host ports and container ports in port mappings must match.',
    ],
    [
      'host mode with hostPort ≠ containerPort',
      register(`--network-mode host --memory 512 ${containers([{ name: 'web', image: 'nginx', portMappings: [{ containerPort: 80, hostPort: 81 }] }])}`),
      'When networkMode=host, the host ports and container ports in port mappings must match.',
    ],
    ['a containerPort out of range', fargate(`--cpu 256 --memory 512 ${containers([{ name: 'web', image: 'nginx', portMappings: [{ containerPort: 70000 }] }])}`), "Invalid 'containerPort' setting for container 'web'."],
    ['EC2 without any memory', register(containers(web)), "Invalid setting for container 'web'. At least one of 'memory' or 'memoryReservation' must be specified."],
    ['a container without image', fargate(`--cpu 256 --memory 512 ${containers([{ name: 'web' }])}`), 'Container.image should not be null or empty.'],
    ['a container without name', fargate(`--cpu 256 --memory 512 ${containers([{ image: 'nginx' }])}`), 'Container.name should not be null or empty.'],
    ['no essential container', fargate(`--cpu 256 --memory 512 ${containers([{ name: 'web', image: 'nginx', essential: false }])}`), 'Task definition must have at least one essential container.'],
    [
      'a container asking for more memory than the task',
      fargate(`--cpu 256 --memory 512 ${containers([{ name: 'web', image: 'nginx', memory: 1024 }])}`),
      "The 'memory' setting for container 'web' is greater than for the task.",
    ],
    ['an ECR image on Fargate without execution role', fargate(`--cpu 256 --memory 512 ${containers([{ name: 'web', image: ECR_IMAGE }])}`), 'Fargate requires task definition to have execution role ARN to support ECR images.'],
    [
      'awslogs on Fargate without execution role',
      fargate(`--cpu 256 --memory 512 ${containers([{ name: 'web', image: 'nginx', logConfiguration: { logDriver: 'awslogs', options: {} } }])}`),
      'Fargate requires task definition to have execution role ARN to support log driver awslogs.',
    ],
    ['the course notes’ malformed role ARN', fargate(`--cpu 256 --memory 512 --execution-role-arn arn:aws:iam:8332211724792:role/ecsTaskExecutionRole ${containers(web)}`), 'Role is not valid'],
    ['a role that does not exist', fargate(`--cpu 256 --memory 512 --task-role-arn arn:aws:iam::123456789012:role/NoSuchRole ${containers(web)}`), 'Role is not valid'],
  ])('%s is refused', (_what, line, message) => {
    const sandbox = createSandbox()
    expect(fails(sandbox, line)).toBe(error(message))
    expect(ok(sandbox, 'aws ecs list-task-definitions').taskDefinitionArns).toEqual([])
  })

  it.each([
    ['256', '512', '256', '512'],
    ['0.25 vCPU', '0.5GB', '256', '512'],
    ['1 vCPU', '2 GB', '1024', '2048'],
    ['.5vCPU', '1GB', '512', '1024'],
    ['16 vcpu', '122880', '16384', '122880'],
  ])('cpu %s and memory %s are stored as %s and %s', (cpu, memory, units, mib) => {
    const { taskDefinition } = ok(createSandbox(), fargate(`--cpu "${cpu}" --memory "${memory}" ${containers(web)}`))
    expect(taskDefinition).toMatchObject({ cpu: units, memory: mib, compatibilities: ['EC2', 'FARGATE'] })
  })

  it('a bare role name is expanded to the account’s role ARN', () => {
    const { taskDefinition } = ok(createSandbox(), fargate(`--cpu 256 --memory 512 --execution-role-arn ecsTaskExecutionRole ${containers(web)}`))
    expect(taskDefinition.executionRoleArn).toBe('arn:aws:iam::123456789012:role/ecsTaskExecutionRole')
  })

  it('revisions count up per family, deregister makes one INACTIVE, and lists follow', () => {
    const sandbox = createSandbox()
    ok(sandbox, fargate(`--cpu 256 --memory 512 ${containers(web)}`))
    ok(sandbox, fargate(`--cpu 512 --memory 1024 ${containers(web)}`))
    ok(sandbox, `aws ecs register-task-definition --family api --memory 512 ${containers(web)}`)
    expect(ok(sandbox, 'aws ecs list-task-definition-families').families).toEqual(['api', 'web'])
    const { taskDefinition } = ok(sandbox, 'aws ecs deregister-task-definition --task-definition web:1')
    expect(taskDefinition).toMatchObject({ status: 'INACTIVE', revision: 1 })
    expect(taskDefinition.deregisteredAt).toBeDefined()
    expect(ok(sandbox, 'aws ecs list-task-definitions --family-prefix web').taskDefinitionArns).toEqual([
      'arn:aws:ecs:us-east-1:123456789012:task-definition/web:2',
    ])
    expect(ok(sandbox, 'aws ecs list-task-definitions --status INACTIVE').taskDefinitionArns).toEqual([
      'arn:aws:ecs:us-east-1:123456789012:task-definition/web:1',
    ])
    expect(ok(sandbox, 'aws ecs describe-task-definition --task-definition web').taskDefinition.revision).toBe(2)
    ok(sandbox, fargate(`--cpu 256 --memory 512 ${containers(web)}`))
    expect(ok(sandbox, 'aws ecs describe-task-definition --task-definition web').taskDefinition.revision).toBe(3)
  })

  it('an unknown definition cannot be described', () => {
    expect(fails(createSandbox(), 'aws ecs describe-task-definition --task-definition nope:1')).toBe(
      error('Unable to describe task definition.', 'DescribeTaskDefinition'),
    )
  })

  it('an EC2-only definition (bridge) lists only EC2 and is refused for FARGATE', () => {
    const sandbox = createSandbox()
    ok(sandbox, 'aws ecs create-cluster')
    const { taskDefinition } = ok(sandbox, `aws ecs register-task-definition --family bridge --memory 512 ${containers(web)}`)
    expect(taskDefinition).toMatchObject({ networkMode: 'bridge', compatibilities: ['EC2'] })
    expect(taskDefinition.containerDefinitions[0].portMappings).toEqual([{ containerPort: 80, hostPort: 0, protocol: 'tcp' }])
    expect(fails(sandbox, 'aws ecs run-task --task-definition bridge --launch-type FARGATE')).toBe(
      error('Task definition does not support launch_type FARGATE.', 'RunTask', 'InvalidParameterException'),
    )
  })
})
