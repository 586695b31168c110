import { PropsWithChildren } from 'react'
// Commits what is being typed and flushes buffered storage writes whenever the app goes to the background.
import './services/lifecycle'
import './app.scss'

function App({ children }: PropsWithChildren) {
  return children
}

export default App
