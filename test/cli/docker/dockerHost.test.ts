import { describe, expect, it } from 'vitest'
import { createSandbox } from '../../../src/sandbox/index.ts'
import { fails, ok, type Sandbox } from '../../sim/ecs/helpers.ts'
import { ec2Cluster, registerEc2TaskDefinition, WEB } from '../../sim/ecs/ec2Helpers.ts'
import { hostWithTasks, names } from './instanceHost.ts'

const tasksOf = (s: Sandbox, cluster: string) => {
  const arns = ok(s, `aws ecs list-tasks --cluster ${cluster} --desired-status RUNNING`).taskArns as string[]
  return arns.length ? (ok(s, `aws ecs describe-tasks --cluster ${cluster} --tasks ${arns.join(' ')}`).tasks as Task[]) : []
}
type Task = { taskArn: string; lastStatus: string; stoppedReason?: string; containers: { name: string; runtimeId: string; networkBindings: { hostPort: number; containerPort: number }[] }[] }
describe('docker -H / DOCKER_HOST: the engine of a container instance', () => {
  it("lists the ECS agent and each task's containers, named as the agent names them, with the host ports describe-tasks reports", () => {
    const { s, cluster, ip } = hostWithTasks()
    const out = s.exec(`docker -H tcp://${ip}:2375 ps --format "{{.ID}} {{.Image}} {{.Ports}} {{.Names}}"`)
    expect(out.exitCode).toBe(0)
    const rows = out.stdout.trim().split('\n')
    expect(rows).toContainEqual(expect.stringMatching(/^[0-9a-f]{12} amazon\/amazon-ecs-agent:latest {2}ecs-agent$/))
    const tasks = tasksOf(s, cluster)
    expect(tasks).toHaveLength(2)
    for (const task of tasks) {
      const c = task.containers[0]
      const binding = c.networkBindings[0]
      const row = rows.find((r) => r.startsWith(c.runtimeId.slice(0, 12)))
      expect(row).toMatch(new RegExp(`^${c.runtimeId.slice(0, 12)} nginx:latest 0\\.0\\.0\\.0:${binding.hostPort}->80/tcp ecs-web-1-web-[0-9a-f]{20}$`))
    }
    // The two tasks got two different ephemeral host ports.
    expect(new Set(tasks.map((t) => t.containers[0].networkBindings[0].hostPort)).size).toBe(2)
  })

  it('DOCKER_HOST (exported, or for one command) points docker at the instance; without it docker is the workstation again', () => {
    const { s, ip } = hostWithTasks()
    expect(names(s, `DOCKER_HOST=tcp://${ip}:2375 docker ps --format "{{.Names}}"`)).toHaveLength(3)
    expect(names(s, 'docker ps -q')).toEqual([])
    s.exec(`export DOCKER_HOST=tcp://${ip}:2375`)
    expect(names(s, 'docker ps --format "{{.Names}}"')).toContain('ecs-agent')
    s.exec('unset DOCKER_HOST')
    expect(names(s, 'docker ps -q')).toEqual([])
  })

  it("the instance's private DNS name reaches it too, and the port defaults to 2375", () => {
    const { s, instanceId } = hostWithTasks()
    const dns = s.world().ec2.instances[instanceId].PrivateDnsName
    expect(names(s, `docker -H ${dns} ps --format "{{.Names}}"`)).toContain('ecs-agent')
  })

  it("an awsvpc task's containers join the agent's pause container, named ecs-<family>-<rev>-internalecspause-<hex>", () => {
    const { s, cluster, instanceIds } = ec2Cluster()
    const subnet = s.world().ec2.instances[instanceIds[0]].SubnetId
    registerEc2TaskDefinition(s, 'api', [WEB(256)], '--network-mode awsvpc')
    ok(s, `aws ecs run-task --cluster ${cluster} --task-definition api --launch-type EC2 --network-configuration "awsvpcConfiguration={subnets=[${subnet}]}"`)
    s.advance(60_000)
    const rows = names(s, `docker -H ${s.world().ec2.instances[instanceIds[0]].PrivateIpAddress} ps --format "{{.Image}} {{.Ports}}{{.Names}}"`)
    expect(rows).toContainEqual(expect.stringMatching(/^amazon\/amazon-ecs-pause:0\.1\.0 ecs-api-1-internalecspause-[0-9a-f]{20}$/))
    // No host port is published for awsvpc: the container is reached at its ENI's address.
    expect(rows).toContainEqual(expect.stringMatching(/^nginx:latest ecs-api-1-web-[0-9a-f]{20}$/))
    const H = `docker -H ${s.world().ec2.instances[instanceIds[0]].PrivateIpAddress}`
    const web = rows.find((r) => r.startsWith('nginx'))!.split(' ')[1]
    const mode = s.exec(`${H} inspect -f "{{.HostConfig.NetworkMode}}" ${web}`).stdout.trim()
    expect(mode).toMatch(/^container:[0-9a-f]{64}$/)
    expect(s.exec(`${H} inspect -f "{{.Name}}" ${mode.slice('container:'.length)}`).stdout).toMatch(/^\/ecs-api-1-internalecspause-/)
  })

  it('docker exec, inspect and logs reach an ECS container; its writes stay in its own writable layer', () => {
    const { s, ip } = hostWithTasks()
    const H = `docker -H tcp://${ip}:2375`
    const name = names(s, `${H} ps --format "{{.Names}}"`).find((n) => n.startsWith('ecs-web-1-web-'))!
    expect(s.exec(`${H} exec ${name} cat /usr/share/nginx/html/index.html`).stdout).toContain('Welcome to nginx!')
    expect(s.exec(`${H} exec ${name} sh -c "echo changed > /tmp/note"`).exitCode).toBe(0)
    expect(s.exec(`${H} exec ${name} cat /tmp/note`).stdout).toBe('changed\n')
    expect(s.exec(`${H} inspect -f "{{.Name}} {{.State.Status}} {{.HostConfig.NetworkMode}}" ${name}`).stdout).toBe(`/${name} running bridge\n`)
    expect(s.exec(`${H} logs ${name}`).stdout).toContain('ready for start up')
    expect(s.exec(`${H} logs ecs-agent`).stdout).toContain('msg="Registration completed successfully.')
    expect(s.exec(`${H} network ls`).stdout).toContain('bridge')
  })

  it('a stopped task leaves its containers Exited: docker ps no longer lists them, docker ps -a does', () => {
    const { s, cluster, ip } = hostWithTasks()
    const [task] = tasksOf(s, cluster)
    ok(s, `aws ecs stop-task --cluster ${cluster} --task ${task.taskArn}`)
    s.advance(60_000)
    const id = task.containers[0].runtimeId.slice(0, 12)
    expect(s.exec(`docker -H tcp://${ip}:2375 ps -q`).stdout).not.toContain(id)
    expect(s.exec(`docker -H tcp://${ip}:2375 ps -a --format "{{.ID}} {{.Status}}"`).stdout).toMatch(new RegExp(`${id} Exited \\(0\\)`))
  })

  it("docker stop of a task's essential container is seen by ECS: the task stops, as when the process exits", () => {
    const { s, cluster, ip } = hostWithTasks()
    const [task] = tasksOf(s, cluster)
    const id = task.containers[0].runtimeId.slice(0, 12)
    expect(s.exec(`docker -H tcp://${ip}:2375 stop ${id}`)).toEqual({ stdout: `${id}\n`, stderr: '', exitCode: 0 })
    s.advance(60_000)
    const after = ok(s, `aws ecs describe-tasks --cluster ${cluster} --tasks ${task.taskArn}`).tasks[0]
    expect(after.lastStatus).toBe('STOPPED')
    expect(after.stoppedReason).toBe('Essential container in task exited')
    expect(fails(s, `docker -H tcp://${ip}:2375 rm ecs-agent`)).toMatch(/^Error response from daemon: cannot remove container "\/ecs-agent": container is running/)
  })
})

