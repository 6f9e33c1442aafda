import { describe, expect, test } from 'vitest'
import { broadcastTo, followPresenter, type AudienceMessage, type AudiencePort } from '../../../src/app/audience/index.ts'
import { createAppStore, type AppStore } from '../../../src/app/state/store.ts'
import { realEngine } from '../support/harness.tsx'

/** One channel between windows: every message is copied (as postMessage does) and reaches every other end. */
function fakeChannel() {
  const handlers = new Set<{ owner: object; handler: (m: AudienceMessage) => void }>()
  const sent: AudienceMessage[] = []
  const port = (): AudiencePort => {
    const owner = {}
    return {
      post(message) {
        sent.push(message)
        const copy = structuredClone(message)
        for (const h of [...handlers]) if (h.owner !== owner) h.handler(copy)
      },
      listen(handler) {
        const entry = { owner, handler }
        handlers.add(entry)
        return () => handlers.delete(entry)
      },
    }
  }
  return { port, sent }
}

async function readyStore(seed: number): Promise<AppStore> {
  const store = createAppStore({ loadEngine: realEngine, seed })
  await store.getState().start()
  return store
}

const snapshotOf = (store: AppStore) => JSON.stringify(store.getState().sandbox?.snapshot())
const commandsIn = (store: AppStore) => store.getState().log.flatMap((e) => (e.input ? [e.input] : []))

describe('the audience window follows the presenter', () => {
  test('commands, a playing clock, undo and a reset show the same world byte for byte, with the same console', async () => {
    const presenter = await readyStore(7)
    const audience = await readyStore(1)
    const channel = fakeChannel()
    const stopBroadcast = broadcastTo(presenter, channel.port())
    const statuses: string[] = []
    const stopFollowing = followPresenter(audience, channel.port(), (s) => statuses.push(s))
    expect(statuses).toEqual(['following'])
    expect(snapshotOf(audience)).toBe(snapshotOf(presenter))

    const p = presenter.getState()
    p.run('aws ecs create-cluster --cluster-name demo')
    expect(snapshotOf(audience)).toBe(snapshotOf(presenter))
    expect(commandsIn(audience)).toEqual(['aws ecs create-cluster --cluster-name demo'])

    // A playing clock: many small moves, which the presenter's log folds into one record.
    p.setPlaying(true)
    for (let i = 0; i < 40; i++) p.tick(16)
    p.setPlaying(false)
    p.run('aws ec2 create-vpc --cidr-block 10.1.0.0/16')
    p.stepToNextEvent()
    for (let i = 0; i < 5; i++) p.tick(16)
    expect(audience.getState().now).toBe(presenter.getState().now)
    expect(snapshotOf(audience)).toBe(snapshotOf(presenter))

    p.select('demo')
    expect(audience.getState().selectedId).toBe('demo')

    p.undo()
    expect(snapshotOf(audience)).toBe(snapshotOf(presenter))
    p.saveFile('notes.txt', 'hello')
    expect(audience.getState().files).toContain('notes.txt')
    p.resetWorld()
    p.run('aws ecs create-cluster --cluster-name after-reset')
    expect(snapshotOf(audience)).toBe(snapshotOf(presenter))
    expect(commandsIn(audience)).toEqual(commandsIn(presenter))
    // Nothing of the audience's own: no undo that would leave the presenter's world.
    expect(audience.getState().undoStack).toEqual([])
    // Only whole sessions when the world was replaced or taken back; every other step is a small tail.
    expect(channel.sent.filter((m) => m.kind === 'sync')).toHaveLength(3)
    stopFollowing()
    stopBroadcast()
  })

  test('a window opened late, or one that missed a message, asks again and catches up', async () => {
    const presenter = await readyStore(3)
    const channel = fakeChannel()
    const stopBroadcast = broadcastTo(presenter, channel.port())
    presenter.getState().run('aws ecs create-cluster --cluster-name early')
    expect(channel.sent.map((m) => m.kind)).toEqual(['presenter']) // nobody listening: nothing sent

    const audience = await readyStore(1)
    const stopFollowing = followPresenter(audience, channel.port())
    expect(snapshotOf(audience)).toBe(snapshotOf(presenter))

    // A tail from far ahead (a message lost on the way) is not applied half: the audience asks for everything.
    const port = channel.port()
    port.post({ kind: 'tail', epoch: 1, from: 99, inputs: [{ kind: 'exec', line: 'aws ecs create-cluster --cluster-name lost', stdout: '', stderr: '', exitCode: 0 }], selectedId: null })
    expect(snapshotOf(audience)).toBe(snapshotOf(presenter))
    expect(channel.sent.at(-1)?.kind).toBe('sync')
    stopFollowing()
    stopBroadcast()
  })
})
