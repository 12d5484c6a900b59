// Progressive enhancement only: every page works without this file.
import { initAll } from '../vendor/govuk/govuk-frontend.min.js'
import { initTimeoutWarning } from './timeout-warning.js'
import { initUnsavedChanges } from './unsaved-changes.js'

initAll()
initTimeoutWarning(document.querySelector('[data-module="app-timeout-warning"]'))
initUnsavedChanges(document.querySelectorAll('form[data-app-unsaved-changes]'))
