import { describe, expect, it } from 'vitest'
import { createSandbox } from '../../../src/sandbox/index.ts'

const ok = (sandbox: ReturnType<typeof createSandbox>, line: string) => {
  const r = sandbox.exec(line)
  expect(r.exitCode, `${line}\n${r.stderr}`).toBe(0)
  return r.stdout
}

const NFS = '--driver local --opt type=nfs --opt o=addr=10.0.1.25,rw'

describe('docker volume create with the local driver\'s NFS options', () => {
  it('shows Driver local and the options as given in docker volume inspect', () => {
    const sandbox = createSandbox()
    expect(ok(sandbox, `docker volume create ${NFS} --opt device=:/srv/site shared`)).toBe('shared\n')
    const [v] = JSON.parse(ok(sandbox, 'docker volume inspect shared')) as { Driver: string; Options: Record<string, string>; Mountpoint: string }[]
    expect(v.Driver).toBe('local')
    expect(v.Options).toEqual({ type: 'nfs', o: 'addr=10.0.1.25,rw', device: ':/srv/site' })
    expect(v.Mountpoint).toBe('/var/lib/docker/volumes/shared/_data')
    expect(ok(sandbox, 'docker volume ls')).toBe('DRIVER    VOLUME NAME\nlocal     shared\n')
  })

  it('lets containers on volumes naming the same export see each other\'s files, and keeps them after volume rm', () => {
    const sandbox = createSandbox()
    ok(sandbox, 'docker pull busybox')
    ok(sandbox, `docker volume create ${NFS} --opt device=:/srv/site site-a`)
    ok(sandbox, `docker volume create ${NFS} --opt device=:/srv/site site-b`)
    ok(sandbox, `docker volume create ${NFS} --opt device=:/srv/other other`)
    ok(sandbox, `docker run --rm -v site-a:/data busybox sh -c 'echo hello from a > /data/index.html'`)
    expect(ok(sandbox, 'docker run --rm -v site-b:/web busybox cat /web/index.html')).toBe('hello from a\n')
    expect(ok(sandbox, 'docker run --rm -v other:/web busybox ls /web')).toBe('')
    // The data lives on the server: removing the volumes removes only the engine's references to it.
    ok(sandbox, 'docker volume rm site-a site-b')
    ok(sandbox, `docker volume create ${NFS} --opt device=:/srv/site again`)
    expect(ok(sandbox, 'docker run --rm -v again:/x busybox cat /x/index.html')).toBe('hello from a\n')
  })

  it('serves the export\'s page from two nginx containers', () => {
    const sandbox = createSandbox()
    ok(sandbox, `docker volume create ${NFS} --opt device=:/exports/www www`)
    ok(sandbox, 'docker run -d --name one -p 8081:80 -v www:/usr/share/nginx/html nginx')
    ok(sandbox, 'docker run -d --name two -p 8082:80 -v www:/usr/share/nginx/html nginx')
    ok(sandbox, `docker exec one sh -c 'echo "<h1>shared</h1>" > /usr/share/nginx/html/index.html'`)
    expect(ok(sandbox, 'curl -s localhost:8081/')).toBe('<h1>shared</h1>\n')
    expect(ok(sandbox, 'curl -s localhost:8082/')).toBe('<h1>shared</h1>\n')
  })

  it('refuses wrong options with the daemon\'s words and creates nothing', () => {
    const sandbox = createSandbox()
    const refusals: [string, string][] = [
      ['docker volume create --opt type=nfs nfsvol', 'Error response from daemon: create nfsvol: missing required option: "device"\n'],
      ['docker volume create --opt o=addr=10.0.1.25 --opt device=:/srv nfsvol', 'Error response from daemon: create nfsvol: missing required option: "type"\n'],
      ['docker volume create --opt type=nfs --opt device=:/srv --opt addr=10.0.1.25 nfsvol', 'Error response from daemon: create nfsvol: invalid option: "addr"\n'],
      ['docker volume create --driver nfs nfsvol', 'Error response from daemon: create nfsvol: error looking up volume plugin nfs: plugin "nfs" not found\n'],
      ['docker volume create --name a b', 'conflicting options: cannot specify a volume-name through both --name and as a positional arg\n'],
    ]
    for (const [line, stderr] of refusals) {
      const r = sandbox.exec(line)
      expect(r.stderr, line).toBe(stderr)
      expect(r.exitCode, line).toBe(1)
    }
    expect(ok(sandbox, 'docker volume ls -q')).toBe('')
  })

  it('fails to start a container on an NFS volume whose options name no server', () => {
    const sandbox = createSandbox()
    ok(sandbox, 'docker volume create --opt type=nfs --opt o=rw --opt device=:/srv noserver')
    const r = sandbox.exec('docker run -d --name web -v noserver:/usr/share/nginx/html nginx')
    expect(r.stderr).toContain(
      "Error response from daemon: error while mounting volume '/var/lib/docker/volumes/noserver/_data': failed to mount local volume: mount :/srv:/var/lib/docker/volumes/noserver/_data: invalid argument",
    )
    expect(r.exitCode).toBe(125)
    expect(ok(sandbox, 'docker ps -aq')).toBe('')
  })
})

describe('docker run --mount with volume-driver and volume-opt', () => {
  it('creates the NFS volume on first use, as Docker\'s storage guide shows, and shares the export with a volume created by hand', () => {
    const sandbox = createSandbox()
    ok(sandbox, 'docker pull busybox')
    ok(
      sandbox,
      `docker run --rm --mount 'type=volume,src=nfsvolume,dst=/app,volume-driver=local,volume-opt=type=nfs,volume-opt=device=:/var/docker-nfs,"volume-opt=o=addr=10.0.0.10,rw"' busybox sh -c 'echo from run > /app/note'`,
    )
    const [v] = JSON.parse(ok(sandbox, 'docker volume inspect nfsvolume')) as { Options: Record<string, string> }[]
    expect(v.Options).toEqual({ type: 'nfs', device: ':/var/docker-nfs', o: 'addr=10.0.0.10,rw' })
    ok(sandbox, 'docker volume create --driver local --opt type=nfs --opt o=addr=10.0.0.10 --opt device=:/var/docker-nfs byhand')
    expect(ok(sandbox, 'docker run --rm -v byhand:/data busybox cat /data/note')).toBe('from run\n')
  })
})

describe('an NFS export across a saved sandbox', () => {
  it('keeps the export\'s files when the sandbox is saved and resumed, and a refused mount changes nothing', () => {
    const sandbox = createSandbox()
    ok(sandbox, 'docker pull busybox')
    ok(sandbox, `docker volume create ${NFS} --opt device=:/srv/site shared`)
    ok(sandbox, `docker run --rm -v shared:/data busybox sh -c 'echo kept > /data/file'`)
    const resumed = createSandbox({ snapshot: sandbox.snapshot() })
    expect(ok(resumed, 'docker run --rm -v shared:/d busybox cat /d/file')).toBe('kept\n')
    ok(resumed, 'docker volume create --opt type=nfs --opt device=:/srv noserver')
    const before = JSON.stringify(resumed.snapshot().world)
    expect(resumed.exec('docker run -v noserver:/d busybox ls /d').exitCode).toBe(125)
    expect(JSON.stringify(resumed.snapshot().world)).toBe(before)
  })
})
