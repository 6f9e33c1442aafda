import { describe, expect, it } from 'vitest'
import { createSandbox } from '../../../src/sandbox/index.ts'
import { ECR_IMAGE, fails, ok, tasksOf, walkthrough, type Sandbox } from './helpers.ts'

const subnets = (sandbox: Sandbox) =>
  Object.values(sandbox.world().ec2.subnets)
    .sort((a, b) => a.AvailabilityZone.localeCompare(b.AvailabilityZone))
    .map((s) => s.SubnetId)
const network = (sandbox: Sandbox, publicIp = 'ENABLED') =>
  `--network-configuration '${JSON.stringify({ awsvpcConfiguration: { subnets: subnets(sandbox).slice(0, 2), assignPublicIp: publicIp } })}'`

function registerImage(sandbox: Sandbox, family: string, image: string, extra: object = {}, roles = '--execution-role-arn ecsTaskExecutionRole') {
  const defs = JSON.stringify([{ name: 'app', image, portMappings: [{ containerPort: 80 }], ...extra }])
  ok(sandbox, `aws ecs register-task-definition --family ${family} --requires-compatibilities FARGATE --network-mode awsvpc --cpu 256 --memory 512 ${roles} --container-definitions '${defs}'`)
}

function runOne(sandbox: Sandbox, family: string, args = '') {
  return ok(sandbox, `aws ecs run-task --cluster fargate-cluster --task-definition ${family} --launch-type FARGATE ${network(sandbox)} ${args}`).tasks[0]
}

const describeTask = (sandbox: Sandbox, taskArn: string) => ok(sandbox, `aws ecs describe-tasks --cluster fargate-cluster --tasks ${taskArn}`).tasks[0]

