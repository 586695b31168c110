import { PropsWithChildren } from 'react'
// Commits what is being typed and flushes buffered storage writes whenever the app goes to the background.
import './services/lifecycle'
import { installQuietInputs } from './services/quiet-inputs'
import './app.scss'

// Typing in a text field sends nothing to the view layer (see quiet-inputs.ts).
installQuietInputs()

function App({ children }: PropsWithChildren) {
  return children
}

export default App
