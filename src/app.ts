import { PropsWithChildren } from 'react'
// Commits what is being typed and flushes buffered storage writes whenever the app goes to the background.
import './platform/lifecycle'
import { installQuietInputs } from './platform/quiet-inputs'
import { startAppSync } from './services/sync'
import './app.scss'

// Typing in a text field sends nothing to the view layer (see quiet-inputs.ts).
installQuietInputs()
// The outbox starts sending at launch (what an earlier run left unsent goes first), and again on every
// return to the foreground, when the network comes back, and on a timer while the app is open.
startAppSync()

function App({ children }: PropsWithChildren) {
  return children
}

export default App
