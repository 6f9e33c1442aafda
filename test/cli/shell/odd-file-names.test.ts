import { describe, expect, it } from 'vitest'
import { createSandbox } from '../../../src/sandbox/index.ts'

/** bash creates a file for any name that is not empty and has no slash: blanks and a byte-order mark included. */
describe('file names made of blanks are ordinary names', () => {
  it.each([' ', '  ', '\t', '\uFEFF', ' x.json '])('echo hi > %j creates that file and cat reads it back', (name) => {
    const sandbox = createSandbox()
    const quoted = `'${name}'`
    expect(sandbox.exec(`echo hi > ${quoted}`)).toEqual({ stdout: '', stderr: '', exitCode: 0 })
    expect(sandbox.files.list()).toContain(name)
    expect(sandbox.exec(`cat ${quoted}`)).toEqual({ stdout: 'hi\n', stderr: '', exitCode: 0 })
  })

  it('an empty name is bash’s "No such file or directory"', () => {
    const sandbox = createSandbox()
    expect(sandbox.exec("echo hi > ''")).toEqual({ stdout: '', stderr: 'bash: : No such file or directory\n', exitCode: 1 })
  })
})
