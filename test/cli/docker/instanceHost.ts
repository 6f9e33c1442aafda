import { ok, type Sandbox } from '../../sim/ecs/helpers.ts'
import { ec2Cluster, registerEc2TaskDefinition, WEB } from '../../sim/ecs/ec2Helpers.ts'

/** A container instance running two bridge tasks of `web` (nginx, dynamic host ports), and its private address. */
export function hostWithTasks() {
  const { s, cluster, instanceIds } = ec2Cluster()
  registerEc2TaskDefinition(s, 'web', [WEB(256)])
  ok(s, `aws ecs run-task --cluster ${cluster} --task-definition web --count 2 --launch-type EC2`)
  s.advance(60_000)
  const ip = s.world().ec2.instances[instanceIds[0]].PrivateIpAddress!
  return { s, cluster, instanceId: instanceIds[0], ip }
}

/** The non-empty lines a command prints (`docker ps --format "{{.Names}}"`: one name a line). */
export const names = (s: Sandbox, line: string) => s.exec(line).stdout.trim().split('\n').filter(Boolean)
