import { StrictMode } from 'react'
import { createRoot } from 'react-dom/client'
import 'otp-kit/styles.css'
import './demo.css'
import { App } from './App'
import { startBackend } from './backend'

// In the static build the MSW worker must be running before the kit's first request.
void startBackend().then((backend) => {
  createRoot(document.getElementById('root')!).render(
    <StrictMode>
      <App backend={backend} />
    </StrictMode>,
  )
})
