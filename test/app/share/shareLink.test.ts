import { readFileSync } from 'node:fs'
import { describe, expect, it } from 'vitest'
import { createSandbox, type Sandbox, type SandboxSnapshot } from '../../../src/sandbox/index.ts'
import { decodeShare, encodeShare, SHARE_PREFIX, type SharedSession } from '../../../src/app/share/index.ts'
import { deflate, toBase64Url } from '../../../src/app/share/codec.ts'

const SEED = 11

/** A short instructor demo: a VPC, a cluster, a file, a playing clock (one advance per frame) and a removed file. */
function demo(sandbox: Sandbox = createSandbox({ seed: SEED })): Sandbox {
  sandbox.exec('aws ec2 create-vpc --cidr-block 10.0.0.0/16')
  for (let i = 0; i < 90; i++) sandbox.advance(16 + (i % 3))
  sandbox.exec('aws ecs create-cluster --cluster-name demo')
  sandbox.files.write('notes.txt', 'hello\n')
  sandbox.exec('cat notes.txt')
  sandbox.advance(5_000)
  sandbox.files.remove('notes.txt')
  sandbox.exec('aws ec2 describe-vpcs --query "Vpcs[].State" --output text')
  return sandbox
}

const opened = async (hash: string): Promise<SharedSession> => {
  const decoded = await decodeShare(hash)
  if (!decoded.ok) throw new Error(decoded.message)
  return decoded.session
}

const replayed = (session: SharedSession) =>
  session.checkpoint ? createSandbox({ snapshot: session.checkpoint, inputs: session.inputs }) : createSandbox({ seed: session.seed, inputs: session.inputs })

describe('share links', () => {
  it('round-trip: the link rebuilds the world byte for byte, the clock at the same millisecond, the same outputs', async () => {
    const original = demo()
    const hash = await encodeShare({ seed: SEED, inputs: original.inputs(), lesson: { id: 'fargate-walkthrough', step: 2 } })
    expect(hash).toMatch(/^#s=1\.[A-Za-z0-9_-]+$/)
    const session = await opened(hash)
    expect(session.lesson).toEqual({ id: 'fargate-walkthrough', step: 2 })
    const copy = replayed(session)
    expect(JSON.stringify(copy.snapshot())).toBe(JSON.stringify(original.snapshot()))
    const outputs = (s: Sandbox) => s.inputs().flatMap((i) => (i.kind === 'exec' ? [i.stdout + i.stderr] : []))
    expect(outputs(copy)).toEqual(outputs(original))
  })

  it('carries a checkpoint when the world did not start fresh, and an older snapshot schema in it is migrated', async () => {
    const schema1 = JSON.parse(readFileSync(new URL('../../sandbox/fixtures/schema1-walkthrough.json', import.meta.url), 'utf8')) as SandboxSnapshot
    const direct = createSandbox({ snapshot: structuredClone(schema1) })
    direct.advance(60_000)
    direct.exec('aws ecs describe-services --cluster demo --services web --query "services[0].runningCount"')
    const session = await opened(await encodeShare({ checkpoint: schema1, inputs: direct.inputs() }))
    expect(JSON.stringify(replayed(session).snapshot())).toBe(JSON.stringify(direct.snapshot()))
  })

  it('says clearly when a link comes from a version this one cannot read', async () => {
    const body = (await encodeShare({ seed: SEED, inputs: [] })).slice(SHARE_PREFIX.length + 2)
    expect(await decodeShare(`#s=2.${body}`)).toEqual({ ok: false, message: expect.stringMatching(/newer version of Container Sandbox .*Reload the page to update/) })
    expect(await decodeShare(`#s=0.${body}`)).toEqual({ ok: false, message: expect.stringMatching(/damaged \(it has no version\)/) })
  })

  it('1,000 malformed links each give a message, never an exception', async () => {
    // A seeded generator (tests may use their own): the same 1,000 links every run.
    let state = 0x2545f491
    const rand = (n: number) => {
      state = (Math.imul(state, 1_103_515_245) + 12_345) >>> 0
      return state % n
    }
    const valid = await encodeShare({ seed: SEED, inputs: demo().inputs() })
    const alphabet = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_<>"\'&%.=#/\\ ;{}()'
    const randomText = (n: number) => Array.from({ length: n }, () => alphabet[rand(alphabet.length)]).join('')
    const randomBytes = (n: number) => Uint8Array.from({ length: n }, () => rand(256))
    const hostileDocs: unknown[] = [
      null, 42, 'x', [], { v: 1 }, { v: 1, inputs: 'ls' }, { v: 1, inputs: [{}] }, { v: 1, inputs: [-5], seed: 1 }, { v: 1, inputs: [1e300], seed: 1 },
      { v: 1, inputs: [], seed: 'a' }, { v: 1, inputs: [], checkpoint: 'x' }, { v: 1, inputs: [['w', 1, 2]], seed: 1 }, { v: 2, inputs: [], seed: 1 },
      { v: 1, inputs: [], seed: 1, lesson: { id: '<script>alert(1)</script>', step: -1 } }, { v: 1, inputs: [['x']], seed: 1 },
      { v: 1, inputs: Array.from({ length: 20_001 }, () => 'ls'), seed: 1 }, { v: 1, inputs: [Number.MAX_SAFE_INTEGER], seed: 1 },
    ]
    const kinds = [
      () => valid.slice(0, SHARE_PREFIX.length + 2 + rand(valid.length - SHARE_PREFIX.length - 3)),
      () => `#s=1.${randomText(1 + rand(200))}`,
      () => `#s=1.${toBase64Url(randomBytes(1 + rand(300)))}`,
      () => `#s=${randomText(rand(40))}`,
      () => `#s=${rand(5)}${randomText(rand(3))}.${valid.slice(7, 40)}`,
      async () => `#s=1.${toBase64Url(await deflate(JSON.stringify(hostileDocs[rand(hostileDocs.length)])))}`,
      async () => `#s=1.${toBase64Url(await deflate(randomText(rand(400))))}`,
      () => `#s=1.${toBase64Url(Uint8Array.from([0x78, 0x9c, ...randomBytes(rand(50))]))}`,
    ]
    const messages = new Set<string>()
    for (let i = 0; i < 1000; i++) {
      const hash = await kinds[i % kinds.length]()
      const decoded = await decodeShare(hash)
      expect(decoded.ok, hash.slice(0, 80)).toBe(false)
      if (!decoded.ok) {
        expect(decoded.message).toMatch(/^This (share link|is not a share link)/)
        messages.add(decoded.message)
      }
    }
    expect(messages.size).toBeGreaterThan(3)
  }, 120_000)
})
