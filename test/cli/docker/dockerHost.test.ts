import { describe, expect, it } from 'vitest'
import { createSandbox, replay } from '../../../src/sandbox/index.ts'
import { fails, ok, type Sandbox } from '../../sim/ecs/helpers.ts'
import { ec2Cluster, registerEc2TaskDefinition, WEB } from '../../sim/ecs/ec2Helpers.ts'

/** A container instance running two bridge tasks of `web` (nginx, dynamic host ports), and its private address. */
function hostWithTasks() {
  const { s, cluster, instanceIds } = ec2Cluster()
  registerEc2TaskDefinition(s, 'web', [WEB(256)])
  ok(s, `aws ecs run-task --cluster ${cluster} --task-definition web --count 2 --launch-type EC2`)
  s.advance(60_000)
  const ip = s.world().ec2.instances[instanceIds[0]].PrivateIpAddress!
  return { s, cluster, instanceId: instanceIds[0], ip }
}

const tasksOf = (s: Sandbox, cluster: string) => {
  const arns = ok(s, `aws ecs list-tasks --cluster ${cluster} --desired-status RUNNING`).taskArns as string[]
  return arns.length ? (ok(s, `aws ecs describe-tasks --cluster ${cluster} --tasks ${arns.join(' ')}`).tasks as Task[]) : []
}
type Task = { taskArn: string; lastStatus: string; stoppedReason?: string; containers: { name: string; runtimeId: string; networkBindings: { hostPort: number; containerPort: number }[] }[] }

const names = (s: Sandbox, line: string) => s.exec(line).stdout.trim().split('\n').filter(Boolean)

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

describe('docker context', () => {
  it('create, ls, use, inspect and rm: the chosen context is where docker ps goes, and it survives a snapshot', () => {
    const { s, ip } = hostWithTasks()
    expect(s.exec(`docker context create ecs-host --description "container instance" --docker host=tcp://${ip}:2375`)).toEqual({ stdout: 'ecs-host\n', stderr: 'Successfully created context "ecs-host"\n', exitCode: 0 })
    expect(s.exec('docker context use ecs-host')).toEqual({ stdout: 'ecs-host\n', stderr: 'Current context is now "ecs-host"\n', exitCode: 0 })
    expect(s.exec('docker context ls').stdout).toBe(
      [
        'NAME         DESCRIPTION                               DOCKER ENDPOINT               ERROR',
        'default      Current DOCKER_HOST based configuration   unix:///var/run/docker.sock   ',
        `ecs-host *   container instance                        ${`tcp://${ip}:2375`.padEnd(30)}`,
        '',
      ].join('\n'),
    )
    expect(JSON.parse(s.exec('docker context inspect').stdout)[0].Endpoints.docker.Host).toBe(`tcp://${ip}:2375`)
    expect(names(s, 'docker ps --format "{{.Names}}"')).toContain('ecs-agent')
    const resumed = createSandbox({ snapshot: s.snapshot() })
    expect(resumed.exec('docker ps --format "{{.Names}}"').stdout).toBe(s.exec('docker ps --format "{{.Names}}"').stdout)
    expect(fails(s, 'docker context rm ecs-host')).toBe('context "ecs-host" is in use, set -f flag to force remove\n')
    expect(s.exec('docker --context default ps -q').stdout).toBe('')
    expect(s.exec('docker context use default').exitCode).toBe(0)
    expect(s.exec('docker context rm ecs-host')).toEqual({ stdout: 'ecs-host\n', stderr: '', exitCode: 0 })
    expect(s.exec('docker context ls -q').stdout).toBe('default\n')
  })

  it('the context choice is world state: replaying the inputs gives the same outputs and a byte-identical snapshot', () => {
    const { s, ip } = hostWithTasks()
    s.exec(`docker context create ecs-host --docker host=tcp://${ip}:2375`)
    s.exec('docker context use ecs-host')
    const name = names(s, 'docker ps --format "{{.Names}}"').find((n) => n.startsWith('ecs-web-'))!
    s.exec(`docker exec ${name} sh -c "echo hi > /tmp/x"`)
    const again = replay(s.inputs())
    expect(again.exec(`docker exec ${name} cat /tmp/x`)).toEqual(s.exec(`docker exec ${name} cat /tmp/x`))
    expect(JSON.stringify(again.snapshot())).toBe(JSON.stringify(s.snapshot()))
  })

  it("refuses what docker/cli refuses: a reserved or missing name, an unparseable host, an unknown context", () => {
    const s = createSandbox()
    expect(fails(s, 'docker context create default --docker host=tcp://10.0.0.1:2375')).toBe('"default" is a reserved context name\n')
    expect(fails(s, 'docker context create x --docker host=10.0.0.1')).toBe('unable to create docker endpoint config: unable to apply docker endpoint options: unable to parse docker host `10.0.0.1`\n')
    expect(fails(s, 'docker context create x')).toBe('docker endpoint configuration is required\n')
    expect(fails(s, 'docker context use nope')).toMatch(/^context "nope": context not found: open \/home\/cloudshell-user\/\.docker\/contexts\/meta\/[0-9a-f]{64}\/meta\.json: no such file or directory\n$/)
    expect(fails(s, 'docker context rm nope')).toBe('context "nope" does not exist\n')
    expect(s.world().docker.contexts ?? {}).toEqual({})
  })
})

