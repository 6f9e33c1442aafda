import { Suspense, useState, type FormEvent, type KeyboardEvent } from 'react'
import { FileEditor, monacoAvailable } from '../monaco/lazy.ts'
import { useActions, useApp } from '../state/context.tsx'

/** The learner's working folder (`sandbox.files`): a list, an editor, Save (Ctrl+S) into the sandbox. */
export function FilesPanel() {
  const status = useApp((s) => s.status)
  const files = useApp((s) => s.files)
  // Subscribed so the panel rereads contents after every publication (a command may have written a file).
  useApp((s) => s.revision)
  const actions = useActions()
  const [chosen, setChosen] = useState<string | undefined>(undefined)
  const [drafts, setDrafts] = useState<Record<string, string>>({})
  const [naming, setNaming] = useState(false)
  const [newName, setNewName] = useState('')
  const [error, setError] = useState<string | undefined>(undefined)

  const selected = chosen !== undefined && files.includes(chosen) ? chosen : files[0]
  const saved = selected === undefined ? undefined : actions.readFile(selected)
  const draft = selected === undefined ? undefined : drafts[selected]
  const text = draft ?? saved ?? ''
  const isDirty = (path: string) => drafts[path] !== undefined && drafts[path] !== actions.readFile(path)

  if (status !== 'ready') return <p className="panel-status">Starting the simulated account…</p>

  const edit = (value: string) => {
    if (selected !== undefined) setDrafts((d) => ({ ...d, [selected]: value }))
  }
  const save = () => {
    if (selected === undefined || draft === undefined) return
    actions.saveFile(selected, draft)
    setDrafts(({ [selected]: _saved, ...rest }) => rest)
  }
  const remove = () => {
    if (selected === undefined || !window.confirm(`Delete ${selected} from the working folder?`)) return
    actions.removeFile(selected)
    setDrafts(({ [selected]: _removed, ...rest }) => rest)
  }
  const create = (e: FormEvent) => {
    e.preventDefault()
    const name = newName.trim()
    if (!/^[\w.-][\w./-]*$/.test(name) || name.includes('..')) {
      setError('Use letters, digits, dots, dashes, underscores and slashes only.')
      return
    }
    if (files.includes(name)) {
      setError(`${name} already exists.`)
      return
    }
    actions.saveFile(name, name.endsWith('.json') ? '{\n}\n' : '')
    setChosen(name)
    setNaming(false)
    setNewName('')
    setError(undefined)
  }
  const onTextareaKey = (e: KeyboardEvent<HTMLTextAreaElement>) => {
    if ((e.ctrlKey || e.metaKey) && (e.key === 's' || e.key === 'S')) {
      e.preventDefault()
      save()
    }
  }

  const plain = selected !== undefined && (
    <textarea
      className="file-textarea"
      aria-label={`Contents of ${selected}`}
      value={text}
      spellCheck={false}
      onChange={(e) => edit(e.target.value)}
      onKeyDown={onTextareaKey}
    />
  )
  const dirty = selected !== undefined && isDirty(selected)

  return (
    <div className="files">
      <div className="files-side">
        <ul className="files-list" aria-label="Working folder">
          {files.map((path) => (
            <li key={path}>
              <button type="button" aria-current={path === selected ? 'true' : undefined} onClick={() => setChosen(path)}>
                {path}
                {isDirty(path) && <span className="unsaved-dot" aria-label="unsaved"> ●</span>}
              </button>
            </li>
          ))}
          {files.length === 0 && <li className="files-empty">The working folder is empty.</li>}
        </ul>
        {naming ? (
          <form className="files-new" onSubmit={create}>
            <label>
              File name
              <input value={newName} onChange={(e) => setNewName(e.target.value)} autoFocus />
            </label>
            <button type="submit">Create</button>
            <button type="button" onClick={() => { setNaming(false); setError(undefined) }}>
              Cancel
            </button>
            {error && <p role="alert">{error}</p>}
          </form>
        ) : (
          <button type="button" onClick={() => setNaming(true)}>
            New file
          </button>
        )}
      </div>
      {selected !== undefined && (
        <div className="files-main">
          <div className="files-toolbar">
            <span className="files-name">{selected}</span>
            <span className="files-state" aria-live="polite">
              {dirty ? 'Unsaved changes' : 'Saved'}
            </span>
            <button type="button" onClick={save} disabled={!dirty} title="Save (Ctrl+S)">
              Save
            </button>
            <button type="button" onClick={remove}>
              Delete
            </button>
          </div>
          {monacoAvailable ? (
            <Suspense fallback={plain}>
              <FileEditor path={selected} value={text} onChange={edit} onSave={save} loading={plain} />
            </Suspense>
          ) : (
            plain
          )}
        </div>
      )}
    </div>
  )
}
