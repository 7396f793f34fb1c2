/**
 * The kit's anatomy: every `data-part` name its markup carries, said once,
 * grouped by the component that renders it. The stylesheet
 * (src/styles/otp.css), the tests, the stories and a host's own CSS select by
 * these names. It lives beside the hooks because `useOtpField` draws the
 * field's parts.
 *
 * The markup writes each name as a literal checked against this table
 * (`'cell' satisfies PartOf<'OtpInput'>`): a name that is not here does not
 * compile, and the shipped code carries no table of strings (the field's
 * size budget has no room for one).
 */

/** The inline message under a field: OtpVerification's and OtpField's. */
const error = 'error'

/** The code field (`OtpInput`, or a host's markup over `useOtpField`). */
export const fieldParts = {
  /** The row: `getRootProps()`. */
  root: 'root',
  /** The one real input: `getInputProps()`. */
  input: 'input',
  /** The box the cells are drawn in. */
  cells: 'cells',
  /** One cell: `getCellProps(index)`. */
  cell: 'cell',
} as const

/** AttemptsBanner: its root and its two live regions. */
export const bannerParts = {
  banner: 'banner',
  /** Polite: a wrong code and the attempts left. */
  status: 'banner-status',
  /** Assertive: a dead code or a lock. */
  alert: 'banner-alert',
} as const

/** ResendButton: the wrapper, the button and the messages beside it. */
export const resendParts = {
  resend: 'resend',
  button: 'resend-button',
  /** The live region for "New code sent" and send errors. */
  status: 'resend-status',
  sent: 'resend-sent',
  error: 'resend-error',
} as const

/** OtpVerification's own parts (it also holds a field, a banner and a resend button). */
export const verificationParts = {
  verification: 'verification',
  title: 'title',
  description: 'description',
  /** "Wrong number?", shown with `onChangePhone`. */
  changePhone: 'change-phone',
  form: 'form',
  error,
  actions: 'actions',
  submit: 'submit',
  success: 'success',
} as const

/** OtpField (react-hook-form): its wrapper and its inline message (it also holds a field). */
export const formFieldParts = {
  field: 'field',
  error,
} as const

/** Which parts each component renders itself, outermost first. */
export const otpAnatomy = {
  OtpVerification: verificationParts,
  OtpInput: fieldParts,
  AttemptsBanner: bannerParts,
  ResendButton: resendParts,
  OtpField: formFieldParts,
} as const

/** A component of the kit that renders parts of its own. */
export type OtpPartOwner = keyof typeof otpAnatomy

/** The `data-part` names `Component` renders itself. */
export type PartOf<Component extends OtpPartOwner> = (typeof otpAnatomy)[Component][keyof (typeof otpAnatomy)[Component]]

/** Any of the kit's `data-part` names. */
export type OtpPart = { [Component in OtpPartOwner]: PartOf<Component> }[OtpPartOwner]

/**
 * The CSS selector of one part, for tests, stories and a host's own queries.
 *
 * @example
 * container.querySelectorAll(partSelector('cell'))
 */
export function partSelector(name: OtpPart): string {
  return `[data-part="${name}"]`
}
