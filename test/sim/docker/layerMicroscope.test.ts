import { describe, expect, it } from 'vitest'
import { containerStorage, createSandbox, pathOrigin } from '../../../src/sandbox/index.ts'

const ok = (sandbox: ReturnType<typeof createSandbox>, line: string) => {
  const r = sandbox.exec(line)
  expect(r.exitCode, `${line}\n${r.stderr}`).toBe(0)
  return r.stdout
}

describe('the layer microscope', () => {
  it('shows a container as its image layers plus a writable layer, and where each path is read from', () => {
    const sandbox = createSandbox()
    ok(sandbox, 'docker run -d --name web -v site:/data nginx')
    ok(sandbox, `docker exec web sh -c 'echo changed >> /etc/nginx/nginx.conf; rm /docker-entrypoint.sh; echo new > /root/note; echo v > /data/v'`)
    const view = containerStorage(sandbox.world(), sandbox.files, 'web')
    expect(view?.layers.map((l) => l.kind)).toEqual(['container', 'image', 'image', 'image'])
    expect(view?.layers[1].createdBy).toContain('COPY file:docker-entrypoint.sh')
    const upper = view?.layers[0].files ?? []
    expect(upper.find((f) => f.path === '/etc/nginx/nginx.conf')).toEqual({ path: '/etc/nginx/nginx.conf', type: 'file', change: 'copied-up', visible: true })
    expect(upper.find((f) => f.path === '/docker-entrypoint.sh')).toEqual({ path: '/docker-entrypoint.sh', type: 'whiteout', change: 'whiteout', visible: false })
    expect(upper.find((f) => f.path === '/root/note')?.change).toBe('added')
    // The copied-up file's original stays in its layer, hidden; the whited-out one too.
    expect(view?.layers[2].files.find((f) => f.path === '/etc/nginx/nginx.conf')?.visible).toBe(false)
    expect(view?.layers[1].files.find((f) => f.path === '/docker-entrypoint.sh')?.visible).toBe(false)
    expect(view?.layers[3].files.find((f) => f.path === '/etc/passwd')?.visible).toBe(true)
    expect(view?.mounts).toEqual([{ type: 'volume', source: 'site', destination: '/data', readOnly: false, files: ['v'] }])
    expect(pathOrigin(sandbox.world(), sandbox.files, 'web', '/etc/passwd')).toEqual({ from: 'image', layer: 0 })
    expect(pathOrigin(sandbox.world(), sandbox.files, 'web', '/etc/nginx/nginx.conf')).toEqual({ from: 'upper' })
    expect(pathOrigin(sandbox.world(), sandbox.files, 'web', '/docker-entrypoint.sh')).toEqual({ from: 'missing' })
    expect(pathOrigin(sandbox.world(), sandbox.files, 'web', '/data/v')).toEqual({ from: 'mount', mount: '/data' })
  })

  it('keeps a committed layer as the new top image layer, and a new container from it starts with an empty writable layer', () => {
    const sandbox = createSandbox()
    ok(sandbox, `docker run --name builder busybox sh -c 'rm /etc/group; mkdir /etc/app; echo on > /etc/app/flag'`)
    ok(sandbox, 'docker commit builder snap')
    ok(sandbox, 'docker run -d --name cc snap sleep 60')
    const view = containerStorage(sandbox.world(), sandbox.files, 'cc')
    expect(view?.layers[0].files).toEqual([])
    expect(view?.layers[1].files.map((f) => `${f.type} ${f.path}`)).toEqual(['directory /etc/app', 'file /etc/app/flag', 'whiteout /etc/group'])
    expect(ok(sandbox, 'docker exec cc ls /etc')).toBe('app\npasswd\n')
    expect(ok(sandbox, 'docker exec cc cat /etc/app/flag')).toBe('on\n')
  })

  it('a folder deleted and made again does not show the image files it had (opaque)', () => {
    const sandbox = createSandbox()
    ok(sandbox, 'docker run -d --name web nginx')
    ok(sandbox, `docker exec web sh -c 'rm -r /usr/share/nginx/html; mkdir /usr/share/nginx/html; touch /usr/share/nginx/html/empty'`)
    expect(ok(sandbox, 'docker exec web ls /usr/share/nginx/html')).toBe('empty\n')
  })

  it('a failed docker command leaves the world byte-identical', () => {
    const sandbox = createSandbox()
    ok(sandbox, 'docker run -d --name web -p 8080:80 nginx')
    const before = JSON.stringify(sandbox.snapshot().world)
    expect(sandbox.exec('docker run -d --name other -p 8080:80 nginx').exitCode).toBe(125)
    expect(sandbox.exec('docker run -d --name web nginx').exitCode).toBe(125)
    expect(JSON.stringify(sandbox.snapshot().world)).toBe(before)
  })
})
