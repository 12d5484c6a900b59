// Asks before leaving a page whose form has been changed but not saved (the browser shows its own prompt).
// Without JavaScript there is no prompt, and nothing else changes.
export function initUnsavedChanges (forms) {
  forms.forEach((form) => {
    let changed = false
    const markChanged = () => { changed = true }
    form.addEventListener('input', markChanged)
    form.addEventListener('change', markChanged)
    // Saving is leaving on purpose.
    form.addEventListener('submit', () => { changed = false })
    window.addEventListener('beforeunload', (event) => {
      if (!changed) return
      event.preventDefault()
      event.returnValue = ''
    })
  })
}
