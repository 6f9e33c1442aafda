import { useId, useState, type ChangeEvent } from 'react'
import { defaultStorage, loadProgress } from '../lesson/progressStorage.ts'
import { downloadText } from '../recovery/download.ts'
import { useAppStoreApi } from '../state/context.tsx'
import { progressFileText, readImportFile, sessionFileText } from './sessionFile.ts'

/** Export the whole session or the progress alone as JSON files, and import either. */
export function SessionFilesPanel() {
  const store = useAppStoreApi()
  const [status, setStatus] = useState<string>()
  const id = useId()

  const exportSession = () => {
    const state = store.getState().exportState()
    if (state === undefined) return
    downloadText('container-sandbox-session.json', sessionFileText(state, loadProgress(defaultStorage())))
    setStatus('Session exported: the world, working files, console and progress.')
  }
  const exportProgress = () => {
    downloadText('container-sandbox-progress.json', progressFileText(loadProgress(defaultStorage())))
    setStatus('Progress exported.')
  }
  const importFile = async (e: ChangeEvent<HTMLInputElement>) => {
    const input = e.currentTarget
    const file = input.files?.[0]
    if (!file) return
    const read = readImportFile(await file.text())
    input.value = ''
    if (read.kind === 'error') {
      setStatus(read.message)
      return
    }
    if (read.kind === 'session' && !store.getState().importSession(read.state, `Imported ${file.name}`)) {
      setStatus(`${file.name} could not be opened.`)
      return
    }
    if (read.progress) store.getState().importProgress(read.progress)
    setStatus(read.kind === 'session' ? `Imported the session from ${file.name}.` : `Imported the progress from ${file.name}.`)
  }

  return (
    <section className="instructor-section" aria-labelledby={`${id}-h`}>
      <h3 id={`${id}-h`}>Session files</h3>
      <button type="button" className="btn" onClick={exportSession}>
        Export session
      </button>
      <button type="button" className="btn" onClick={exportProgress}>
        Export progress
      </button>
      <p>
        <label htmlFor={`${id}-file`}>Import a session or progress file </label>
        <input id={`${id}-file`} type="file" accept=".json,application/json" onChange={(e) => void importFile(e)} />
      </p>
      <p role="status">{status}</p>
    </section>
  )
}
