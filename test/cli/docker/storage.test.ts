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

  it('a deletion committed into an image stays deleted in every container of it, and a folder made again is empty', () => {
    const sandbox = createSandbox()
    ok(sandbox, `docker run --name trimmer nginx sh -c 'rm /usr/share/nginx/html/50x.html; rm -r /etc/nginx/conf.d; mkdir /etc/nginx/conf.d'`)
    ok(sandbox, 'docker commit trimmer trimmed')
    ok(sandbox, 'docker run -d --name one trimmed')
    ok(sandbox, 'docker run -d --name two trimmed')
    for (const name of ['one', 'two']) {
      expect(ok(sandbox, `docker exec ${name} ls /usr/share/nginx/html`)).toBe('index.html\n')
      expect(ok(sandbox, `docker exec ${name} ls /etc/nginx/conf.d`)).toBe('')
      const gone = sandbox.exec(`docker exec ${name} cat /usr/share/nginx/html/50x.html`)
      expect(gone.exitCode).toBe(1)
      expect(gone.stderr).toBe('cat: /usr/share/nginx/html/50x.html: No such file or directory\n')
    }
    // A write in one container is its own: the other still reads the image's file.
    ok(sandbox, `docker exec one sh -c 'echo mine > /usr/share/nginx/html/index.html'`)
    expect(ok(sandbox, 'docker exec one cat /usr/share/nginx/html/index.html')).toBe('mine\n')
    expect(ok(sandbox, 'docker exec two cat /usr/share/nginx/html/index.html')).toContain('Welcome to nginx!')
    expect(ok(sandbox, 'docker diff two')).toBe('')
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

describe('bind mounts of a folder in the working folder', () => {
  it('shows edits made on either side at once', () => {
    const sandbox = createSandbox()
    const r = sandbox.exec('docker run -d --name web -p 8080:80 -v ./site:/usr/share/nginx/html nginx')
    expect(r.exitCode).toBe(0)
    // -v created the missing folder, empty: the image's page is hidden, not copied.
    expect(sandbox.exec('curl -s -o /dev/null -w "%{http_code}" localhost:8080').stdout).toBe('404')
    ok(sandbox, `docker exec web sh -c 'echo "<h1>from the container</h1>" > /usr/share/nginx/html/index.html'`)
    expect(sandbox.files.read('site/index.html')).toBe('<h1>from the container</h1>\n')
    ok(sandbox, `echo '<h1>from the console</h1>' > site/index.html`)
    expect(ok(sandbox, 'curl -s localhost:8080')).toBe('<h1>from the console</h1>\n')
    sandbox.files.write('site/index.html', '<h1>from the Files tab</h1>\n')
    expect(ok(sandbox, 'docker exec web cat /usr/share/nginx/html/index.html')).toBe('<h1>from the Files tab</h1>\n')
    expect(ok(sandbox, 'docker diff web')).toBe('')
  })

  it('refuses writes through a read-only mount', () => {
    const sandbox = createSandbox()
    ok(sandbox, 'docker run -d --name ro -v "$HOME":/srv:ro nginx')
    const r = sandbox.exec(`docker exec ro sh -c 'echo x > /srv/a.txt'`)
    expect(r.exitCode).toBe(2)
    expect(r.stderr).toBe('sh: 1: cannot create /srv/a.txt: Read-only file system\n')
    expect(sandbox.files.read('a.txt')).toBeUndefined()
  })
})

describe('container lifecycle', () => {
  it('stops, starts, restarts and removes containers with the daemon\'s refusals', () => {
    const sandbox = createSandbox()
    ok(sandbox, 'docker run -d --name web nginx')
    const running = sandbox.exec('docker rm web')
    expect(running.exitCode).toBe(1)
    expect(running.stderr).toBe('Error response from daemon: cannot remove container "/web": container is running: stop the container before removing or force remove\n')
    expect(ok(sandbox, 'docker stop web')).toBe('web\n')
    expect(ok(sandbox, "docker ps -a --format '{{.Names}} {{.State}}'")).toBe('web exited\n')
    const stopped = sandbox.exec('docker exec web ls')
    expect(stopped.stderr).toMatch(/^Error response from daemon: container [0-9a-f]{64} is not running\n$/)
    expect(ok(sandbox, 'docker start web')).toBe('web\n')
    expect(ok(sandbox, 'docker restart web')).toBe('web\n')
    expect(ok(sandbox, 'docker ps -q')).toMatch(/^[0-9a-f]{12}\n$/)
    expect(ok(sandbox, 'docker rm -f web')).toBe('web\n')
    expect(ok(sandbox, 'docker ps -aq')).toBe('')
  })

  it('exits with the code of the command, or 127 when it does not exist', () => {
    const sandbox = createSandbox()
    ok(sandbox, 'docker pull busybox')
    expect(sandbox.exec(`docker run --rm busybox sh -c 'exit_code_is_ours; false'`).exitCode).toBe(1)
    const missing = sandbox.exec('docker run --rm busybox nosuchprogram')
    expect(missing.exitCode).toBe(127)
    expect(missing.stderr).toContain('exec: "nosuchprogram": executable file not found in $PATH: unknown')
    expect(ok(sandbox, 'docker ps -aq')).toBe('')
    expect(sandbox.exec('docker run nosuchimage').stderr).toContain("Unable to find image 'nosuchimage:latest' locally\n")
    expect(sandbox.exec('docker run nosuchimage').stderr).toContain(
      "docker: Error response from daemon: pull access denied for nosuchimage, repository does not exist or may require 'docker login': denied: requested access to the resource is denied",
    )
  })

  it('keeps a sleeping container running until its sleep ends on the clock', () => {
    const sandbox = createSandbox()
    ok(sandbox, 'docker run -d --name nap busybox sleep 30')
    expect(ok(sandbox, "docker ps --format '{{.Names}}'")).toBe('nap\n')
    sandbox.advance(31_000)
    expect(ok(sandbox, "docker ps --format '{{.Names}}'")).toBe('')
    expect(ok(sandbox, "docker inspect -f '{{.State.Status}} {{.State.ExitCode}}' nap")).toBe('exited 0\n')
  })

  it('pulls as docker prints it without a terminal, and lists the image', () => {
    const sandbox = createSandbox()
    const out = ok(sandbox, 'docker pull alpine')
    expect(out.split('\n').slice(0, 3)).toEqual(['Using default tag: latest', 'latest: Pulling from library/alpine', '38a8310d387e: Pulling fs layer'])
    expect(out).toMatch(/Status: Downloaded newer image for alpine:latest\ndocker\.io\/library\/alpine:latest\n$/)
    expect(ok(sandbox, 'docker pull alpine')).toContain('Status: Image is up to date for alpine:latest\n')
    expect(ok(sandbox, 'docker images')).toMatch(/^REPOSITORY {3}TAG {7}IMAGE ID {7}CREATED {7}SIZE\nalpine {7}latest {4}b0c9d09244e8 {3}\d+ weeks ago {3}3\.64MB\n$/)
  })
})

describe('docker exec -i and -it', () => {
  it('feeds piped commands to a shell with -i, refuses a TTY on a pipe, and explains an interactive shell', () => {
    const sandbox = createSandbox()
    ok(sandbox, 'docker run -d --name web nginx')
    expect(ok(sandbox, `echo 'ls /usr/share/nginx/html' | docker exec -i web sh`)).toBe('50x.html\nindex.html\n')
    const tty = sandbox.exec(`echo ls | docker exec -it web sh`)
    expect(tty).toMatchObject({ exitCode: 1, stderr: 'cannot attach stdin to a TTY-enabled container because stdin is not a terminal\n' })
    const shell = sandbox.exec('docker exec -it web sh')
    expect(shell.exitCode).toBe(0)
    expect(shell.stderr).toContain("Run each command with: docker exec web sh -c '<command>'")
    expect(ok(sandbox, 'docker exec -it web ls /usr/share/nginx/html')).toBe('50x.html\nindex.html\n')
  })
})
