// otp-kit/react-hook-form: the code field bound to a react-hook-form form.

export { OtpField } from './components/OtpField.js'
export type { OtpFieldProps } from './components/OtpField.js'
