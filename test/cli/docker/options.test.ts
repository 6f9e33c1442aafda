import { describe, expect, it } from 'vitest'
import { createSandbox } from '../../../src/sandbox/index.ts'

const ok = (sandbox: ReturnType<typeof createSandbox>, line: string) => {
  const r = sandbox.exec(line)
  expect(r.exitCode, `${line}\n${r.stderr}`).toBe(0)
  return r.stdout
}

describe('docker run options', () => {
  it('passes -e, -w and --user to the process', () => {
    const sandbox = createSandbox()
    ok(sandbox, 'docker pull busybox')
    expect(ok(sandbox, `docker run --rm -e GREETING=hi -w /tmp busybox sh -c 'echo $GREETING; pwd'`)).toBe('hi\n/tmp\n')
    expect(ok(sandbox, 'docker run --rm --user nobody busybox id')).toBe('uid=65534(nobody) gid=0(root) groups=0(root)\n')
    const r = sandbox.exec('docker run --rm --user 1000 busybox whoami')
    expect(r.stderr).toBe('whoami: cannot find name for user ID 1000\n')
    expect(r.exitCode).toBe(1)
  })

  it('publishes nothing with --network none and serves on the host\'s port with --network host', () => {
    const sandbox = createSandbox()
    ok(sandbox, 'docker run -d --name h --network host httpd'.replace('--name h', '--name hostweb'))
    expect(ok(sandbox, 'curl -s localhost:80')).toBe('<html><body><h1>It works!</h1></body></html>\n')
    ok(sandbox, 'docker run -d --name isolated --network none -p 9000:80 nginx')
    expect(sandbox.exec('curl -s localhost:9000').exitCode).toBe(7)
    expect(ok(sandbox, "docker inspect -f '{{.HostConfig.NetworkMode}}' isolated")).toBe('none\n')
  })

  it('keeps tmpfs contents only while the container runs', () => {
    const sandbox = createSandbox()
    ok(sandbox, 'docker run -d --name t --mount type=tmpfs,dst=/scratch nginx'.replace('--name t ', '--name tmp '))
    ok(sandbox, `docker exec tmp sh -c 'echo x > /scratch/a'`)
    expect(ok(sandbox, 'docker exec tmp ls /scratch')).toBe('a\n')
    ok(sandbox, 'docker restart tmp')
    expect(ok(sandbox, 'docker exec tmp ls /scratch')).toBe('')
    expect(ok(sandbox, 'docker diff tmp')).toBe('')
  })

  it('removes anonymous volumes with rm -v and keeps named ones', () => {
    const sandbox = createSandbox()
    ok(sandbox, 'docker run -d --name web -v /cache -v named:/data nginx')
    expect(ok(sandbox, 'docker volume ls -q').split('\n').filter(Boolean)).toHaveLength(2)
    ok(sandbox, 'docker rm -fv web')
    expect(ok(sandbox, 'docker volume ls -q')).toBe('named\n')
    expect(ok(sandbox, 'docker volume rm named')).toBe('named\n')
    expect(sandbox.exec('docker volume inspect named').stderr).toBe('Error response from daemon: get named: no such volume\n')
  })
})