describe("dockerVolumeConfiguration volumes on the task's instance", () => {
  const defs = (scope: 'task' | 'shared', extra: object = {}) => [
    { ...WEB(256), mountPoints: [{ sourceVolume: 'site', containerPath: '/usr/share/nginx/html' }] },
    { name: 'site', dockerVolumeConfiguration: { scope, ...extra } },
  ]
  function withVolumes(scope: 'task' | 'shared', extra: object = {}) {
    const { s, cluster, instanceIds } = ec2Cluster()
    const [containers, volume] = defs(scope, extra)
    registerEc2TaskDefinition(s, 'web', [containers], `--volumes '${JSON.stringify([volume])}'`)
    const ip = s.world().ec2.instances[instanceIds[0]].PrivateIpAddress!
    const run = () => {
      const { tasks } = ok(s, `aws ecs run-task --cluster ${cluster} --task-definition web --launch-type EC2`)
      s.advance(60_000)
      return tasks[0].taskArn as string
    }
    const stop = (taskArn: string) => {
      ok(s, `aws ecs stop-task --cluster ${cluster} --task ${taskArn}`)
      s.advance(60_000)
    }
    const H = `docker -H tcp://${ip}:2375`
    const webName = () => names(s, `${H} ps --format "{{.Names}}"`).find((n) => n.startsWith('ecs-web-1-web-'))!
    return { s, cluster, H, run, stop, webName }
  }

  it('a task-scoped volume is named as the agent names it, filled from the image, and removed when the task stops', () => {
    const { s, H, run, stop, webName } = withVolumes('task')
    const task = run()
    const [volume] = names(s, `${H} volume ls -q`)
    expect(volume).toMatch(/^ecs-web-1-site-[0-9a-f]{20}$/)
    expect(s.exec(`${H} inspect -f "{{json .Mounts}}" ${webName()}`).stdout).toContain(`"Name":"${volume}"`)
    expect(s.exec(`${H} exec ${webName()} cat /usr/share/nginx/html/index.html`).stdout).toContain('Welcome to nginx!')
    stop(task)
    expect(names(s, `${H} volume ls -q`)).toEqual([])
  })

  it("a shared volume with autoprovision keeps its name and its data: the next task on the instance reads what the first wrote", () => {
    const { s, H, run, stop, webName } = withVolumes('shared', { autoprovision: true })
    const first = run()
    expect(s.exec(`${H} exec ${webName()} sh -c "echo from the first task > /usr/share/nginx/html/index.html"`).exitCode).toBe(0)
    stop(first)
    expect(names(s, `${H} volume ls -q`)).toEqual(['site'])
    run()
    expect(s.exec(`${H} exec ${webName()} cat /usr/share/nginx/html/index.html`).stdout).toBe('from the first task\n')
  })

  it('a shared volume without autoprovision that does not exist fails the task with the agent reason', () => {
    const { s, cluster, run } = withVolumes('shared', { autoprovision: false })
    const taskArn = run()
    const task = ok(s, `aws ecs describe-tasks --cluster ${cluster} --tasks ${taskArn}`).tasks[0]
    expect(task.lastStatus).toBe('STOPPED')
    expect(task.stopCode).toBe('TaskFailedToStart')
    expect(task.stoppedReason).toBe(
      `resource cannot be initialized for task ${taskArn}: initialize volume: volume detection failed, volume 'site' does not exist and autoprovision is set to false: Error response from daemon: get site: no such volume`,
    )
  })

  it('driver local with NFS options mounts the NFS export: what a task writes is on the server, seen by the workstation too', () => {
    const opts = { driver: 'local', driverOpts: { type: 'nfs', o: 'addr=10.0.1.50,rw', device: ':/exports/site' } }
    const { s, H, run, webName } = withVolumes('task', opts)
    run()
    expect(s.exec(`${H} exec ${webName()} sh -c "echo on nfs > /usr/share/nginx/html/note.txt"`).exitCode).toBe(0)
    expect(s.exec('docker volume create --driver local --opt type=nfs --opt o=addr=10.0.1.50,rw --opt device=:/exports/site nfs-site').exitCode).toBe(0)
    expect(s.exec('docker run --rm -v nfs-site:/data busybox cat /data/note.txt').stdout).toBe('on nfs\n')
  })
})