describe('the connection errors, in the Docker client words', () => {
  it('an address with no engine behind it, and a stopped instance, cannot be connected to (exit 1)', () => {
    const { s, instanceId, ip } = hostWithTasks()
    expect(s.exec('docker -H tcp://10.9.9.9:2375 ps')).toEqual({ stdout: '', stderr: 'Cannot connect to the Docker daemon at tcp://10.9.9.9:2375. Is the docker daemon running?\n', exitCode: 1 })
    ok(s, `aws ec2 stop-instances --instance-ids ${instanceId}`)
    s.advance(120_000)
    expect(s.exec(`docker -H ${ip} ps`)).toEqual({ stdout: '', stderr: `Cannot connect to the Docker daemon at tcp://${ip}:2375. Is the docker daemon running?\n`, exitCode: 1 })
  })

  it.each([
    ['docker -H foo://10.0.0.1 ps', 'invalid bind address format: foo://10.0.0.1\n'],
    ['docker -H tcp://10.0.0.1:abc ps', 'parse "tcp://10.0.0.1:abc": invalid port ":abc" after host\n'],
    ['DOCKER_HOST=udp://x docker images', 'invalid bind address format: udp://x\n'],
    ['docker -H tcp://a -H tcp://b ps', 'invalid argument "tcp://b" for "-H, --host" flag: specify only one -H\nSee \'docker --help\'.\n'],
    ['docker -H tcp://a --context x ps', 'conflicting options: either specify --host or --context, not both\n'],
  ])('%s is refused before connecting', (line, stderr) => {
    const s = createSandbox()
    const r = s.exec(line)
    expect(r.stderr).toBe(stderr)
    expect(r.exitCode).not.toBe(0)
  })
})
