// Public entry: the whole kit, components included. Placeholder until the exports land.
export {}
