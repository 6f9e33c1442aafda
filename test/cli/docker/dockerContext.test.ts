import { describe, expect, it } from 'vitest'
import { createSandbox, replay } from '../../../src/sandbox/index.ts'
import { fails } from '../../sim/ecs/helpers.ts'
import { hostWithTasks, names } from './instanceHost.ts'

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
    expect(s.exec('docker context ls --format json').stdout).toBe('{"Current":true,"Description":"Current DOCKER_HOST based configuration","DockerEndpoint":"unix:///var/run/docker.sock","Error":"","Name":"default"}\n')
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
