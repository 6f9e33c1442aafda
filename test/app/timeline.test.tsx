// @vitest-environment jsdom
import { act, cleanup, fireEvent, screen, within } from '@testing-library/react'
import userEvent from '@testing-library/user-event'
import { afterEach, beforeEach, describe, expect, test, vi } from 'vitest'
import { useTimelineOpen } from '../../src/app/timeline/index.ts'
import type { AppStore } from '../../src/app/state/store.ts'
import { outputLog, renderApp, runInConsole } from './support/harness.tsx'

vi.mock('../../src/app/monaco/lazy.ts', () => ({ ConsoleEditor: () => null, FileEditor: () => null, InsightsQueryEditor: () => null, monacoAvailable: false }))

beforeEach(() => useTimelineOpen.setState({ open: false }))
afterEach(() => cleanup())

const snapshotOf = (store: AppStore) => JSON.stringify(store.getState().sandbox?.snapshot())

/** A session with timed transitions between commands; the snapshot after every input, by position. */
function playSession(store: AppStore): string[] {
  const snapshots = [snapshotOf(store)]
  const steps: (string | number)[] = [
    'aws ec2 create-vpc --cidr-block 10.0.0.0/16',
    2_000,
    'aws ecs create-cluster --cluster-name demo',
    'aws ec2 describe-vpcs --query "Vpcs[].State" --output text',
    30_000,
    'aws ec2 create-vpc --cidr-block 10.1.0.0/16',
    500,
    'aws ecs delete-cluster --cluster demo',
  ]
  for (const step of steps) {
    act(() => {
      if (typeof step === 'number') store.getState().sandbox?.advance(step)
      else store.getState().run(step)
    })
    snapshots.push(snapshotOf(store))
  }
  return snapshots
}

describe('the timeline', () => {
  test('scrubbing to any input shows that moment\'s world byte for byte, and "Return to now" comes back', async () => {
    const { store } = await renderApp({ seed: 4 })
    const snapshots = playSession(store)
    const user = userEvent.setup()
    await user.click(screen.getByRole('button', { name: 'Timeline' }))
    const slider = screen.getByRole('slider', { name: 'Timeline position' })
    expect(slider).toHaveAttribute('max', String(snapshots.length - 1))
    for (const position of [3, 0, 7, 1, 5, 2, 6, 4]) {
      fireEvent.change(slider, { target: { value: String(position) } })
      expect(snapshotOf(store)).toBe(snapshots[position])
      expect(store.getState().world?.log.nextId).toBe(JSON.parse(snapshots[position]).world.log.nextId)
    }
    expect(screen.getByRole('status', { name: 'Timeline moment' })).toHaveTextContent('Showing the world after input 4 of 8')
    // A command in the list goes to the moment after it.
    await user.click(within(screen.getByRole('list', { name: 'Inputs' })).getByRole('button', { name: 'aws ecs create-cluster --cluster-name demo' }))
    expect(snapshotOf(store)).toBe(snapshots[3])

    await user.click(screen.getByRole('button', { name: 'Return to now' }))
    expect(snapshotOf(store)).toBe(snapshots[8])
    expect(store.getState().scrub).toBeUndefined()
  }, 60_000)

  test('typing a command while scrubbed back starts a "what if" branch; the main line stays as it was', async () => {
    const { store } = await renderApp({ seed: 4 })
    const snapshots = playSession(store)
    const user = userEvent.setup()
    await user.click(screen.getByRole('button', { name: 'Timeline' }))
    fireEvent.change(screen.getByRole('slider', { name: 'Timeline position' }), { target: { value: '3' } })
    await runInConsole('aws ecs create-cluster --cluster-name what-if')
    expect(outputLog()).toHaveTextContent('what-if')
    expect(store.getState().scrub).toBeUndefined()
    const branch = store.getState().sandbox!
    expect(branch.position()).toBe(4)
    expect(Object.values(branch.world().ecs.clusters).map((c) => c.clusterName).sort()).toEqual(['demo', 'what-if'])

    const lines = screen.getByRole('combobox', { name: 'Line of history' })
    expect(within(lines).getAllByRole('option').map((o) => o.textContent)).toEqual(['Main line', 'What if (from input 3)'])
    await user.selectOptions(lines, 'Main line')
    expect(snapshotOf(store)).toBe(snapshots[8])
    // What the views render is the main line's world, not the branch's (both have moved the same slices as often).
    const names = (clusters: object) => Object.values(clusters).map((c: { clusterName: string }) => c.clusterName).sort()
    expect(names(store.getState().world!.ecs.clusters)).toEqual(names(store.getState().sandbox!.world().ecs.clusters))
    expect(names(store.getState().world!.ecs.clusters)).not.toContain('what-if')
    await user.selectOptions(lines, 'What if (from input 3)')
    expect(store.getState().sandbox).toBe(branch)
  }, 60_000)
})
