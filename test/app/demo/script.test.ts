import { describe, expect, test } from 'vitest'
import { createSandbox } from '../../../src/sandbox/index.ts'
import { EXAMPLE_DEMO, parseDemo, playBeat, type BeatPlayer } from '../../../src/app/demo/index.ts'

describe('a demo script file', () => {
  test.each([
    ['one command a line, each its own beat with the notes above it', '# make a cluster\naws ecs create-cluster\n\naws ecs list-clusters\n', [
      { notes: ['make a cluster'], commands: ['aws ecs create-cluster'] },
      { notes: [], commands: ['aws ecs list-clusters'] },
    ]],
    ['pause lines group commands into beats', '# first\na\nb\npause\n# second\nc\nPAUSE\n', [
      { notes: ['first'], commands: ['a', 'b'] },
      { notes: ['second'], commands: ['c'] },
    ]],
    ['a trailing backslash continues the command', 'aws ecs create-service \\\n  --cluster demo \\\n  --service-name web\n', [
      { notes: [], commands: ['aws ecs create-service --cluster demo --service-name web'] },
    ]],
    ['Windows line ends and blank lines change nothing; a closing note stays', '\r\na\r\n\r\n# that is all\r\n', [
      { notes: [], commands: ['a'] },
      { notes: ['that is all'], commands: [] },
    ]],
    ['an empty file has no beats', '\n\npause\n', []],
  ])('%s', (_name, text, beats) => {
    expect(parseDemo(text).beats).toEqual(beats)
  })
})

describe('playing a demo', () => {
  test('runs its commands in order, one beat per key press, typed up to the whole line before each runs', async () => {
    const sandbox = createSandbox({ seed: 11 })
    const shown: (string | undefined)[] = []
    const player: BeatPlayer = {
      show: (t) => shown.push(t),
      run: (line) => sandbox.exec(line),
      wait: async () => {},
      charsPerSecond: 40,
      stopped: () => false,
    }
    const { beats } = parseDemo(EXAMPLE_DEMO)
    expect(beats).toHaveLength(3)
    for (const beat of beats) await playBeat(beat, player)
    const ran = sandbox.inputs().flatMap((i) => (i.kind === 'exec' ? [i.line] : []))
    expect(ran).toEqual(beats.flatMap((b) => b.commands))
    expect(sandbox.exec('aws ecs list-clusters --output text').stdout).toContain('demo-cluster')
    // Typed visibly: growing prefixes of each line, then the whole line, and nothing once the beat is over.
    const first = beats[0].commands[0]
    const typing = shown.slice(0, shown.indexOf(first))
    expect(typing.length).toBeGreaterThan(3)
    typing.forEach((t, i) => expect(first.startsWith(t ?? '') && (i === 0 || (t ?? '').length >= (typing[i - 1] ?? '').length)).toBe(true))
    expect(shown.at(-1)).toBeUndefined()
  })

  test('stopping the demo mid-beat runs nothing more', async () => {
    const sandbox = createSandbox({ seed: 11 })
    let stop = false
    await playBeat({ notes: [], commands: ['aws ecs create-cluster --cluster-name one', 'aws ecs create-cluster --cluster-name two'] }, {
      show: () => {},
      run: (line) => {
        sandbox.exec(line)
        stop = true
      },
      wait: async () => {},
      charsPerSecond: 0,
      stopped: () => stop,
    })
    expect(sandbox.inputs().map((i) => (i.kind === 'exec' ? i.line : i.kind))).toEqual(['aws ecs create-cluster --cluster-name one'])
  })
})
