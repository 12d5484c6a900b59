// Warns a signed-in person before their sign-in lapses for inactivity, and lets them stay signed in.
// Without JavaScript nothing is lost either: a page posted after the lapse is kept until they sign in.
const WARN_BEFORE_SECONDS = 120

export function initTimeoutWarning (root) {
  if (!root || typeof HTMLDialogElement !== 'function') return
  const idleSeconds = Number(root.dataset.idleSeconds)
  if (!idleSeconds) return

  const dialog = root.querySelector('dialog')
  const message = dialog.querySelector('[data-timeout-message]')
  const stayButton = dialog.querySelector('[data-timeout-stay]')
  let warnTimer, expireTimer, tickTimer, deadline

  function minutesLeft () {
    const seconds = Math.max(0, Math.round((deadline - Date.now()) / 1000))
    if (seconds >= 60) {
      const minutes = Math.ceil(seconds / 60)
      return minutes + (minutes === 1 ? ' minute' : ' minutes')
    }
    return seconds + ' seconds'
  }

  function showCountdown () {
    message.textContent = 'We will sign you out in ' + minutesLeft() + ' because nothing has been saved for a while. ' +
      'Anything you have already saved is kept.'
  }

  function schedule () {
    clearTimeout(warnTimer)
    clearTimeout(expireTimer)
    clearInterval(tickTimer)
    deadline = Date.now() + idleSeconds * 1000
    warnTimer = setTimeout(warn, Math.max(0, (idleSeconds - WARN_BEFORE_SECONDS) * 1000))
    expireTimer = setTimeout(expire, idleSeconds * 1000)
  }

  function warn () {
    showCountdown()
    if (!dialog.open) dialog.showModal()
    stayButton.focus()
    // Screen readers hear the countdown every 30 seconds rather than every second.
    tickTimer = setInterval(showCountdown, 30000)
  }

  function expire () {
    clearInterval(tickTimer)
    stayButton.hidden = true
    message.textContent = 'You have been signed out. Anything you typed on this page is still here: ' +
      'select a save button and we will ask you to sign in, then save it.'
    if (!dialog.open) dialog.showModal()
    // The focused 'Stay signed in' button has just been hidden: keep focus in the dialog.
    dialog.querySelector('[data-timeout-close]').focus()
  }

  stayButton.addEventListener('click', async () => {
    const response = await fetch(root.dataset.extendUrl, {
      method: 'POST',
      headers: { 'X-CSRFToken': root.dataset.csrfToken },
      credentials: 'same-origin'
    })
    // Signed out already (elsewhere, or the server's clock ran out first): the request is sent to the sign-in page.
    if (response.ok && !response.redirected) {
      dialog.close()
      schedule()
    } else {
      expire()
    }
  })
  dialog.addEventListener('cancel', () => { if (!stayButton.hidden) stayButton.click() })
  dialog.querySelector('[data-timeout-close]').addEventListener('click', () => dialog.close())

  schedule()
}
