import { describe, expect, it } from 'vitest'
import { ok } from '../../sim/ecs/helpers.ts'
import { ec2Cluster, registerEc2TaskDefinition, WEB } from '../../sim/ecs/ec2Helpers.ts'
import { names } from './instanceHost.ts'

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
    expect(s.exec(`${H} volume inspect -f "{{.Name}} {{.Driver}} {{.Mountpoint}}" site`).stdout).toBe('site local /var/lib/docker/volumes/site/_data\n')
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

describe("host.sourcePath volumes: the instance's own folder", () => {
  it("what one task writes there the next task on the same instance reads (a bind mount of the host's path)", () => {
    const { s, cluster, instanceIds } = ec2Cluster()
    const volumes = [{ name: 'data', host: { sourcePath: '/ecs/data' } }]
    registerEc2TaskDefinition(s, 'web', [{ ...WEB(256), mountPoints: [{ sourceVolume: 'data', containerPath: '/data' }] }], `--volumes '${JSON.stringify(volumes)}'`)
    const H = `docker -H tcp://${s.world().ec2.instances[instanceIds[0]].PrivateIpAddress}:2375`
    const { tasks } = ok(s, `aws ecs run-task --cluster ${cluster} --task-definition web --launch-type EC2`)
    s.advance(60_000)
    const first = names(s, `${H} ps --format "{{.Names}}"`).find((n) => n.startsWith('ecs-web-1-web-'))!
    expect(s.exec(`${H} exec ${first} sh -c "echo kept > /data/note"`).exitCode).toBe(0)
    expect(s.exec(`${H} inspect -f "{{json .HostConfig.Binds}}" ${first}`).stdout).toBe('["/ecs/data:/data"]\n')
    ok(s, `aws ecs stop-task --cluster ${cluster} --task ${tasks[0].taskArn}`)
    s.advance(60_000)
    ok(s, `aws ecs run-task --cluster ${cluster} --task-definition web --launch-type EC2`)
    s.advance(60_000)
    const second = names(s, `${H} ps --format "{{.Names}}"`).find((n) => n.startsWith('ecs-web-1-web-'))!
    expect(second).not.toBe(first)
    expect(s.exec(`${H} exec ${second} cat /data/note`).stdout).toBe('kept\n')
  })
})

describe('an image the learner built and pushed, run by ECS on an instance', () => {
  it("has the learner's own files in the task's container (the layers pushed from the workstation)", () => {
    const { s, cluster, instanceIds } = ec2Cluster()
    const registry = '123456789012.dkr.ecr.us-east-1.amazonaws.com'
    s.files.write('Dockerfile', 'FROM nginx\nCOPY index.html /usr/share/nginx/html/\n')
    s.files.write('index.html', '<h1>built here</h1>\n')
    for (const line of [
      'docker build -t web .',
      'aws ecr create-repository --repository-name web',
      `aws ecr get-login-password | docker login --username AWS --password-stdin ${registry}`,
      `docker tag web ${registry}/web:latest`,
      `docker push ${registry}/web:latest`,
    ])
      expect(s.exec(line).exitCode, line).toBe(0)
    registerEc2TaskDefinition(s, 'web', [{ ...WEB(256), image: `${registry}/web:latest` }])
    ok(s, `aws ecs run-task --cluster ${cluster} --task-definition web --launch-type EC2`)
    s.advance(60_000)
    const H = `docker -H tcp://${s.world().ec2.instances[instanceIds[0]].PrivateIpAddress}:2375`
    const name = names(s, `${H} ps --format "{{.Names}}"`).find((n) => n.startsWith('ecs-web-1-web-'))!
    expect(s.exec(`${H} exec ${name} cat /usr/share/nginx/html/index.html`).stdout).toBe('<h1>built here</h1>\n')
    expect(s.exec(`${H} exec ${name} curl -s http://localhost/`).stdout).toBe('<h1>built here</h1>\n')
  })
})