describe('links between the containers of a bridge task', () => {
  it("resolve the link's alias to the linked container's docker0 address: /etc/hosts has it, curl reaches it; an unlinked name does not resolve", () => {
    const { s, cluster, instanceIds } = ec2Cluster()
    const db = { name: 'db', image: 'httpd:latest', memory: 128, portMappings: [] }
    const web = { ...WEB(128), links: ['db:database'] }
    registerEc2TaskDefinition(s, 'web', [db, web])
    const { tasks } = ok(s, `aws ecs run-task --cluster ${cluster} --task-definition web --launch-type EC2`)
    s.advance(60_000)
    const ip = s.world().ec2.instances[instanceIds[0]].PrivateIpAddress!
    const H = `docker -H tcp://${ip}:2375`
    const all = names(s, `${H} ps --format "{{.Names}}"`)
    const webName = all.find((n) => n.startsWith('ecs-web-1-web-'))!
    const dbName = all.find((n) => n.startsWith('ecs-web-1-db-'))!
    const dbIp = s.exec(`${H} inspect -f "{{.NetworkSettings.IPAddress}}" ${dbName}`).stdout.trim()
    expect(dbIp).toMatch(/^172\.17\.\d+\.\d+$/)
    const task = ok(s, `aws ecs describe-tasks --cluster ${cluster} --tasks ${tasks[0].taskArn}`).tasks[0]
    const dbId = task.containers.find((c: { name: string }) => c.name === 'db').runtimeId.slice(0, 12)
    expect(s.exec(`${H} exec ${webName} cat /etc/hosts`).stdout).toContain(`${dbIp}\tdatabase ${dbId} ${dbName}\n`)
    expect(s.exec(`${H} exec ${webName} curl -s http://database/`).stdout).toContain('It works!')
    expect(s.exec(`${H} exec ${webName} curl http://db/`)).toEqual({ stdout: '', stderr: 'curl: (6) Could not resolve host: db\n', exitCode: 6 })
    // The link goes one way: db has no entry for web.
    expect(s.exec(`${H} exec ${dbName} cat /etc/hosts`).stdout).not.toContain('ecs-web-1-web-')
  })
})
