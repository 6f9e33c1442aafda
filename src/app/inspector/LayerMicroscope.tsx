import { useId, useMemo, useState, type FormEvent } from 'react'
import type { World } from '../../sandbox/index.ts'
import { containerStorage, pathOrigin, type HostFiles, type LayerFile, type LayerView } from '../../sandbox/views.ts'

export interface LayerMicroscopeProps {
  world: Readonly<World>
  /** The working folder as the engine sees it (bind mounts show its files). */
  host: HostFiles
  containerId: string
}

const CHANGE: Record<NonNullable<LayerFile['change']>, string> = { 'copied-up': 'copied up (changed copy of a lower file)', added: 'added', whiteout: 'whited out (deleted)' }

function layerTitle(layer: LayerView, index: number, total: number): string {
  if (layer.kind === 'container') return 'Writable container layer'
  return `Image layer ${total - index + 1} of ${total} (read-only)`
}

/**
 * The layer microscope: a container's storage from the top down (mounts, the writable layer, the image's read-only
 * layers), each layer's files with what happened to them, and which place a path is read from. Everything comes from
 * the read model (`containerStorage`, `pathOrigin`), the same answers `docker diff` and the engine use.
 */
export function LayerMicroscope({ world, host, containerId }: LayerMicroscopeProps) {
  const storage = useMemo(() => containerStorage(world, host, containerId), [world, host, containerId])
  const [path, setPath] = useState('')
  const [answer, setAnswer] = useState('')
  const ids = useId()
  if (!storage) return null
  const imageLayers = storage.layers.filter((l) => l.kind === 'image')

  const lookUp = (event: FormEvent) => {
    event.preventDefault()
    const wanted = path.trim().startsWith('/') ? path.trim() : `/${path.trim()}`
    const origin = pathOrigin(world, host, containerId, wanted)
    if (origin.from === 'mount') {
      const m = storage.mounts.find((x) => x.destination === origin.mount)
      setAnswer(`${wanted} is read from the ${m?.type ?? ''} mount at ${origin.mount}${m ? ` (source ${m.source || 'tmpfs'})` : ''}.`)
    } else if (origin.from === 'upper') setAnswer(`${wanted} is read from the writable container layer.`)
    else if (origin.from === 'image') {
      const layer = origin.layer ?? 0
      setAnswer(`${wanted} is read from image layer ${layer + 1} of ${imageLayers.length}: ${imageLayers[imageLayers.length - 1 - layer]?.createdBy ?? ''}`)
    } else setAnswer(`${wanted} does not exist in this container (no layer has it, or a whiteout hides it).`)
  }

  return (
    <section className="cs-layers" aria-labelledby={`${ids}-title`}>
      <h4 id={`${ids}-title`}>Layer stack of {storage.name}</h4>
      <p className="cs-layers-note">Top to bottom: a read takes the first place that has the path; the first write to a lower file copies it up into the writable layer.</p>
      <form className="cs-layers-lookup" onSubmit={lookUp}>
        <label htmlFor={`${ids}-path`}>Which layer is a path read from?</label>
        <input id={`${ids}-path`} value={path} placeholder="/usr/share/nginx/html/index.html" onChange={(e) => setPath(e.target.value)} spellCheck={false} />
        <button type="submit">Find</button>
        <output aria-live="polite">{answer}</output>
      </form>
      {storage.mounts.length > 0 && (
        <table className="cs-layers-table">
          <caption>Mounts (above every layer)</caption>
          <thead>
            <tr>
              <th scope="col">Destination</th>
              <th scope="col">Type</th>
              <th scope="col">Source</th>
              <th scope="col">Access</th>
              <th scope="col">Files</th>
            </tr>
          </thead>
          <tbody>
            {storage.mounts.map((m) => (
              <tr key={m.destination}>
                <td><code>{m.destination}</code></td>
                <td>{m.type}</td>
                <td><code>{m.source || '(memory)'}</code></td>
                <td>{m.readOnly ? 'read-only' : 'read-write'}</td>
                <td>{m.files.length}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      {storage.layers.map((layer, index) => (
        <section key={layer.id} className="cs-layer" aria-labelledby={`${ids}-layer-${index}`}>
          <h5 id={`${ids}-layer-${index}`}>{layerTitle(layer, index, imageLayers.length)}</h5>
          <p className="cs-layer-meta">
            {layer.kind === 'image' ? <code>{layer.createdBy}</code> : 'Discarded by docker rm; docker commit makes it an image layer.'}
          </p>
          {layer.files.length === 0 ? (
            <p className="cs-layer-empty">No files{layer.kind === 'container' ? ' yet: nothing was written outside the mounts.' : '.'}</p>
          ) : (
            <details open={layer.kind === 'container'}>
              <summary>{layer.files.length} {layer.files.length === 1 ? 'path' : 'paths'}</summary>
              <table className="cs-layers-table">
                <caption className="visually-hidden">Files of {layerTitle(layer, index, imageLayers.length)}</caption>
                <thead>
                  <tr>
                    <th scope="col">Path</th>
                    <th scope="col">Type</th>
                    {layer.kind === 'container' && <th scope="col">Change</th>}
                    <th scope="col">Seen by the container</th>
                  </tr>
                </thead>
                <tbody>
                  {layer.files.map((f) => (
                    <tr key={f.path} className={f.visible ? undefined : 'cs-layer-hidden'}>
                      <td><code>{f.path}</code></td>
                      <td>{f.type}</td>
                      {layer.kind === 'container' && <td>{f.change ? CHANGE[f.change] : ''}</td>}
                      <td>{f.visible ? 'yes' : f.type === 'whiteout' ? 'no (hides the lower copy)' : 'no (hidden above)'}</td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </details>
          )}
        </section>
      ))}
    </section>
  )
}
