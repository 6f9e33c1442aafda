import { describe, expect, it } from 'vitest'
import { createCurlProgram } from '../../../src/cli/curl/index.ts'
import type { HttpRequest, HttpResult } from '../../../src/sim/network/index.ts'

const ok200: HttpResult = {
  hops: [{ resource: 'eni-1', label: 'network interface eni-1' }],
  response: { httpVersion: 'HTTP/1.0', status: 200, statusText: 'OK', headers: [['Content-type', 'text/html']], body: '<h1>hi</h1>\n', ip: '3.1.2.3', port: 8080 },
}

function run(args: string[], result: HttpResult = ok200) {
  const requests: HttpRequest[] = []
  let stdout = ''
  let stderr = ''
  const exitCode = createCurlProgram({ http: (r) => (requests.push(r), result) })(args, {
    stdout: (t) => (stdout += t),
    stderr: (t) => (stderr += t),
    env: {},
    files: { read: () => undefined, write: () => undefined, list: () => [] },
  })
  return { stdout, stderr, exitCode, requests }
}

describe('curl command line in, request out', () => {
  it.each([
    [['http://h/x'], { method: 'GET', url: 'http://h:80/x' }],
    [['h:8080'], { method: 'GET', url: 'http://h:8080/' }],
    [['-XPOST', 'http://h/'], { method: 'POST', url: 'http://h:80/' }],
    [['-I', 'http://h/'], { method: 'HEAD', url: 'http://h:80/' }],
    [['-d', 'a=1', 'http://h/'], { method: 'POST', url: 'http://h:80/' }],
  ])('%j', (args, expected) => {
    expect(run(args).requests[0]).toMatchObject(expected)
  })

  it('-H replaces a default header', () => {
    expect(run(['-H', 'Host: api.example.com', 'http://h/']).requests[0].headers).toMatchObject({ Host: 'api.example.com', 'User-Agent': 'curl/8.11.1', Accept: '*/*' })
  })

  it('bundled short flags and an attached value', () => {
    expect(run(['-sSfw%{http_code}', 'http://h/']).stdout).toBe('<h1>hi</h1>\n200')
  })
})

describe('what curl prints', () => {
  it('the body, or the headers too with -i', () => {
    expect(run(['http://h/']).stdout).toBe('<h1>hi</h1>\n')
    expect(run(['-i', 'http://h/']).stdout).toBe('HTTP/1.0 200 OK\r\nContent-type: text/html\r\n\r\n<h1>hi</h1>\n')
  })

  it('an unknown option, a missing value and no URL, in curl’s words (exit 2)', () => {
    expect(run(['--frobnicate', 'http://h/'])).toMatchObject({ exitCode: 2, stderr: "curl: option --frobnicate: is unknown\ncurl: try 'curl --help' or 'curl --manual' for more information\n" })
    expect(run(['-H'])).toMatchObject({ exitCode: 2, stderr: "curl: option -H: requires parameter\ncurl: try 'curl --help' or 'curl --manual' for more information\n" })
    expect(run(['-s'])).toMatchObject({ exitCode: 2, stderr: "curl: no URL specified\ncurl: try 'curl --help' or 'curl --manual' for more information\n" })
    expect(run([])).toMatchObject({ exitCode: 2, stderr: "curl: try 'curl --help' or 'curl --manual' for more information\n" })
  })

  it('failures with their exit codes; -s hides the message, -sS shows it', () => {
    expect(run(['http://x/'], { hops: [], failure: { kind: 'dns', host: 'x' } })).toMatchObject({ exitCode: 6, stderr: 'curl: (6) Could not resolve host: x\n' })
    expect(run(['-s', 'http://x/'], { hops: [], failure: { kind: 'dns', host: 'x' } })).toMatchObject({ exitCode: 6, stderr: '' })
    expect(run(['-sS', 'http://x/'], { hops: [], failure: { kind: 'dns', host: 'x' } }).stderr).toBe('curl: (6) Could not resolve host: x\n')
    expect(run(['http://x/'], { hops: [], failure: { kind: 'refused', host: 'x', port: 80, ip: '1.2.3.4' } }).stderr).toBe("curl: (7) Failed to connect to x port 80 after 2 ms: Couldn't connect to server\n")
    expect(run(['http://x/'], { hops: [], failure: { kind: 'timeout', host: 'x', port: 80, ip: '1.2.3.4' } })).toMatchObject({
      exitCode: 28,
      stderr: "curl: (28) Failed to connect to x port 80 after 130005 ms: Couldn't connect to server\n",
    })
    expect(run(['-sf', 'http://x/'], { ...ok200, response: { ...ok200.response!, status: 404, statusText: 'Not Found' } })).toMatchObject({ exitCode: 22, stdout: '' })
  })

  it('-v: resolve, connect, request and response lines, the hops as comments, HTTP/1.0 closes', () => {
    const lines = run(['-v', 'http://h:8080/']).stderr.split('\n')
    expect(lines).toEqual([
      '* Host h:8080 was resolved.',
      '* IPv6: (none)',
      '* IPv4: 3.1.2.3',
      '*   Trying 3.1.2.3:8080...',
      '* Connected to h (3.1.2.3) port 8080',
      '* using HTTP/1.x',
      '> GET / HTTP/1.1',
      '> Host: h:8080',
      '> User-Agent: curl/8.11.1',
      '> Accept: */*',
      '> ',
      '* Request completely sent off',
      '* [sandbox] network interface eni-1',
      '< HTTP/1.0 200 OK',
      '< Content-type: text/html',
      '< ',
      '* Closing connection',
      '',
    ])
  })
})