describe('docker listings and inspect', () => {
  it('shows volumes, networks, disk usage and the mounts of a container', () => {
    const sandbox = createSandbox()
    expect(ok(sandbox, 'docker volume create site')).toBe('site\n')
    expect(JSON.parse(ok(sandbox, 'docker volume inspect site'))).toEqual([
      { CreatedAt: '2026-01-05T09:00:00Z', Driver: 'local', Labels: {}, Mountpoint: '/var/lib/docker/volumes/site/_data', Name: 'site', Options: {}, Scope: 'local' },
    ])
    expect(ok(sandbox, 'docker network ls')).toMatch(/^NETWORK ID {5}NAME {6}DRIVER {4}SCOPE\n[0-9a-f]{12} {3}bridge {4}bridge {4}local\n[0-9a-f]{12} {3}host {6}host {6}local\n[0-9a-f]{12} {3}none {6}null {6}local\n$/)
    ok(sandbox, 'docker run -d --name web -p 8080:80 -v site:/usr/share/nginx/html -v "$HOME":/home/host:ro nginx')
    const [container] = JSON.parse(ok(sandbox, 'docker inspect web')) as { Mounts: unknown[]; GraphDriver: { Name: string; Data: Record<string, string> } }[]
    expect(container.Mounts).toEqual([
      { Type: 'volume', Name: 'site', Source: '/var/lib/docker/volumes/site/_data', Destination: '/usr/share/nginx/html', Driver: 'local', Mode: 'z', RW: true, Propagation: '' },
      { Type: 'bind', Source: '/home/cloudshell-user', Destination: '/home/host', Mode: '', RW: false, Propagation: 'rprivate' },
    ])
    expect(container.GraphDriver.Name).toBe('overlay2')
    expect(container.GraphDriver.Data.UpperDir).toMatch(/^\/var\/lib\/docker\/overlay2\/[0-9a-f]{64}\/diff$/)
    expect(container.GraphDriver.Data.LowerDir.split(':')).toHaveLength(4)
    ok(sandbox, 'curl -s localhost:8080/')
    expect(ok(sandbox, 'docker logs web')).toMatch(/"GET \/ HTTP\/1\.1" 200 \d+ "-" "curl\/8\.11\.1" "-"\n$/)
    expect(ok(sandbox, 'docker system df')).toMatch(/^TYPE {12}TOTAL {5}ACTIVE {4}SIZE {6}RECLAIMABLE\nImages {10}1 {9}1 {9}70\.1MB {4}0B \(0%\)\n/)
    expect(sandbox.exec('docker inspect nothing').stderr).toBe('Error: No such object: nothing\n')
    expect(sandbox.exec('docker frobnicate').stderr).toBe("docker: unknown command: docker frobnicate\n\nRun 'docker --help' for more information\n")
  })
})

describe('file permissions for a non-root user', () => {
  it('says "Permission denied" where the user owns nothing, and lets it write to /tmp and to folders it owns', () => {
    const sandbox = createSandbox()
    ok(sandbox, 'docker pull busybox')
    const etc = sandbox.exec(`docker run --rm --user nobody busybox sh -c 'echo x > /etc/motd'`)
    expect(etc).toMatchObject({ exitCode: 2, stderr: 'sh: 1: cannot create /etc/motd: Permission denied\n' })
    expect(ok(sandbox, `docker run --rm --user nobody busybox sh -c 'echo x > /tmp/a; cat /tmp/a'`)).toBe('x\n')
    const rm = sandbox.exec('docker run --rm -u 65534 busybox rm /etc/passwd')
    expect(rm).toMatchObject({ exitCode: 1, stderr: "rm: cannot remove '/etc/passwd': Permission denied\n" })
  })

  it('refuses a uid other than the host folder\'s owner in a bind mount, and in the root-owned folder -v creates', () => {
    const sandbox = createSandbox()
    ok(sandbox, 'docker pull busybox')
    sandbox.files.write('site/index.html', '<h1>host</h1>\n')
    // The working folder is the learner's (uid 1000): the same uid writes, another is refused.
    ok(sandbox, `docker run --rm --user 1000 -v ./site:/site busybox sh -c 'echo mine > /site/new.html'`)
    expect(sandbox.files.read('site/new.html')).toBe('mine\n')
    const other = sandbox.exec(`docker run --rm --user 1001 -v ./site:/site busybox sh -c 'echo x > /site/index.html'`)
    expect(other).toMatchObject({ exitCode: 2, stderr: 'sh: 1: cannot create /site/index.html: Permission denied\n' })
    // A missing host path is made by the daemon, as root: a non-root container cannot write into it.
    const made = sandbox.exec(`docker run --rm --user 1000 -v /srv/data:/data busybox sh -c 'mkdir /data/logs'`)
    expect(made).toMatchObject({ exitCode: 1, stderr: "mkdir: cannot create directory '/data/logs': Permission denied\n" })
    ok(sandbox, `docker run --rm -v /srv/data:/data busybox sh -c 'mkdir /data/logs'`)
  })
})
