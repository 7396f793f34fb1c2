import { useState } from 'react'
import { ResendButton, type ResendButtonProps } from '../../src'

/** A ResendButton whose first code went out as the story mounted: the cooldown runs from then. */
export function SentJustNow(props: ResendButtonProps) {
  const [sentAt] = useState(() => Date.now())
  return <ResendButton {...props} codeSentAt={sentAt} />
}
