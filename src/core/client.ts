import { resolveAdapter, type AdapterOption } from './adapters/byName.js'
import { createAdapterClient, type OtpAdapterClientConfig, type OtpClient } from './adapterClient.js'

export type { OtpCallOptions, OtpClient } from './adapterClient.js'

/** What {@link createOtpClient} takes: the adapter by name or as an object. */
export interface OtpClientConfig extends OtpAdapterClientConfig {
  adapter: AdapterOption
}

/**
 * Makes a client over one adapter, named or given. A name brings both built-in
 * back ends into the bundle; {@link createAdapterClient} with an adapter
 * object ships only that one.
 *
 * @example
 * const client = createOtpClient({ adapter: 'ondi', baseUrl: '/api', language: 'ar' })
 * const { customer, session } = await client.verify({ phone: '+9647501234567' }, '١٢٣٤٥٦')
 */
export function createOtpClient<TTarget = unknown>(config: OtpClientConfig): OtpClient<TTarget> {
  return createAdapterClient(resolveAdapter(config.adapter), config)
}
