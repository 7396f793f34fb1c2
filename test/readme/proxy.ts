// app/api/otp/[...path]/route.ts (Next.js), or any handler from Request to Response
const UPSTREAM = process.env.OTP_UPSTREAM_URL ?? '' // the back end's base URL
const API_KEY = process.env.OTP_API_KEY ?? ''
// The kit's calls and nothing else: the proxy lends the key to these two only.
const PATHS = new Set(['/express-shipping/customer/verify-otp', '/express-shipping/customer/resend-otp'])

export async function POST(request: Request): Promise<Response> {
  const url = new URL(request.url)
  const path = url.pathname.replace(/^\/api\/otp/, '')
  if (!PATHS.has(path)) return new Response(null, { status: 404 })
  // Check your checkout's session cookie here: the browser sends it to this same origin.
  const upstream = await fetch(`${UPSTREAM}${path}${url.search}`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json', 'X-API-Key': API_KEY },
    body: await request.text(),
  })
  const headers = new Headers({ 'Cache-Control': 'no-store' })
  for (const name of ['Content-Type', 'Retry-After']) {
    const value = upstream.headers.get(name)
    if (value !== null) headers.set(name, value)
  }
  return new Response(upstream.body, { status: upstream.status, headers })
}
