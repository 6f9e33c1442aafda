import type { SimContext } from '../context.ts'
import type { ContainerDefinition, Task } from '../ecs/state.ts'
import { hasLogGroup, produceLogEvent, producerStream } from '../logs/index.ts'
import { resolveImage } from '../runtime/index.ts'
import type { World } from '../world.ts'
import { servingFacts, type ServingFacts } from './model.ts'
import type { AnsweredRequest } from './traffic.ts'

/**
 * The awslogs log driver (fidelity §5.3): a container whose definition says `logDriver: awslogs` has its stdout and
 * stderr sent to `awslogs-group`, stream `<awslogs-stream-prefix>/<container name>/<task id>`; the group is created at
 * start only with `awslogs-create-group: "true"`, and a missing group fails the task before its containers start.
 */
export interface AwsLogsTarget {
  group: string
  stream: string
  createGroup: boolean
}

export function awslogsTarget(def: ContainerDefinition | undefined, taskId: string): AwsLogsTarget | undefined {
  const config = def?.logConfiguration
  if (!def || config?.logDriver !== 'awslogs') return undefined
  const options = config.options ?? {}
  const group = options['awslogs-group']
  if (!group) return undefined
  const prefix = options['awslogs-stream-prefix']
  return { group, stream: prefix ? `${prefix}/${def.name}/${taskId}` : `${def.name}/${taskId}`, createGroup: options['awslogs-create-group'] === 'true' }
}

/**
 * The task's stopped reason when a container's log group is missing and not to be created, as ECS reports it
 * (re:Post "ResourceInitializationError" reports quote this text); undefined when the driver can start. A group to be
 * created is created here, with each container's stream, as the driver does when the container starts.
 */
export function startLogDrivers(ctx: SimContext, task: Task): string | undefined {
  const taskId = task.taskArn.slice(task.taskArn.lastIndexOf('/') + 1)
  const defs = ctx.world.ecs.taskDefinitions[task.taskDefinitionArn]?.containerDefinitions ?? []
  for (const def of defs) {
    const target = awslogsTarget(def, taskId)
    if (target && !target.createGroup && !hasLogGroup(ctx, target.group))
      return 'ResourceInitializationError: failed to validate logger args: create stream has been retried 1 times: failed to create Cloudwatch log stream: ResourceNotFoundException: The specified log group does not exist. : exit status 1'
  }
  for (const def of defs) {
    const target = awslogsTarget(def, taskId)
    if (target) producerStream(ctx, target.group, target.stream, target.createGroup)
  }
  return undefined
}

const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec']
const two = (n: number) => String(n).padStart(2, '0')

/**
 * The access-log line each image writes for a request: python's http.server (`log_message`: `host - - [date] "line"
 * status -`, on stderr), nginx's `combined` format, httpd's `common` format. busybox serves nothing.
 */
export function accessLogLine(app: string, r: AnsweredRequest, now: number): string | undefined {
  const d = new Date(now)
  const time = `${two(d.getUTCHours())}:${two(d.getUTCMinutes())}:${two(d.getUTCSeconds())}`
  const request = `"${r.method} ${r.path} HTTP/1.1"`
  switch (app) {
    case 'python-webapp':
      return `${r.sourceIp} - - [${two(d.getUTCDate())}/${MONTHS[d.getUTCMonth()]}/${d.getUTCFullYear()} ${time}] ${request} ${r.status} -`
    case 'nginx':
      return `${r.sourceIp} - - [${two(d.getUTCDate())}/${MONTHS[d.getUTCMonth()]}/${d.getUTCFullYear()}:${time} +0000] ${request} ${r.status} 615 "-" "-" "-"`
    case 'httpd':
      return `${r.sourceIp} - - [${two(d.getUTCDate())}/${MONTHS[d.getUTCMonth()]}/${d.getUTCFullYear()}:${time} +0000] ${request} ${r.status} 45`
  }
  return undefined
}

/** Writes the container's access-log line to its awslogs stream, if it has one. */
export function writeRequestLog(ctx: SimContext, task: Task, r: AnsweredRequest, facts = servingFacts(ctx.world, task)): void {
  const writer = requestLogWriter(ctx.world, task, r.containerName, facts)
  const line = writer && accessLogLine(writer.app, r, ctx.now())
  if (writer && line) produceLogEvent(ctx, writer.target.group, writer.target.stream, ctx.now(), line, false)
}

/** Where a container's access-log lines go and which server writes them; undefined when nothing is written. */
interface RequestLogWriter {
  target: AwsLogsTarget
  app: string
}

/**
 * Kept with the task's serving facts (model.ts: while the task and the ECS and ECR slices stay), since its definition's
 * log configuration and its image's app are all it reads: every request asks (`npm run bench`: 10,000 requests).
 */
function requestLogWriter(world: Readonly<World>, task: Task, containerName: string, facts: ServingFacts): RequestLogWriter | undefined {
  if (facts.logWriters.has(containerName)) return facts.logWriters.get(containerName) as RequestLogWriter | undefined
  const def = world.ecs.taskDefinitions[task.taskDefinitionArn]?.containerDefinitions.find((d) => d.name === containerName)
  const target = awslogsTarget(def, task.taskArn.slice(task.taskArn.lastIndexOf('/') + 1))
  const container = target && task.containers.find((c) => c.name === containerName)
  const app = container && resolveImage(world, container.image)?.app
  const writer = target && app ? { target, app } : undefined
  facts.logWriters.set(containerName, writer)
  return writer
}
