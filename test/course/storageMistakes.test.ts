import { describe, expect, it } from 'vitest'
import { lesson, upTo } from './support.ts'

// The storage lessons' typical mistakes: the learner does almost the right thing, and the step's goal stays unmet.



describe('storage lessons: typical mistakes leave the goal unmet', () => {
  const cow = lesson('copy-on-write')
  it('copy-on-write: stopping and starting the container keeps its writable layer, so the change is still there', () => {
    const session = upTo(cow, 'remove-and-recreate')
    session.exec('docker stop web')
    session.exec('docker start web')
    const page = session.exec('curl -s localhost:8080')
    expect(page.stdout).toBe('<h1>Changed inside the container</h1>\n')
    expect(session.goal('remove-and-recreate')).toMatchObject({ met: false })
  })

  const mounts = lesson('bind-mounts-volumes')
  it('bind mounts: a bare name after -v is a named volume, so edits on the host never reach the container', () => {
    const session = upTo(mounts, 'bind-mount')
    session.exec('docker run -d --name dev -p 8080:80 -v site:/usr/share/nginx/html nginx')
    session.exec(`echo '<h1>Edited on the host</h1>' > site/index.html`)
    const page = session.exec('curl -s localhost:8080')
    // The new volume was filled from the image: nginx's own page, not the learner's.
    expect(page.stdout).toContain('Welcome to nginx!')
    expect(session.goal('bind-mount')).toMatchObject({ met: false })
  })

  it('shared volume: mounted below the document root, nginx serves its own page, not the site', () => {
    const session = upTo(mounts, 'two-servers')
    session.exec('docker run -d --name web1 -p 8081:80 -v site-data:/usr/share/nginx/html/site:ro nginx')
    session.exec('docker run -d --name web2 -p 8082:80 -v site-data:/usr/share/nginx/html/site:ro nginx')
    expect(session.exec('curl -s localhost:8081').stdout).toContain('Welcome to nginx!')
    session.exec('curl -s localhost:8082')
    expect(session.goal('two-servers')).toMatchObject({ met: false })
  })
})
