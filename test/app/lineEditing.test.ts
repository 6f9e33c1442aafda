import { describe, expect, test } from 'vitest'
import { applyCompletion, endsWithContinuation, HistoryWalker, isContinuedCommand, pasteRunsAtOnce } from '../../src/app/console/lineEditing.ts'

describe('terminal line rules', () => {
  test.each([
    ['aws ecs list-clusters', false],
    ['aws ecs \\', true],
    ['echo \\\\', false],
    ['echo \\\\\\', true],
    ['', false],
  ])('endsWithContinuation(%j) is %s', (text, expected) => {
    expect(endsWithContinuation(text)).toBe(expected)
  })

  test.each([
    ['a \\\nb', true],
    ['a \\\nb \\\nc', true],
    ['a\nb', false],
    ['a \\\nb \\', false],
    ['one line', false],
  ])('isContinuedCommand(%j) is %s', (text, expected) => {
    expect(isContinuedCommand(text)).toBe(expected)
  })

  test.each([
    ['aws ecs \\\n  list-clusters\n', 'aws ecs \\\n  list-clusters\n', true],
    ['aws ecs \\\r\n  list-clusters', 'aws ecs \\\r\n  list-clusters', true],
    ['echo a\necho b\n', 'echo a\necho b\n', false],
    ['list-clusters', 'aws ecs list-clusters', false],
  ])('paste %j (input after: %j) runs at once: %s', (pasted, after, expected) => {
    expect(pasteRunsAtOnce(pasted, after)).toBe(expected)
  })

  test.each([
    ['ech', { from: 0, items: ['echo'] }, 'echo '],
    ['cat fargate', { from: 4, items: ['fargate-container.json'] }, 'cat fargate-container.json '],
    ['ls sub', { from: 3, items: ['subdir/'] }, 'ls subdir/'],
    ['aws ecs create-', { from: 8, items: ['create-cluster', 'create-service'] }, undefined],
    ['aws ecs c', { from: 8, items: ['create-cluster', 'create-service'] }, 'aws ecs create-'],
    ['aws ecs z', { from: 8, items: [] }, undefined],
  ])('Tab after %j with %j gives %j', (before, completion, expected) => {
    expect(applyCompletion(before, completion)).toBe(expected)
  })

  test('history: Up goes back, Down comes forward and then returns the draft', () => {
    const walker = new HistoryWalker()
    const history = ['first', 'second']
    expect(walker.next(history)).toBeUndefined()
    expect(walker.previous(history, 'draft')).toBe('second')
    expect(walker.previous(history, 'second')).toBe('first')
    expect(walker.previous(history, 'first')).toBeUndefined()
    expect(walker.next(history)).toBe('second')
    expect(walker.next(history)).toBe('draft')
    expect(walker.next(history)).toBeUndefined()
  })
})