describe('run-task and a task’s lifecycle', () => {
  it('run-task answers a PROVISIONING task with desiredStatus RUNNING, group family:<family> and PENDING containers', () => {
    const sandbox = walkthrough()
    const task = runOne(sandbox, 'python-web-app')
    expect(task).toMatchObject({ lastStatus: 'PROVISIONING', desiredStatus: 'RUNNING', group: 'family:python-web-app', launchType: 'FARGATE', cpu: '512', memory: '1024' })
    expect(task.attachments[0].status).toBe('PRECREATED')
    expect(task.containers[0]).toMatchObject({ name: 'webapp', lastStatus: 'PENDING', image: ECR_IMAGE })
  })

  it('stop-task with a reason goes DEACTIVATING → STOPPING → DEPROVISIONING → STOPPED and frees the ENI', () => {
    const sandbox = walkthrough()
    const { taskArn } = runOne(sandbox, 'python-web-app')
    sandbox.advance(60_000)
    const eniId = describeTask(sandbox, taskArn).attachments[0].details[1].value
    const { task } = ok(sandbox, `aws ecs stop-task --cluster fargate-cluster --task ${taskArn} --reason "scaling down for the night"`)
    expect(task).toMatchObject({ lastStatus: 'RUNNING', desiredStatus: 'STOPPED', stopCode: 'UserInitiated', stoppedReason: 'scaling down for the night' })
    const seen: string[] = []
    for (let i = 0; i < 30; i++) {
      sandbox.advance(1_000)
      const s = describeTask(sandbox, taskArn).lastStatus
      if (seen.at(-1) !== s) seen.push(s)
    }
    expect(seen).toEqual(['STOPPING', 'DEPROVISIONING', 'STOPPED'])
    const stopped = describeTask(sandbox, taskArn)
    expect(stopped.containers[0]).toMatchObject({ lastStatus: 'STOPPED', exitCode: 143 })
    expect(stopped.attachments[0].status).toBe('DELETED')
    for (const key of ['stoppingAt', 'executionStoppedAt', 'stoppedAt']) expect(stopped[key]).toBeDefined()
    expect(sandbox.world().ec2.networkInterfaces[eniId]).toBeUndefined()
    expect(ok(sandbox, 'aws ecs list-tasks --cluster fargate-cluster --desired-status STOPPED').taskArns).toEqual([taskArn])
  })

  it('stop-task without a reason says "Task stopped by user"', () => {
    const sandbox = walkthrough()
    const { taskArn } = runOne(sandbox, 'python-web-app')
    expect(ok(sandbox, `aws ecs stop-task --cluster fargate-cluster --task ${taskArn}`).task.stoppedReason).toBe('Task stopped by user')
  })

  it('an ECR tag that does not exist stops the task with CannotPullContainerError', () => {
    const sandbox = walkthrough()
    registerImage(sandbox, 'missing', `${ECR_IMAGE.replace(':latest', ':v2')}`)
    const { taskArn } = runOne(sandbox, 'missing')
    sandbox.advance(120_000)
    const task = describeTask(sandbox, taskArn)
    const reason = 'CannotPullContainerError: pull image manifest has been retried 5 time(s): failed to resolve ref 123456789012.dkr.ecr.us-east-1.amazonaws.com/pythonwebapp:v2: not found'
    expect(task).toMatchObject({ lastStatus: 'STOPPED', stopCode: 'TaskFailedToStart', stoppedReason: reason })
    expect(task.containers[0]).toMatchObject({ lastStatus: 'STOPPED', reason })
    expect(task.containers[0].exitCode).toBeUndefined()
    expect(task.startedAt).toBeUndefined()
  })

  it('a Docker Hub repository that does not exist: pull access denied', () => {
    const sandbox = walkthrough()
    registerImage(sandbox, 'typo', 'nginxx')
    const { taskArn } = runOne(sandbox, 'typo')
    sandbox.advance(120_000)
    expect(describeTask(sandbox, taskArn).stoppedReason).toBe(
      'CannotPullContainerError: pull image manifest has been retried 5 time(s): failed to resolve ref docker.io/library/nginxx:latest: pull access denied, repository does not exist or may require authorization: server message: insufficient_scope: authorization failed',
    )
  })

  it('the course notes’ placeholder left in the image fails the pull', () => {
    const sandbox = walkthrough()
    registerImage(sandbox, 'placeholder', '<image-from-ecr>')
    const { taskArn } = runOne(sandbox, 'placeholder')
    sandbox.advance(120_000)
    expect(describeTask(sandbox, taskArn).stoppedReason).toMatch(/^CannotPullContainerError: .*invalid reference format$/)
  })

  it('busybox with no command exits at once: "Essential container in task exited", exit code 0', () => {
    const sandbox = walkthrough()
    registerImage(sandbox, 'box', 'busybox')
    const { taskArn } = runOne(sandbox, 'box')
    sandbox.advance(120_000)
    const task = describeTask(sandbox, taskArn)
    expect(task).toMatchObject({ lastStatus: 'STOPPED', stopCode: 'EssentialContainerExited', stoppedReason: 'Essential container in task exited' })
    expect(task.containers[0]).toMatchObject({ lastStatus: 'STOPPED', exitCode: 0 })
  })

  it('busybox told to sleep keeps running until the sleep ends', () => {
    const sandbox = walkthrough()
    registerImage(sandbox, 'box', 'busybox')
    const { taskArn } = runOne(sandbox, 'box', `--overrides '{"containerOverrides":[{"name":"app","command":["sleep","300"]}]}'`)
    sandbox.advance(120_000)
    expect(describeTask(sandbox, taskArn).lastStatus).toBe('RUNNING')
    sandbox.advance(300_000)
    expect(describeTask(sandbox, taskArn).stoppedReason).toBe('Essential container in task exited')
  })

  it('without a public IP in a subnet with no NAT, ECR cannot be reached: ResourceInitializationError', () => {
    const sandbox = walkthrough()
    const { taskArn } = ok(sandbox, `aws ecs run-task --cluster fargate-cluster --task-definition python-web-app --launch-type FARGATE ${network(sandbox, 'DISABLED')}`).tasks[0]
    sandbox.advance(120_000)
    expect(describeTask(sandbox, taskArn).stoppedReason).toBe(
      'ResourceInitializationError: unable to pull secrets or registry auth: execution resource retrieval failed: unable to retrieve ecr registry auth: service call has been retried 3 time(s): RequestError: send request failed',
    )
  })

  it('an execution role without ECR permissions cannot get registry auth', () => {
    const sandbox = walkthrough()
    registerImage(sandbox, 'wrongrole', ECR_IMAGE, {}, '--execution-role-arn PythonECSTask')
    const { taskArn } = runOne(sandbox, 'wrongrole')
    sandbox.advance(120_000)
    expect(describeTask(sandbox, taskArn).stoppedReason).toMatch(
      /^ResourceInitializationError: .*AccessDeniedException: User: arn:aws:sts::123456789012:assumed-role\/PythonECSTask\/[0-9a-f]{32} is not authorized to perform: ecr:GetAuthorizationToken/,
    )
  })

  it('an execution role ECS tasks may not assume is refused by run-task', () => {
    const sandbox = walkthrough()
    registerImage(sandbox, 'ec2role', 'nginx', {}, '--execution-role-arn ecsInstanceRole')
    expect(fails(sandbox, `aws ecs run-task --cluster fargate-cluster --task-definition ec2role --launch-type FARGATE ${network(sandbox)}`)).toContain(
      "(InvalidParameterException) when calling the RunTask operation: ECS was unable to assume the role 'arn:aws:iam::123456789012:role/ecsInstanceRole' that was provided for this task.",
    )
  })

  it('launch type EC2 in a cluster without instances: No Container Instances were found in your cluster.', () => {
    const sandbox = walkthrough()
    expect(fails(sandbox, `aws ecs run-task --cluster fargate-cluster --task-definition python-web-app --launch-type EC2 --network-configuration '{"awsvpcConfiguration":{"subnets":["${subnets(sandbox)[0]}"]}}'`)).toBe(
      '\naws: [ERROR]: An error occurred (InvalidParameterException) when calling the RunTask operation: No Container Instances were found in your cluster.\n',
    )
  })

  it('start-task on a Fargate cluster finds no container instance: each is MISSING', () => {
    const sandbox = walkthrough()
    expect(ok(sandbox, 'aws ecs start-task --cluster fargate-cluster --task-definition python-web-app --container-instances 0123456789abcdef0123456789abcdef')).toEqual({
      tasks: [],
      failures: [{ arn: 'arn:aws:ecs:us-east-1:123456789012:container-instance/fargate-cluster/0123456789abcdef0123456789abcdef', reason: 'MISSING' }],
    })
  })

  it.each([
    ['an awsvpc task without network configuration', '', "Network Configuration must be provided when networkMode 'awsvpc' is specified."],
    ['an empty subnet list', `--network-configuration '{"awsvpcConfiguration":{"subnets":[]}}'`, 'subnets can not be empty.'],
    ['an unknown task definition', 'TD=nope', 'TaskDefinition not found.'],
  ])('run-task refuses %s', (_what, args, message) => {
    const sandbox = walkthrough()
    const td = args === 'TD=nope' ? 'nope' : 'python-web-app'
    expect(fails(sandbox, `aws ecs run-task --cluster fargate-cluster --task-definition ${td} --launch-type FARGATE ${args === 'TD=nope' ? network(sandbox) : args}`)).toBe(
      `\naws: [ERROR]: An error occurred (InvalidParameterException) when calling the RunTask operation: ${message}\n`,
    )
    expect(ok(sandbox, 'aws ecs list-tasks --cluster fargate-cluster').taskArns).toEqual([])
  })

  it('no --cluster means the default cluster, which must exist', () => {
    const sandbox = createSandbox()
    expect(fails(sandbox, 'aws ecs list-tasks')).toBe('\naws: [ERROR]: An error occurred (ClusterNotFoundException) when calling the ListTasks operation: Cluster not found.\n')
    ok(sandbox, 'aws ecs create-cluster')
    expect(ok(sandbox, 'aws ecs list-clusters').clusterArns).toEqual(['arn:aws:ecs:us-east-1:123456789012:cluster/default'])
  })

  it('describe-tasks reports unknown tasks as MISSING failures', () => {
    expect(ok(walkthrough(), 'aws ecs describe-tasks --cluster fargate-cluster --tasks 0123')).toEqual({
      tasks: [],
      failures: [{ arn: 'arn:aws:ecs:us-east-1:123456789012:task/fargate-cluster/0123', reason: 'MISSING' }],
    })
  })

  it('list-tasks filters by family, started-by and launch type', () => {
    const sandbox = walkthrough()
    registerImage(sandbox, 'other', 'nginx')
    const a = runOne(sandbox, 'python-web-app', '--started-by lesson-1')
    const b = runOne(sandbox, 'other')
    const list = (args: string) => ok(sandbox, `aws ecs list-tasks --cluster fargate-cluster ${args}`).taskArns
    expect(list('--family other')).toEqual([b.taskArn])
    expect(list('--started-by lesson-1')).toEqual([a.taskArn])
    expect(list('--launch-type FARGATE')).toHaveLength(2)
    expect(list('--desired-status STOPPED')).toEqual([])
    expect(tasksOf(sandbox, '--family python-web-app')[0].startedBy).toBe('lesson-1')
  })
})
