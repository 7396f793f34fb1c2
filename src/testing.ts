/**
 * `otp-kit/testing`: a fake of the OnDi and Oystr OTP back ends for tests,
 * stories and demos. The sandbox state machine answers raw HTTP requests;
 * MSW handlers and a node server are thin transports over it. Nothing here
 * imports the kit's adapters: the sandbox is the other side of the wire.
 */
export { createOtpSandbox } from './testing/createOtpSandbox.js'
export { createSandboxHandlers } from './testing/createSandboxHandlers.js'
export { startSandboxServer } from './testing/startSandboxServer.js'
export { DEMO_CUSTOMERS } from './testing/demoCustomers.js'
export { SANDBOX_ROUTES } from './testing/routes/routeTable.js'
export type {
  GenerateCodeDetails,
  OtpSandbox,
  OtpSandboxOptions,
  SendCodeOptions,
} from './testing/OtpSandbox.js'
export type { SandboxHandlersOptions } from './testing/createSandboxHandlers.js'
export type { SandboxServer, SandboxServerOptions } from './testing/startSandboxServer.js'
export type { SandboxRouteName } from './testing/routes/routeTable.js'
export type {
  SandboxAuth,
  SandboxClock,
  SandboxCors,
  SandboxCustomer,
  SandboxCustomerInput,
  SandboxDrop,
  SandboxFault,
  SandboxFaultRoute,
  SandboxFaultType,
  SandboxLanguage,
  SandboxRequest,
  SandboxResponse,
  SandboxResult,
  SandboxSms,
} from './testing/types.js'
