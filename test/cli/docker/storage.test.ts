import { describe, expect, it } from 'vitest'
import { createSandbox } from '../../../src/sandbox/index.ts'

const ok = (sandbox: ReturnType<typeof createSandbox>, line: string) => {
  const r = sandbox.exec(line)
  expect(r.stderr === '' || r.exitCode === 0, `${line}\n${r.stderr}`).toBe(true)
  expect(r.exitCode, `${line}\n${r.stderr}`).toBe(0)
  return r.stdout
}

describe('docker on the workstation', () => {
  it('pulls an image the first time it runs one, and prints the container ID', () => {
    const sandbox = createSandbox()
    const r = sandbox.exec('docker run -d --name web -p 8080:80 nginx')
    expect(r.exitCode).toBe(0)
    expect(r.stderr).toContain("Unable to find image 'nginx:latest' locally")
    expect(r.stderr).toContain('Status: Downloaded newer image for nginx:latest')
    expect(r.stdout).toMatch(/^[0-9a-f]{64}\n$/)
    expect(ok(sandbox, 'curl -s http://localhost:8080/')).toContain('Welcome to nginx!')
    const ps = ok(sandbox, 'docker ps').split('\n')
    expect(ps[0]).toMatch(/^CONTAINER ID {3}IMAGE {5}COMMAND {18}CREATED +STATUS +PORTS +NAMES$/)
    expect(ps[1]).toMatch(/^[0-9a-f]{12} {3}nginx {5}"\/docker-entrypoint\.…" {3}.*Up .*0\.0\.0\.0:8080->80\/tcp {3}web$/)
  })

  it('refuses a second container with the same name in the daemon\'s words (exit 125)', () => {
    const sandbox = createSandbox()
    const id = ok(sandbox, 'docker run -d --name web nginx').trim()
    const r = sandbox.exec('docker run -d --name web nginx')
    expect(r.exitCode).toBe(125)
    expect(r.stderr).toBe(
      `docker: Error response from daemon: Conflict. The container name "/web" is already in use by container "${id}". You have to remove (or rename) that container to be able to reuse that name.\n\nRun 'docker run --help' for more information\n`,
    )
    expect(sandbox.exec('docker rm nothere').stderr).toBe('Error response from daemon: No such container: nothere\n')
  })

  it('copies a file up on first write, whites out a deletion, and docker diff shows both', () => {
    const sandbox = createSandbox()
    ok(sandbox, 'docker run -d --name web -p 8080:80 nginx')
    ok(sandbox, `docker exec web sh -c 'echo "<h1>changed</h1>" > /usr/share/nginx/html/index.html; rm /usr/share/nginx/html/50x.html'`)
    expect(ok(sandbox, 'curl -s localhost:8080')).toBe('<h1>changed</h1>\n')
    expect(ok(sandbox, 'docker diff web')).toBe('C /usr\nC /usr/share\nC /usr/share/nginx\nC /usr/share/nginx/html\nD /usr/share/nginx/html/50x.html\nC /usr/share/nginx/html/index.html\n')
    // docker rm discards the writable layer: a new container from the same image starts clean.
    ok(sandbox, 'docker rm -f web')
    ok(sandbox, 'docker run -d --name web2 -p 8081:80 nginx')
    expect(ok(sandbox, 'curl -s localhost:8081')).toContain('Welcome to nginx!')
    expect(ok(sandbox, 'docker diff web2')).toBe('')
  })

  it('commits a writable layer into a new image layer', () => {
    const sandbox = createSandbox()
    ok(sandbox, `docker run --name builder busybox sh -c 'echo hello > /greeting'`)
    const id = ok(sandbox, 'docker commit builder greeter').trim()
    expect(id).toMatch(/^sha256:[0-9a-f]{64}$/)
    expect(ok(sandbox, 'docker run --rm greeter cat /greeting')).toBe('hello\n')
    const history = ok(sandbox, 'docker history greeter').split('\n')
    expect(history[0]).toMatch(/^IMAGE {10}CREATED +CREATED BY +SIZE +COMMENT$/)
    expect(history[1]).toContain(id.slice(7, 19))
    // The pulled image's own layer is named by its ID; layers known only as layers would be <missing>.
    expect(history[2]).toMatch(/^[0-9a-f]{12} {3}\d+ weeks ago +\/bin\/sh -c #\(nop\) ADD file:busybox in \/ +2\.15MB/)
  })

  it('serves one website from a shared volume through two nginx containers, and keeps it when the writer goes', () => {
    const sandbox = createSandbox()
    ok(sandbox, `docker run --name writer -v site:/data busybox sh -c 'echo "<h1>shared</h1>" > /data/index.html'`)
    ok(sandbox, 'docker run -d --name web1 -p 8081:80 -v site:/usr/share/nginx/html:ro nginx')
    ok(sandbox, 'docker run -d --name web2 -p 8082:80 -v site:/usr/share/nginx/html:ro nginx')
    ok(sandbox, 'docker rm writer')
    expect(ok(sandbox, 'curl -s localhost:8081')).toBe('<h1>shared</h1>\n')
    expect(ok(sandbox, 'curl -s localhost:8082')).toBe('<h1>shared</h1>\n')
    const inUse = sandbox.exec('docker volume rm site')
    expect(inUse.exitCode).toBe(1)
    expect(inUse.stderr).toMatch(/^Error response from daemon: remove site: volume is in use - \[[0-9a-f]{64}, [0-9a-f]{64}\]\n$/)
    expect(ok(sandbox, 'docker volume ls')).toBe('DRIVER    VOLUME NAME\nlocal     site\n')
  })

  it('initialises an empty volume from the image, while a bind mount hides the image files', () => {
    const sandbox = createSandbox()
    ok(sandbox, 'docker run -d --name vol -v html:/usr/share/nginx/html nginx')
    expect(ok(sandbox, 'docker exec vol ls /usr/share/nginx/html')).toBe('50x.html\nindex.html\n')
    ok(sandbox, 'docker run -d --name bind -p 8090:80 -v "$HOME":/usr/share/nginx/html nginx')
    expect(sandbox.exec('curl -s localhost:8090/index.html').stdout).toContain('404 Not Found')
    ok(sandbox, `echo '<p>from the host</p>' > index.html`)
    expect(ok(sandbox, 'curl -s localhost:8090/')).toBe('<p>from the host</p>\n')
    const r = sandbox.exec('docker run -d --mount type=bind,src=/srv/data,dst=/data nginx')
    expect(r.exitCode).toBe(125)
    expect(r.stderr).toContain('docker: Error response from daemon: invalid mount config for type "bind": bind source path does not exist: /srv/data')
    ok(sandbox, 'docker run -d -v /srv/data:/data nginx')
    ok(sandbox, 'docker run -d --mount type=bind,src=/srv/data,dst=/data nginx')
  })

  it('snapshots and resumes the engine identically', () => {
    const sandbox = createSandbox()
    ok(sandbox, 'docker run -d --name web -p 8080:80 nginx')
    const resumed = createSandbox({ snapshot: sandbox.snapshot() })
    expect(resumed.exec('docker ps -q').stdout).toBe(sandbox.exec('docker ps -q').stdout)
    expect(JSON.stringify(resumed.snapshot())).toBe(JSON.stringify(sandbox.snapshot()))
  })
})
