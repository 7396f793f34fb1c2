// Setup file of the firefox project. Playwright's Firefox backend (WebDriver
// BiDi) cannot click inside an iframe that sits under a CSS transform, and
// Vitest always scales its tester iframe's wrapper. The project's viewport
// fits the window, so that scale is 1 and dropping it changes nothing else.
// (The wrapper is the orchestrator's element: `instanceof` this frame's
// HTMLElement is false for it.)
const wrapper = window.frameElement?.parentElement as HTMLElement | null | undefined
if (wrapper) wrapper.style.transform = 'none'
