/** Saves text as a file through a Blob link (no server involved). */
export function downloadText(filename: string, text: string, type = 'application/json'): void {
  const url = URL.createObjectURL(new Blob([text], { type }))
  const link = document.createElement('a')
  link.href = url
  link.download = filename
  link.hidden = true
  document.body.append(link)
  link.click()
  link.remove()
  // Revoked on the next task so the download has started.
  setTimeout(() => URL.revokeObjectURL(url), 0)
}
